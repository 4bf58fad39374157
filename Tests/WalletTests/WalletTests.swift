import CredentialCore
import Foundation
import Signing
import Testing
import Verifier
@testable import Wallet

@Suite("Wallet")
struct WalletTests {
    let verifier = CredentialVerifier(at: exampleTime)
    let sectors = ["construction", "wood-furniture", "agri-food", "manufacturing", "sustainable-management"]

    func learnerWallet() throws -> Wallet { Wallet(holder: DIDKey(publicKey: try exampleKey("learner").publicKey)) }

    func incoming(_ names: [String]) throws -> [Wallet.Incoming] {
        try names.map { Wallet.Incoming(file: "\($0).json", document: try example($0)) }
    }

    @Test("the five MASTERY examples go in, and a presentation of two verifies with challenge and domain")
    func roundTrip() throws {
        var wallet = try learnerWallet()
        let outcomes = try wallet.add(try incoming(sectors), verifier: verifier)
        #expect(outcomes.map(\.action) == Array(repeating: .added, count: 5))
        #expect(wallet.credentials.count == 5)
        let reread = try Wallet(parsing: Array(wallet.jsonValue.canonicalString.utf8), file: "w.json")
        #expect(reread.credentials == wallet.credentials)
        // Credentials are kept exactly as issued.
        #expect(reread.credentials[0].canonicalBytes == (try example("construction")).canonicalBytes)

        let ids = try [example("construction"), example("agri-food")].map { try #require($0["id"]?.stringValue) }
        let shared = try wallet.presentation(
            selecting: ids, key: try exampleKey("learner"), challenge: "n-1", domain: "hr.example", at: exampleTime)
        #expect(shared["verifiableCredential"]?.arrayValue?.count == 2)
        let report = CredentialVerifier(at: exampleTime, challenge: "n-1", domain: "hr.example")
            .verifyDocument(Array(shared.canonicalString.utf8), file: "share.json")
        #expect(report.verdict(strict: false) == .pass, "\(report)")
        #expect(report.checks.first?.result == .pass)
        #expect(report.credentials.allSatisfy { $0[.holder]?.result == .pass })
    }

    @Test("presenting a stacked credential brings its parts; without one of them the stack check fails")
    func stackedPresentation() throws {
        var wallet = try learnerWallet()
        let stack = try JSONValue(parsing: [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/stack/pathway.signed.json"))))
        let offered = [Wallet.Incoming(file: "pathway.json", document: stack)] + (try incoming(["construction", "wood-furniture", "agri-food", "manufacturing"]))
        _ = try wallet.add(offered, verifier: verifier)
        let stackID = try #require(stack["id"]?.stringValue)
        let shared = try wallet.presentation(selecting: [stackID], key: try exampleKey("learner"), challenge: "c", domain: "d", at: exampleTime)
        let carried = shared["verifiableCredential"]?.arrayValue ?? []
        #expect(carried.count == 4)  // the stack and its three parts, not the manufacturing credential
        let checking = CredentialVerifier(at: exampleTime, challenge: "c", domain: "d")
        let report = checking.verifyDocument(Array(shared.canonicalString.utf8), file: "share.json")
        #expect(report.verdict(strict: false) == .pass)
        #expect(report.credentials.first?[.stack]?.result == .pass)
        // The same presentation without its last part, re-signed by the holder: the stack fails.
        guard case .object(var object) = shared else { return }
        object["proof"] = nil
        object["verifiableCredential"] = .array(Array(carried.dropLast()))
        let partial = try EddsaJcs2022.sign(
            .object(object), with: try exampleKey("learner"), options: .init(proofPurpose: "authentication", created: nil, challenge: "c", domain: "d"))
        let failing = checking.verifyDocument(Array(partial.canonicalString.utf8), file: "partial.json")
        #expect(failing.credentials.first?[.stack]?.result == .fail)
        #expect(failing.verdict(strict: false) == .fail)
    }

    @Test("a presentation fails for another challenge or domain")
    func wrongChallengeOrDomain() throws {
        var wallet = try learnerWallet()
        _ = try wallet.add(try incoming(["construction"]), verifier: verifier)
        let shared = try wallet.presentation(selecting: [], key: try exampleKey("learner"), challenge: "n-1", domain: "hr.example")
        for (challenge, domain) in [("n-2", "hr.example"), ("n-1", "evil.example")] {
            let report = CredentialVerifier(at: exampleTime, challenge: challenge, domain: domain)
                .verifyDocument(Array(shared.canonicalString.utf8), file: "share.json")
            #expect(report.checks.first?.result == .fail)
        }
    }

    @Test("only the holder's key can present, and only held ids can be selected")
    func presentRefusals() throws {
        var wallet = try learnerWallet()
        _ = try wallet.add(try incoming(["construction"]), verifier: verifier)
        #expect(throws: WalletError(.wrongHolder, "")) {
            try wallet.presentation(selecting: [], key: try exampleKey("issuer"), challenge: "c", domain: "d")
        }
        #expect(throws: WalletError(.notFound, "")) {
            try wallet.presentation(selecting: ["urn:uuid:none"], key: try exampleKey("learner"), challenge: "c", domain: "d")
        }
        #expect(throws: WalletError(.invalidWallet, "")) {
            try learnerWallet().presentation(selecting: [], key: try exampleKey("learner"), challenge: "c", domain: "d")
        }
    }

