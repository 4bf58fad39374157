import CredentialCore
import Foundation
import Signing
import Testing
import Verifier

/// Signed credentials, status lists and trust lists made in code for the status and trust checks.
struct StatusWorld {
    let issuerKey: EddsaJcs2022.Signer
    let otherKey: EddsaJcs2022.Signer
    let anchorKey: EddsaJcs2022.Signer
    let url = "https://status.example/lists/9"
    let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

    init() throws {
        issuerKey = EddsaJcs2022.Signer(key: try Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 32)))
        otherKey = EddsaJcs2022.Signer(key: try Ed25519.PrivateKey(seed: [UInt8](repeating: 2, count: 32)))
        anchorKey = EddsaJcs2022.Signer(key: try Ed25519.PrivateKey(seed: [UInt8](repeating: 3, count: 32)))
    }

    func days(_ count: Double) -> Date { now.addingTimeInterval(count * 86_400) }

    /// A signed credential by `signer` carrying `entries` as its credentialStatus.
    func credential(
        signer: EddsaJcs2022.Signer? = nil, entries: [StatusListEntry] = [], index: Int = 42,
        purpose: String = "revocation", signedAt: Date? = nil
    ) throws -> JSONValue {
        let signer = signer ?? issuerKey
        let time = XSDDateTime.format(signedAt ?? days(-10))
        var document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:6a1c3a61-2f3e-4b1a-9c43-0f2a1d9f0a11",
            "type": ["VerifiableCredential"],
            "issuer": .string(signer.did.did),
            "validFrom": .string(time),
            "credentialSubject": ["id": "did:example:learner"],
        ]
        let status = entries.isEmpty
            ? [StatusListEntry(statusPurpose: purpose, statusListIndex: index, statusListCredential: url)] : entries
        document["credentialStatus"] = status.count == 1 ? status[0].jsonValue : .array(status.map(\.jsonValue))
        return try signer.sign(document, options: .init(proofPurpose: "assertionMethod", created: time))
    }

    /// A signed status list dated `date`, valid for `validDays`, with `set` bits set.
    func statusList(
        set: [Int] = [], purpose: String = "revocation", date: Date? = nil, validDays: Double = 30,
        issuer: String? = nil, signer: EddsaJcs2022.Signer? = nil, id: String? = nil, encodedList: String? = nil
    ) throws -> JSONValue {
        let signer = signer ?? issuerKey
        let date = date ?? days(-1)
        var bits = try BitstringStatusList(count: BitstringStatusList.minimumCount)
        for index in set { bits[index] = true }
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string(id ?? url),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": .string(issuer ?? signer.did.did),
            "validFrom": .string(XSDDateTime.format(date)),
            "validUntil": .string(XSDDateTime.format(date.addingTimeInterval(validDays * 86_400))),
            "credentialSubject": [
                "id": .string((id ?? url) + "#list"), "type": "BitstringStatusList",
                "statusPurpose": .string(purpose), "encodedList": .string(try encodedList ?? bits.encodedList()),
            ],
        ]
        return try signer.sign(document, options: .init(proofPurpose: "assertionMethod", created: XSDDateTime.format(date)))
    }

    /// A signed trust list by `anchor` dated `date`.
    func trustList(_ entries: [TrustListEntry], anchor: EddsaJcs2022.Signer? = nil, date: Date? = nil) throws -> JSONValue {
        let anchor = anchor ?? anchorKey
        let time = XSDDateTime.format(date ?? days(-5))
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:0b7f5c7e-5d1e-4c52-9d0e-3f7a3c2b1a00",
            "type": ["VerifiableCredential", "IssuerTrustList"],
            "issuer": .string(anchor.did.did),
            "name": "Agency register",
            "validFrom": .string(time),
            "credentialSubject": ["trustedIssuers": .array(entries.map(\.jsonValue))],
        ]
        return try anchor.sign(document, options: .init(proofPurpose: "assertionMethod", created: time))
    }

    /// The status check of `credential` with `lists` at hand.
    func status(
        _ credential: JSONValue, lists: [JSONValue], trust: TrustEvaluator = TrustEvaluator(), at: Date? = nil,
        maxAge: TimeInterval? = nil
    ) throws -> CheckOutcome {
        var verifier = CredentialVerifier(at: at ?? now)
        verifier.statusLists = lists.enumerated().map { StatusListEvidence($0.element, source: "list\($0.offset)") }
        verifier.trust = trust
        verifier.maxStatusAge = maxAge
        return try #require(verifier.verify(credential)[.status])
    }

    /// The trust check of `credential` with `lists` and `anchors`.
    func trust(_ credential: JSONValue, lists: [JSONValue], anchors: [EddsaJcs2022.Signer], at: Date? = nil) throws -> CheckOutcome {
        var verifier = CredentialVerifier(at: at ?? now)
        verifier.trust = evaluator(lists, anchors: anchors)
        return try #require(verifier.verify(credential)[.trust])
    }

    func evaluator(_ lists: [JSONValue], anchors: [EddsaJcs2022.Signer]) -> TrustEvaluator {
        TrustEvaluator(
            lists: lists.enumerated().map { TrustListEvidence($0.element, source: "trust\($0.offset)") },
            anchors: anchors.map(\.did.did))
    }
}
