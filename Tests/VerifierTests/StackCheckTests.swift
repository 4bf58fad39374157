import CredentialCore
import Foundation
import Signing
import Testing
@testable import Verifier

/// The `stack` check over presentations built here: three components of one learner signed by the
/// issuer key, a stacked credential over them, and the learner's signed presentation.
@Suite("StackCheck")
struct StackCheckTests {
    let verifier = CredentialVerifier(at: fixtureTime, challenge: "c-123", domain: "verifier.example")
    let issuer: Ed25519.PrivateKey
    let holder: Ed25519.PrivateKey
    let other: Ed25519.PrivateKey
    let learner: String

    init() throws {
        issuer = try Ed25519.PrivateKey(seed: Self.bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        holder = try Ed25519.PrivateKey(seed: Self.bytes("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))
        other = try Ed25519.PrivateKey(seed: Self.bytes("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"))
        learner = DIDKey(publicKey: holder.publicKey).did
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    /// The bundled credential as a component: its own id and credits, the learner as subject, no
    /// status entry, signed by `key`.
    func component(
        _ number: Int, ects: JSONValue?, subject: String? = nil, by key: Ed25519.PrivateKey? = nil,
        edit: (inout JSONValue) -> Void = { _ in }
    ) throws -> JSONValue {
        let signer = key ?? issuer
        var document = try vectorJSON("vc-signed")
        document["proof"] = nil
        document["credentialStatus"] = nil
        document["id"] = .string("urn:uuid:00000000-0000-4000-8000-00000000000\(number)")
        document["issuer"]?["id"] = .string(DIDKey(publicKey: signer.publicKey).did)
        document["credentialSubject"]?["id"] = .string(subject ?? learner)
        document["credentialSubject"]?["achievement"]?["id"] = .string("urn:example:achievement:\(number)")
        document["credentialSubject"]?["achievement"]?["ectsCredits"] = ects
        edit(&document)
        return try EddsaJcs2022.sign(document, with: signer, options: .init(proofPurpose: "assertionMethod", created: "2025-01-15T10:00:00Z"))
    }

    /// A stacked credential over `components` (bound in order), stating `total`, signed by `key`.
    func stack(
        _ components: [JSONValue], total: JSONValue, by key: Ed25519.PrivateKey? = nil, digest: (JSONValue) -> String = DigestMultibase.of,
        rules: JSONValue? = nil, id: String = "urn:uuid:00000000-0000-4000-8000-0000000000ff"
    ) throws -> JSONValue {
        let signer = key ?? issuer
        var achievement: JSONObject = ["id": "urn:example:stack", "name": "A stack", "ectsCredits": total]
        if let rules { achievement["stackingRules"] = rules }
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string(id),
            "type": ["VerifiableCredential", "StackedCredential"],
            "issuer": .object(["id": .string(DIDKey(publicKey: signer.publicKey).did)]),
            "validFrom": "2025-02-01T00:00:00Z",
            "credentialSubject": .object(["id": .string(learner), "achievement": .object(achievement)]),
            "relatedResource": .array(components.map { .object(["id": $0["id"] ?? .null, "digestMultibase": .string(digest($0))]) }),
        ]
        return try EddsaJcs2022.sign(document, with: signer, options: .init(proofPurpose: "assertionMethod", created: "2025-02-01T00:00:00Z"))
    }

    /// The learner's presentation of `credentials`, signed for the verifier's challenge and domain.
    func presented(_ credentials: [JSONValue]) throws -> FileReport {
        let unsigned: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "holder": .string(learner),
            "verifiableCredential": .array(credentials),
        ]
        let signed = try EddsaJcs2022.sign(
            unsigned, with: holder, options: .init(proofPurpose: "authentication", created: nil, challenge: "c-123", domain: "verifier.example"))
        return verifier.verifyDocument(Array(signed.canonicalString.utf8), file: "vp.json")
    }

    func three() throws -> [JSONValue] {
        [try component(1, ects: 2.5), try component(2, ects: 3), try component(3, ects: 4)]
    }

    /// The stacked credential's report: the last credential of the file.
    func stackReport(_ report: FileReport) throws -> CredentialReport {
        try #require(report.credentials.last)
    }

    @Test("a stack of three verifies inside the learner's presentation")
    func stackOfThree() throws {
        let parts = try three()
        let report = try presented(parts + [try stack(parts, total: 9.5)])
        #expect(report.checks.first?.result == .pass)
        let stacked = try stackReport(report)
        #expect(stacked[.stack]?.result == .pass, "\(stacked[.stack]?.message ?? "")")
        #expect(stacked[.stack]?.message.contains("3 components") == true)
        #expect(report.credentials.dropLast().allSatisfy { $0[.stack]?.result == .skip })
        #expect(report.verdict(strict: false) == .pass)
    }

    @Test("a digest written as base64url (u…) is accepted like base58btc (z…)")
    func base64urlDigest() throws {
        let parts = try three()
        let stacked = try stack(parts, total: 9.5) { Multibase.base64url(Multihash(sha256Of: $0.canonicalBytes).bytes) }
        #expect(stacked["relatedResource"]?[0]?["digestMultibase"]?.stringValue?.hasPrefix("u") == true)
        #expect(try stackReport(try presented(parts + [stacked]))[.stack]?.result == .pass)
    }

    @Test("a stacked credential without its components fails stack, naming each missing one")
    func alone() throws {
        let parts = try three()
        let report = verifier.verify(try stack(parts, total: 9.5))
        #expect(report.failingChecks(strict: false).map(\.check) == [.stack])
        let message = try #require(report[.stack]?.message)
        #expect(message.contains("3 of 3 components are not in the file"))
        for part in parts { #expect(message.contains(part["id"]?.stringValue ?? "?")) }
    }

    @Test("one component removed: stack fails naming it, and only stack fails")
    func componentRemoved() throws {
        let parts = try three()
        let report = try presented([parts[0], parts[2], try stack(parts, total: 9.5)])
        let stacked = try stackReport(report)
        #expect(stacked.failingChecks(strict: false).map(\.check) == [.stack])
        #expect(stacked[.stack]?.message.contains("1 of 3 components is not in the file: urn:uuid:00000000-0000-4000-8000-000000000002") == true)
        #expect(stacked[.stack]?.pointer == "/verifiableCredential/2/relatedResource")
    }

    @Test("one component edited and re-signed by its issuer: its digest no longer matches")
    func componentEdited() throws {
        let parts = try three()
        let stacked = try stack(parts, total: 9.5)
        let edited = try component(2, ects: 3) { $0["credentialSubject"]?["achievement"]?["name"] = "Data Protection, Advanced" }
        let report = try presented([parts[0], edited, parts[2], stacked])
        #expect(report.credentials[1].failingChecks(strict: false).isEmpty)  // the edited component is itself valid
        let result = try stackReport(report)
        #expect(result.failingChecks(strict: false).map(\.check) == [.stack])
        #expect(result[.stack]?.message.contains("component urn:uuid:00000000-0000-4000-8000-000000000002") == true)
        #expect(result[.stack]?.message.contains("does not match its digest") == true)
        #expect(result[.stack]?.pointer == "/verifiableCredential/3/relatedResource/1/digestMultibase")
    }

    @Test("one component edited without re-signing fails its own signature and the stack's digest")
    func componentTampered() throws {
        let parts = try three()
        var tampered = parts[0]
        tampered["credentialSubject"]?["achievement"]?["ectsCredits"] = 25
        let report = try presented([tampered, parts[1], parts[2], try stack(parts, total: 9.5)])
        #expect(report.credentials[0][.signature]?.result == .fail)
        #expect(try stackReport(report)[.stack]?.message.contains("000000000001 at /verifiableCredential/0 does not match its digest") == true)
    }

    @Test("an inflated ECTS total signed by another key that claims it fails stack, not signature")
    func inflatedTotal() throws {
        let parts = try three()
        let report = try presented(parts + [try stack(parts, total: 12, by: other)])
        let stacked = try stackReport(report)
        #expect(stacked[.signature]?.result == .pass)
        #expect(stacked.failingChecks(strict: false).map(\.check) == [.stack])
        #expect(stacked[.stack]?.message == "states 12 ECTS credits, but its components total 9.5")
        #expect(stacked[.stack]?.pointer == "/verifiableCredential/3/credentialSubject/achievement/ectsCredits")
    }

    @Test("ECTS add up exactly: 0.1 + 0.2 is 0.3, where doubles would give 0.30000000000000004")
    func exactArithmetic() throws {
        let parts = [try component(1, ects: 0.1), try component(2, ects: 0.2)]
        #expect(0.1 + 0.2 != 0.3)
        #expect(try stackReport(try presented(parts + [try stack(parts, total: 0.3)]))[.stack]?.result == .pass)
        let report = try presented(parts + [try stack(parts, total: 0.30000000000000004)])
        #expect(try stackReport(report)[.stack]?.result == .fail)
    }

    @Test("a component of another learner fails stack, naming it")
    func otherLearner() throws {
        var parts = try three()
        let stranger = DIDKey(publicKey: other.publicKey).did
        parts[1] = try component(2, ects: 3, subject: stranger)
        let report = try presented(parts + [try stack(parts, total: 9.5)])
        let stacked = try stackReport(report)
        #expect(stacked.failingChecks(strict: false).map(\.check) == [.stack])
        let message = try #require(stacked[.stack]?.message)
        #expect(message.contains("component urn:uuid:00000000-0000-4000-8000-000000000002 belongs to \(stranger)"))
        #expect(report.credentials[1][.holder]?.result == .fail)
    }

    @Test("the same component bound twice fails stack, and its credits are not counted twice")
    func duplicate() throws {
        let parts = try three()
        let report = try presented(parts + [try stack(parts + [parts[2]], total: 9.5)])
        let stacked = try stackReport(report)
        #expect(stacked.failingChecks(strict: false).map(\.check) == [.stack])
        #expect(stacked[.stack]?.message == "component urn:uuid:00000000-0000-4000-8000-000000000003 is bound twice")
        let inflated = try presented(parts + [try stack(parts + [parts[2]], total: 13.5)])
        #expect(try stackReport(inflated)[.stack]?.problems.contains { $0.message.contains("components total 9.5") } == true)
    }

    @Test("a component stack with one of its own components bound beside it fails stack: the credits would count twice")
    func nestedOverlap() throws {
        let parts = try three()
        let inner = try stack(parts, total: 9.5, id: "urn:uuid:00000000-0000-4000-8000-0000000000fe")
        let outer = try stack([inner, parts[0]], total: 12)
        let report = try presented(parts + [inner, outer])
        #expect(report.credentials[3][.stack]?.result == .pass)
        let stacked = try stackReport(report)
        #expect(stacked[.stack]?.result == .fail)
        #expect(stacked[.stack]?.problems.map(\.message) == [
            "component urn:uuid:00000000-0000-4000-8000-000000000001 is bound twice: directly and inside component urn:uuid:00000000-0000-4000-8000-0000000000fe",
        ])
        // A stack that names its own id among its components.
        let itself = try stack(parts + [["id": "urn:uuid:00000000-0000-4000-8000-0000000000ff"]], total: 9.5)
        let own = try stackReport(try presented(parts + [itself]))
        #expect(own[.stack]?.problems.contains { $0.message == "the stack binds its own id urn:uuid:00000000-0000-4000-8000-0000000000ff as a component" } == true)
    }

    @Test("a component that does not verify fails stack, naming it")
    func componentSignedByAnotherKey() throws {
        var parts = try three()
        parts[0] = try component(1, ects: 2.5) { $0["issuer"]?["id"] = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT" }
        let stacked = try stackReport(try presented(parts + [try stack(parts, total: 9.5)]))
        #expect(stacked[.stack]?.message.contains("component urn:uuid:00000000-0000-4000-8000-000000000001 does not verify") == true)
    }

    @Test("a component without ectsCredits fails stack, naming it")
    func componentWithoutCredits() throws {
        var parts = try three()
        parts[2] = try component(3, ects: nil)
        let stacked = try stackReport(try presented(parts + [try stack(parts, total: 5.5)]))
        #expect(stacked.failingChecks(strict: false).map(\.check) == [.stack])
        #expect(stacked[.stack]?.message.contains("component urn:uuid:00000000-0000-4000-8000-000000000003") == true)
        #expect(stacked[.stack]?.message.contains("ectsCredits") == true)
    }

    @Test("stacking rules stated in the credential are checked: minimum total and required achievements")
    func rules() throws {
        let parts = try three()
        let met: JSONValue = ["minimumEctsCredits": 9, "requiredAchievements": ["urn:example:achievement:2"]]
        #expect(try stackReport(try presented(parts + [try stack(parts, total: 9.5, rules: met)]))[.stack]?.result == .pass)
        let broken: JSONValue = ["minimumEctsCredits": 10, "requiredAchievements": ["urn:example:achievement:9"]]
        let result = try stackReport(try presented(parts + [try stack(parts, total: 9.5, rules: broken)]))
        #expect(result[.stack]?.result == .fail)
        #expect(result[.stack]?.problems.map(\.message) == [
            "the components total 9.5 ECTS credits, below the minimum of 10",
            "no component attests the required achievement urn:example:achievement:9",
        ])
    }

