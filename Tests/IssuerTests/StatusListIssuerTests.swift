import CredentialCore
import Foundation
import Signing
import Testing
@testable import Issuer

@Suite("StatusListIssuer")
struct StatusListIssuerTests {
    let key: Ed25519.PrivateKey
    let issuer: StatusListIssuer
    let url = "https://status.example/lists/7"
    let day0 = Date(timeIntervalSince1970: 1_780_000_000)

    init() throws {
        key = try Ed25519.PrivateKey(seed: testSeed)
        issuer = StatusListIssuer(key: key)
    }

    @Test("a new list is a signed BitstringStatusListCredential of zero bits valid for the given days")
    func create() throws {
        let document = try issuer.create(url: url, purpose: "revocation", validDays: 30, at: day0)
        #expect(try EddsaJcs2022.verify(document).isVerified)
        let view = try StatusListCredential(document)
        #expect(view.id == url)
        #expect(view.issuerID == issuer.signer.did.did)
        #expect(view.statusPurposes == ["revocation"])
        #expect(view.list.count == 131_072)
        #expect(view.list.setCount == 0)
        #expect(document["credentialSubject"]?["type"] == "BitstringStatusList")
        #expect(document["validFrom"] == .string(XSDDateTime.format(day0)))
        #expect(document["validUntil"] == .string(XSDDateTime.format(day0.addingTimeInterval(30 * 86_400))))
        #expect(document["proof"]?["created"] == .string(XSDDateTime.format(day0)))
    }

    @Test("bad options are refused", arguments: [
        ("https://s/1", "refresh", 131_072, 30), ("no-scheme", "revocation", 131_072, 30),
        ("https://s/1#frag", "revocation", 131_072, 30), ("https://s/1", "revocation", 1024, 30),
        ("https://s/1", "revocation", 131_072, 0),
    ])
    func badOptions(url: String, purpose: String, size: Int, days: Int) {
        #expect(throws: IssuerError(.invalidOption, "")) { try issuer.create(url: url, purpose: purpose, size: size, validDays: days) }
    }

    @Test("setting a bit re-signs and renews validFrom and validUntil")
    func setRenews() throws {
        let first = try issuer.create(url: url, purpose: "revocation", at: day0)
        let later = day0.addingTimeInterval(86_400)
        let revoked = try issuer.update(first, index: 94567, value: true, validDays: 7, at: later)
        #expect(try EddsaJcs2022.verify(revoked).isVerified)
        let view = try StatusListCredential(revoked)
        #expect(view.list.setIndices == [94567])
        #expect(view.validFrom == later)
        #expect(view.validUntil == later.addingTimeInterval(7 * 86_400))
        #expect(revoked["id"] == first["id"])
    }

    @Test("clearing a revocation bit is refused; a suspension bit can be cleared")
    func revocationIsFinal() throws {
        let revocation = try issuer.update(issuer.create(url: url, purpose: "revocation", at: day0), index: 5, value: true, at: day0)
        #expect(throws: IssuerError(.revocationIsFinal, "")) { try issuer.update(revocation, index: 5, value: false, at: day0) }
        let suspension = try issuer.update(issuer.create(url: url, purpose: "suspension", at: day0), index: 5, value: true, at: day0)
        let lifted = try issuer.update(suspension, index: 5, value: false, at: day0)
        #expect(try StatusListCredential(lifted).list.setCount == 0)
    }

    @Test("another key's list, a tampered document or an index outside the list is refused")
    func refusesForeignList() throws {
        let other = StatusListIssuer(key: try Ed25519.PrivateKey())
        let list = try other.create(url: url, purpose: "suspension", at: day0)
        #expect(throws: IssuerError(.invalidList, "")) { try issuer.update(list, index: 1, value: true) }
        let own = try issuer.create(url: url, purpose: "suspension", at: day0)
        #expect(throws: IssuerError(.invalidList, "")) { try issuer.update(own, index: 131_072, value: true) }
        #expect(throws: IssuerError(.invalidList, "")) { try issuer.update(["type": "VerifiableCredential"], index: 1, value: true) }
    }

    @Test("a credential issued with a status entry carries it and still verifies")
    func credentialWithStatus() throws {
        let entry = StatusListEntry(statusPurpose: "revocation", statusListIndex: 42, statusListCredential: url)
        let signed = try CredentialIssuer(key: key).issue(microCredentialTemplate(), status: entry, issuedAt: day0)
        #expect(signed["credentialStatus"] == entry.jsonValue)
        #expect(signed["credentialStatus"]?["statusListIndex"] == "42")
        #expect(signed["credentialStatus"]?["id"] == .string(url + "#42"))
        #expect(try EddsaJcs2022.verify(signed).isVerified)
        var template = microCredentialTemplate()
        template["credentialStatus"] = entry.jsonValue
        #expect(throws: IssuerError(.invalidTemplate, "")) { try CredentialIssuer(key: key).issue(template, status: entry) }
    }

    @Test("a batch gives each line its own status entry, in input order")
    func batchWithStatus() throws {
        let line = microCredentialTemplate().canonicalBytes
        let input = line + [0x0A, 0x0A] + line + [0x0A]
        let entries = [3, 9].map { StatusListEntry(statusPurpose: "suspension", statusListIndex: $0, statusListCredential: url) }
        let items = try CredentialIssuer(key: key).issueBatch(input, jobs: 2, statusEntries: entries)
        let indices = try items.map { item in try JSONValue(parsing: item.result.get())["credentialStatus"]?["statusListIndex"] }
        #expect(indices == ["3", "9"])
    }
}
