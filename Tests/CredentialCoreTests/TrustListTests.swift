import Foundation
import Testing
import CredentialCore

@Suite("TrustList")
struct TrustListTests {
    static let document: JSONValue = [
        "type": ["VerifiableCredential", "IssuerTrustList"],
        "issuer": "did:key:anchor",
        "name": "National register",
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": [
            "trustedIssuers": [
                ["id": "did:key:old", "organization": "E  MADRID01", "name": "Universidad", "country": "ES",
                 "accreditation": "ANECA", "validUntil": "2026-06-30T23:59:59Z"],
                ["id": "did:key:new", "organization": "E  MADRID01", "name": "Universidad", "country": "ES",
                 "validFrom": "2026-06-01T00:00:00Z"],
            ],
        ],
    ]

    @Test("entries keep their organisation and window; a missing bound is open")
    func reads() throws {
        let list = try TrustList(Self.document)
        #expect(list.anchor == "did:key:anchor")
        #expect(list.entries.count == 2)
        let old = try #require(list.entry(for: "did:key:old"))
        #expect(old.accreditation == "ANECA")
        #expect(old.covers(Date(timeIntervalSince1970: 0)))
        #expect(old.covers(try #require(XSDDateTime.parse("2026-06-30T23:59:59Z"))))
        #expect(!old.covers(try #require(XSDDateTime.parse("2026-07-01T00:00:00Z"))))
        let new = try #require(list.entry(for: "did:key:new"))
        #expect(!new.covers(try #require(XSDDateTime.parse("2026-05-31T00:00:00Z"))))
        #expect(new.covers(try #require(XSDDateTime.parse("2099-01-01T00:00:00Z"))))
        #expect(new.organization == old.organization)
        #expect(try TrustList(.object(JSONObject(list.credential.object.map { ($0.key, $0.value) }))).entries == list.entries)
    }

    @Test("a DID is found by its bytes, not by Unicode equivalence")
    func byteComparison() throws {
        var document = Self.document
        try document.setValue("did:key:\u{212A}", at: "/credentialSubject/trustedIssuers/0/id")
        let list = try TrustList(document)
        #expect(list.entry(for: "did:key:K") == nil)
        #expect(list.entry(for: "did:key:\u{212A}") != nil)
    }

    @Test("bad entries are refused naming the member", arguments: [
        ("/credentialSubject/trustedIssuers/0/country", "country", JSONValue.string("Spain")),
        ("/credentialSubject/trustedIssuers/0/country", "country", JSONValue.string("es")),
        ("/credentialSubject/trustedIssuers/0/validUntil", "validUntil", JSONValue.string("soon")),
        ("/credentialSubject/trustedIssuers/0/name", "name", JSONValue.number(1)),
        ("/credentialSubject/trustedIssuers/1/id", "id", JSONValue.string("did:key:old")),
    ])
    func refused(expected: String, field: String, value: JSONValue) throws {
        var document = Self.document
        let position = expected.contains("/1/") ? "1" : "0"
        try document.setValue(value, at: JSONPointer(tokens: ["credentialSubject", "trustedIssuers", position, field]))
        do {
            _ = try TrustList(document)
            Issue.record("accepted")
        } catch {
            #expect(error.pointer?.description == expected)
        }
    }

    @Test("a window that ends before it starts is refused")
    func reversedWindow() {
        #expect(throws: CredentialError(.invalidValue, "")) {
            try TrustListEntry(issuer: "did:key:a", name: "A", country: "ES", validFrom: "2027-01-01T00:00:00Z", validUntil: "2026-01-01T00:00:00Z")
        }
        #expect((try? TrustListEntry(issuer: "did:key:a", name: "A", country: "ES"))?.organization == "did:key:a")
    }
}
