import CredentialCore

extension CheckID {
    /// The issuer is in a trust list from an anchor the verifier names.
    public static let trust = CheckID(rawValue: "trust")
}

/// `trust`: a current trust list of an anchor the verifier names lists the issuer's key, and the
/// credential was signed (`proof.created`, else `validFrom`) inside that key's window
/// (DESIGN.md §7, spec/trust-list.md); `skip` without trust lists or anchors.
public struct TrustCheck: CredentialCheck {
    public var id: CheckID { .trust }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        let credential = checked.credential
        let proofCreated: String? = switch checked.proof {
        case .verified(_, let proof): proof.created
        default: credential.object["proof"]?["created"]?.stringValue
        }
        return context.trust.evaluate(
            issuer: credential.issuerID, signedAt: proofCreated ?? credential.validFrom, at: context.checkingTime)
    }
}
