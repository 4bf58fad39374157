/// A strict RFC 8259 parser that also enforces I-JSON (RFC 7493) and `JSONLimits`.
///
/// It runs over UTF-8 bytes with an index and keeps open containers on explicit stacks, so a
/// deeply nested input costs heap (bounded by `maxDepth`), never call-stack frames.
struct JSONParser {
    private let bytes: [UInt8]
    private let limits: JSONLimits
    private let knownKeys = JSONKnownKeys.shared
    private var index = 0
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    /// Open containers: how many, and whether the innermost one is an object.
    ///
    /// The innermost container lives in `members` (with `keySet` and `hasKey`) or `elements`;
    /// the ones around it wait on `stack`, so only a change of nesting pushes or pops.
    private var depth = 0
    private var inObject = false
    /// Members of the innermost object; while `hasKey`, the last one holds a placeholder value.
    private var members: [JSONObject.Element] = []
    /// Whether the last of `members` is waiting for its value.
    private var hasKey = false
    /// Keys of the innermost object, kept once it is large enough for a linear scan to hurt.
    private var keySet: Set<ScalarKey>?
    /// Elements of the innermost array.
    private var elements: [JSONValue] = []
    /// The enclosing containers, outermost first: `true` for an object. Their contents wait on
    /// `outerObjects` (where the last member's value is pending) and `outerArrays`.
    private var outerKinds: [Bool] = []
    private var outerObjects: [(members: [JSONObject.Element], keySet: Set<ScalarKey>?)] = []
    private var outerArrays: [[JSONValue]] = []

