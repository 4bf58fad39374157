import CredentialCore
import Foundation
import Signing
import Testing
import Verifier

@Suite("StatusCheck")
struct StatusCheckTests {
    let world: StatusWorld

    init() throws { world = try StatusWorld() }

    @Test("the shared fixtures: the list signed by the issuer revokes vc-signed.json (bit 94567)")
    func fixtureRevoked() throws {
        var verifier = CredentialVerifier(at: fixtureTime)
        verifier.statusLists = [StatusListEvidence(try vectorJSON("statuslist-signed"), source: "statuslist-signed.json")]
        let outcome = try #require(verifier.verify(try vectorJSON("vc-signed"))[.status])
        #expect(outcome.result == .fail)
        #expect(outcome.message == "revoked: bit 94567 is set in https://status.example/lists/1 dated 2025-01-15T00:00:00Z")
        #expect(outcome.pointer == "/credentialStatus")
    }

    @Test("no list at hand is unknown, never pass, and says so")
    func noList() throws {
        let outcome = try world.status(world.credential(), lists: [])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("is not at hand"))
        // A list for another URL is not this credential's list.
        let other = try world.status(world.credential(), lists: [world.statusList(id: "https://status.example/lists/other")])
        #expect(other.result == .unknown)
    }

    @Test("revoked: the bit set in the issuer's current list fails, with the list's date")
    func revoked() throws {
        let credential = try world.credential(index: 42)
        #expect(try world.status(credential, lists: [world.statusList()]).result == .pass)
        let outcome = try world.status(credential, lists: [world.statusList(set: [42])])
        #expect(outcome.result == .fail)
        #expect(outcome.message.hasPrefix("revoked: bit 42 is set in \(world.url) dated \(XSDDateTime.format(world.days(-1)))"))
        // Another bit does not concern this credential.
        #expect(try world.status(credential, lists: [world.statusList(set: [41, 43])]).result == .pass)
    }

    @Test("suspended fails; the newer list that lifts the suspension passes")
    func suspendAndLift() throws {
        let credential = try world.credential(index: 7, purpose: "suspension")
        let suspended = try world.statusList(set: [7], purpose: "suspension", date: world.days(-3))
        let outcome = try world.status(credential, lists: [suspended])
        #expect(outcome.result == .fail)
        #expect(outcome.message.hasPrefix("suspended: bit 7 is set"))
        let lifted = try world.statusList(set: [], purpose: "suspension", date: world.days(-1))
        let after = try world.status(credential, lists: [suspended, lifted])
        #expect(after.result == .pass)
        #expect(after.message.contains("not suspended: bit 7 is 0"))
        #expect(after.message.contains(XSDDateTime.format(world.days(-1))))
    }

    @Test("a holder cannot hide a revocation behind an older list carried in a presentation")
    func newerDecidesInPresentation() throws {
        let credential = try world.credential(index: 42)
        let older = try world.statusList(set: [], date: world.days(-20))
        let newer = try world.statusList(set: [42], date: world.days(-2))
        for order in [[older, newer], [newer, older]] {
            let presentation: JSONValue = [
                "@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiablePresentation"],
                "verifiableCredential": [credential],
                "statusListCredentials": .array(order),
            ]
            let report = CredentialVerifier(at: world.now).verifyDocument(presentation.canonicalBytes, file: "vp.json")
            let outcome = try #require(report.credentials.first?[.status])
            #expect(outcome.result == .fail)
            #expect(outcome.message.contains(XSDDateTime.format(world.days(-2))))
        }
        // Given with --status instead, the same holds.
        #expect(try world.status(credential, lists: [newer, older]).result == .fail)
    }

    @Test("between two lists of the same date, a set bit wins")
    func tieSetWins() throws {
        let credential = try world.credential(index: 42)
        let date = world.days(-1)
        for order in [[0, 1], [1, 0]] {
            let lists = try [world.statusList(set: [], date: date), world.statusList(set: [42], date: date)]
            #expect(try world.status(credential, lists: order.map { lists[$0] }).result == .fail)
        }
    }

    @Test("a list with the same id signed by another key is unknown, not pass")
    func otherSigner() throws {
        let credential = try world.credential(index: 42)
        // Issued and signed by another key.
        let foreign = try world.status(credential, lists: [world.statusList(signer: world.otherKey)])
        #expect(foreign.result == .unknown)
        #expect(foreign.message.contains("is signed by \(world.otherKey.did.did), not by the credential's issuer"))
        // Naming the issuer but signed by another key: the proof does not verify as the issuer's.
        let forged = try world.status(credential, lists: [world.statusList(issuer: world.issuerKey.did.did, signer: world.otherKey)])
        #expect(forged.result == .unknown)
        // A tampered list: its proof does not verify.
        var tampered = try world.statusList(set: [42])
        tampered["validUntil"] = .string(XSDDateTime.format(world.days(400)))
        let outcome = try world.status(credential, lists: [tampered])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("proof does not verify"))
    }

    @Test("a revoked bit in a forged newer list does not outweigh the issuer's own list, and vice versa")
    func forgedNewerIgnored() throws {
        let credential = try world.credential(index: 42)
        let own = try world.statusList(set: [42], date: world.days(-5))
        let forgedClear = try world.statusList(set: [], date: world.days(-1), signer: world.otherKey)
        #expect(try world.status(credential, lists: [own, forgedClear]).result == .fail)
    }

    @Test("an expired list is unknown and names its dates")
    func expired() throws {
        let credential = try world.credential(index: 42)
        let old = try world.statusList(set: [], date: world.days(-40), validDays: 30)
        let outcome = try world.status(credential, lists: [old])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("expired at \(XSDDateTime.format(world.days(-10)))"))
        #expect(outcome.message.contains("newest list seen dated \(XSDDateTime.format(world.days(-40)))"))
        // A list not yet valid at the checking time is no evidence either.
        #expect(try world.status(credential, lists: [world.statusList(date: world.days(1))]).result == .unknown)
    }

    @Test("--max-status-age turns a list older than the limit into unknown")
    func maxAge() throws {
        let credential = try world.credential(index: 42)
        let list = try world.statusList(date: world.days(-3))
        #expect(try world.status(credential, lists: [list], maxAge: 7 * 86_400).result == .pass)
        let outcome = try world.status(credential, lists: [list], maxAge: 2 * 86_400)
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("older than --max-status-age"))
    }

    @Test("a list for another purpose, or too short for the index, is no evidence")
    func purposeAndRange() throws {
        let credential = try world.credential(index: 42, purpose: "suspension")
        #expect(try world.status(credential, lists: [world.statusList(purpose: "revocation")]).result == .unknown)
        let far = try world.credential(index: 200_000)
        let outcome = try world.status(far, lists: [world.statusList()])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("outside"))
    }

    @Test("a gzip bomb in encodedList is reported as an invalid list, not expanded")
    func gzipBomb() throws {
        let bomb = try BitstringStatusList(uncheckedBytes: [UInt8](repeating: 0, count: 17 * 1024 * 1024)).encodedList()
        let list = try world.statusList(encodedList: bomb)
        let outcome = try world.status(world.credential(index: 42), lists: [list])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("not a valid status list"))
    }

    @Test("lists carried in a presentation: only those a credential points to are decoded, within 64 MiB in all")
    func carriedListBudget() throws {
        let credential = try world.credential(index: 42)
        // Each decodes to the largest size a list may have (16 MiB); the sixth is not even for this credential.
        let full = try BitstringStatusList(uncheckedBytes: [UInt8](repeating: 0, count: BitstringStatusList.defaultByteLimit)).encodedList()
        let list = try world.statusList(encodedList: full)
        let unrelated = try world.statusList(id: "https://status.example/lists/other", encodedList: full)
        let presentation: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "verifiableCredential": [credential],
            "statusListCredentials": .array(Array(repeating: list, count: 5) + [unrelated]),
        ]
        let verifier = CredentialVerifier(at: world.now)
        let context = verifier.context(for: CheckedDocument(presentation, kind: .presentation))
        // The unrelated list is left out; four fill the budget; the fifth is named, not decoded.
        #expect(context.statusLists.count == 5)
        #expect(context.statusLists.prefix(4).allSatisfy { $0.list != nil && $0.problem == nil })
        #expect(context.statusLists[4].list == nil)
        #expect(context.statusLists[4].problem?.contains("decode to more than 64 MiB in all") == true)
        let outcome = try #require(verifier.verifyDocument(presentation.canonicalBytes, file: "vp.json").credentials.first?[.status])
        #expect(outcome.result == .pass)
    }

    @Test("a list signed by another key of the issuer's organisation counts only through a trusted trust list")
    func sameOrganisation() throws {
        let credential = try world.credential(index: 42)
        let list = try world.statusList(set: [42], signer: world.otherKey)
        #expect(try world.status(credential, lists: [list]).result == .unknown)
        let entries = try [
            TrustListEntry(issuer: world.issuerKey.did.did, organization: "E-MADRID01", name: "Uni", country: "ES"),
            TrustListEntry(issuer: world.otherKey.did.did, organization: "E-MADRID01", name: "Uni", country: "ES"),
        ]
        let trusted = world.evaluator([try world.trustList(entries)], anchors: [world.anchorKey])
        let outcome = try world.status(credential, lists: [list], trust: trusted)
        #expect(outcome.result == .fail)
        #expect(outcome.message.contains("E-MADRID01"))
        // The same trust list, but its anchor not named: no.
        let unnamed = world.evaluator([try world.trustList(entries)], anchors: [world.otherKey])
        #expect(try world.status(credential, lists: [list], trust: unnamed).result == .unknown)
        // Different organisations: no.
        let split = try [entries[0], TrustListEntry(issuer: world.otherKey.did.did, organization: "E-OTHER", name: "X", country: "ES")]
        let separate = world.evaluator([try world.trustList(split)], anchors: [world.anchorKey])
        #expect(try world.status(credential, lists: [list], trust: separate).result == .unknown)
    }

    @Test("with several entries the worst result wins, and an unsupported entry is unknown")
    func severalEntries() throws {
        let entries = [
            StatusListEntry(statusPurpose: "revocation", statusListIndex: 1, statusListCredential: world.url),
            StatusListEntry(statusPurpose: "suspension", statusListIndex: 2, statusListCredential: "https://status.example/lists/s"),
        ]
        let credential = try world.credential(entries: entries)
        let revocation = try world.statusList()
        let suspension = try world.statusList(set: [2], purpose: "suspension", id: "https://status.example/lists/s")
        let outcome = try world.status(credential, lists: [revocation, suspension])
        #expect(outcome.result == .fail)
        #expect(outcome.pointer == "/credentialStatus/1")
        #expect(try world.status(credential, lists: [revocation]).result == .unknown)
    }
}
