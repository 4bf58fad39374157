import CredentialCore
import Foundation

extension CheckID {
    /// `validFrom` ≤ the checking time ≤ `validUntil`.
    public static let validity = CheckID(rawValue: "validity")
}

/// `validity`: `validFrom` ≤ the checking time ≤ `validUntil` (VC 2.0 §4.9); a proof `created`
/// more than five minutes after the checking time is a `warn` (a clock ahead, or a backdated check).
public struct ValidityCheck: CredentialCheck {
    public var id: CheckID { .validity }

    /// How far a proof's `created` may lie after the checking time before it is worth a warning.
    public static let clockSkew: Double = 300

    /// Creates the check.
    public init() {}

    public func evaluate(_ checked: CheckedCredential, in context: VerificationContext) -> CheckOutcome {
        let credential = checked.credential
        let now = context.checkingTime
        let from = credential.validFrom
        let until = credential.validUntil
        let fromDate = from.flatMap(XSDDateTime.parse)
        let untilDate = until.flatMap(XSDDateTime.parse)
        if let from, fromDate == nil {
            return CheckOutcome(id, .fail, "validFrom \"\(from)\" is not a dateTime", pointer: "/validFrom")
        }
        if let until, untilDate == nil {
            return CheckOutcome(id, .fail, "validUntil \"\(until)\" is not a dateTime", pointer: "/validUntil")
        }
        if let fromDate, let from, now < fromDate {
            return CheckOutcome(
                id, .fail, "not yet valid: valid from \(from), checked at \(XSDDateTime.format(now))", pointer: "/validFrom")
        }
        if let untilDate, let until, now > untilDate {
            return CheckOutcome(
                id, .fail, "expired: valid until \(until), checked at \(XSDDateTime.format(now))", pointer: "/validUntil")
        }
        let start = from.map { "valid from \($0)" } ?? "no validFrom"
        let end = until.map { "until \($0)" } ?? "no expiry"
        if case .verified(_, let proof) = checked.proof, let created = proof.created,
            let createdDate = XSDDateTime.parse(created), createdDate.timeIntervalSince(now) > Self.clockSkew
        {
            return CheckOutcome(
                id, .warn, "\(start), \(end); but the proof was created \(created), after the checking time \(XSDDateTime.format(now))",
                pointer: proof.pointer(to: "created"))
        }
        return CheckOutcome(id, .pass, "\(start), \(end)")
    }
}
