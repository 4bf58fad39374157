// Strings (RFC 8259 §7): a fast path for plain ASCII and a slow path that decodes escapes.

extension JSONParser {
    /// Parses a string starting at its opening quote; leaves `index` after the closing quote.
    mutating func parseString() throws(CredentialError) -> String {
        let quoteOffset = index
        let start = index + 1
        let end = bytes.count
        var position = start
        while position < end {
            position = Self.endOfPlainASCII(bytes.span, from: position)
            guard position < end else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard position - start <= limits.maxStringBytes else { throw stringTooLong(at: quoteOffset) }
                index = position + 1
                let content = bytes.span.extracting(start ..< position)
                // The bytes were checked above; `UTF8Span` re-checks them quickly (ASCII in words)
                // and, unlike a slice of `bytes`, needs no reference count traffic.
                guard let text = Self.string(content) else {
                    throw error(.invalidUTF8, "invalid UTF-8 in a string", at: start, child: true)
                }
                return text
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(quoteOffset: quoteOffset, from: position)
            }
            if byte < 0x20 { throw controlCharacter(at: position) }
            position = byte < 0x80 ? position + 1 : try validateUTF8(at: position)
        }
        throw error(.unexpectedEnd, "the input ends inside a string", at: end, child: true)
    }

    /// The string of well-formed UTF-8 bytes, or nil when they are not.
    @inline(__always)
    private static func string(_ bytes: Span<UInt8>) -> String? {
        guard let text = try? UTF8Span(validating: bytes) else { return nil }
        return String(copying: text)
    }

    /// The offset of the first byte at or after `position` that is not plain ASCII (space to DEL
    /// except the quote and the backslash), or the end of `bytes`.
    @inline(__always)
    private static func endOfPlainASCII(_ bytes: borrowing Span<UInt8>, from position: Int) -> Int {
        var position = position
        let count = bytes.count
        // Eight bytes at a time: flag bytes with the top bit set, and those a string must escape.
        while position &+ 8 <= count {
            let word = ByteWords.word(bytes, at: position)
            let flags = (word & ByteWords.high) | ByteWords.escapeLanes(of: word)
            if flags != 0 { return position &+ ByteWords.firstLane(flags) }
            position &+= 8
        }
        while position < count {
            let byte = bytes[position]
            guard byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") else { break }
            position += 1
        }
        return position
    }

    /// The slow path for a string with escapes, collecting its UTF-8 in `scratch`.
    private mutating func parseEscapedString(quoteOffset: Int, from first: Int) throws(CredentialError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[(quoteOffset + 1) ..< first])
        let end = bytes.count
        var position = first
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard scratch.count <= limits.maxStringBytes else { throw stringTooLong(at: quoteOffset) }
                index = position + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = try parseEscape(at: position)
            } else if byte < 0x20 {
                throw controlCharacter(at: position)
            } else if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let next = try validateUTF8(at: position)
                scratch.append(contentsOf: bytes[position ..< next])
                position = next
            }
        }
        throw error(.unexpectedEnd, "the input ends inside a string", at: end, child: true)
    }

    /// Decodes the escape at `position` (a backslash) into `scratch`; returns the offset after it.
    private mutating func parseEscape(at position: Int) throws(CredentialError) -> Int {
        // RFC 8259 §7: the two-character escapes and \uXXXX.
        guard position + 1 < bytes.count else {
            throw error(.unexpectedEnd, "the input ends inside an escape sequence", at: position, child: true)
        }
        let simple: UInt8
        switch bytes[position + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"):
            // RFC 8785 §3.2.2.2 writes "/" as it is.
            isCanonical = false
            simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: position)
            var scalar = unit
            var next = position + 6
            if (0xD800 ... 0xDBFF).contains(unit) {
                // RFC 8259 §7 and RFC 7493 §2.1: a high surrogate must be followed by an escaped low surrogate.
                guard next + 1 < bytes.count && bytes[next] == UInt8(ascii: "\\") && bytes[next + 1] == UInt8(ascii: "u")
                else { throw loneSurrogate(unit, at: position) }
                let low = try hexQuad(at: next)
                guard (0xDC00 ... 0xDFFF).contains(low) else { throw loneSurrogate(unit, at: position) }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                next += 6
            } else if (0xDC00 ... 0xDFFF).contains(unit) {
                throw loneSurrogate(unit, at: position)
            }
            // RFC 7493 §2.1: noncharacters are refused escaped too, also as surrogate pairs (U+1FFFE).
            if Self.isNoncharacter(scalar) { throw noncharacter(scalar, at: position, escaped: true) }
            // RFC 8785 §3.2.2.2 writes \u only for the controls without a short escape, in lowercase hex.
            let last = bytes[position + 5]
            if scalar >= 0x20 || Self.hasShortEscape(scalar) || (last >= UInt8(ascii: "A") && last <= UInt8(ascii: "F")) {
                isCanonical = false
            }
            appendUTF8(scalar)
            return next
        default:
            throw error(
                .invalidEscape,
                "invalid escape \"\\\(found(at: position + 1, quoted: false))\"; JSON allows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                at: position, child: true)
        }
        scratch.append(simple)
        return position + 2
    }

    /// Whether RFC 8785 (as JSON.stringify) escapes the control `scalar` as \b, \t, \n, \f or \r.
    private static func hasShortEscape(_ scalar: UInt32) -> Bool {
        scalar == 0x08 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0C || scalar == 0x0D
    }

    /// The code unit of the `\uXXXX` escape whose backslash is at `position`.
    private func hexQuad(at position: Int) throws(CredentialError) -> UInt32 {
        var unit: UInt32 = 0
        for offset in (position + 2) ..< (position + 6) {
            guard offset < bytes.count else {
                throw error(.unexpectedEnd, "the input ends inside a \\u escape", at: position, child: true)
            }
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error(
                    .invalidEscape, "a \\u escape needs four hexadecimal digits, found \(found(at: offset))",
                    at: position, child: true)
            }
            unit = unit << 4 | UInt32(digit)
        }
        return unit
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0 ..< 0x80:
            scratch.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800 ..< 0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
