public import CredentialCore

/// The checks `mcred verify` runs on each credential (DESIGN.md §6), in report order.
public enum CheckID: String, Sendable, CaseIterable {
    /// VC 2.0 required fields and types.
    case schema
    /// EU Annex I mandatory elements.
    case profile
    /// The eddsa-jcs-2022 proof verifies and its key is the issuer's.
    case signature
    /// `validFrom` ≤ the checking time ≤ `validUntil`.
    case validity
    /// The issuer is in a trust list.
    case trust
    /// The status list bit is not set.
    case status
    /// A stacked credential's components are all present and valid.
    case stack
    /// A presentation's proof is the holder's and answers the verifier's challenge.
    case holder
}

/// The result of one check.
public enum CheckResult: String, Sendable, Comparable {
    /// The check was made and passed.
    case pass
    /// The check was made and passed with a reservation worth reading.
    case warn
    /// The check could not be decided with what is at hand (e.g. no status list).
    case unknown
    /// The check does not apply or was not asked for.
    case skip
    /// The check was made and failed.
    case fail

    private var rank: Int {
        switch self {
        case .pass, .skip: 0
        case .warn: 1
        case .unknown: 2
        case .fail: 3
        }
    }

    public static func < (lhs: CheckResult, rhs: CheckResult) -> Bool { lhs.rank < rhs.rank }
}

/// One check's result with its one-line explanation.
public struct CheckOutcome: Sendable, Equatable {
    /// Which check.
    public var check: CheckID
    /// Its result.
    public var result: CheckResult
    /// A one-line explanation for people.
    public var message: String
    /// The field concerned, for a failure about one field.
    public var pointer: JSONPointer?
    /// Every problem found, for checks that find several (e.g. the profile).
    public var problems: [Problem]

    /// Creates an outcome.
    public init(
        _ check: CheckID, _ result: CheckResult, _ message: String,
        pointer: JSONPointer? = nil, problems: [Problem] = []
    ) {
        self.check = check
        self.result = result
        self.message = message
        self.pointer = pointer
        self.problems = problems
    }
}
