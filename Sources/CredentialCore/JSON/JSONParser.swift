/// A strict RFC 8259 parser that also enforces I-JSON (RFC 7493) and `JSONLimits`.
///
/// It runs over UTF-8 bytes with an index and keeps open containers on explicit stacks, so a
/// deeply nested input costs heap (bounded by `maxDepth`), never call-stack frames.
///
/// The items of all open containers share two stacks (`members` for objects, `elements` for
/// arrays); a container that closes is copied out into an array of exactly its size. Growing a
/// separate array per container left most of their capacity unused: `[1,1,…]` or an array of
/// one-member objects cost 15 to 50 times the input's size.
///
/// This file is the driver (values, containers, member names); strings, numbers, UTF-8
/// validation and error positions are in the `JSONParser+…` files.
struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    var index = 0
    /// Values completed so far, against `limits.maxValues`.
    var valueCount = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    /// Open containers: how many, and whether the innermost one is an object.
    var depth = 0
    var inObject = false
    /// Where the innermost container's items start in `members` or `elements`.
    var start = 0
    /// Members of every open object, outermost first; each object's last member holds a
    /// placeholder value while that value is being parsed.
    var members: [JSONObject.Member] = []
    /// Whether the innermost object's last member is waiting for its value.
    var hasKey = false
    /// Keys of the innermost object, kept once it is large enough for a linear scan to hurt.
    var keySet: Set<ScalarKey>?
    /// Elements of every open array, outermost first.
    var elements: [JSONValue] = []
    /// The enclosing containers, outermost first: whether each is an object, where its items
    /// start, and its key set.
    var outer: [(isObject: Bool, start: Int, keySet: Set<ScalarKey>?)] = []

    /// Objects with more members than this switch from a linear duplicate scan to a hash set.
    static let linearKeyScanLimit = 32

    /// Whether to note if the text is already in RFC 8785 form (see `CanonicalText`).
    var tracksCanonical = false
    /// False once the text is known not to be its own canonical form: whitespace, an escape,
    /// members out of order, or a number not written as ECMAScript writes it.
    var isCanonical = true
    /// Where the outermost object's current member starts (its name's opening quote).
    var memberStart = 0
    /// The byte range of each member of the outermost object, in member order.
    var topMemberRanges: [Range<Int>] = []

    init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    // MARK: Driver

    /// Parses the whole input as one JSON text.
    mutating func parse() throws(CredentialError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw CredentialError(
                .tooLarge, "the JSON text is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes")
        }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            // RFC 8259 §8.1: implementations MUST NOT add a byte order mark; we do not accept one either.
            throw error(
                .unexpectedCharacter,
                "the text starts with a byte order mark (U+FEFF), which JSON does not allow (RFC 8259 §8.1); remove it",
                at: 0, child: false)
        }
        let end = bytes.count
        parsing: while true {
            var value: JSONValue
            skipWhitespace()
            guard index < end else { throw unexpected("expected a value", child: true) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try checkDepth()
                index += 1
                skipWhitespace()
                if index < end && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    value = .object(JSONObject())
                } else {
                    try countValue()
                    openContainer(isObject: true)
                    try parseMemberName()
                    continue parsing
                }
            case UInt8(ascii: "["):
                try checkDepth()
                index += 1
                skipWhitespace()
                if index < end && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    try countValue()
                    openContainer(isObject: false)
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
                let numberStart = index
                let number = try parseNumber()
                if tracksCanonical && isCanonical { noteNumber(number, from: numberStart) }
                value = .number(number)
            case UInt8(ascii: "t"):
                try parseLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try parseLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try parseLiteral("null")
                value = .null
            case UInt8(ascii: "."), UInt8(ascii: "+"):
                throw error(
                    .invalidNumber, "a number starts with \"-\" or a digit (RFC 8259 §6), found \(found(at: index))",
                    at: index, child: true)
            default:
                throw unexpected("expected a value", child: true)
            }

            // A value is complete: count it (a non-empty container was counted when it opened), then
            // hand it to its container, closing containers as they end.
            try countValue()
            while depth > 0 {
                if inObject {
                    if tracksCanonical && depth == 1 { topMemberRanges.append(memberStart ..< index) }
                    members[members.count - 1].value = consume value
                    hasKey = false
                    skipWhitespace()
                    if index < end && bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        try parseMemberName()
                        continue parsing
                    }
                    guard index < end && bytes[index] == UInt8(ascii: "}") else {
                        throw unexpected("expected \",\" or \"}\" after an object member", child: false)
                    }
                    index += 1
                    keySet = nil
                    value = .object(JSONObject(uncheckedMembers: Self.takeItems(from: &members, at: start, isOutermost: depth == 1)))
                } else {
                    elements.append(consume value)
                    skipWhitespace()
                    if index < end && bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue parsing
                    }
                    guard index < end && bytes[index] == UInt8(ascii: "]") else {
                        throw unexpected("expected \",\" or \"]\" after an array element", child: false)
                    }
                    index += 1
                    value = .array(Self.takeItems(from: &elements, at: start, isOutermost: depth == 1))
                }
                closeContainer()
            }
            skipWhitespace()
            guard index == end else {
                throw error(
                    .trailingData, "unexpected \(found(at: index)) after the JSON value; only whitespace may follow it",
                    at: index, child: false)
            }
            return value
        }
    }

    /// Counts one more value against `limits.maxValues`.
    @inline(__always)
    mutating func countValue() throws(CredentialError) {
        valueCount += 1
        guard valueCount <= limits.maxValues else {
            throw error(
                .tooManyValues, "the document holds more than \(limits.maxValues) JSON values, the limit",
                at: index, child: false)
        }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return.
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
            // RFC 8785 §3.2.1: the canonical form has no whitespace between tokens.
            isCanonical = false
        }
    }

    /// Clears `isCanonical` unless the number's text is the one ECMAScript writes (RFC 8785 §3.2.2.3).
    mutating func noteNumber(_ number: Double, from start: Int) {
        var canonical: [UInt8] = []
        ECMAScriptNumber.append(number, to: &canonical)
        let text = bytes
        let isWrittenCanonically = JSONKey.equal(canonical.span, text.span.extracting(start ..< index))
        if !isWrittenCanonically { isCanonical = false }
    }

    /// Makes a new innermost container, moving the current one (if any) onto `outer`.
    @inline(__always)
    mutating func openContainer(isObject: Bool) {
        if depth > 0 {
            if outer.capacity == 0 { outer.reserveCapacity(8) }
            outer.append((isObject: inObject, start: start, keySet: keySet))
            keySet = nil
        } else if members.capacity == 0 && elements.capacity == 0 {
            // One allocation each covers the items of a typical credential's open containers.
            members.reserveCapacity(32)
            elements.reserveCapacity(16)
        }
        depth += 1
        inObject = isObject
        if isObject {
            hasKey = false
            start = members.count
        } else {
            start = elements.count
        }
    }

    /// Makes the enclosing container innermost again; the closed one's items have been taken.
    @inline(__always)
    mutating func closeContainer() {
        depth -= 1
        guard let enclosing = outer.popLast() else { return }
        inObject = enclosing.isObject
        start = enclosing.start
        keySet = enclosing.keySet
        hasKey = enclosing.isObject
    }

    /// The items from `start` on, moved out of `stack` into an array of exactly their count.
    @inline(__always)
    static func takeItems<Item>(from stack: inout [Item], at start: Int, isOutermost: Bool) -> [Item] {
        if isOutermost {
            // Nothing else is open, so the stack holds exactly these items: hand it over instead
            // of copying it (for a large array, the capacity beyond them is memory never touched).
            var items: [Item] = []
            swap(&items, &stack)
            return items
        }
        // Popping moves each item without reference counting (a copy would retain and release
        // each); not `Array(stack[start...])` either, which shares the stack's buffer when
        // `start` is 0, so that the stack's next write copies it with all its capacity.
        let count = stack.count - start
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0 ..< count { items.append(stack.removeLast()) }
        items.reverse()
        return items
    }

    func checkDepth() throws(CredentialError) {
        guard depth < limits.maxDepth else {
            throw error(
                .tooDeep, "arrays and objects are nested more than \(limits.maxDepth) levels deep",
                at: index, child: true)
        }
    }

    /// Parses `"name"` and the `:` after it into a new last member of the innermost object.
    mutating func parseMemberName() throws(CredentialError) {
        guard index < bytes.count && bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected("expected a member name in double quotes", child: false)
        }
        let nameOffset = index
        let name = try parseString()
        let isDuplicate: Bool
        if tracksCanonical {
            if depth == 1 { memberStart = nameOffset }
            // RFC 8785 §3.2.3: each name sorts after the one before it.
            let follows = members.count == start || JSONKey.precedesInUTF16Order(members[members.count - 1].key, name)
            if isCanonical && follows {
                // Every name of this object so far sorted after the one before it, so a name that
                // sorts after the last one is new: no duplicate scan is needed.
                isDuplicate = false
            } else {
                if !follows { isCanonical = false }
                isDuplicate = recordKey(name)
            }
        } else {
            isDuplicate = recordKey(name)
        }
        // The placeholder value is replaced in place once the member's value is parsed.
        members.append(JSONObject.Member(key: name, value: .null))
        hasKey = true
        if isDuplicate {
            // RFC 7493 §2.3: member names MUST be unique (compared by scalars, RFC 8259 §8.3).
            throw error(
                .duplicateKey, "duplicate member name \"\(name)\" in an object (I-JSON, RFC 7493 §2.3)",
                at: nameOffset, child: true)
        }
        skipWhitespace()
        guard index < bytes.count && bytes[index] == UInt8(ascii: ":") else {
            throw unexpected("expected \":\" after the member name", child: true)
        }
        index += 1
    }

    /// Whether `name` is already a member of the innermost object; records it otherwise.
    mutating func recordKey(_ name: String) -> Bool {
        if var set = keySet {
            keySet = nil
            let inserted = set.insert(ScalarKey(string: name)).inserted
            keySet = set
            return !inserted
        }
        let count = members.count - start
        if count < Self.linearKeyScanLimit {
            let length = name.utf8.count
            for position in start ..< members.count {
                let key = members[position].key
                // Equal scalars imply Swift's (canonical) equality, whose check is fast: only a
                // canonically equal key needs its bytes compared.
                if key.utf8.count == length && key == name && JSONKey.equal(key, name) { return true }
            }
            return false
        }
        var set = Set<ScalarKey>(minimumCapacity: count * 2)
        for member in members[start...] { set.insert(ScalarKey(string: member.key)) }
        let inserted = set.insert(ScalarKey(string: name)).inserted
        keySet = set
        return !inserted
    }

    mutating func parseLiteral(_ literal: String) throws(CredentialError) {
        let start = index
        for expected in literal.utf8 {
            guard index < bytes.count && bytes[index] == expected else {
                throw error(
                    index < bytes.count ? .unexpectedCharacter : .unexpectedEnd,
                    "expected a value such as \"\(literal)\", found \(found(at: start))", at: start, child: true)
            }
            index += 1
        }
    }
}
