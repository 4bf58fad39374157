public import CredentialCore
public import Foundation
import Signing
public import Verifier

/// Signs a stacked credential over micro-credentials a learner holds (spec/credential.md §10).
///
/// Every component is verified first (signature, schema, profile, validity; status when a list
/// is at hand) and must belong to the same learner; the stacked credential binds each one, in
/// the order given, by `id` and the `digestMultibase` of its canonical bytes, and states their
/// exact ECTS total.
public struct StackIssuer: Sendable {
    /// One component as given: the parsed document and a name for messages (usually its file).
    public struct Component: Sendable {
        /// The signed component credential.
        public var document: JSONValue
        /// What messages call it, e.g. its file name.
        public var name: String

        /// Creates a component.
        public init(_ document: JSONValue, name: String) {
            self.document = document
            self.name = name
        }
    }

    /// A signed stacked credential and what the caller should tell the awarding body.
    public struct Result: Sendable {
        /// The signed stacked credential.
        public let signed: JSONValue
        /// The components' total, as written into `achievement.ectsCredits`.
        public let total: ECTSCredits
        /// Reservations that did not stop the stack, e.g. a component declared `standalone`.
        public let warnings: [String]
    }

    /// The issuer that signs the stacked credential (its key is the awarding body's).
    public var issuer: CredentialIssuer
    /// The verifier the components must pass; its checking time is the issuing time by default.
    public var verifier: CredentialVerifier?

    /// Creates a stack issuer that signs with `issuer`.
    public init(issuer: CredentialIssuer, verifier: CredentialVerifier? = nil) {
        self.issuer = issuer
        self.verifier = verifier
    }

    /// Verifies the components, checks the template against them, and signs the stacked credential.
    /// - Throws: `invalidComponent`, `otherLearner`, `duplicateComponent`, `invalidCredits` naming the
    ///   component; `invalidTemplate`, `totalMismatch`, `stackingRuleBroken` about the template; and
    ///   whatever `CredentialIssuer.issue(_:issuedAt:)` throws.
    public func stack(_ template: JSONValue, components: [Component], issuedAt: Date = Date()) throws(IssuerError) -> Result {
        guard !components.isEmpty else {
            throw IssuerError(.invalidComponent, "a stack needs at least one component credential")
        }
        let checked = try verify(components, at: issuedAt)
        guard case .object(var document) = template else {
            throw IssuerError(.invalidTemplate, "a template must be a JSON object, found \(template.typeName)")
        }
        if document["relatedResource"] != nil {
            throw IssuerError(.invalidTemplate, "/relatedResource: the template must not have one; mcred stack writes it from the components")
        }
        guard case .object(var subject)? = document["credentialSubject"], case .object(var achievement)? = subject["achievement"] else {
            throw IssuerError(
                .invalidTemplate, "/credentialSubject/achievement: a stack template describes its achievement in one credentialSubject object")
        }

        // One learner: the template's, when it names one, else the first component's (compared by bytes).
        let learner: String
        switch subject["id"] {
        case .string(let id)?: learner = id
        case nil: learner = checked[0].learner
        case let other?: throw IssuerError(.invalidTemplate, "/credentialSubject/id must be the learner's did:key, found \(other.shortDescription)")
        }
        var seen: [(component: CheckedComponent, index: Int)] = []
        var total = ECTSCredits.zero
        var warnings: [String] = []
        for (index, component) in checked.enumerated() {
            guard component.learner.hasSameBytes(as: learner) else {
                let whose = subject["id"] == nil ? "the first component's learner" : "the template's learner"
                throw IssuerError(.otherLearner, "\(component.label) belongs to \(component.learner), not to \(whose) \(learner)")
            }
            if let earlier = seen.first(where: { $0.component.id.hasSameBytes(as: component.id) }) {
                throw IssuerError(
                    .duplicateComponent, "\(component.label) is given twice: component \(index + 1) has the same id as component \(earlier.index + 1) (\(earlier.component.name))")
            }
            if let earlier = seen.first(where: { $0.component.digest.hasSameBytes(as: component.digest) }) {
                throw IssuerError(
                    .duplicateComponent, "\(component.label) is given twice: component \(index + 1) has the same digest as component \(earlier.index + 1) (\(earlier.component.name))")
            }
            seen.append((component, index))
            total = total + component.credits
            if component.credential.achievement?["stacking"]?.stringValue.hasSameBytes(as: "standalone") == true {
                warnings.append(
                    "\(component.label) is declared standalone (achievement.stacking); stacked anyway: recognising it is the awarding body's decision")
            }
        }

        // A component that is itself a stack already counts the credits of what it binds: binding
        // one of those again beside it would count them twice. The new stack's own id must not be
        // a component's either.
        for (outer, stacked) in checked.enumerated() {
            guard let nested = StackedCredential(stacked.credential) else { continue }
            for reference in nested.components {
                if let inner = checked.firstIndex(where: { $0.id.hasSameBytes(as: reference.id) }) {
                    throw IssuerError(
                        .duplicateComponent,
                        "\(checked[inner].label) is given twice: component \(outer + 1) (\(stacked.name)) already binds it, so its credits would count twice")
                }
            }
        }
        if case .string(let id)? = document["id"], let clash = checked.firstIndex(where: { $0.id.hasSameBytes(as: id) }) {
            throw IssuerError(
                .invalidTemplate, "/id: the template gives the stack the id \(id), which is the id of component \(clash + 1) (\(checked[clash].name)); give the new stack its own id")
        }

        let achievementPointer: JSONPointer = "/credentialSubject/achievement"
        if let stated = achievement["ectsCredits"] {
            let credits: ECTSCredits
            do {
                credits = try ECTSCredits(stated, pointer: achievementPointer.appending("ectsCredits"))
            } catch {
                throw IssuerError(.invalidTemplate, error.description)
            }
            guard credits == total else {
                throw IssuerError(
                    .totalMismatch,
                    "/credentialSubject/achievement/ectsCredits: the template states \(credits) ECTS credits, but the components total \(total)")
            }
        }
        let rules: StackingRules
        do {
            rules = try StackingRules(achievement["stackingRules"], pointer: achievementPointer.appending("stackingRules"))
        } catch {
            throw IssuerError(.invalidTemplate, error.description)
        }
        let violations = rules.violations(total: total, achievementIDs: checked.compactMap { $0.credential.achievement?["id"]?.stringValue })
        if let first = violations.first {
            throw IssuerError(
                .stackingRuleBroken, "the components break the template's stacking rules: " + first,
                problems: violations.map { Problem(achievementPointer.appending("stackingRules"), $0) })
        }

        // Fill what the components decide; `issue` fills the rest and signs.
        achievement["ectsCredits"] = total.jsonValue
        subject["achievement"] = .object(achievement)
        if subject["id"] == nil {
            subject = JSONObject([(key: "id", value: .string(learner))] + subject.map { ($0.key, $0.value) })
        }
        document["credentialSubject"] = .object(subject)
        var types = document["type"]?.arrayValue ?? document["type"].map { [$0] } ?? []
        if !Credential.includes(.array(types), StackedCredential.type) { types.append(.string(StackedCredential.type)) }
        document["type"] = .array(types)
        document["relatedResource"] = .array(checked.map {
            StackComponentReference(id: $0.id, digestMultibase: $0.digest, pointer: .root).jsonValue
        })
        let signed = try issuer.issue(.object(document), issuedAt: issuedAt)
        return Result(signed: signed, total: total, warnings: warnings)
    }

