import Foundation
import Testing
import CredentialCore

@Suite("StatusListCredential and StatusListEntry")
struct StatusListCredentialTests {
    @Test("the signed fixture reads as a revocation list with only bit 94567 set")
    func signedFixture() throws {
        let json = try JSONValue(parsing: VectorFiles.bytes("statuslist/statuslist-signed.json"))
        let view = try StatusListCredential(json)
        #expect(view.id == "https://status.example/lists/1")
        #expect(view.issuerID == "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")
        #expect(view.statusPurposes == ["revocation"])
        #expect(view.serves("revocation") && !view.serves("suspension"))
        #expect(view.list.setIndices == [94567])
        #expect(view.validFromText == "2025-01-15T00:00:00Z")
        #expect(view.validUntil == nil)
    }

    @Test("a document that is not a status list is refused naming the field", arguments: [
        ("/type", #"{"type":["VerifiableCredential"],"id":"x","issuer":"d","credentialSubject":{}}"#),
        ("/id", #"{"type":["BitstringStatusListCredential"],"issuer":"d","credentialSubject":{}}"#),
        ("/credentialSubject/type", #"{"type":["BitstringStatusListCredential"],"id":"x","issuer":"d","credentialSubject":{"type":"X"}}"#),
        ("/credentialSubject/statusPurpose", #"{"type":["BitstringStatusListCredential"],"id":"x","issuer":"d","credentialSubject":{"type":"BitstringStatusList","encodedList":"u"}}"#),
        ("/credentialSubject/encodedList", #"{"type":["BitstringStatusListCredential"],"id":"x","issuer":"d","credentialSubject":{"type":"BitstringStatusList","statusPurpose":"revocation","encodedList":"uAAAA"}}"#),
    ])
    func refused(pointer: String, text: String) throws {
        do {
            _ = try StatusListCredential(try JSONValue(parsing: text))
            Issue.record("accepted")
        } catch {
            #expect(error.pointer?.description == pointer)
        }
    }

    @Test("an entry reads its digits string and writes it back the same way")
    func entryRoundTrip() throws {
        let json: JSONValue = [
            "id": "https://status.example/lists/1#94567", "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": "94567",
            "statusListCredential": "https://status.example/lists/1",
        ]
        let entry = try StatusListEntry(json)
        #expect(entry.statusListIndex == 94567)
        #expect(entry.jsonValue == json)
        #expect(StatusListEntry(statusPurpose: "revocation", statusListIndex: 94567, statusListCredential: "https://status.example/lists/1") == entry)
    }

    @Test("statusListIndex must be a string of digits", arguments: [JSONValue.number(5), "-5", "+5", "", "5a", " 5", "1234567890123456789"])
    func badIndex(index: JSONValue) {
        let json: JSONValue = [
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": index,
            "statusListCredential": "https://status.example/lists/1",
        ]
        #expect(throws: CredentialError(.invalidValue, "")) { try StatusListEntry(json) }
    }

    @Test("entries of a credential are read one by one; an unsupported type does not hide the others")
    func entriesOfCredential() throws {
        let credential = try Credential([
            "credentialStatus": [
                ["type": "StatusList2021Entry"],
                ["type": "BitstringStatusListEntry", "statusPurpose": "suspension", "statusListIndex": "7", "statusListCredential": "https://s/1"],
            ],
        ])
        let entries = StatusListEntry.entries(in: credential)
        #expect(entries.count == 2)
        if case .failure(let error) = entries[0] { #expect(error.pointer == "/credentialStatus/0/type") } else { Issue.record("accepted") }
        #expect(try entries[1].get().statusListIndex == 7)
        #expect(StatusListEntry.entries(in: try Credential([:])).isEmpty)
    }
}
