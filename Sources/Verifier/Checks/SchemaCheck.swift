import CredentialCore

extension CheckID {
    /// VC 2.0 required fields and types.
    public static let schema = CheckID(rawValue: "schema")
}

/// `schema`: the VC 2.0 required fields and types are present and well formed (credential.md §5.1).
public struct SchemaCheck: CredentialCheck {
    public var id: CheckID { .schema }

    /// Creates the check.
    public init() {}

    public func evaluate(_ credential: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        let problems = CredentialSchema.problems(in: credential.credential)
        guard let first = problems.first else {
            return CheckOutcome(id, .pass, "VC 2.0 structure is valid")
        }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        return CheckOutcome(id, .fail, first.description + more, pointer: first.pointer, problems: problems)
    }
}
