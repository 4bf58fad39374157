/// A strict RFC 8259 parser that also enforces I-JSON (RFC 7493) and `JSONLimits`.
///
/// It runs over UTF-8 bytes with an index and keeps open containers on explicit stacks, so a
/// deeply nested input costs heap (bounded by `maxDepth`), never call-stack frames.
///
/// This file is the driver (values, containers, member names); strings, numbers, UTF-8
/// validation and error positions are in the `JSONParser+…` files.
struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    var index = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    /// Open containers: how many, and whether the innermost one is an object.
    ///
    /// The innermost container lives in `members` (with `keySet` and `hasKey`) or `elements`;
    /// the ones around it wait on `stack`, so only a change of nesting pushes or pops.
    var depth = 0
    var inObject = false
    /// Members of the innermost object; while `hasKey`, the last one holds a placeholder value.
    var members: [JSONObject.Element] = []
    /// Whether the last of `members` is waiting for its value.
    var hasKey = false
    /// Keys of the innermost object, kept once it is large enough for a linear scan to hurt.
    var keySet: Set<ScalarKey>?
    /// Elements of the innermost array.
    var elements: [JSONValue] = []
    /// The enclosing containers, outermost first: `true` for an object. Their contents wait on
    /// `outerObjects` (where the last member's value is pending) and `outerArrays`.
    var outerKinds: [Bool] = []
    var outerObjects: [(members: [JSONObject.Element], keySet: Set<ScalarKey>?)] = []
    var outerArrays: [[JSONValue]] = []

    /// Objects with more members than this switch from a linear duplicate scan to a hash set.
    static let linearKeyScanLimit = 16

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
                    openContainer(isObject: false)
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
                value = .number(try parseNumber())
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

            // A value is complete: hand it to its container, closing containers as they end.
            while depth > 0 {
                if inObject {
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
                    var closed: [JSONObject.Element] = []
                    swap(&closed, &members)
                    keySet = nil
                    value = .object(JSONObject(uncheckedMembers: closed))
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
                    var closed: [JSONValue] = []
                    swap(&closed, &elements)
                    value = .array(closed)
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

    @inline(__always)
    mutating func skipWhitespace() {
        // RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return.
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// Makes a new innermost container, moving the current one (if any) onto `stack`.
    @inline(__always)
    mutating func openContainer(isObject: Bool) {
        if depth > 0 {
            if outerKinds.capacity == 0 {
                // One allocation each for typical nesting instead of growing 1, 2, 4, 8.
                outerKinds.reserveCapacity(8)
                outerObjects.reserveCapacity(8)
                outerArrays.reserveCapacity(8)
            }
            if inObject {
                var outer: [JSONObject.Element] = []
                swap(&outer, &members)
                var outerKeys: Set<ScalarKey>? = nil
                swap(&outerKeys, &keySet)
                outerObjects.append((members: outer, keySet: outerKeys))
            } else {
                var outer: [JSONValue] = []
                swap(&outer, &elements)
                outerArrays.append(outer)
            }
            outerKinds.append(inObject)
        }
        depth += 1
        inObject = isObject
        // One allocation covers most credential objects and arrays instead of growing 1, 2, 4, 8.
        if isObject {
            hasKey = false
            members.reserveCapacity(8)
        } else {
            elements.reserveCapacity(4)
        }
    }

    /// Makes the enclosing container innermost again; the closed one has been moved out.
    @inline(__always)
    mutating func closeContainer() {
        depth -= 1
        guard let outerIsObject = outerKinds.popLast() else { return }
        inObject = outerIsObject
        if outerIsObject {
            if let outer = outerObjects.popLast() {
                members = outer.members
                keySet = outer.keySet
            }
            hasKey = true
        } else if let outer = outerArrays.popLast() {
            elements = outer
        }
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
        let isDuplicate = recordKey(name)
        // The placeholder value is replaced in place once the member's value is parsed.
        members.append((key: name, value: .null))
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
        let count = members.count
        if count < Self.linearKeyScanLimit {
            let length = name.utf8.count
            for position in 0 ..< count {
                let key = members[position].key
                // Equal scalars imply Swift's (canonical) equality, whose check is fast: only a
                // canonically equal key needs its bytes compared.
                if key.utf8.count == length && key == name && JSONKey.equal(key, name) { return true }
            }
            return false
        }
        var set = Set<ScalarKey>(minimumCapacity: count * 2)
        for member in members { set.insert(ScalarKey(string: member.key)) }
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
