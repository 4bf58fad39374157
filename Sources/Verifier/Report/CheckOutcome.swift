public import CredentialCore

/// The name of a check as it appears in reports (`schema`, `signature`, …; DESIGN.md §6).
///
/// An extensible code rather than a closed enum: each check declares its own identifier in its
/// file, so a new check is added by adding a file.
public struct CheckID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The identifier as written in reports.
    public let rawValue: String

    /// Creates an identifier.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
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

    /// True when this result makes a verdict fail: always for `fail`; for `warn` and `unknown`
    /// under `--strict`.
    public func fails(strict: Bool) -> Bool {
        self == .fail || (strict && (self == .warn || self == .unknown))
    }
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

    /// The same outcome with its pointer (and problems) made relative to the file, not the credential.
    func relative(to base: JSONPointer) -> CheckOutcome {
        guard !base.tokens.isEmpty else { return self }
        var copy = self
        copy.pointer = pointer.map { JSONPointer(tokens: base.tokens + $0.tokens) }
        copy.problems = problems.map { Problem(JSONPointer(tokens: base.tokens + $0.pointer.tokens), $0.message) }
        return copy
    }
}
