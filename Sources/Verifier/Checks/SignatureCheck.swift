import CredentialCore
import Signing

extension CheckID {
    /// The eddsa-jcs-2022 proof verifies and its key is the issuer's.
    public static let signature = CheckID(rawValue: "signature")
}

/// `signature`: the eddsa-jcs-2022 proof verifies, is made for `assertionMethod`, and its key is
/// the issuer's did:key (DESIGN.md §5), compared by bytes.
public struct SignatureCheck: CredentialCheck {
    public var id: CheckID { .signature }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        let credential = checked.credential
        switch checked.proof {
        case .absent:
            return CheckOutcome(id, .fail, "no proof: the credential is not signed", pointer: "/proof")
        case .couldNotVerify(let error):
            return CheckOutcome(id, .unknown, "could not verify: \(error.message)", pointer: "/proof")
        case .failed(let failure):
            let prefix = failure.kind == .malformed ? "cannot check the proof: " : ""
            return CheckOutcome(id, .fail, prefix + failure.message, pointer: failure.pointer)
        case .verified(let key, let proof):
            // vc-data-integrity §4.3 Verify Proof: the proof purpose must be the expected one.
            guard proof.purpose == .assertionMethod else {
                let found = proof.object["proofPurpose"]?.shortDescription ?? "nothing"
                return CheckOutcome(
                    id, .fail, "proofPurpose must be \"assertionMethod\" for a credential, found \(found)",
                    pointer: proof.pointer(to: "proofPurpose"))
            }
            if proof.hasExpired(at: context.checkingTime) {
                return CheckOutcome(id, .fail, "the proof expired at \(proof.expires ?? "")", pointer: proof.pointer(to: "expires"))
            }
            guard let issuer = credential.issuerID else {
                return CheckOutcome(id, .fail, "the signature is valid but the credential names no issuer", pointer: "/issuer")
            }
            guard issuer.hasSameBytes(as: key.did) else {
                return CheckOutcome(
                    id, .fail, "the signature is valid, but the signing key \(key.did) is not the issuer's (issuer is \(issuer))",
                    pointer: credential.issuerPointer)
            }
            return CheckOutcome(id, .pass, "eddsa-jcs-2022 proof by the issuer's key \(key.did)")
        }
    }
}
