@testable import CredentialCore
import Testing

/// `JSONValue.parsingNotingCanonicalForm`: a text is taken as its own RFC 8785 form only when it is.
@Suite("Canonical text detection")
struct CanonicalTextTests {
    func noted(_ text: String) throws -> CanonicalText? {
        try JSONValue.parsingNotingCanonicalForm(Array(text.utf8)).canonical
    }

    @Test("a canonical object is noted, with the byte range of each member")
    func canonicalObject() throws {
        let text = #"{"a":[1,{"b":null}],"b\n":"x\"y\\z\u001f","c":2.5,"d":-0.000001,"e":true}"#
        let canonical = try #require(try noted(text))
        #expect(canonical.bytes == Array(text.utf8))
        let members = canonical.memberRanges.map { String(decoding: canonical.bytes[$0], as: UTF8.self) }
        #expect(members == [#""a":[1,{"b":null}]"#, #""b\n":"x\"y\\z\u001f""#, #""c":2.5"#, #""d":-0.000001"#, #""e":true"#])
    }

    @Test("removing a member gives the canonical form of the object without it", arguments: [0, 1, 2])
    func removingMember(position: Int) throws {
        let text = #"{"a":1,"proof":{"x":[2,3]},"z":"last"}"#
        let (value, noted) = try JSONValue.parsingNotingCanonicalForm(Array(text.utf8))
        let canonical = try #require(noted)
        var object = try #require(value.objectValue)
        object.removeValue(forKey: object[position].key)
        #expect(canonical.removingMember(at: position) == JSONValue.object(object).canonicalBytes)
    }

    @Test("removing the only member leaves an empty object")
    func removingOnlyMember() throws {
        let canonical = try #require(try noted(#"{"proof":{}}"#))
        #expect(canonical.removingMember(at: 0) == Array("{}".utf8))
    }

    @Test("a text that is not its own canonical form is never noted", arguments: [
        #"{"a": 1}"#,                  // whitespace
        " {\"a\":1}",                  // leading whitespace
        "{\"a\":1}\r",                 // trailing whitespace
        #"{"b":1,"a":2}"#,             // members out of order
        #"{"a":{"d":1,"c":2}}"#,       // nested members out of order
        "{\"\u{E000}\":1,\"\u{10000}\":2}",  // UTF-8 order, not UTF-16 order
        #"{"a":"\/"}"#,                // escaped solidus
        #"{"a":"\u0041"}"#,            // escape of a printable character
        #"{"a":"\u000a"}"#,            // \u for a control with a short escape
        #"{"a":"\u001F"}"#,            // uppercase hex
        #"{"a":"\ud83d\ude00"}"#,      // escaped surrogate pair
        #"{"\u0061b":1}"#,             // escape in a member name
        #"{"a":1.0}"#,                 // number not as ECMAScript writes it
        #"{"a":1e2}"#,
        #"{"a":-0}"#,
        #"{"a":0.1e1}"#,
        #"{"a":100000000000000000000000}"#,
        #"{"a":9007199254740993}"#,    // not exactly a double
        #"[1,2]"#,                     // not an object
    ])
    func notCanonical(text: String) throws {
        #expect(try noted(text) == nil)
    }

    /// Names in order skip the duplicate scan; a repeat must still be refused, however it arrives.
    static let duplicates: [String] = [
        #"{"a":1,"a":2}"#,
        #"{"a":1,"b":2,"a":3}"#,
        #"{"a":1,"b":2, "a":3}"#,
        #"{"b":1,"c":2,"a":3,"b":4}"#,  // names out of order, then in order again
        #"{"x":{"a":1,"b":{"c":1},"a":2}}"#,
        "{" + (0 ..< 20).map { "\"k\($0 + 10)\":0" }.joined(separator: ",") + ",\"k15\":1}",
    ]

    @Test("a repeated member name is refused whether or not the names came in order", arguments: duplicates)
    func duplicateNames(text: String) {
        #expect(throws: CredentialError.self) { try JSONValue.parsingNotingCanonicalForm(Array(text.utf8)) }
        #expect(throws: CredentialError.self) { try JSONValue(parsing: Array(text.utf8)) }
    }

    @Test("each RFC 8785 vector's output is noted as canonical when it is an object", arguments: VectorFiles.cyberphoneCases)
    func vectorOutputs(name: String) throws {
        let expected = try VectorFiles.bytes("output/\(name).json")
        let (value, noted) = try JSONValue.parsingNotingCanonicalForm(expected)
        guard value.objectValue != nil else { return }
        // A vector may hold escapes that RFC 8785 keeps; those are canonical, so it must be noted.
        let canonical = try #require(noted, "\(name) is canonical but was not noted")
        #expect(canonical.bytes == value.canonicalBytes)
    }

    @Test("each RFC 8785 vector's input is noted only when it equals its output", arguments: VectorFiles.cyberphoneCases)
    func vectorInputs(name: String) throws {
        let input = try VectorFiles.bytes("input/\(name).json")
        let expected = try VectorFiles.bytes("output/\(name).json")
        if try JSONValue.parsingNotingCanonicalForm(input).canonical != nil {
            #expect(input == expected, "\(name) was noted as canonical but is not")
        }
    }

    @Test("random values: a noted text is exactly the canonical form, and canonical forms are noted", arguments: [11, 12, 13])
    func randomValues(seed: UInt64) throws {
        var generator = ValueGenerator(random: SeededGenerator(seed: seed))
        var notedCount = 0
        for _ in 0 ..< 200 {
            let value = JSONValue.object(JSONObject([
                (key: generator.string(maxLength: 4), value: generator.value(depth: 3)),
                (key: generator.string(maxLength: 4), value: generator.value(depth: 3)),
            ]))
            let canonical = value.canonicalBytes
            // The canonical form is always noted, whatever escapes it holds.
            let fromCanonical = try JSONValue.parsingNotingCanonicalForm(canonical).canonical
            #expect(fromCanonical?.bytes == canonical, "\(value.canonicalString)")
            notedCount += fromCanonical == nil ? 0 : 1
            // The pretty form has whitespace, so it is never noted.
            #expect(try JSONValue.parsingNotingCanonicalForm(Array(value.prettyPrinted().utf8)).canonical == nil)
        }
        #expect(notedCount > 0)
    }
}
