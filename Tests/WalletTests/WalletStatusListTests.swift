import CredentialCore
import Foundation
import Issuer
import Signing
import Testing
import Verifier
@testable import Wallet

/// The status-list snapshots a wallet keeps (spec/wallet.md §2.1).
@Suite("Wallet status-list snapshots")
struct WalletStatusListTests {
    let url = "https://example.org/status/snapshots"

    /// A wallet holding one credential of the example issuer that names `url`.
    func walletWithCredential(verifier: CredentialVerifier) throws -> Wallet {
        var template = try JSONValue(parsing: [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/construction.json"))))
        template["id"] = "urn:uuid:5b0f7c3e-2a91-4d6e-8f40-7e1c9a2b3d45"
        let credential = try CredentialIssuer(key: try exampleKey("issuer"))
            .issue(template, status: StatusListEntry(statusPurpose: "revocation", statusListIndex: 7, statusListCredential: url))
        var wallet = Wallet(holder: DIDKey(publicKey: try exampleKey("learner").publicKey))
        _ = try wallet.add([Wallet.Incoming(file: "vc.json", document: credential)], verifier: verifier)
        return wallet
    }

    @Test("a list dated after the real time is refused, even when add checks as of that later date")
    func futureList() throws {
        let future = Date().addingTimeInterval(400 * 86_400)
        let verifier = CredentialVerifier(at: future.addingTimeInterval(86_400))
        var wallet = try walletWithCredential(verifier: verifier)
        let lists = StatusListIssuer(key: try exampleKey("issuer"))
        let later = try lists.create(url: url, purpose: "revocation", validDays: 3000, at: future)
        #expect(throws: WalletError(.refused, "")) {
            _ = try wallet.add([Wallet.Incoming(file: "later.json", document: later)], verifier: verifier)
        }
        #expect(wallet.statusLists.isEmpty)
        let current = try lists.create(url: url, purpose: "revocation", validDays: 3000)
        let outcomes = try wallet.add([Wallet.Incoming(file: "now.json", document: current)], verifier: verifier)
        #expect(outcomes.map(\.action) == [.statusListKept])
    }

    @Test("another key's list for the same URL is kept beside the issuer's and displaces nothing, whatever its date")
    func oneSnapshotPerSigner() throws {
        let verifier = CredentialVerifier()
        var wallet = try walletWithCredential(verifier: verifier)
        let issuerList = try StatusListIssuer(key: try exampleKey("issuer")).create(url: url, purpose: "revocation", at: Date().addingTimeInterval(-3600))
        let strangerList = try StatusListIssuer(key: try Ed25519.PrivateKey()).create(url: url, purpose: "revocation")
        _ = try wallet.add([Wallet.Incoming(file: "issuer.json", document: issuerList)], verifier: verifier)
        let outcomes = try wallet.add([Wallet.Incoming(file: "stranger.json", document: strangerList)], verifier: verifier)
        #expect(outcomes.first?.action == .statusListKept)
        #expect(outcomes.first?.notes.first?.contains("not by the issuer of the credentials that name it") == true)
        #expect(wallet.statusLists.count == 2)
        #expect(wallet.statusLists.contains { $0.canonicalBytes == issuerList.canonicalBytes })
        // The issuer's list still decides the credential's status.
        let report = verifier.verify(CheckedDocument(wallet.jsonValue, kind: .wallet), file: "wallet")
        #expect(report.credentials.first?[.status]?.result == .pass)
    }
}
