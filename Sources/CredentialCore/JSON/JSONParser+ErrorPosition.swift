// Parse errors located by line, column and the JSON Pointer of the value being parsed.

extension JSONParser {
    func stringTooLong(at offset: Int) -> CredentialError {
        error(
            .stringTooLong, "a string is longer than the limit of \(limits.maxStringBytes) UTF-8 bytes",
            at: offset, child: true)
    }

    func controlCharacter(at offset: Int) -> CredentialError {
        error(
            .controlCharacter,
            "the control character \(found(at: offset)) must be escaped inside a string (RFC 8259 §7)",
            at: offset, child: true)
    }

    func loneSurrogate(_ unit: UInt32, at offset: Int) -> CredentialError {
        let hex = String(unit, radix: 16)
        let what = unit < 0xDC00
            ? "\\u\(hex) is a high surrogate not followed by a \\u escape of a low surrogate (DC00–DFFF)"
            : "\\u\(hex) is a low surrogate without a high surrogate before it"
        return error(.loneSurrogate, what + " (I-JSON, RFC 7493 §2.1)", at: offset, child: true)
    }

    func noncharacter(_ scalar: UInt32, at offset: Int, escaped: Bool) -> CredentialError {
        let hex = String(scalar, radix: 16, uppercase: true)
        let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return error(
            .noncharacter,
            "\(escaped ? "the escape of " : "")\(name) is a Unicode noncharacter, which I-JSON does not allow in strings (RFC 7493 §2.1)",
            at: offset, child: true)
    }

    /// An error for the byte at `index`: "expected …, found …", or the end of the input.
    func unexpected(_ expectation: String, child: Bool) -> CredentialError {
        guard index < bytes.count else {
            return error(.unexpectedEnd, expectation + ", found the end of the input", at: index, child: child)
        }
        if bytes[index] >= 0x80 && Self.endOfUTF8Sequence(in: bytes, at: index) == nil {
            return error(.invalidUTF8, Self.describeInvalidUTF8(in: bytes, at: index), at: index, child: child)
        }
        return error(.unexpectedCharacter, expectation + ", found " + found(at: index), at: index, child: child)
    }

    /// The character at `offset` for a message: `"x"`, `U+000A`, or the end of the input.
    func found(at offset: Int, quoted: Bool = true) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F {
            let hex = String(byte, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        var text: String
        if let next = Self.endOfUTF8Sequence(in: bytes, at: offset) {
            text = String(decoding: bytes[offset ..< next], as: UTF8.self)
        } else {
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
        if byte == UInt8(ascii: "\"") && quoted { text = "\\\"" }
        return quoted ? "\"" + text + "\"" : text
    }

    /// An error located at byte `offset`, with the JSON Pointer of the value being parsed there
    /// (`child`) or of its enclosing container.
    func error(_ code: CredentialError.Code, _ message: String, at offset: Int, child: Bool) -> CredentialError {
        var line = 1
        var lineStart = 0
        for position in 0 ..< min(offset, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        // Each open container's items run from its start to the start of the next open container
        // of the same kind (the innermost ones to the end of their stack).
        let frames = outer + (depth > 0 ? [(isObject: inObject, start: start, keySet: nil)] : [])
        var tokens: [String] = []
        for (level, frame) in frames.enumerated() {
            let isInnermost = level == frames.count - 1
            if isInnermost && !child { break }
            let next = frames[(level + 1)...].first { $0.isObject == frame.isObject }
            if frame.isObject {
                let end = next?.start ?? members.count
                // The innermost object's last member is the one being parsed only while it waits for its value.
                if end > frame.start && (!isInnermost || hasKey) { tokens.append(members[end - 1].key) }
            } else {
                tokens.append(String((next?.start ?? elements.count) - frame.start))
            }
        }
        return CredentialError(
            code, message, pointer: JSONPointer(tokens: tokens), line: line, column: offset - lineStart + 1)
    }
}
