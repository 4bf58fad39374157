@testable import CredentialCore
import Testing

/// SplitMix64: a small seeded generator so every run sees the same values.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values that exercise escapes, non-BMP keys and awkward numbers.
struct ValueGenerator {
    var random: SeededGenerator

    static let scalarPool: [Unicode.Scalar] = {
        var pool: [Unicode.Scalar] = ["a", "b", "z", "A", "0", "9", " ", "\"", "\\", "/", "<", "~", "\u{7F}"]
        pool += (0 ..< 0x20).compactMap(Unicode.Scalar.init)
        pool += ["\u{80}", "\u{e9}", "\u{301}", "\u{20AC}", "\u{D7FF}", "\u{E000}", "\u{FB33}", "\u{FEFF}", "\u{FFFD}",
                 "\u{FFEF}", "\u{10000}", "\u{1F600}", "\u{1D11E}", "\u{10FFFD}", "\u{5B57}", "\u{0430}"]
        return pool
    }()

    mutating func string(maxLength: Int = 8) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0 ..< Int.random(in: 0 ... maxLength, using: &random) {
            text.append(Self.scalarPool.randomElement(using: &random) ?? "a")
        }
        return String(text)
    }

    mutating func number() -> Double {
        switch Int.random(in: 0 ..< 6, using: &random) {
        case 0: return Double(Int.random(in: -1000 ... 1000, using: &random))
        case 1: return Double(Int.random(in: -(1 << 53) ... (1 << 53), using: &random))
        case 2: return Double(Int.random(in: -100_000 ... 100_000, using: &random)) / 100
        case 3: return randomFiniteDouble(&random)
        case 4: return Double(bitPattern: random.next() & 0x000F_FFFF_FFFF_FFFF)  // subnormal
        default: return Double.random(in: -1e-5 ... 1e-5, using: &random)
        }
    }

    mutating func value(depth: Int) -> JSONValue {
        let kind = Int.random(in: 0 ..< (depth > 0 ? 7 : 5), using: &random)
        switch kind {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5:
            return .array((0 ..< Int.random(in: 0 ... 5, using: &random)).map { _ in value(depth: depth - 1) })
        default:
            let count = Int.random(in: 0 ... 7, using: &random)
            var members: [(key: String, value: JSONValue)] = []
            for _ in 0 ..< count { members.append((key: string(maxLength: 4), value: value(depth: depth - 1))) }
            return .object(JSONObject(members))
        }
    }
}

func randomFiniteDouble(_ random: inout SeededGenerator) -> Double {
    while true {
        let value = Double(bitPattern: random.next())
        if value.isFinite { return value }
    }
}

/// Whether every object in `value` is written with members in UTF-16 code-unit order, checked
/// independently of the serialiser by comparing `Array(key.utf16)`.
func keysAreInUTF16Order(_ value: JSONValue) -> Bool {
    switch value {
    case .array(let elements):
        return elements.allSatisfy(keysAreInUTF16Order)
    case .object(let object):
        let keys = object.keys.map { Array($0.utf16) }
        for (left, right) in zip(keys, keys.dropFirst()) where !left.lexicographicallyPrecedes(right) {
            return false
        }
        return object.values.allSatisfy(keysAreInUTF16Order)
    default:
        return true
    }
}

@Suite("JSON properties")
struct JSONPropertyTests {
    @Test("parsing the canonical form gives back an equal value", arguments: [1, 2, 3, 4])
    func roundTrip(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        for _ in 0 ..< 500 {
            let value = generator.value(depth: 4)
            let canonical = value.canonicalBytes
            let parsed = try JSONValue(parsing: canonical)
            #expect(parsed == value, "\(value.canonicalString)")
            #expect(parsed.hashValue == value.hashValue)
            // Canonicalisation is idempotent, and the output's members are in UTF-16 order.
            #expect(parsed.canonicalBytes == canonical)
            #expect(keysAreInUTF16Order(parsed))
            let pretty = value.prettyPrinted()
            #expect(try JSONValue(parsing: pretty) == value)
        }
    }

