import CredentialCore

extension CheckID {
    /// EU Annex I mandatory elements.
    public static let profile = CheckID(rawValue: "profile")
}

/// `profile`: the EU Annex I mandatory elements are present and valid (credential.md §5.2);
/// `warn` for achievements not declared `MicroCredential`, `skip` without an achievement.
public struct ProfileCheck: CredentialCheck {
    public var id: CheckID { .profile }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        let credential = checked.credential
        guard credential.achievement != nil else {
            return CheckOutcome(id, .skip, "not an achievement credential: the EU micro-credential profile does not apply")
        }
        let problems = MicroCredentialProfile.problems(in: credential)
        // A type one slip away from MicroCredential: the issuer most likely meant one, so say so and
        // list what a micro-credential would lack (credential.md §5.3).
        if let misspelling = MicroCredentialProfile.misspellingProblem(in: credential) {
            let missing = problems.isEmpty ? "" : "; as one it lacks \(problems.count) Annex I element\(problems.count == 1 ? "" : "s")"
            return CheckOutcome(id, .warn, misspelling.description + missing, pointer: misspelling.pointer, problems: [misspelling] + problems)
        }
        guard let first = problems.first else {
            return CheckOutcome(id, .pass, "all EU Annex I mandatory elements are present")
        }
        let summary = problems.count == 1 ? first.description : "\(problems.count) Annex I problems, first \(first.description)"
        if credential.isMicroCredential {
            return CheckOutcome(id, .fail, summary, pointer: first.pointer, problems: problems)
        }
        return CheckOutcome(id, .warn, "not declared a MicroCredential; " + summary, pointer: first.pointer, problems: problems)
    }
}
