@testable import CredentialCore
import Testing

@Suite("JSON values, objects and pointers")
struct JSONValueTests {
    static let document: JSONValue = [
        "name": "Data Literacy",
        "credits": 5,
        "grade": 2.5,
        "open": true,
        "missing": nil,
        "outcomes": ["read charts", "clean data"],
        "a/b": ["m~n": 1],
    ]

    @Test("typed accessors answer only for their own type")
    func accessors() {
        let value = Self.document
        #expect(value["name"]?.stringValue == "Data Literacy")
        #expect(value["credits"]?.intValue == 5)
        #expect(value["grade"]?.intValue == nil)
        #expect(value["grade"]?.doubleValue == 2.5)
        #expect(value["open"]?.boolValue == true)
        #expect(value["missing"]?.isNull == true)
        #expect(value["outcomes"]?[1] == "clean data")
        #expect(value["outcomes"]?[2] == nil)
        #expect(value["outcomes"]?[-1] == nil)
        #expect(value["name"]?["x"] == nil)
        #expect(value["nope"] == nil)
        #expect(JSONValue.number(1e300).intValue == nil)
        #expect(JSONValue.number(-0.0).intValue == 0)
        #expect(value.typeName == "object")
        #expect([JSONValue.null, true, 1, "s", [], [:]].map(\.typeName)
            == ["null", "boolean", "number", "string", "array", "object"])
    }

    @Test("objects keep insertion order; the last duplicate wins in the first position")
    func objectOrder() {
        var object = JSONObject([(key: "b", value: 1), (key: "a", value: 2), (key: "b", value: 3)])
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == 3)
        object["c"] = 4
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object.removeValue(forKey: "a") == 2)
        #expect(object.removeValue(forKey: "a") == nil)
        #expect(object.count == 1 && object[0].key == "c")
        let big = JSONObject((0 ..< 40).map { (key: "k\($0 % 20)", value: JSONValue.number(Double($0))) })
        #expect(big.count == 20 && big["k3"] == 23)
    }

    @Test("object equality ignores member order")
    func objectEquality() {
        let left: JSONValue = ["a": 1, "b": [true]]
        let right: JSONValue = ["b": [true], "a": 1]
        #expect(left == right)
        #expect(left.hashValue == right.hashValue)
        #expect(left != ["a": 1, "b": [false]])
        #expect(left != ["a": 1])
    }

    @Test("subscript set on a value edits objects in place")
    func subscriptSet() {
        var value = Self.document
        value["name"] = "Statistics"
        value["missing"] = nil
        #expect(value["name"] == "Statistics")
        #expect(value.objectValue?.keys.contains("missing") == false)
        var notObject: JSONValue = 3
        notObject["x"] = 1
        #expect(notObject == 3)
    }

    @Test("reads values through JSON Pointers, with ~0 and ~1 escapes")
    func pointerGet() throws {
        let value = Self.document
        #expect(value.value(at: .root) == value)
        #expect(value.value(at: "/outcomes/0") == "read charts")
        #expect(value.value(at: "/a~1b/m~0n") == 1)
        #expect(value.value(at: try JSONPointer(parsing: "/a~1b")) == ["m~n": 1])
        #expect(value.value(at: "/outcomes/01") == nil)
        #expect(value.value(at: "/outcomes/-") == nil)
        #expect(value.value(at: "/outcomes/9") == nil)
        #expect(value.value(at: "/name/0") == nil)
        #expect(JSONPointer(tokens: ["a/b", "m~n"]).description == "/a~1b/m~0n")
        #expect(throws: CredentialError(.invalidPointer, "")) { try JSONPointer(parsing: "/a~2") }
    }

    @Test("sets values through JSON Pointers, appending with -")
    func pointerSet() throws {
        var value = Self.document
        try value.setValue("new", at: "/a~1b/x")
        try value.setValue(9, at: "/a~1b/m~0n")
        try value.setValue("third", at: "/outcomes/-")
        try value.setValue("fourth", at: "/outcomes/3")
        try value.setValue("first", at: "/outcomes/0")
        #expect(value.value(at: "/a~1b") == ["m~n": 9, "x": "new"])
        #expect(value["outcomes"] == ["first", "clean data", "third", "fourth"])
        for bad in ["/nope/x", "/outcomes/9", "/outcomes/01", "/name/x", "/outcomes/x/y"] {
            let pointer = try JSONPointer(parsing: bad)
            let error = try #require(throws: CredentialError.self) { try value.setValue(1, at: pointer) }
            #expect(error.code == .invalidPointer, "\(bad)")
            #expect(error.pointer == pointer)
        }
        try value.setValue(["whole": true], at: .root)
        #expect(value == ["whole": true])
    }

    @Test("serialises non-finite numbers built in code as null, or refuses them when checked")
    func nonFinite() throws {
        let value: JSONValue = ["x": [1, .number(.nan)], "y": .number(-.infinity)]
        #expect(value.canonicalString == #"{"x":[1,null],"y":null}"#)
        let error = try #require(throws: CredentialError.self) { try value.checkedCanonicalBytes() }
        #expect(error.code == .invalidValue)
        #expect(error.pointer?.description == "/x/1")
        #expect(ECMAScriptNumber.string(.nan) == "NaN")
        #expect(ECMAScriptNumber.string(-.infinity) == "-Infinity")
        #expect(try JSONValue.number(2).checkedCanonicalBytes() == Array("2".utf8))
    }

    @Test("escapes strings minimally and writes numbers the ECMAScript way")
    func canonicalScalars() {
        let value: JSONValue = ["s": "a/b\u{1}\u{1f}\t\"\\é😀\u{7f}", "n": [-0.0, 1e21, 1e-7, 1e-6, 123e18, 0.1, 1.5e-7, -5]]
        #expect(value.canonicalString
            == #"{"n":[0,1e+21,1e-7,0.000001,123000000000000000000,0.1,1.5e-7,-5],"s":"a/b\u0001\u001f\t\"\\é😀"#
            + "\u{7f}\"}")
    }

    @Test("pretty-prints with two-space indentation in stored order")
    func pretty() throws {
        let value: JSONValue = ["b": [1, ["c": "d"]], "a": [:], "e": []]
        let expected = """
            {
              "b": [
                1,
                {
                  "c": "d"
                }
              ],
              "a": {},
              "e": []
            }

            """
        #expect(value.prettyPrinted() == expected)
        #expect(try JSONValue(parsing: expected) == value)
        #expect(JSONValue.string("x").prettyPrinted() == "\"x\"\n")
    }

    @Test("terminal-safe pretty printing writes bidi, C1 and invisible characters as \\u escapes of the same value")
    func prettyTerminalSafe() throws {
        let value: JSONValue = ["na\u{202E}me": ["Diploma \u{202E}SSAP\u{2028}x\u{85}y\u{9B}z\u{E0041}é😀\u{200D}\u{1}", "Maria\u{3164}K\u{34F}\u{E0100}"]]
        let text = value.prettyPrinted(terminalSafe: true)
        #expect(try JSONValue(parsing: Array(text.utf8)) == value)
        #expect(!text.unicodeScalars.contains { $0 != "\n" && TerminalSafe.needsEscape($0) })
        #expect(text.contains(#""na\u202eme""#))
        #expect(text.contains(#""Diploma \u202eSSAP\u2028x\u0085y\u009bz\udb40\udc41é😀\#u{200D}\u0001""#))
        #expect(text.contains(#""Maria\u3164K\u034f\udb40\udd00""#))
        #expect(value.prettyPrinted(terminalSafe: false) == value.prettyPrinted())
    }
}