    @Test("sorts keys exactly as UTF-16 code units compare")
    func keyOrder() {
        var generator = ValueGenerator(random: SeededGenerator(seed: 99))
        for _ in 0 ..< 20_000 {
            let a = generator.string(maxLength: 3), b = generator.string(maxLength: 3)
            let expected = Array(a.utf16).lexicographicallyPrecedes(Array(b.utf16))
            #expect(JSONKey.precedesInUTF16Order(a, b) == expected, "\(Array(a.unicodeScalars)) vs \(Array(b.unicodeScalars))")
        }
        #expect(JSONKey.precedesInUTF16Order("\u{1F600}", "\u{E000}"))
        #expect(!JSONKey.precedesInUTF16Order("\u{FFEF}", "\u{10000}"))
    }

    @Test("orders members by UTF-16 code units, also past the 16-byte sort prefix and when already sorted")
    func memberOrder() {
        var generator = ValueGenerator(random: SeededGenerator(seed: 41))
        let prefixes = ["", "statusListCredential", "\u{0}\u{0}", "aaaaaaaaaaaaaaa", "\u{E000}\u{10000}"]
        for round in 0 ..< 3_000 {
            var members: [(key: String, value: JSONValue)] = []
            var seen = Set<[UInt8]>()
            for _ in 0 ..< Int.random(in: 0 ... 30, using: &generator.random) {
                let prefix = prefixes.randomElement(using: &generator.random) ?? ""
                let key = prefix + generator.string(maxLength: 3)
                if seen.insert(Array(key.utf8)).inserted { members.append((key: key, value: .null)) }
            }
            if round % 3 == 0 {
                members.sort { Array($0.key.utf16).lexicographicallyPrecedes(Array($1.key.utf16)) }
            }
            let expected = members.indices.sorted {
                Array(members[$0].key.utf16).lexicographicallyPrecedes(Array(members[$1].key.utf16))
            }
            let stored = members.map { JSONObject.Member(key: $0.key, value: $0.value) }
            #expect(CanonicalWriter.sortedOrder(stored) == expected)
            let canonical = JSONValue.object(JSONObject(uncheckedMembers: stored)).canonicalBytes
            let parsed = try? JSONValue(parsing: canonical)
            #expect(parsed.map(keysAreInUTF16Order) == true)
            #expect(parsed?.objectValue?.keys.map { Array($0.utf8) } == expected.map { Array(members[$0].key.utf8) })
        }
    }

    @Test("formats random doubles of every magnitude with the shortest round-tripping digits", arguments: [7, 8])
    func shortestNumbers(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for round in 0 ..< 20_000 {
            let value: Double = switch round % 3 {
            case 0: randomFiniteDouble(&random)
            case 1: Double(bitPattern: random.next() & 0x000F_FFFF_FFFF_FFFF)
            default: Double(sign: .plus, exponent: Int.random(in: -1074 ... 1023, using: &random),
                            significand: Double.random(in: 1 ..< 2, using: &random))
            }
            let text = ECMAScriptNumber.string(value)
            let parsed = try #require(Double(text), "\(text)")
            if value == 0 {
                #expect(text == "0")
                continue
            }
            #expect(parsed.bitPattern == value.bitPattern, "\(value) → \(text)")
            #expect(try JSONValue(parsing: text).doubleValue?.bitPattern == value.bitPattern, "\(text)")
            let (digits, exponent) = decimalDigits(text)
            guard digits.count > 1 else { continue }
            // No string with one digit fewer reaches the same double: try both neighbours.
            let shorter = try #require(UInt64(digits.dropLast()))
            for candidate in [shorter, shorter + 1] {
                let candidateText = (value < 0 ? "-" : "") + "0.\(candidate)e\(exponent + (String(candidate).count - digits.count + 1))"
                #expect(Double(candidateText)?.bitPattern != value.bitPattern, "\(text) has a shorter form \(candidateText)")
            }
        }
    }

    /// The significant digits of an ECMAScript number string and `n` with value = 0.digits × 10^n.
    func decimalDigits(_ text: String) -> (String, Int) {
        let parts = text.drop { $0 == "-" }.split(separator: "e")
        var exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let integerPart = mantissa.split(separator: ".", omittingEmptySubsequences: false)[0]
        var all = mantissa.filter { $0 != "." }
        exponent += integerPart.count
        while all.first == "0" {
            all.removeFirst()
            exponent -= 1
        }
        while all.last == "0" { all.removeLast() }
        return (String(all), exponent)
    }
}
