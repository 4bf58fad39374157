import CredentialCore
import Foundation
import Signing
import Testing
@testable import Issuer

@Suite("TrustListIssuer")
struct TrustListIssuerTests {
    let anchor: TrustListIssuer
    let day0 = Date(timeIntervalSince1970: 1_780_000_000)

    /// Two issuer keys' DIDs.
    let didA: String
    let didB: String

    init() throws {
        anchor = TrustListIssuer(key: try Ed25519.PrivateKey(seed: testSeed))
        didA = DIDKey(publicKey: try Ed25519.PrivateKey(seed: Array(repeating: 1, count: 32)).publicKey).did
        didB = DIDKey(publicKey: try Ed25519.PrivateKey(seed: Array(repeating: 2, count: 32)).publicKey).did
    }

    @Test("create, add, replace and remove each re-sign the list and keep its id")
    func edits() throws {
        let empty = try anchor.create(name: "Agency register", at: day0)
        #expect(try EddsaJcs2022.verify(empty).isVerified)
        #expect(try TrustList(empty).entries.isEmpty)
        let a = try TrustListEntry(issuer: didA, organization: "ORG-A", name: "A", country: "ES", accreditation: "ANECA")
        let b = try TrustListEntry(issuer: didB, name: "B", country: "PT")
        let later = day0.addingTimeInterval(60)
        var list = try anchor.add(b, to: anchor.add(a, to: empty, at: day0), at: later)
        #expect(try TrustList(list).entries == [a, b])
        #expect(list["validFrom"] == .string(XSDDateTime.format(later)))
        let renamed = try TrustListEntry(issuer: didA, organization: "ORG-A", name: "A renamed", country: "ES", validUntil: "2030-01-01T00:00:00Z")
        list = try anchor.add(renamed, to: list)
        #expect(try TrustList(list).entries == [renamed, b])
        list = try anchor.remove(issuer: didA, from: list)
        #expect(try TrustList(list).entries == [b])
        #expect(list["id"] == empty["id"])
        #expect(try EddsaJcs2022.verify(list).isVerified)
        #expect(throws: IssuerError(.invalidOption, "")) { try anchor.remove(issuer: didA, from: list) }
        // An entry whose issuer is no Ed25519 did:key is refused and the list is not re-signed.
        #expect(throws: IssuerError(.invalidOption, "")) {
            try anchor.add(TrustListEntry(issuer: "did:key:a", name: "A", country: "ES"), to: list)
        }
    }

    @Test("another anchor's list is not edited")
    func foreign() throws {
        let other = try TrustListIssuer(key: Ed25519.PrivateKey()).create(name: "Other")
        #expect(throws: IssuerError(.invalidList, "")) {
            try anchor.add(TrustListEntry(issuer: didA, name: "A", country: "ES"), to: other)
        }
    }
}
