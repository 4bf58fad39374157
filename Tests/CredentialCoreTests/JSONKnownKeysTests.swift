@testable import CredentialCore
import Testing

@Suite("JSON known keys")
struct JSONKnownKeysTests {
    @Test("every known name has a slot of its own, so the parser shares all of them")
    func everyNameIsShared() {
        #expect(Set(JSONKnownKeys.names).count == JSONKnownKeys.names.count)
        for name in JSONKnownKeys.names {
            let bytes = Array(name.utf8)
            #expect(JSONKnownKeys.shared.string(matching: bytes.span) == name, "\(name)")
        }
    }

    @Test("other keys do not match, even when they share a slot's length and ends")
    func otherKeysDoNotMatch() {
        let others = ["", "i", "ID", "types", "typ", "nbme", "credentialSubjecT", "credentialsubject",
                      "@contexts", "issuer ", " issuer", "workloadHourz", "é", "naïve", "statusListIndexes"]
        for other in others {
            let bytes = Array(other.utf8)
            #expect(JSONKnownKeys.shared.string(matching: bytes.span) == nil, "\(other)")
        }
        // The same length and the same first and last two bytes as a known name, different middle.
        let twin = Array("credentiaXSubject".utf8)
        #expect(JSONKnownKeys.shared.string(matching: twin.span) == nil)
    }

    @Test("parses known and unknown keys, plain and escaped, to the same members")
    func parsesKnownKeys() throws {
        let text = #"{"type":1,"typ\u0065x":2,"credentialSubject":{"id":"x","\u0069d2":3},"name":"type","grade":null}"#
        let value = try JSONValue(parsing: text)
        #expect(value["type"] == 1)
        #expect(value["typex"] == 2)
        #expect(value["credentialSubject"]?["id"] == "x")
        #expect(value["credentialSubject"]?["id2"] == 3)
        #expect(value["name"] == "type")
        #expect(value.objectValue?.keys == ["type", "typex", "credentialSubject", "name", "grade"])
        #expect(throws: CredentialError.self) { try JSONValue(parsing: #"{"id":1,"\u0069d":2}"#) }
    }
}
