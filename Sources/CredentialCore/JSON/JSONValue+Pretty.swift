extension JSONValue {
    /// Indented JSON for people: two spaces per level, members in stored order, strings and
    /// numbers as in the canonical form, a trailing newline. Parses back to an equal value.
    ///
    /// With `terminalSafe`, the characters `TerminalSafe` escapes for people (C1 controls, bidi
    /// controls, line separators, invisibles) are written as `\uXXXX` escapes: the same JSON
    /// value, which cannot reorder or hide text when it reaches a terminal.
    public func prettyPrinted(terminalSafe: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        Self.writePretty(self, indent: 0, terminalSafe: terminalSafe, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private static func writePretty(_ value: JSONValue, indent: Int, terminalSafe: Bool, into out: inout [UInt8]) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, &out)
                writePretty(element, indent: indent + 1, terminalSafe: terminalSafe, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, &out)
                writeString(member.key, terminalSafe: terminalSafe, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                writePretty(member.value, indent: indent + 1, terminalSafe: terminalSafe, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "}"))
        case .string(let text):
            writeString(text, terminalSafe: terminalSafe, into: &out)
        default:
            CanonicalWriter.write(value, into: &out)
        }
    }

    /// A string as the canonical form writes it, or with `terminalSafe` the escapes described at
    /// `prettyPrinted(terminalSafe:)` (RFC 8259 §7: `\uXXXX`, a surrogate pair above U+FFFF).
    private static func writeString(_ text: String, terminalSafe: Bool, into out: inout [UInt8]) {
        guard terminalSafe, text.unicodeScalars.contains(where: { $0.value >= 0x7F && TerminalSafe.needsEscape($0) }) else {
            CanonicalWriter.writeString(text, into: &out)
            return
        }
        var plain = ""
        func flush() {
            guard !plain.isEmpty else { return }
            var part: [UInt8] = []
            CanonicalWriter.writeString(plain, into: &part)
            out.append(contentsOf: part.dropFirst().dropLast())  // without its quotes
            plain = ""
        }
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x7F && TerminalSafe.needsEscape(scalar) else {
                plain.unicodeScalars.append(scalar)
                continue
            }
            flush()
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            }
        }
        flush()
        out.append(UInt8(ascii: "\""))
    }
}
