import CredentialCore

extension CheckID {
    /// The issuer is in a trust list from an anchor the verifier names.
    public static let trust = CheckID(rawValue: "trust")
}

/// `trust`: the issuer's key is vouched for by a trust list (DESIGN.md §7); `skip` without one.
public struct TrustCheck: CredentialCheck {
    public var id: CheckID { .trust }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        CheckOutcome(id, .skip, "no trust list given")
    }
}