    @Test("a bound id that writes K as U+212A KELVIN SIGN does not find the component: ids compare by bytes")
    func kelvinComponentID() throws {
        let part = try component(1, ects: 2.5) { $0["id"] = "urn:example:K1" }
        var lookalike = part
        lookalike["id"] = "urn:example:\u{212A}1"
        #expect(lookalike["id"]?.stringValue == part["id"]?.stringValue)  // Swift's String == would match them
        let stacked = try stack([lookalike], total: 2.5) { _ in DigestMultibase.of(part) }
        let result = try stackReport(try presented([part, stacked]))
        #expect(result[.stack]?.result == .fail)
        #expect(result[.stack]?.message.contains("1 of 1 components is not in the file") == true)
        #expect(try stackReport(try presented([part, try stack([part], total: 2.5)]))[.stack]?.result == .pass)
    }

    @Test("a wallet holding the components and the stack passes the stack check")
    func wallet() throws {
        let parts = try three()
        let document: JSONValue = [
            "type": ["VerifiablePresentation", "LearnerWallet"],
            "holder": .string(learner),
            "verifiableCredential": .array(parts + [try stack(parts, total: 9.5)]),
        ]
        let report = verifier.verifyDocument(Array(document.canonicalString.utf8), file: "wallet.json")
        #expect(report.kind == .wallet)
        #expect(try stackReport(report)[.stack]?.result == .pass)
    }

    @Test("a credential that stacks nothing skips the check, even with a relatedResource")
    func notStacked() throws {
        let plain = try component(1, ects: 2.5) { $0["relatedResource"] = [["id": "https://x.example/a.png", "digestMultibase": "zQm"]] }
        #expect(verifier.verify(plain)[.stack]?.result == .skip)
    }
}
