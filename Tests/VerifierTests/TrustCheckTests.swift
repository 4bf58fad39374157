import CredentialCore
import Foundation
import Signing
import Testing
import Verifier

@Suite("TrustCheck")
struct TrustCheckTests {
    let world: StatusWorld

    init() throws { world = try StatusWorld() }

    func entry(_ signer: EddsaJcs2022.Signer, from: Date? = nil, until: Date? = nil, org: String = "E-SEVILLA07") throws -> TrustListEntry {
        try TrustListEntry(
            issuer: signer.did.did, organization: org, name: "Centro Verde", country: "ES", accreditation: "ANECA",
            validFrom: from.map(XSDDateTime.format), validUntil: until.map(XSDDateTime.format))
    }

    @Test("without trust lists or anchors the check is skipped")
    func skipped() throws {
        #expect(try world.trust(world.credential(), lists: [], anchors: []).result == .skip)
    }

    @Test("a named anchor's list that lists the issuer passes and says who vouches")
    func passes() throws {
        let outcome = try world.trust(world.credential(), lists: [world.trustList([entry(world.issuerKey)])], anchors: [world.anchorKey])
        #expect(outcome.result == .pass)
        #expect(outcome.message.contains("Centro Verde (ES, org E-SEVILLA07), accredited by ANECA"))
        #expect(outcome.message.contains(world.anchorKey.did.did))
    }

    @Test("a named anchor's valid list that does not list the issuer fails, naming the anchor")
    func notListed() throws {
        let outcome = try world.trust(world.credential(), lists: [world.trustList([entry(world.otherKey)])], anchors: [world.anchorKey])
        #expect(outcome.result == .fail)
        #expect(outcome.message.contains("anchor \(world.anchorKey.did.did)'s list dated"))
        #expect(outcome.message.contains("does not list \(world.issuerKey.did.did)"))
    }

    @Test("lists of anchors not named are ignored: unknown, not pass")
    func unnamedAnchorIgnored() throws {
        let list = try world.trustList([entry(world.issuerKey)], anchor: world.otherKey)
        let outcome = try world.trust(world.credential(), lists: [list], anchors: [world.anchorKey])
        #expect(outcome.result == .unknown)
        #expect(try world.trust(world.credential(), lists: [], anchors: [world.anchorKey]).result == .unknown)
    }

    @Test("a tampered or expired trust list is no evidence")
    func invalidList() throws {
        var tampered = try world.trustList([entry(world.otherKey)])
        try tampered.setValue(.string(world.issuerKey.did.did), at: "/credentialSubject/trustedIssuers/0/id")
        let outcome = try world.trust(world.credential(), lists: [tampered], anchors: [world.anchorKey])
        #expect(outcome.result == .unknown)
        #expect(outcome.message.contains("proof does not verify"))
        let future = try world.trustList([entry(world.issuerKey)], date: world.days(2))
        #expect(try world.trust(world.credential(), lists: [future], anchors: [world.anchorKey]).result == .unknown)
    }

    @Test("key rotation: the old key's credentials inside its window pass, one signed after it fails, the new key passes")
    func keyRotation() throws {
        let rotation = world.days(-30)
        let list = try world.trustList([
            entry(world.issuerKey, until: rotation),
            entry(world.otherKey, from: rotation),
        ])
        let oldInside = try world.credential(signer: world.issuerKey, signedAt: world.days(-100))
        #expect(try world.trust(oldInside, lists: [list], anchors: [world.anchorKey]).result == .pass)
        let oldAfter = try world.credential(signer: world.issuerKey, signedAt: world.days(-10))
        let outcome = try world.trust(oldAfter, lists: [list], anchors: [world.anchorKey])
        #expect(outcome.result == .fail)
        #expect(outcome.message.contains("open – \(XSDDateTime.format(rotation))"))
        #expect(outcome.message.contains("signed at \(XSDDateTime.format(world.days(-10)))"))
        let newKey = try world.credential(signer: world.otherKey, signedAt: world.days(-10))
        #expect(try world.trust(newKey, lists: [list], anchors: [world.anchorKey]).result == .pass)
        let newBefore = try world.credential(signer: world.otherKey, signedAt: world.days(-100))
        #expect(try world.trust(newBefore, lists: [list], anchors: [world.anchorKey]).result == .fail)
    }

    @Test("the anchor's newest list decides: an older list cannot bring back a removed issuer")
    func newestListDecides() throws {
        let older = try world.trustList([entry(world.issuerKey)], date: world.days(-20))
        let newer = try world.trustList([entry(world.otherKey)], date: world.days(-2))
        #expect(try world.trust(world.credential(), lists: [older, newer], anchors: [world.anchorKey]).result == .fail)
        #expect(try world.trust(world.credential(), lists: [newer, older], anchors: [world.anchorKey]).result == .fail)
    }

    @Test("with two named anchors, one that vouches is enough")
    func twoAnchors() throws {
        let vouching = try world.trustList([entry(world.issuerKey)], anchor: world.otherKey)
        let silent = try world.trustList([], anchor: world.anchorKey)
        let outcome = try world.trust(world.credential(), lists: [silent, vouching], anchors: [world.anchorKey, world.otherKey])
        #expect(outcome.result == .pass)
    }
}
