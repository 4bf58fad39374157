public import CredentialCore
public import Foundation

/// The verdict of a credential, a file or a whole report (`spec/report.md` §1.2).
public enum Verdict: String, Sendable, Comparable {
    /// Every check passed (warn, unknown and skip allowed unless strict).
    case pass
    /// Some check failed.
    case fail
    /// The file could not be checked at all (unreadable, not JSON, or verification itself failed).
    case error

    private var rank: Int {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}

/// The report of one file.
public struct FileReport: Sendable {
    /// The file's name as the user gave it (`-` for standard input).
    public var file: String
    /// What the file held; nil when it could not be read or parsed.
    public var kind: DocumentKind?
    /// The file-level checks (report format 2), e.g. a presentation's holder proof.
    public var checks: [CheckOutcome]
    /// One report per credential, in file order.
    public var credentials: [CredentialReport]
    /// Why the file could not be checked, when it could not (unreadable, not JSON, or OpenSSL failed
    /// while verifying a proof in it).
    public var error: String?

    /// Creates the report of a checked file.
    public init(file: String, kind: DocumentKind, checks: [CheckOutcome] = [], credentials: [CredentialReport]) {
        self.file = file
        self.kind = kind
        self.checks = checks
        self.credentials = credentials
        self.error = nil
    }

    /// The report of a file that could not be checked at all.
    public init(file: String, error: String) {
        self.file = file
        self.kind = nil
        self.checks = []
        self.credentials = []
        self.error = error
    }

    /// The file-level checks and every credential's checks that make the verdict fail.
    public func failingCheckCount(strict: Bool) -> Int {
        checks.filter { $0.result.fails(strict: strict) }.count
            + credentials.reduce(0) { $0 + $1.failingChecks(strict: strict).count }
    }

    /// `error` when the file could not be checked, `fail` when a file-level check or a credential
    /// fails, `pass` otherwise.
    public func verdict(strict: Bool) -> Verdict {
        if error != nil { return .error }
        return failingCheckCount(strict: strict) > 0 ? .fail : .pass
    }

    /// True when the verdict is `pass`.
    public func passes(strict: Bool) -> Bool { verdict(strict: strict) == .pass }
}

/// The result of `mcred verify`: every file, every credential, every check (`spec/report.md`).
public struct VerificationReport: Sendable {
    /// The instant the credentials were checked against.
    public var checkedAt: Date
    /// Whether warnings and unknowns count as failures.
    public var strict: Bool
    /// One report per file, in the order given.
    public var files: [FileReport]

    /// Creates a report.
    public init(checkedAt: Date, strict: Bool, files: [FileReport]) {
        self.checkedAt = checkedAt
        self.strict = strict
        self.files = files
    }

    /// The worst file verdict: `error` if any file could not be checked, else `fail` if any failed.
    public var verdict: Verdict { files.map { $0.verdict(strict: strict) }.max() ?? .pass }

    /// True when every file passes.
    public var passes: Bool { verdict == .pass }
}