    /// Objects with more members than this switch from a linear duplicate scan to a hash set.
    private static let linearKeyScanLimit = 16

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
    private mutating func skipWhitespace() {
        // RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return.
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// Makes a new innermost container, moving the current one (if any) onto `stack`.
    @inline(__always)
    private mutating func openContainer(isObject: Bool) {
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
    private mutating func closeContainer() {
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

    private func checkDepth() throws(CredentialError) {
        guard depth < limits.maxDepth else {
            throw error(
                .tooDeep, "arrays and objects are nested more than \(limits.maxDepth) levels deep",
                at: index, child: true)
        }
    }

    /// Parses `"name"` and the `:` after it into a new last member of the innermost object.
    private mutating func parseMemberName() throws(CredentialError) {
        guard index < bytes.count && bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected("expected a member name in double quotes", child: false)
        }
        let nameOffset = index
        let name = try parseString(isKey: true)
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
    private mutating func recordKey(_ name: String) -> Bool {
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

    private mutating func parseLiteral(_ literal: String) throws(CredentialError) {
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

    // MARK: Strings

    /// Parses a string starting at its opening quote; leaves `index` after the closing quote.
    private mutating func parseString(isKey: Bool = false) throws(CredentialError) -> String {
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
                if isKey, let known = knownKeys.string(matching: content) { return known }
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
        // Eight bytes at a time: flag bytes with the top bit set, below 0x20, or equal to a quote
        // or a backslash. A borrow can only flag bytes after a truly flagged one, so the lowest
        // flag is exact (the word is little-endian: the first byte is the least significant).
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while position &+ 8 <= count {
            let word = Self.word(bytes, at: position)
            let control = (word &- ones &* 0x20) & ~word
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flags = (word | control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & high
            if flags != 0 { return position &+ flags.trailingZeroBitCount >> 3 }
            position &+= 8
        }
        while position < count {
            let byte = bytes[position]
            guard byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") else { break }
            position += 1
        }
        return position
    }

    /// The eight bytes at `position` as a little-endian word; `position + 8` must be in range.
    @inline(__always)
    private static func word(_ bytes: borrowing Span<UInt8>, at position: Int) -> UInt64 {
        let chunk = bytes.extracting(position ..< position + 8)
        var word: UInt64 = 0
        for offset in 0 ..< 8 { word |= UInt64(chunk[offset]) << (offset << 3) }
        return word
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
        case UInt8(ascii: "/"): simple = 0x2F
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

    /// Checks the multi-byte UTF-8 sequence at `position`; returns the offset after it.
    @inline(__always)
    private func validateUTF8(at position: Int) throws(CredentialError) -> Int {
        guard let next = Self.endOfUTF8Sequence(in: bytes, at: position) else {
            throw error(.invalidUTF8, Self.describeInvalidUTF8(in: bytes, at: position), at: position, child: true)
        }
        return next
    }

    /// The offset after the well-formed UTF-8 sequence at `position`, or nil (RFC 3629 §4).
    static func endOfUTF8Sequence(in bytes: [UInt8], at position: Int) -> Int? {
        let lead = bytes[position]
        let count = bytes.count
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            offset < count && bytes[offset] & 0xC0 == 0x80
        }
        @inline(__always) func inRange(_ offset: Int, _ range: ClosedRange<UInt8>) -> Bool {
            offset < count && range.contains(bytes[offset])
        }
        switch lead {
        case 0x00 ... 0x7F:
            return position + 1
        case 0xC2 ... 0xDF:
            return isContinuation(position + 1) ? position + 2 : nil
        case 0xE0:
            return inRange(position + 1, 0xA0 ... 0xBF) && isContinuation(position + 2) ? position + 3 : nil
        case 0xE1 ... 0xEC, 0xEE ... 0xEF:
            return isContinuation(position + 1) && isContinuation(position + 2) ? position + 3 : nil
        case 0xED:
            return inRange(position + 1, 0x80 ... 0x9F) && isContinuation(position + 2) ? position + 3 : nil
        case 0xF0:
            return inRange(position + 1, 0x90 ... 0xBF) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        case 0xF1 ... 0xF3:
            return isContinuation(position + 1) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        case 0xF4:
            return inRange(position + 1, 0x80 ... 0x8F) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        default:
            return nil
        }
    }

    /// Why the sequence at `position` is not UTF-8, for the error message.
    static func describeInvalidUTF8(in bytes: [UInt8], at position: Int) -> String {
        let lead = bytes[position]
        let hex = "0x" + String(lead, radix: 16, uppercase: true)
        switch lead {
        case 0x80 ... 0xBF: return "invalid UTF-8: unexpected continuation byte \(hex)"
        case 0xC0, 0xC1: return "invalid UTF-8: overlong encoding starting with byte \(hex)"
        case 0xF5 ... 0xFF: return "invalid UTF-8: byte \(hex) starts no valid sequence (beyond U+10FFFF)"
        default: break
        }
        if position + 1 < bytes.count {
            let second = bytes[position + 1]
            if lead == 0xED && (0xA0 ... 0xBF).contains(second) {
                return "invalid UTF-8: a surrogate code point (U+D800–U+DFFF) encoded in UTF-8"
            }
            if (lead == 0xE0 && second < 0xA0) || (lead == 0xF0 && second < 0x90) {
                return "invalid UTF-8: overlong encoding starting with byte \(hex)"
            }
            if lead == 0xF4 && second >= 0x90 && second <= 0xBF {
                return "invalid UTF-8: code point beyond U+10FFFF"
            }
        }
        return "invalid UTF-8: incomplete sequence starting with byte \(hex)"
    }

    // MARK: Numbers

    /// Exact powers of ten for Clinger's fast path.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a number (RFC 8259 §6) and rejects values that overflow a double (RFC 7493 §2.2).
    private mutating func parseNumber() throws(CredentialError) -> Double {
        let start = index
        let end = bytes.count
        var position = index
        var isNegative = false
        if bytes[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        @inline(__always) func isDigit(_ offset: Int) -> Bool {
            offset < end && bytes[offset] &- UInt8(ascii: "0") < 10
        }
        guard isDigit(position) else {
            throw error(
                .invalidNumber, "expected a digit after \"-\", found \(found(at: position))", at: position, child: true)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        @inline(__always) func accumulate(_ byte: UInt8) {
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            if mantissa == 0 && digit == 0 { return }
            significantDigits += 1
            if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) {
                throw error(
                    .invalidNumber, "a number may not have leading zeros (RFC 8259 §6)", at: start, child: true)
            }
        } else {
            while isDigit(position) {
                accumulate(bytes[position])
                position += 1
            }
        }
        var fractionDigits = 0
        if position < end && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else {
                throw error(
                    .invalidNumber, "expected a digit after the decimal point, found \(found(at: position))",
                    at: position, child: true)
            }
            while isDigit(position) {
                accumulate(bytes[position])
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < end && bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var isExponentNegative = false
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                isExponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard isDigit(position) else {
                throw error(
                    .invalidNumber, "expected a digit in the exponent, found \(found(at: position))",
                    at: position, child: true)
            }
            while isDigit(position) {
                // Saturate: anything this large is out of range either way.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[position] &- UInt8(ascii: "0")) }
                position += 1
            }
            if isExponentNegative { exponent = -exponent }
        }
        index = position
        if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
        // Clinger's fast path: the mantissa (< 10^15 < 2^53) and 10^|e| (|e| ≤ 22) are exact
        // doubles, so one correctly rounded multiplication or division gives the correct result.
        if significantDigits <= 15 {
            let decimalExponent = exponent - fractionDigits
            var result: Double?
            if decimalExponent == 0 {
                result = Double(mantissa)
            } else if decimalExponent > 0 && decimalExponent <= 22 {
                result = Double(mantissa) * Self.powersOfTen[decimalExponent]
            } else if decimalExponent < 0 && decimalExponent >= -22 {
                result = Double(mantissa) / Self.powersOfTen[-decimalExponent]
            }
            if let result { return isNegative ? -result : result }
        }
        let text = String(decoding: bytes[start ..< position], as: UTF8.self)
        guard let result = Double(text) else {
            throw error(.invalidNumber, "\(text) is not a valid number", at: start, child: true)
        }
        guard result.isFinite else {
            throw error(
                .numberOutOfRange,
                "\(text) is beyond the range of an IEEE-754 double (I-JSON, RFC 7493 §2.2)", at: start, child: true)
        }
        return result
    }

    // MARK: Errors

    private func stringTooLong(at offset: Int) -> CredentialError {
        error(
            .stringTooLong, "a string is longer than the limit of \(limits.maxStringBytes) UTF-8 bytes",
            at: offset, child: true)
    }

    private func controlCharacter(at offset: Int) -> CredentialError {
        error(
            .controlCharacter,
            "the control character \(found(at: offset)) must be escaped inside a string (RFC 8259 §7)",
            at: offset, child: true)
    }

    private func loneSurrogate(_ unit: UInt32, at offset: Int) -> CredentialError {
        let hex = String(unit, radix: 16)
        let what = unit < 0xDC00
            ? "\\u\(hex) is a high surrogate not followed by a \\u escape of a low surrogate (DC00–DFFF)"
            : "\\u\(hex) is a low surrogate without a high surrogate before it"
        return error(.loneSurrogate, what + " (I-JSON, RFC 7493 §2.1)", at: offset, child: true)
    }

    /// An error for the byte at `index`: "expected …, found …", or the end of the input.
    private func unexpected(_ expectation: String, child: Bool) -> CredentialError {
        guard index < bytes.count else {
            return error(.unexpectedEnd, expectation + ", found the end of the input", at: index, child: child)
        }
        if bytes[index] >= 0x80 && Self.endOfUTF8Sequence(in: bytes, at: index) == nil {
            return error(.invalidUTF8, Self.describeInvalidUTF8(in: bytes, at: index), at: index, child: child)
        }
        return error(.unexpectedCharacter, expectation + ", found " + found(at: index), at: index, child: child)
    }

    /// The character at `offset` for a message: `"x"`, `U+000A`, or the end of the input.
    private func found(at offset: Int, quoted: Bool = true) -> String {
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
    private func error(_ code: CredentialError.Code, _ message: String, at offset: Int, child: Bool) -> CredentialError {
        var line = 1
        var lineStart = 0
        for position in 0 ..< min(offset, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        var tokens: [String] = []
        var objectLevel = 0
        var arrayLevel = 0
        for isObject in outerKinds {
            if isObject {
                if let last = outerObjects[objectLevel].members.last { tokens.append(last.key) }
                objectLevel += 1
            } else {
                tokens.append(String(outerArrays[arrayLevel].count))
                arrayLevel += 1
            }
        }
        if depth > 0 && child {
            if inObject {
                if hasKey, let last = members.last { tokens.append(last.key) }
            } else {
                tokens.append(String(elements.count))
            }
        }
        return CredentialError(
            code, message, pointer: JSONPointer(tokens: tokens), line: line, column: offset - lineStart + 1)
    }
}

extension JSONValue {
    /// Parses UTF-8 bytes strictly: RFC 8259 JSON that is also I-JSON (RFC 7493), within `limits`.
    ///
    /// Rejects duplicate member names, invalid UTF-8, lone surrogates (also as escapes), numbers
    /// that overflow a double, raw control characters in strings, a byte order mark and trailing data.
    /// - Throws: `unexpectedCharacter`, `unexpectedEnd`, `invalidNumber`, `numberOutOfRange`,
    ///   `invalidEscape`, `controlCharacter`, `invalidUTF8`, `loneSurrogate`, `duplicateKey`,
    ///   `trailingData`, `tooLarge`, `tooDeep`, `stringTooLong`; each with line, column and pointer
    ///   (except `tooLarge`).
    public init(parsing bytes: [UInt8], limits: JSONLimits = .default) throws(CredentialError) {
        var parser = JSONParser(bytes: bytes, limits: limits)
        self = try parser.parse()
    }

    /// Parses a string's UTF-8 strictly; see `init(parsing:limits:)` for bytes.
    /// - Throws: the codes of `init(parsing:limits:)` for bytes.
    public init(parsing text: String, limits: JSONLimits = .default) throws(CredentialError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }
}
