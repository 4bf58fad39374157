import CredentialCore

extension CheckID {
    /// The credential's status-list bit is not set.
    public static let status = CheckID(rawValue: "status")
}

/// `status`: the credential is not revoked or suspended (DESIGN.md §7, spec/status.md): `pass`
/// only with a usable list at hand, `fail` when its bit is set, `unknown` otherwise — never
/// `pass` without a list.
public struct StatusCheck: CredentialCheck {
    public var id: CheckID { .status }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        StatusEvaluator(
            lists: context.statusLists, trust: context.trust, checkingTime: context.checkingTime,
            maxAge: context.maxStatusAge
        ).evaluate(checked.credential)
    }
}