    @Test("an edited credential is refused and nothing is added, not even the good ones")
    func editedCredentialRefused() throws {
        var wallet = try learnerWallet()
        var edited = try example("agri-food")
        edited["credentialSubject"]?["achievement"]?["ectsCredits"] = 40
        let offered = try incoming(["construction"]) + [Wallet.Incoming(file: "edited.json", document: edited)]
        do {
            _ = try wallet.add(offered, verifier: verifier)
            Issue.record("an edited credential was accepted")
        } catch {
            #expect(error.code == .refused)
            #expect(error.details.count == 1)
            #expect(error.details.first?.hasPrefix("edited.json: signature:") == true)
        }
        #expect(wallet.credentials.isEmpty)
    }

    @Test("another learner's credential is refused unless allowed; a bearer credential is kept with a note")
    func subjects() throws {
        var wallet = Wallet(holder: DIDKey(publicKey: try exampleKey("issuer").publicKey))
        #expect(throws: WalletError(.refused, "")) { try wallet.add(try incoming(["construction"]), verifier: verifier) }
        let kept = try wallet.add(try incoming(["construction"]), verifier: verifier, allowOtherSubject: true)
        #expect(kept.first?.notes.contains { $0.contains("not you") } == true)

        // A bearer credential: no credentialSubject.id, signed by the example issuer.
        var template = try example("wood-furniture")
        template["proof"] = nil
        template["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
        guard case .object(var subject)? = template["credentialSubject"] else { Issue.record("no subject"); return }
        subject.removeValue(forKey: "id")
        template["credentialSubject"] = .object(subject)
        let bearer = try EddsaJcs2022.sign(
            template, with: try exampleKey("issuer"), options: .init(proofPurpose: "assertionMethod", created: "2026-06-15T09:00:00Z"))
        var learner = try learnerWallet()
        let outcome = try learner.add([.init(file: "bearer.json", document: bearer)], verifier: verifier)
        #expect(outcome.first?.action == .added)
        #expect(outcome.first?.notes.first?.hasPrefix("bearer credential") == true)
    }

    @Test("the same credential twice is a no-op; a different one with a held id is refused")
    func duplicates() throws {
        var wallet = try learnerWallet()
        _ = try wallet.add(try incoming(["construction"]), verifier: verifier)
        let again = try wallet.add(try incoming(["construction"]), verifier: verifier)
        #expect(again.map(\.action) == [.alreadyHeld])
        #expect(wallet.credentials.count == 1)
        // The same credential twice in one call: added, then named as held, in that order.
        var fresh = try learnerWallet()
        let twice = try fresh.add(try incoming(["agri-food", "agri-food"]), verifier: verifier)
        #expect(twice.map(\.action) == [.added, .alreadyHeld])
        #expect(fresh.credentials.count == 1)
        var other = try example("agri-food")
        other["proof"] = nil
        other["id"] = (try example("construction"))["id"]
        let signed = try EddsaJcs2022.sign(
            other, with: try exampleKey("issuer"), options: .init(proofPurpose: "assertionMethod", created: "2026-09-21T08:30:00Z"))
        #expect(throws: WalletError(.refused, "")) {
            try wallet.add([.init(file: "same-id.json", document: signed)], verifier: verifier)
        }
    }

