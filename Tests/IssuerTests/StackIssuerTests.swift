import CredentialCore
import Foundation
import Signing
import Testing
import Verifier
@testable import Issuer

@Suite("StackIssuer")
struct StackIssuerTests {
    let issuer: CredentialIssuer
    let stacker: StackIssuer
    let issuedAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
    let learner = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT"

    init() throws {
        issuer = try CredentialIssuer(key: try Ed25519.PrivateKey(seed: testSeed))
        stacker = StackIssuer(issuer: issuer)
    }

    /// A signed micro-credential of the test learner with `ects` credits.
    func component(
        _ number: Int, ects: Double? = 2.5, subject: String? = nil, edit: (inout JSONValue) -> Void = { _ in }
    ) throws -> StackIssuer.Component {
        var template = microCredentialTemplate(ects: ects ?? 0)
        template["id"] = .string("urn:uuid:00000000-0000-4000-8000-00000000000\(number)")
        template["credentialSubject"]?["achievement"]?["id"] = .string("urn:example:achievement:\(number)")
        if ects == nil { template["credentialSubject"]?["achievement"]?["ectsCredits"] = nil }
        if let subject { template["credentialSubject"]?["id"] = .string(subject) }
        edit(&template)
        return StackIssuer.Component(try issuer.issue(template, issuedAt: issuedAt.addingTimeInterval(-86_400)), name: "part\(number).json")
    }

    /// A stack template: no learner, no total, no relatedResource (the stack fills them).
    func template(ects: Double? = nil, rules: JSONValue? = nil) -> JSONValue {
        var template = microCredentialTemplate()
        template["name"] = "Green retrofit pathway"
        template["credentialSubject"]?["id"] = nil
        template["credentialSubject"]?["achievement"]?["id"] = "urn:example:pathway"
        template["credentialSubject"]?["achievement"]?["ectsCredits"] = ects.map(JSONValue.number)
        template["credentialSubject"]?["achievement"]?["stackingRules"] = rules
        return template
    }

    func three() throws -> [StackIssuer.Component] {
        [try component(1, ects: 2.5), try component(2, ects: 3), try component(3, ects: 4)]
    }

    func refusal(_ template: JSONValue, _ components: [StackIssuer.Component]) -> IssuerError? {
        do throws(IssuerError) {
            _ = try stacker.stack(template, components: components, issuedAt: issuedAt)
            return nil
        } catch {
            return error
        }
    }

    @Test("binds each component in order by id and digest, fills the learner and the exact total, and signs")
    func stacksThree() throws {
        let parts = try three()
        let result = try stacker.stack(template(), components: parts, issuedAt: issuedAt)
        let signed = result.signed
        #expect(result.total == ECTSCredits(tenths: 95))
        #expect(result.warnings.isEmpty)
        #expect(signed["credentialSubject"]?["achievement"]?["ectsCredits"] == 9.5)
        #expect(signed["credentialSubject"]?["id"]?.stringValue == learner)
        #expect(Credential.includes(signed["type"], "StackedCredential"))
        let related = try #require(signed["relatedResource"]?.arrayValue)
        #expect(related.map { $0["id"]?.stringValue } == parts.map { $0.document["id"]?.stringValue })
        #expect(related.map { $0["digestMultibase"]?.stringValue } == parts.map { DigestMultibase.of($0.document) })
        #expect(related.allSatisfy { $0.objectValue?.keys == ["id", "digestMultibase"] })
        #expect(signed["proof"]?["verificationMethod"]?.stringValue == issuer.issuerDID.verificationMethodID)
        // A wallet with the components and the stack verifies, stack check included.
        let wallet: JSONValue = [
            "type": ["VerifiablePresentation", "LearnerWallet"], "holder": .string(learner),
            "verifiableCredential": .array(parts.map(\.document) + [signed]),
        ]
        let report = CredentialVerifier(at: issuedAt).verify(CheckedDocument(wallet, kind: .wallet), file: "wallet.json")
        #expect(report.credentials.last?[.stack]?.result == .pass)
        #expect(report.verdict(strict: false) == .pass)
    }

    @Test("a template that states the same total is accepted; another total is refused")
    func statedTotal() throws {
        let parts = try three()
        #expect(refusal(template(ects: 9.5), parts) == nil)
        let error = try #require(refusal(template(ects: 10), parts))
        #expect(error.code == .totalMismatch)
        #expect(error.message.contains("states 10 ECTS credits, but the components total 9.5"))
        #expect(error.isRefusal)
    }

    @Test("a template that gives the stack a component's id is refused, naming the component")
    func templateIDOfAComponent() throws {
        let parts = try three()
        var clashing = template()
        clashing["id"] = "urn:uuid:00000000-0000-4000-8000-000000000002"
        let error = try #require(refusal(clashing, parts))
        #expect(error.code == .invalidTemplate)
        #expect(error.message.contains("/id: the template gives the stack the id urn:uuid:00000000-0000-4000-8000-000000000002, which is the id of component 2 (part2.json)"), "\(error.message)")
        var own = template()
        own["id"] = "urn:uuid:00000000-0000-4000-8000-0000000000aa"
        #expect(refusal(own, parts) == nil)
    }

    @Test("a component that fails verification is refused, naming its file and id")
    func failingComponent() throws {
        var parts = try three()
        parts[1].document["credentialSubject"]?["achievement"]?["ectsCredits"] = 30
        let error = try #require(refusal(template(), parts))
        #expect(error.code == .invalidComponent)
        #expect(error.message.hasPrefix("part2.json (urn:uuid:00000000-0000-4000-8000-000000000002) does not verify: signature"))
        #expect(error.problems.first?.pointer.tokens.first == "proof")
    }

