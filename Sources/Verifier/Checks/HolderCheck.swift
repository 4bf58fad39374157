import CredentialCore

extension CheckID {
    /// A presented credential's subject is the presentation's holder.
    public static let holder = CheckID(rawValue: "holder")
}

/// `holder`: a credential inside a presentation belongs to whoever signed the presentation: its
/// `credentialSubject.id` is the holder, compared by bytes. The presentation's own proof is the
/// file-level `presentation` check.
public struct HolderCheck: CredentialCheck {
    public var id: CheckID { .holder }

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        switch context.presenter {
        case .notPresented:
            return CheckOutcome(id, .skip, "not inside a presentation")
        case .wallet:
            return CheckOutcome(id, .skip, "held in a wallet, not presented")
        case .unproven(let reason):
            return CheckOutcome(id, .unknown, "the holder is not proven: \(reason)")
        case .proven(let holder):
            guard let subject = checked.credential.subjectID else {
                return CheckOutcome(
                    id, .warn, "bearer credential: not bound to the holder (no credentialSubject.id)",
                    pointer: "/credentialSubject")
            }
            guard subject.hasSameBytes(as: holder) else {
                return CheckOutcome(
                    id, .fail, "the credential's subject is \(subject), not the holder \(holder)", pointer: "/credentialSubject/id")
            }
            return CheckOutcome(id, .pass, "presented by its subject \(holder)")
        }
    }
}
