import CredentialCore

extension CheckID {
    /// The credential's status-list bit is not set.
    public static let status = CheckID(rawValue: "status")
}

/// `status`: the credential is not revoked or suspended (DESIGN.md §7); `unknown` when no list is
/// at hand, never `pass` without one.
public struct StatusCheck: CredentialCheck {
    public var id: CheckID { .status }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        guard let status = checked.credential.object["credentialStatus"] else {
            return CheckOutcome(id, .skip, "no credentialStatus")
        }
        let list = (status.arrayValue?.first ?? status)["statusListCredential"]?.stringValue ?? "an unnamed list"
        return CheckOutcome(id, .unknown, "status list \(list) is not at hand; revocation not checked", pointer: "/credentialStatus")
    }
}
