extension JSONValue {
    /// The RFC 8785 (JCS) canonical UTF-8 form: members sorted by UTF-16 code units, minimal
    /// string escapes, ECMAScript number formatting, no whitespace.
    ///
    /// A non-finite number (which only code can put in a value; the parser rejects them) is
    /// written as `null`, as ECMAScript's `JSON.stringify` does. RFC 8785 §3.2.2.3 asks for an
    /// error instead; use `checkedCanonicalBytes()` where that matters (before signing).
    public var canonicalBytes: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        writeCanonical(into: &buffer)
        return buffer
    }

    /// The canonical form as a `String`.
    public var canonicalString: String { String(decoding: canonicalBytes, as: UTF8.self) }

    /// Appends the canonical form to `buffer`; see `canonicalBytes`.
    public func writeCanonical(into buffer: inout [UInt8]) {
        CanonicalWriter.write(self, into: &buffer)
    }

    /// The canonical form, refusing non-finite numbers as RFC 8785 §3.2.2.3 requires.
    /// - Throws: `invalidValue`, with the pointer of the first NaN or infinity.
    public func checkedCanonicalBytes() throws(CredentialError) -> [UInt8] {
        if let pointer = firstNonFiniteNumber(at: .root) {
            throw CredentialError(
                .invalidValue, "NaN and infinity cannot be written as JSON (RFC 8785 §3.2.2.3)", pointer: pointer)
        }
        return canonicalBytes
    }

    private func firstNonFiniteNumber(at pointer: JSONPointer) -> JSONPointer? {
        switch self {
        case .number(let value):
            return value.isFinite ? nil : pointer
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = element.firstNonFiniteNumber(at: pointer.appending(index: index)) { return found }
            }
            return nil
        case .object(let object):
            for member in object {
                if let found = member.value.firstNonFiniteNumber(at: pointer.appending(member.key)) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}

/// The RFC 8785 serialiser. It recurses once per nesting level (see `JSONValue`).
enum CanonicalWriter {
    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null:
            appendNull(&out)
        case .bool(let flag):
            if flag {
                out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
            } else {
                out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
            }
        case .number(let number):
            // RFC 8785 §3.2.2.3: ECMAScript Number::toString.
            if number.isFinite {
                ECMAScriptNumber.append(number, to: &out)
            } else {
                appendNull(&out)
            }
        case .string(let string):
            writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            let span = elements.span
            for index in 0 ..< span.count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(span[index], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            writeObject(object.members, into: &out)
        }
    }

    @inline(__always)
    private static func appendNull(_ out: inout [UInt8]) {
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    private static func writeObject(_ members: [JSONObject.Element], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names.
        let order = sortedOrder(members)
        var isFirst = true
        let span = members.span  // borrows members instead of copying (and retaining) each one
        for position in order {
            if !isFirst { out.append(UInt8(ascii: ",")) }
            isFirst = false
            writeString(span[position].key, into: &out)
            out.append(UInt8(ascii: ":"))
            write(span[position].value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Member positions in RFC 8785 order. Insertion sort for small objects: it costs n−1
    /// comparisons when the members are already sorted, the common case for signed data.
    static func sortedOrder(_ members: [JSONObject.Element]) -> [Int] {
        var order = Array(0 ..< members.count)
        if order.count > 24 {
            order.sort { JSONKey.precedesInUTF16Order(members[$0].key, members[$1].key) }
            return order
        }
        let span = members.span
        var sortedCount = 1
        while sortedCount < order.count {
            let moving = order[sortedCount]
            var slot = sortedCount
            while slot > 0 && JSONKey.precedesInUTF16Order(span[moving].key, span[order[slot - 1]].key) {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = moving
            sortedCount += 1
        }
        return order
    }

    /// Bytes that need escaping in a string: `"`, `\` and the C0 controls.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// Writes a string with the minimal escapes of RFC 8785 §3.2.2.2 (ECMAScript JSON.stringify):
    /// `\b \t \n \f \r \" \\`, other controls as lowercase `\u00xx`, nothing else (not `/`, not non-ASCII).
    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let bytes = string.utf8.span
        var plainEnd = 0
        while plainEnd < bytes.count && !needsEscape(bytes[plainEnd]) { plainEnd += 1 }
        if plainEnd == bytes.count {
            out.append(contentsOf: string.utf8)
        } else {
            for index in 0 ..< bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else {
                    out.append(byte)
                    continue
                }
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x22: out.append(UInt8(ascii: "\""))
                case 0x5C: out.append(UInt8(ascii: "\\"))
                default:
                    // Lowercase hex, as RFC 8785 §3.2.2.2 requires.
                    let high = byte >> 4, low = byte & 0x0F
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(UInt8(ascii: "0") + high)
                    out.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
