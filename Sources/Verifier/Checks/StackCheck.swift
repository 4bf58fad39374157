import CredentialCore
import Signing

extension CheckID {
    /// A stacked credential's components are all present and valid.
    public static let stack = CheckID(rawValue: "stack")
}

/// `stack`: every component a stacked credential binds (spec/credential.md §10) is among the
/// credentials of the same file (a presentation or a wallet), has the bound digest, verifies, and
/// belongs to the stack's learner; the stated ECTS total is the components' exact sum and the
/// stacking rules hold. `skip` for a credential that stacks nothing.
///
/// Canonical bytes are computed here, only for the components of a stacked credential, so that
/// checking an ordinary credential costs nothing.
public struct StackCheck: CredentialCheck {
    public var id: CheckID { .stack }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        guard let stack = StackedCredential(checked.credential) else {
            return CheckOutcome(id, .skip, "not a stacked credential")
        }
        var problems = stack.problems
        let learner = checked.credential.subjectID
        let achievement = StackedCredential.achievementPointer(of: checked.credential)
        if learner == nil {
            let subject = JSONPointer(tokens: Array(achievement.tokens.dropLast()) + ["id"])
            problems.append(Problem(subject, "missing: a stacked credential names its learner"))
        }
        var missing: [StackComponentReference] = []
        var componentProblems: [Problem] = []
        var sum = ECTSCredits.zero
        var isSumComplete = true
        var achievementIDs: [String] = []
        var seenIDs: Set<ScalarKey> = []
        var seenDigests: Set<Multihash> = []
        var nestedStacks: [(reference: StackComponentReference, stack: StackedCredential)] = []
        for reference in stack.components {
            let name = "component \(reference.id)"
            let expected: Multihash
            do {
                expected = try DigestMultibase.decode(reference.digestMultibase)
            } catch {
                componentProblems.append(Problem(reference.pointer.appending("digestMultibase"), "\(name): \(error.message)"))
                isSumComplete = false
                continue
            }
            // The same component twice would count its credits twice.
            guard seenIDs.insert(ScalarKey(string: reference.id)).inserted, seenDigests.insert(expected).inserted else {
                componentProblems.append(Problem(reference.pointer, "\(name) is bound twice"))
                continue
            }
            let candidates = context.fileCredentials(withID: reference.id).filter { $0.pointer != checked.pointer }
            guard !candidates.isEmpty else {
                missing.append(reference)
                isSumComplete = false
                continue
            }
            // The digest covers the whole component, proof included (RFC 8785 bytes, sha2-256).
            guard let component = candidates.first(where: { Multihash(sha256Of: $0.credential.json.canonicalBytes) == expected }) else {
                componentProblems.append(Problem(
                    reference.pointer.appending("digestMultibase"),
                    "\(name) at \(Self.location(candidates[0])) does not match its digest: it was changed after it was stacked"))
                isSumComplete = false
                continue
            }
            let signature = SignatureCheck().evaluate(component, in: context)
            if signature.result != .pass {
                componentProblems.append(Problem(reference.pointer, "\(name) does not verify: \(signature.message)"))
            }
            let subject = component.credential.subjectID
            if let learner, !subject.hasSameBytes(as: learner) {
                componentProblems.append(Problem(
                    reference.pointer, "\(name) belongs to \(subject ?? "no learner (no credentialSubject.id)"), not to the stack's learner \(learner)"))
            }
            do {
                sum = sum + (try StackedCredential.credits(of: component.credential))
            } catch {
                componentProblems.append(Problem(reference.pointer, "\(name): \(error.pointer?.description ?? "ectsCredits"): \(error.message)"))
                isSumComplete = false
            }
            if let achievementID = component.credential.achievement?["id"]?.stringValue { achievementIDs.append(achievementID) }
            if let nested = StackedCredential(component.credential) { nestedStacks.append((reference, nested)) }
        }
        // A component stack already counts what it binds: the same credential bound beside it
        // would count twice, as would a stack that binds itself.
        for (outer, nested) in nestedStacks {
            for inner in nested.components where seenIDs.contains(ScalarKey(string: inner.id)) {
                componentProblems.append(Problem(
                    outer.pointer, "component \(inner.id) is bound twice: directly and inside component \(outer.id)"))
                isSumComplete = false
            }
        }
        if let own = checked.credential.id, seenIDs.contains(ScalarKey(string: own)) {
            componentProblems.append(Problem("/relatedResource", "the stack binds its own id \(own) as a component"))
            isSumComplete = false
        }
        if !missing.isEmpty {
            // The first ten are named; a stack of thousands must not make a line of megabytes.
            let ids = missing.prefix(10).map(\.id).joined(separator: ", ") + (missing.count > 10 ? " and \(missing.count - 10) more" : "")
            problems.append(Problem(
                "/relatedResource",
                "\(missing.count) of \(stack.components.count) components \(missing.count == 1 ? "is" : "are") not in the file: \(ids)"
                    + " (verify the presentation or wallet that holds them)"))
        }
        problems += componentProblems
        if isSumComplete, let total = stack.total, total != sum {
            problems.append(Problem(
                achievement.appending("ectsCredits"), "states \(total) ECTS credits, but its components total \(sum)"))
        }
        if isSumComplete {
            for violation in stack.rules.violations(total: sum, achievementIDs: achievementIDs) {
                problems.append(Problem(achievement.appending("stackingRules"), violation))
            }
        }
        guard let first = problems.first else {
            let count = stack.components.count
            return CheckOutcome(
                id, .pass, "\(count) component\(count == 1 ? "" : "s") present, unaltered and verified; \(sum) ECTS credits add up")
        }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        return CheckOutcome(id, .fail, first.message + more, pointer: first.pointer, problems: problems)
    }

    /// Where a credential sits in its file, for messages.
    static func location(_ credential: CheckedCredential) -> String {
        credential.pointer.tokens.isEmpty ? "the file's root" : credential.pointer.description
    }
}