    /// A component that passed verification, with what the stack needs from it.
    struct CheckedComponent {
        let name: String
        let credential: Credential
        let id: String
        let learner: String
        let digest: String
        let credits: ECTSCredits

        /// `file (id)` for messages.
        var label: String { "\(name) (\(id))" }
    }

    /// Verifies every component together (as a wallet holding them, so that a component which is
    /// itself a stack finds its parts) and reads what the stack binds.
    func verify(_ components: [Component], at issuedAt: Date) throws(IssuerError) -> [CheckedComponent] {
        let holding: JSONValue = .object(JSONObject([
            ("type", .array(["VerifiablePresentation", "LearnerWallet"])),
            ("verifiableCredential", .array(components.map(\.document))),
        ]))
        let verifier = self.verifier ?? CredentialVerifier(at: issuedAt)
        let report = verifier.verify(CheckedDocument(holding, kind: .wallet), file: "components")
        var checked: [CheckedComponent] = []
        var refusals: [(label: String, error: IssuerError)] = []
        // Every component is checked, so that one run names all that are refused.
        for (component, result) in zip(components, report.credentials) {
            do throws(IssuerError) {
                checked.append(try Self.checkedComponent(component, result))
            } catch {
                refusals.append((component.name, error))
            }
        }
        if let first = refusals.first {
            guard refusals.count > 1 else { throw first.error }
            throw IssuerError(
                first.error.code,
                "\(refusals.count) of \(components.count) components are refused: "
                    + refusals.map(\.error.message).joined(separator: "; "),
                problems: refusals.flatMap { refusal in
                    refusal.error.problems.map { Problem($0.pointer, "\(refusal.label): \($0.message)") }
                })
        }
        return checked
    }

    /// One component, checked: it verifies, names its learner and states its ECTS credits.
    /// - Throws: `invalidComponent`, `otherLearner` or `invalidCredits`, naming the component.
    static func checkedComponent(_ component: Component, _ result: CredentialReport) throws(IssuerError) -> CheckedComponent {
        guard let credential = try? Credential(component.document) else {
            throw IssuerError(.invalidComponent, "\(component.name): not a credential: expected a JSON object, found \(component.document.typeName)")
        }
        guard let id = credential.id, !id.isEmpty else {
            throw IssuerError(.invalidComponent, "\(component.name): the component has no id; a stack binds each component by its id")
        }
        let label = "\(component.name) (\(id))"
        let failing = result.failingChecks(strict: false)
        if let first = failing.first {
            throw IssuerError(
                .invalidComponent, "\(label) does not verify: \(first.check): \(first.message)",
                problems: failing.map { Problem(Self.withinComponent($0.pointer), "\($0.check): \($0.message)") })
        }
        guard let learner = credential.subjectID else {
            throw IssuerError(
                .otherLearner, "\(label) names no learner (credentialSubject.id); a stack binds the credentials of one learner")
        }
        let credits: ECTSCredits
        do {
            credits = try StackedCredential.credits(of: credential)
        } catch {
            throw IssuerError(.invalidCredits, "\(label): \(error.description)")
        }
        return CheckedComponent(
            name: component.name, credential: credential, id: id, learner: learner,
            digest: DigestMultibase.of(component.document), credits: credits)
    }

    /// A pointer into the wallet the components were checked in, made relative to the component.
    static func withinComponent(_ pointer: JSONPointer?) -> JSONPointer {
        JSONPointer(tokens: Array((pointer?.tokens ?? []).dropFirst(2)))
    }
}