    @Test("an expired credential and a presentation are refused")
    func refusedKinds() throws {
        var wallet = try learnerWallet()
        let late = CredentialVerifier(at: Date(timeIntervalSince1970: 2_000_000_000))  // 2033: agri-food expired in 2031
        #expect(throws: WalletError(.refused, "")) { try wallet.add(try incoming(["agri-food"]), verifier: late) }
        let presentation: JSONValue = ["type": ["VerifiablePresentation"], "verifiableCredential": []]
        #expect(throws: WalletError(.refused, "")) { try wallet.add([.init(file: "vp.json", document: presentation)], verifier: verifier) }
    }

    @Test("a document that is not a wallet is refused with the member named")
    func notAWallet() throws {
        #expect(throws: WalletError(.invalidWallet, "")) { try Wallet(parsing: Array("{\"type\":[\"VerifiablePresentation\"]}".utf8), file: "x") }
        #expect(throws: WalletError(.invalidWallet, "")) {
            try Wallet(parsing: Array("{\"type\":[\"VerifiablePresentation\",\"LearnerWallet\"],\"holder\":\"did:key:zzz\"}".utf8), file: "x")
        }
        do {
            _ = try Wallet(parsing: Array("{\"a\":".utf8), file: "broken.json")
        } catch {
            #expect(error.message.hasPrefix("broken.json:1:"))
        }
    }

    @Test("remove drops the credential; an unknown id is notFound")
    func remove() throws {
        var wallet = try learnerWallet()
        _ = try wallet.add(try incoming(["construction", "agri-food"]), verifier: verifier)
        let id = try #require((try example("construction"))["id"]?.stringValue)
        try wallet.remove(id: id)
        #expect(wallet.credentials.count == 1)
        #expect(throws: WalletError(.notFound, "")) { try wallet.remove(id: id) }
    }

    @Test("the file is saved atomically with a .bak of the previous version, mode 0600")
    func fileUpdate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wallet.json").path
        try WalletFile.create(try learnerWallet(), at: path, overwrite: false)
        #expect(throws: WalletError(.fileFailure, "")) { try WalletFile.create(try learnerWallet(), at: path, overwrite: false) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let construction = try incoming(["construction"])
        _ = try WalletFile.update(path) { (wallet: inout Wallet) throws(WalletError) in
            try wallet.add(construction, verifier: verifier)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == before)
        #expect(try WalletFile.read(path).credentials.count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // A refused change writes nothing.
        let current = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: WalletError(.refused, "")) {
            try WalletFile.update(path) { (wallet: inout Wallet) throws(WalletError) in
                try wallet.add([.init(file: "x.json", document: ["type": ["VerifiablePresentation"]])], verifier: verifier)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == current)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == ["wallet.json", "wallet.json.bak"])
    }

    @Test("a change that would make the wallet unreadable (over 64 MiB, or over 10,000 credentials) is refused and writes nothing")
    func walletBounds() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wallet.json").path
        try WalletFile.create(try learnerWallet(), at: path, overwrite: false)
        let current = try Data(contentsOf: URL(fileURLWithPath: path))
        // Values put in directly: the bound is the file's, whatever the credentials are.
        let large = JSONValue.string(String(repeating: "x", count: FileIO.defaultReadLimit))
        let tooLarge = #expect(throws: WalletError(.refused, "")) {
            try WalletFile.update(path) { (wallet: inout Wallet) throws(WalletError) in wallet.credentials.append(["big": large]) }
        }
        #expect(tooLarge?.message.contains("more than the 67108864 bytes mcred reads; it is left as it was") == true)
        let tooMany = #expect(throws: WalletError(.refused, "")) {
            try WalletFile.update(path) { (wallet: inout Wallet) throws(WalletError) in
                wallet.credentials = (0 ... Presentation.maxCredentials).map { ["n": .number(Double($0))] }
            }
        }
        #expect(tooMany?.message.contains("would hold 10001 credentials") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == current)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        // The verifier refuses a presentation of more at once, naming the member (exit 2 in the CLI).
        let many = JSONValue.object([
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "verifiableCredential": .array(Array(repeating: [:], count: Presentation.maxCredentials + 1)),
        ])
        let report = CredentialVerifier().verifyDocument(many.canonicalBytes, file: "many.json")
        #expect(report.error?.contains("/verifiableCredential: the presentation holds 10001 credentials") == true)
    }
}