    @Test("every component that fails is named in one refusal, each problem under its file")
    func everyFailingComponent() throws {
        var parts = try three()
        parts[0].document["credentialSubject"]?["achievement"]?["ectsCredits"] = 30
        parts[2].document["credentialSubject"]?["achievement"]?["name"] = "Another title"
        let error = try #require(refusal(template(), parts))
        #expect(error.code == .invalidComponent)
        #expect(error.message.hasPrefix("2 of 3 components are refused: part1.json (urn:uuid:00000000-0000-4000-8000-000000000001) does not verify"))
        #expect(error.message.contains("; part3.json (urn:uuid:00000000-0000-4000-8000-000000000003) does not verify"))
        #expect(!error.message.contains("part2.json"))
        #expect(error.problems.contains { $0.message.hasPrefix("part1.json: signature") })
        #expect(error.problems.contains { $0.message.hasPrefix("part3.json: signature") })
    }

    @Test("an expired component is refused")
    func expiredComponent() throws {
        let parts = [try component(1) {
            $0["validFrom"] = "2025-01-01T00:00:00Z"
            $0["validUntil"] = "2026-01-01T00:00:00Z"
        }, try component(2)]
        let error = try #require(refusal(template(), parts))
        #expect(error.code == .invalidComponent)
        #expect(error.message.contains("validity"))
    }

    @Test("a component of another learner is refused, naming it; so is a template for another learner")
    func otherLearner() throws {
        var parts = try three()
        parts[2] = try component(3, subject: "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")
        let error = try #require(refusal(template(), parts))
        #expect(error.code == .otherLearner)
        #expect(error.message.hasPrefix("part3.json (urn:uuid:00000000-0000-4000-8000-000000000003) belongs to did:key:z6Mktwup"))
        var forOther = template()
        forOther["credentialSubject"]?["id"] = "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw"
        #expect(refusal(forOther, try three())?.code == .otherLearner)
    }

    @Test("a learner id that writes K as U+212A KELVIN SIGN is another learner")
    func kelvinLearner() throws {
        let lookalike = learner.replacingOccurrences(of: "K", with: "\u{212A}")
        #expect(lookalike == learner)
        var forLookalike = template()
        forLookalike["credentialSubject"]?["id"] = .string(lookalike)
        #expect(refusal(forLookalike, try three())?.code == .otherLearner)
    }

    @Test("the same component twice is refused, by id and by digest")
    func duplicates() throws {
        let parts = try three()
        let twice = try #require(refusal(template(), parts + [parts[0]]))
        #expect(twice.code == .duplicateComponent)
        #expect(twice.message.contains("component 4 has the same id as component 1 (part1.json)"))
        var renamed = parts[0]
        renamed.name = "copy.json"
        #expect(refusal(template(), [parts[0], renamed])?.message.contains("copy.json") == true)
        // Same id, different content: another issuing of the same credential id.
        let reissued = try component(1, ects: 5)
        #expect(refusal(template(), [parts[0], reissued])?.code == .duplicateComponent)
    }

    @Test("a component without ectsCredits is refused, naming it")
    func missingCredits() throws {
        var parts = try three()
        parts[1] = try component(2, ects: nil)
        let error = try #require(refusal(template(), parts))
        #expect(error.code == .invalidCredits)
        #expect(error.message.contains("part2.json (urn:uuid:00000000-0000-4000-8000-000000000002)"))
        #expect(error.message.contains("/credentialSubject/achievement/ectsCredits: missing"))
    }

    @Test("a component whose ECTS has two decimals is refused rather than rounded")
    func twoDecimals() throws {
        let error = try #require(refusal(template(), [try component(1, ects: 2.25)]))
        #expect(error.code == .invalidCredits)
        #expect(error.message.contains("at most one decimal"))
    }

    @Test("the template's stacking rules are checked: minimum total and required achievements")
    func rules() throws {
        let parts = try three()
        #expect(refusal(template(rules: ["minimumEctsCredits": 9.5, "requiredAchievements": ["urn:example:achievement:3"]]), parts) == nil)
        let low = try #require(refusal(template(rules: ["minimumEctsCredits": 10]), parts))
        #expect(low.code == .stackingRuleBroken)
        #expect(low.message.contains("below the minimum of 10"))
        let absent = try #require(refusal(template(rules: ["requiredAchievements": ["urn:example:achievement:7"]]), parts))
        #expect(absent.code == .stackingRuleBroken)
        #expect(absent.message.contains("urn:example:achievement:7"))
        #expect(refusal(template(rules: ["minimum": 3]), parts)?.code == .invalidTemplate)
    }

    @Test("a standalone component is stacked with a warning naming it")
    func standalone() throws {
        var parts = try three()
        parts[0] = try component(1) { $0["credentialSubject"]?["achievement"]?["stacking"] = "standalone" }
        let result = try stacker.stack(template(), components: parts, issuedAt: issuedAt)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("part1.json (urn:uuid:00000000-0000-4000-8000-000000000001) is declared standalone") == true)
    }

    @Test("a template that brings its own relatedResource, or no achievement, is refused; so is an empty stack")
    func badTemplates() throws {
        var bound = template()
        bound["relatedResource"] = []
        #expect(refusal(bound, try three())?.code == .invalidTemplate)
        #expect(refusal(["type": ["VerifiableCredential"], "credentialSubject": [:]], try three())?.code == .invalidTemplate)
        #expect(refusal(template(), [])?.code == .invalidComponent)
        #expect(refusal(template(), [StackIssuer.Component([1], name: "n.json")])?.message.hasPrefix("n.json: not a credential") == true)
    }
}
