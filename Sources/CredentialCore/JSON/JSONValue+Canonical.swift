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
        try checkFinite()
        return canonicalBytes
    }

    /// Throws when the value holds a NaN or an infinity (RFC 8785 §3.2.2.3).
    /// - Throws: `invalidValue`, with the pointer of the first one.
    func checkFinite() throws(CredentialError) {
        // The scan allocates nothing; pointers are built only to report a value that fails.
        guard containsNonFiniteNumber, let pointer = firstNonFiniteNumber(at: .root) else { return }
        throw CredentialError(
            .invalidValue, "NaN and infinity cannot be written as JSON (RFC 8785 §3.2.2.3)", pointer: pointer)
    }

    /// True when a NaN or an infinity is somewhere in the value.
    var containsNonFiniteNumber: Bool {
        switch self {
        case .number(let value):
            return !value.isFinite
        case .array(let elements):
            // Loops over borrowed items: `contains(where:)` copied (and retained) each one.
            let items = elements.span
            for index in 0 ..< items.count where items[index].containsNonFiniteNumber { return true }
            return false
        case .object(let object):
            let members = object.members.span
            for index in 0 ..< members.count where members[index].value.containsNonFiniteNumber { return true }
            return false
        default:
            return false
        }
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
    /// A member's place in the sort: the first 16 bytes of its name, packed big-endian with the
    /// lead bytes EE–F4 remapped so that comparing the words compares UTF-16 code units.
    struct SortKey {
        var high: UInt64
        var low: UInt64
        var position: Int

        init(_ name: String, position: Int) {
            let bytes = name.utf8.span
            let count = bytes.count
            var high: UInt64 = 0, low: UInt64 = 0
            var index = 0
            while index < count && index < 8 {
                let byte = bytes[index]
                high |= UInt64(byte >= 0xEE ? CanonicalWriter.utf16Rank(byte) : byte) << (56 - 8 * index)
                index += 1
            }
            while index < count && index < 16 {
                let byte = bytes[index]
                low |= UInt64(byte >= 0xEE ? CanonicalWriter.utf16Rank(byte) : byte) << (120 - 8 * index)
                index += 1
            }
            self.high = high
            self.low = low
            self.position = position
        }
    }

    /// Lead bytes EE–F4 reordered as UTF-16 sorts them: F0–F4 (surrogate pairs) before EE–EF.
    @inline(__always)
    static func utf16Rank(_ byte: UInt8) -> UInt8 {
        byte >= 0xF0 ? byte &- 2 : byte &+ 5
    }

    /// Whether member `a` sorts before member `b` (RFC 8785 §3.2.3).
    ///
    /// Zero padding is harmless: where the packed words first differ, either both names have a
    /// byte there, or the shorter name ends there and is a prefix of the longer one.
    @inline(__always)
    static func precedes(_ a: SortKey, _ b: SortKey, in members: borrowing Span<JSONObject.Member>) -> Bool {
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        return JSONKey.precedesInUTF16Order(members[a.position].key, members[b.position].key)
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        var scratch = Scratch()
        write(value, into: &out, scratch: &scratch)
    }

    /// What the nested calls of one serialisation share: a stack of sort keys, and whether a
    /// non-finite number was written (as `null`).
    struct Scratch {
        var keys: [SortKey] = []
        var sawNonFinite = false
    }

    /// Writes `value`, refusing a NaN or an infinity (RFC 8785 §3.2.2.3) without a separate pass
    /// over the value: the pointer of the first one is looked up only when there is one.
    /// - Throws: `invalidValue`, as `JSONValue.checkFinite()`.
    static func writeChecked(_ value: JSONValue, into out: inout [UInt8]) throws(CredentialError) {
        var scratch = Scratch()
        write(value, into: &out, scratch: &scratch)
        if scratch.sawNonFinite { try value.checkFinite() }
    }

    /// Writes `value`; `scratch` is shared by the nested objects.
    private static func write(_ value: JSONValue, into out: inout [UInt8], scratch: inout Scratch) {
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
                scratch.sawNonFinite = true
                appendNull(&out)
            }
        case .string(let string):
            writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            let span = elements.span
            for index in 0 ..< span.count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(span[index], into: &out, scratch: &scratch)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            writeObject(object.members, into: &out, scratch: &scratch)
        }
    }

    @inline(__always)
    private static func appendNull(_ out: inout [UInt8]) {
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    private static func writeObject(
        _ members: [JSONObject.Member], into out: inout [UInt8], scratch: inout Scratch
    ) {
        out.append(UInt8(ascii: "{"))
        let span = members.span  // borrows members instead of copying (and retaining) each one
        let count = span.count
        // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names.
        if count < 2 || isSorted(span) {
            for position in 0 ..< count {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeString(span[position].key, into: &out, then: UInt8(ascii: ":"))
                write(span[position].value, into: &out, scratch: &scratch)
            }
        } else {
            let base = scratch.keys.count
            sortedOrder(span, onto: &scratch.keys)
            for slot in 0 ..< count {
                let position = scratch.keys[base + slot].position
                if slot > 0 { out.append(UInt8(ascii: ",")) }
                writeString(span[position].key, into: &out, then: UInt8(ascii: ":"))
                write(span[position].value, into: &out, scratch: &scratch)
            }
            scratch.keys.removeLast(count)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Whether the members are already in RFC 8785 order, as in every canonical document.
    private static func isSorted(_ members: borrowing Span<JSONObject.Member>) -> Bool {
        var previous = SortKey(members[0].key, position: 0)
        for position in 1 ..< members.count {
            let next = SortKey(members[position].key, position: position)
            guard precedes(previous, next, in: members) else { return false }
            previous = next
        }
        return true
    }

    /// Appends the members' sort keys to `scratch` in RFC 8785 order. Insertion sort for small
    /// objects (credentials are made of them), the standard sort for large ones.
    static func sortedOrder(_ members: borrowing Span<JSONObject.Member>, onto scratch: inout [SortKey]) {
        let base = scratch.count
        let count = members.count
        scratch.reserveCapacity(base + count)
        for position in 0 ..< count { scratch.append(SortKey(members[position].key, position: position)) }
        if count > 24 {
            scratch[base...].sort { precedes($0, $1, in: members) }
            return
        }
        var keys = scratch.mutableSpan
        var sortedCount = base + 1
        while sortedCount < base + count {
            let moving = keys[sortedCount]
            var slot = sortedCount
            while slot > base && precedes(moving, keys[slot - 1], in: members) {
                keys[slot] = keys[slot - 1]
                slot -= 1
            }
            keys[slot] = moving
            sortedCount += 1
        }
    }

    /// Member positions in RFC 8785 order.
    static func sortedOrder(_ members: [JSONObject.Member]) -> [Int] {
        var scratch: [SortKey] = []
        sortedOrder(members.span, onto: &scratch)
        return scratch.map(\.position)
    }

    /// Bytes that need escaping in a string: `"`, `\` and the C0 controls.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// Writes a string with the minimal escapes of RFC 8785 §3.2.2.2 (ECMAScript JSON.stringify):
    /// `\b \t \n \f \r \" \\`, other controls as lowercase `\u00xx`, nothing else (not `/`, not non-ASCII).
    static func writeString(_ string: String, into out: inout [UInt8], then suffix: UInt8? = nil) {
        let bytes = string.utf8.span
        let count = bytes.count
        // Most strings need no escape: find that eight bytes at a time, then write the quotes, the
        // bytes and the suffix (a member name's colon) in one reservation.
        if endOfUnescaped(bytes) == count {
            out.append(addingCapacity: count + 3) { target in
                target.append(UInt8(ascii: "\""))
                for index in 0 ..< count { target.append(bytes[index]) }
                target.append(UInt8(ascii: "\""))
                if let suffix { target.append(suffix) }
            }
            return
        }
        out.append(UInt8(ascii: "\""))
        var index = 0
        while true {
            // Copy the run of bytes that need no escape, scanning and copying in one pass.
            out.append(addingCapacity: count - index) { target in
                while index < count {
                    let byte = bytes[index]
                    if needsEscape(byte) { break }
                    target.append(byte)
                    index += 1
                }
            }
            guard index < count else { break }
            let byte = bytes[index]
            index += 1
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
        out.append(UInt8(ascii: "\""))
        if let suffix { out.append(suffix) }
    }

    /// The offset of the first byte that needs an escape (a control, `"` or `\\`), or the count;
    /// eight bytes at a time (bytes of 0x80 and above are written as they are).
    @inline(__always)
    static func endOfUnescaped(_ bytes: borrowing Span<UInt8>) -> Int {
        let count = bytes.count
        var position = 0
        while position &+ 8 <= count {
            let flags = ByteWords.escapeLanes(of: ByteWords.word(bytes, at: position))
            if flags != 0 { return position &+ ByteWords.firstLane(flags) }
            position &+= 8
        }
        while position < count && !needsEscape(bytes[position]) { position += 1 }
        return position
    }
}
