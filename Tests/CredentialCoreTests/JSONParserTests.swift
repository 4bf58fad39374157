@testable import CredentialCore
import Testing

/// One input the parser must refuse, with where it must say the problem is.
struct Rejection: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let code: CredentialError.Code
    var line: Int?
    var column: Int?
    var pointer: String?

    init(_ name: String, _ text: String, _ code: CredentialError.Code,
         line: Int? = nil, column: Int? = nil, pointer: String? = nil) {
        self.init(name, Array(text.utf8), code, line: line, column: column, pointer: pointer)
    }

    init(_ name: String, _ input: [UInt8], _ code: CredentialError.Code,
         line: Int? = nil, column: Int? = nil, pointer: String? = nil) {
        self.name = name
        self.input = input
        self.code = code
        self.line = line
        self.column = column
        self.pointer = pointer
    }

    var testDescription: String { name }
}

private func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite("JSON parser")
struct JSONParserTests {
    static let rejections: [Rejection] = [
        // I-JSON: duplicate names, compared by scalars.
        Rejection("duplicate key", #"{"a":1,"b":{"c":1,"c":2}}"#, .duplicateKey, line: 1, column: 19, pointer: "/b/c"),
        Rejection("duplicate key in a large object",
                  "{" + (0 ..< 40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":0}",
                  .duplicateKey, pointer: "/k7"),
        Rejection("duplicate key spelled with an escape", #"{"é":1,"\u00e9":2}"#, .duplicateKey, pointer: "/é"),
        // UTF-8.
        Rejection("overlong UTF-8", utf8("[\"") + [0xC0, 0xAF] + utf8("\"]"), .invalidUTF8, line: 1, column: 3, pointer: "/0"),
        Rejection("overlong three-byte UTF-8", utf8("\"") + [0xE0, 0x80, 0xAF] + utf8("\""), .invalidUTF8),
        Rejection("surrogate encoded in UTF-8", utf8("\"") + [0xED, 0xA0, 0x80] + utf8("\""), .invalidUTF8, column: 2),
        Rejection("code point beyond U+10FFFF", utf8("\"") + [0xF4, 0x90, 0x80, 0x80] + utf8("\""), .invalidUTF8),
        Rejection("stray continuation byte", utf8("\"a") + [0x80] + utf8("\""), .invalidUTF8, column: 3),
        Rejection("truncated sequence", utf8("\"") + [0xE2, 0x82] + utf8("\""), .invalidUTF8),
        Rejection("invalid UTF-8 in a key", utf8("{\"") + [0xFF] + utf8("\":1}"), .invalidUTF8, pointer: ""),
        Rejection("invalid UTF-8 outside strings", utf8("[1, ") + [0xFF] + utf8("]"), .invalidUTF8, column: 5),
        // Surrogate escapes.
        Rejection("lone high surrogate escape", #"["\ud800"]"#, .loneSurrogate, line: 1, column: 3, pointer: "/0"),
        Rejection("high surrogate before a non-surrogate escape", #""\ud800\u0041""#, .loneSurrogate),
        Rejection("high surrogate before plain text", #""\uD83Dx""#, .loneSurrogate),
        Rejection("two high surrogates", #""\ud800\ud800""#, .loneSurrogate),
        Rejection("lone low surrogate escape", #"{"k":"a\udc00"}"#, .loneSurrogate, column: 8, pointer: "/k"),
        // Numbers.
        Rejection("number overflowing to infinity", "[1e400]", .numberOutOfRange, column: 2, pointer: "/0"),
        Rejection("negative number overflowing", "-1e400", .numberOutOfRange),
        Rejection("long mantissa overflowing", "17976931348623159" + String(repeating: "0", count: 292), .numberOutOfRange),
        Rejection("leading zero", "[01]", .invalidNumber, column: 2),
        Rejection("negative leading zero", "-01", .invalidNumber),
        Rejection("minus alone", "[-]", .invalidNumber, column: 3),
        Rejection("minus before a letter", "-a", .invalidNumber),
        Rejection("leading decimal point", ".5", .invalidNumber, column: 1),
        Rejection("leading plus", "[+1]", .invalidNumber),
        Rejection("trailing decimal point", "1.", .invalidNumber, column: 3),
        Rejection("decimal point before exponent", "1.e5", .invalidNumber),
        Rejection("empty exponent", "1e", .invalidNumber),
        Rejection("signed empty exponent", "1e+", .invalidNumber),
        Rejection("hexadecimal", "0x10", .trailingData, column: 2),
        Rejection("infinity literal", "Infinity", .unexpectedCharacter),
        Rejection("NaN literal", "[NaN]", .unexpectedCharacter, pointer: "/0"),
        // Structure.
        Rejection("trailing data", "{} x", .trailingData, line: 1, column: 4, pointer: ""),
        Rejection("two values", "[1] [2]", .trailingData, column: 5),
        Rejection("empty input", "", .unexpectedEnd, line: 1, column: 1),
        Rejection("whitespace only", " \n ", .unexpectedEnd, line: 2, column: 2),
        Rejection("unclosed array", "[1,2", .unexpectedEnd, pointer: ""),
        Rejection("unclosed string", #"{"a":"b"#, .unexpectedEnd, pointer: "/a"),
        Rejection("trailing comma in an array", "[1,]", .unexpectedCharacter, column: 4, pointer: "/1"),
        Rejection("trailing comma in an object", #"{"a":1,}"#, .unexpectedCharacter, column: 8, pointer: ""),
        Rejection("missing colon", #"{"a" 1}"#, .unexpectedCharacter, column: 6, pointer: "/a"),
        Rejection("missing comma in an object", #"{"a":1 "b":2}"#, .unexpectedCharacter, column: 8, pointer: ""),
        Rejection("missing comma in an array", "[1 2]", .unexpectedCharacter, column: 4),
        Rejection("unquoted key", "{a:1}", .unexpectedCharacter, column: 2),
        Rejection("single quotes", "['a']", .unexpectedCharacter),
        Rejection("misspelt literal", "[tru]", .unexpectedCharacter, column: 2, pointer: "/0"),
        Rejection("truncated literal", "nul", .unexpectedEnd),
        Rejection("comment", "[1 /* no */]", .unexpectedCharacter),
        Rejection("error on a later line", "{\n  \"a\": [\n    1,\n    x\n  ]\n}", .unexpectedCharacter,
                  line: 4, column: 5, pointer: "/a/1"),
        Rejection("error deep in mixed nesting", #"{"a":[1,{"b":[true,{"c":x}]}]}"#, .unexpectedCharacter,
                  column: 25, pointer: "/a/1/b/1/c"),
        Rejection("error after closed siblings", #"[{"x":[1,2]},{"y":{"z":[0,0,nul]}}]"#, .unexpectedCharacter,
                  pointer: "/1/y/z/2"),
        Rejection("duplicate key after a closed sibling object", #"{"a":{"b":1},"c":[{"d":1,"d":2}]}"#, .duplicateKey,
                  pointer: "/c/0/d"),
        Rejection("duplicate key in a large nested object",
                  #"[{"x":1},{"# + (0 ..< 40).map { "\"k\($0)\":[\($0)]" }.joined(separator: ",") + ",\"k7\":0}]",
                  .duplicateKey, pointer: "/1/k7"),
        Rejection("missing comma after a nested container", #"{"a":[{"b":[]}] "c":1}"#, .unexpectedCharacter,
                  column: 17, pointer: ""),
        // Strings.
        Rejection("raw tab in a string", "[\"a\tb\"]", .controlCharacter, column: 4, pointer: "/0"),
        Rejection("raw newline in a string", "\"a\nb\"", .controlCharacter, line: 1, column: 3),
        Rejection("raw NUL in a string", utf8("\"") + [0] + utf8("\""), .controlCharacter),
        Rejection("unknown escape", #""\x""#, .invalidEscape, column: 2),
        Rejection("upper-case U escape", #""\U0041""#, .invalidEscape),
        Rejection("short unicode escape", #""\u12""#, .invalidEscape),
        Rejection("non-hex unicode escape", #""\u00g0""#, .invalidEscape),
        Rejection("escaped single quote", #""\'""#, .invalidEscape),
        // I-JSON noncharacters (RFC 7493 §2.1), raw UTF-8 and escaped.
        Rejection("raw U+FDD0", utf8("[\"") + [0xEF, 0xB7, 0x90] + utf8("\"]"), .noncharacter, line: 1, column: 3, pointer: "/0"),
        Rejection("raw U+FDEF in a key", utf8("{\"") + [0xEF, 0xB7, 0xAF] + utf8("\":1}"), .noncharacter, column: 3, pointer: ""),
        Rejection("raw U+FFFE", utf8("\"a") + [0xEF, 0xBF, 0xBE] + utf8("\""), .noncharacter, column: 3),
        Rejection("raw U+FFFF after an escape", utf8("{\"k\":\"\\n") + [0xEF, 0xBF, 0xBF] + utf8("\"}"), .noncharacter,
                  column: 9, pointer: "/k"),
        Rejection("raw U+1FFFE", utf8("[1,\n\"") + [0xF0, 0x9F, 0xBF, 0xBE] + utf8("\"]"), .noncharacter,
                  line: 2, column: 2, pointer: "/1"),
        Rejection("raw U+2FFFF", utf8("\"") + [0xF0, 0xAF, 0xBF, 0xBF] + utf8("\""), .noncharacter),
        Rejection("raw U+10FFFF", utf8("\"") + [0xF4, 0x8F, 0xBF, 0xBF] + utf8("\""), .noncharacter),
        Rejection("escaped U+FDD0", #"["\uFDD0"]"#, .noncharacter, column: 3, pointer: "/0"),
        Rejection("escaped U+FDEF in lower case", #""\ufdef""#, .noncharacter, column: 2),
        Rejection("escaped U+FFFE", #"{"a":{"b":"x\uFFFE"}}"#, .noncharacter, column: 13, pointer: "/a/b"),
        Rejection("escaped U+FFFF in a key", #"{"\uffff":1}"#, .noncharacter, column: 3, pointer: ""),
        Rejection("surrogate pair escaping U+1FFFE", #"["ok","\uD83F\uDFFE"]"#, .noncharacter, column: 8, pointer: "/1"),
        Rejection("surrogate pair escaping U+10FFFF", #""\udbff\udfff""#, .noncharacter),
        // Byte order mark.
        Rejection("byte order mark", [0xEF, 0xBB, 0xBF] + utf8("{}"), .unexpectedCharacter, line: 1, column: 1),
    ]

    @Test("rejects each malformed input with the right code and position", arguments: rejections)
    func rejects(_ rejection: Rejection) throws {
        let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: rejection.input) }
        #expect(error.code == rejection.code, "\(error)")
        if let line = rejection.line { #expect(error.line == line, "\(error)") }
        if let column = rejection.column { #expect(error.column == column, "\(error)") }
        if let pointer = rejection.pointer { #expect(error.pointer?.description == pointer, "\(error)") }
        #expect(!error.message.isEmpty)
    }

    @Test("accepts the scalars next to the noncharacters, raw and escaped")
    func acceptsNeighboursOfNoncharacters() throws {
        let raw: [[UInt8]] = [
            [0xEF, 0xB7, 0x8F], [0xEF, 0xB7, 0xB0], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0xBF, 0xBD],
            [0xF0, 0x9F, 0xBE, 0xBF], [0xF3, 0xAF, 0xBF, 0xBD], [0xEE, 0x80, 0x80],
        ]
        for bytes in raw {
            let value = try JSONValue(parsing: utf8("[\"") + bytes + utf8("\"]"))
            #expect(value[0]?.stringValue.map { Array($0.utf8) } == bytes)
        }
        let escaped: [(String, UInt32)] = [
            (#""\uFDCF""#, 0xFDCF), (#""\ufdf0""#, 0xFDF0), (#""\uFFFD""#, 0xFFFD),
            (#""\uD83F\uDFFD""#, 0x1FFFD), (#""\uD83F\uDC00""#, 0x1FC00),
        ]
        for (text, scalar) in escaped {
            #expect(try JSONValue(parsing: text).stringValue?.unicodeScalars.map(\.value) == [scalar], "\(text)")
        }
    }

    @Test("names the noncharacter and the rule in the message")
    func noncharacterMessage() throws {
        let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: #"{"a":"\uD83F\uDFFE"}"#) }
        #expect(error.message == "the escape of U+1FFFE is a Unicode noncharacter, which I-JSON does not allow in strings (RFC 7493 §2.1)")
        #expect(error.description.hasPrefix("line 1:7: /a: "))
        let raw = try #require(throws: CredentialError.self) { try JSONValue(parsing: utf8("\"") + [0xEF, 0xB7, 0x90] + utf8("\"")) }
        #expect(raw.message.hasPrefix("U+FDD0 is a Unicode noncharacter"))
    }

    @Test("keeps sibling containers apart while they share the parser's stacks")
    func siblingContainers() throws {
        let value = try JSONValue(parsing: #"[{"a":[1,[2,3],{"b":{}}],"c":{"d":[[]]}},[],{"e":[4]},[[5],{"f":6}],7]"#)
        #expect(value == [
            ["a": [1, [2, 3], ["b": [:]]], "c": ["d": [[]]]], [], ["e": [4]], [[5], ["f": 6]], 7,
        ])
        #expect(value[0]?.objectValue?.keys == ["a", "c"])
        let wide = try JSONValue(parsing: "[" + (0 ..< 100).map { "{\"k\($0)\":[\($0)],\"n\":\($0)}" }.joined(separator: ",") + "]")
        #expect(wide.arrayValue?.count == 100)
        #expect(wide[99]?["k99"] == [99])
        #expect(wide[50]?.objectValue?.keys == ["k50", "n"])
    }

    @Test("names both sides in an unexpected-character message")
    func messageWording() throws {
        let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: #"{"a":1 x}"#) }
        #expect(error.message == #"expected "," or "}" after an object member, found "x""#)
        #expect(error.description == #"line 1:8: (root): expected "," or "}" after an object member, found "x""#)
        let bom = try #require(throws: CredentialError.self) { try JSONValue(parsing: [0xEF, 0xBB, 0xBF, 0x31]) }
        #expect(bom.message.contains("byte order mark"))
    }

    @Test("reports a 100,000-deep array as too deep instead of crashing")
    func hugeDepth() throws {
        let input = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: input) }
        #expect(error.code == .tooDeep)
        #expect(error.column == 129)
    }

    @Test("accepts exactly the maximum depth")
    func depthLimit() throws {
        let limits = JSONLimits(maxDepth: 5)
        let five = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        #expect(try JSONValue(parsing: five, limits: limits) == [[[[[]]]]])
        let six = "[[[[[{\"a\":1}]]]]]"
        let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: six, limits: limits) }
        #expect(error.code == .tooDeep)
        #expect(error.pointer?.description == "/0/0/0/0/0")
        #expect(throws: Never.self) {
            try JSONValue(parsing: String(repeating: "[", count: 128) + String(repeating: "]", count: 128))
        }
        #expect(throws: CredentialError(.tooDeep, "")) {
            try JSONValue(parsing: String(repeating: "[", count: 129) + String(repeating: "]", count: 129))
        }
    }

    @Test("counts every value, containers included, against the value limit")
    func valueLimit() throws {
        let limits = JSONLimits(maxValues: 5)
        // Four scalars and the array: five values.
        #expect(try JSONValue(parsing: "[1,2,3,4]", limits: limits) == [1, 2, 3, 4])
        #expect(throws: CredentialError(.tooManyValues, "")) { try JSONValue(parsing: "[1,2,3,4,5]", limits: limits) }
        #expect(throws: CredentialError(.tooManyValues, "")) { try JSONValue(parsing: "{\"a\":[1,{\"b\":2}]}", limits: JSONLimits(maxValues: 4)) }
        #expect(JSONLimits.default.maxValues == 2_097_152)
    }

    @Test("refuses input larger than the byte limit")
    func sizeLimit() throws {
        let limits = JSONLimits(maxBytes: 10)
        #expect(try JSONValue(parsing: "[1,2,3,4]", limits: limits) == [1, 2, 3, 4])
        let error = try #require(throws: CredentialError.self) {
            try JSONValue(parsing: "[1,2,3,4,5]", limits: limits)
        }
        #expect(error.code == .tooLarge)
    }

    @Test("measures the string limit in decoded UTF-8 bytes, keys included")
    func stringLimit() throws {
        let limits = JSONLimits(maxStringBytes: 4)
        #expect(try JSONValue(parsing: #"["abcd","\u00e9\u00e9"]"#, limits: limits) == ["abcd", "éé"])
        for input in [#"["abcde"]"#, #"["\u00e9\u00e9\u00e9"]"#, #"{"abcde":1}"#, #"["ééé"]"#] {
            let error = try #require(throws: CredentialError.self) { try JSONValue(parsing: input, limits: limits) }
            #expect(error.code == .stringTooLong, "\(input)")
        }
        let error = try #require(throws: CredentialError.self) {
            try JSONValue(parsing: #"{"k":["abcdef"]}"#, limits: limits)
        }
        #expect(error.pointer?.description == "/k/0")
        #expect(error.column == 7)
    }

    @Test("decodes every escape and surrogate pair")
    func escapes() throws {
        let value = try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u0000\u00e9\u20AC\ud83d\ude00x""#)
        #expect(value == .string("\"\\/\u{8}\u{c}\n\r\t\u{0}é€😀x"))
        #expect(try JSONValue(parsing: #""\uDBFF\uDFFD""#) == .string("\u{10FFFD}"))
    }

    @Test("parses numbers to the nearest double")
    func numbers() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("5", 5), ("2.5", 2.5), ("-12.75", -12.75), ("1E3", 1000), ("1e-3", 0.001),
            ("0.1", 0.1), ("123456789012345678", 123456789012345680), ("1e-400", 0), ("-1e-400", -0.0),
            ("2.2250738585072014e-308", 2.2250738585072014e-308), ("4.9e-324", .leastNonzeroMagnitude),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("0.30000000000000004", 0.30000000000000004),
            ("9007199254740993", 9007199254740992), ("1e22", 1e22), ("1e23", 1e23), ("0.000001", 0.000001),
            ("100000000000000000000000000000000000000e-38", 1), ("3.14159265358979323846264338327950288", Double.pi),
        ]
        for (text, expected) in cases {
            let parsed = try #require(try JSONValue(parsing: text).doubleValue)
            #expect(parsed.bitPattern == expected.bitPattern, "\(text) → \(parsed)")
        }
    }

    @Test("keeps precomposed and decomposed é as distinct keys, sorted by code units")
    func unicodeKeysAreNotNormalised() throws {
        let value = try JSONValue(parsing: "{\"e\u{301}\":1,\"\u{e9}\":2}")
        let object = try #require(value.objectValue)
        #expect(object.count == 2)
        #expect(object["\u{e9}"] == 2)
        #expect(object["e\u{301}"] == 1)
        #expect(value.canonicalString == "{\"e\u{301}\":1,\"\u{e9}\":2}")
        #expect(JSONValue.string("\u{e9}") != JSONValue.string("e\u{301}"))
        #expect(Set<JSONValue>([.string("\u{e9}"), .string("e\u{301}")]).count == 2)
    }

    @Test("accepts whitespace around values and keeps member order")
    func whitespaceAndOrder() throws {
        let value = try JSONValue(parsing: " \t\r\n{ \"b\" : [ 1 , true , null ] , \"a\" : { } }\n ")
        #expect(value.objectValue?.keys == ["b", "a"])
        #expect(value["b"] == [1, true, nil])
        #expect(value["a"] == .object([:]))
    }
}
