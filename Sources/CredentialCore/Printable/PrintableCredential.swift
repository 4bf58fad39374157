/// The printable credential page (`mcred render`, DESIGN.md §8): an HTML page for people that
/// carries the exact signed credential as JSON in one `<script type="application/vc">` element.
///
/// Only the embedded JSON is signed; the visible text of the page is a readable copy that a
/// verifier never relies on (`spec/serve.md` §3).
public enum PrintableCredential {
    /// The media type of the script element that holds the credential.
    public static let scriptType = "application/vc"

    /// True when `bytes` look like an HTML page: the first byte that is not JSON whitespace (or a
    /// UTF-8 byte order mark) is `<`. A JSON document never starts that way.
    public static func isHTML(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }

    /// The content of the page's single `<script type="application/vc">` element: the credential's
    /// JSON bytes as written (its `\u003c`-style escapes are ordinary JSON string escapes).
    ///
    /// Tag and attribute names are matched without regard to ASCII case, and the type value may be
    /// quoted with `"` or `'` or not at all, as HTML allows; the element ends at the first `</script`.
    /// - Throws: `invalidValue` when the page has no such element, more than one, or one that is
    ///   never closed.
    public static func extract(from bytes: [UInt8]) throws(CredentialError) -> [UInt8] {
        Array(bytes[try credentialRange(in: bytes)])
    }

    /// Parses the credential a page embeds (`extract`); a parse error gives its line and column in
    /// the page, not in the embedded text.
    /// - Throws: what `extract` throws; a parse error.
    public static func parseCredential(inPage bytes: [UInt8]) throws(CredentialError) -> JSONValue {
        let range = try credentialRange(in: bytes)
        do throws(CredentialError) {
            return try JSONValue(parsing: Array(bytes[range]))
        } catch {
            var moved = error
            if let line = error.line, let column = error.column {
                var startLine = 1
                var lineStart = 0
                for position in 0 ..< range.lowerBound where bytes[position] == 0x0A {
                    startLine += 1
                    lineStart = position + 1
                }
                moved.line = startLine + line - 1
                moved.column = line == 1 ? range.lowerBound - lineStart + column : column
            }
            throw moved
        }
    }

    /// Where the page's single credential script's content lies.
    static func credentialRange(in bytes: [UInt8]) throws(CredentialError) -> Range<Int> {
        var found: [Range<Int>] = []
        var index = 0
        while let open = find(Array("<script".utf8), in: bytes, from: index) {
            let afterName = open + 7
            guard afterName < bytes.count else { break }
            // `<scripts>` or `<script-x>` is another element.
            guard [0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x3E, 0x2F].contains(bytes[afterName]) else {
                index = afterName
                continue
            }
            guard let tagEnd = bytes[afterName...].firstIndex(of: UInt8(ascii: ">")) else {
                throw CredentialError(.invalidValue, "the page has a <script> tag that is never closed")
            }
            guard let close = find(Array("</script".utf8), in: bytes, from: tagEnd + 1) else {
                throw CredentialError(.invalidValue, "the page has a <script> element without </script>")
            }
            if declaresCredentialType(Array(bytes[afterName..<tagEnd])) {
                found.append((tagEnd + 1)..<close)
            }
            index = close + 8
        }
        guard let content = found.first else {
            throw CredentialError(
                .invalidValue, "the page holds no credential: expected one <script type=\"\(scriptType)\"> element")
        }
        guard found.count == 1 else {
            throw CredentialError(
                .invalidValue,
                "the page holds \(found.count) <script type=\"\(scriptType)\"> elements; a printable credential has exactly one")
        }
        return content
    }

    /// The JSON text to put inside the script element: `bytes` with every `<`, `>` and `&` written
    /// as a JSON escape (`\u003c`, `\u003e`, `\u0026`), so that no `</script>` or `<!--` can end or
    /// change the element. These characters can only occur inside JSON strings, where the escape
    /// means the same character, so the parsed document (and its signature) is unchanged.
    public static func scriptText(forJSON bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the attributes of a `<script` tag say `type="application/vc"` (HTML attribute
    /// syntax: optional spaces around `=`, value in double, single or no quotes; names and this
    /// value without regard to ASCII case).
    static func declaresCredentialType(_ attributes: [UInt8]) -> Bool {
        let text = attributes.map(asciiLowercased)
        let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0C, 0x0D]
        var index = 0
        func skipSpaces() { while index < text.count, spaces.contains(text[index]) { index += 1 } }
        while index < text.count {
            skipSpaces()
            let nameStart = index
            while index < text.count, !spaces.contains(text[index]), text[index] != UInt8(ascii: "="), text[index] != UInt8(ascii: "/") {
                index += 1
            }
            let name = text[nameStart..<index]
            if index < text.count, text[index] == UInt8(ascii: "/") { index += 1 }
            skipSpaces()
            var value: ArraySlice<UInt8> = []
            if index < text.count, text[index] == UInt8(ascii: "=") {
                index += 1
                skipSpaces()
                if index < text.count, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
                    let quote = text[index]
                    let valueStart = index + 1
                    index = text[valueStart...].firstIndex(of: quote) ?? text.count
                    value = text[valueStart..<index]
                    index += 1
                } else {
                    let valueStart = index
                    while index < text.count, !spaces.contains(text[index]) { index += 1 }
                    value = text[valueStart..<index]
                }
            }
            if name.elementsEqual("type".utf8) { return value.elementsEqual(scriptType.utf8) }
            if name.isEmpty && index < text.count { index += 1 }
        }
        return false
    }

    /// The first index of `needle` in `haystack` at or after `start`, ignoring ASCII case.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            var matches = true
            for offset in 0..<needle.count where asciiLowercased(haystack[index + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return index }
            index += 1
        }
        return nil
    }

    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
