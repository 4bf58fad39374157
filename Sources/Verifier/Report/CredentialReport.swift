public import CredentialCore

/// The checks of one credential, with what identifies it to a reader.
public struct CredentialReport: Sendable {
    /// Where the credential is in its file (`""` for the file itself).
    public var pointer: JSONPointer
    /// The 1-based line of a JSON Lines input, when the credential came from one.
    public var line: Int?
    /// The credential's `id`.
    public var id: String?
    /// The issuer's identifier.
    public var issuer: String?
    /// The issuer's name.
    public var issuerName: String?
    /// The title of the credential.
    public var name: String?
    /// One outcome per check, in the verifier's check order.
    public var checks: [CheckOutcome]
    /// Why the credential could not be checked at all (OpenSSL failed during verification).
    public var error: String?

    /// Creates a report.
    public init(
        pointer: JSONPointer = .root, line: Int? = nil, id: String? = nil, issuer: String? = nil,
        issuerName: String? = nil, name: String? = nil, checks: [CheckOutcome]
    ) {
        self.pointer = pointer
        self.line = line
        self.id = id
        self.issuer = issuer
        self.issuerName = issuerName
        self.name = name
        self.checks = checks
    }

    /// The report of something that is not a credential at all: `schema` fails with `reason`, and
    /// every other check in `checkIDs` is skipped because there is nothing to check.
    public static func notACredential(
        _ reason: String, pointer: JSONPointer = .root, failurePointer: JSONPointer? = nil, line: Int? = nil,
        skipMessage: String, checkIDs: [CheckID] = CredentialVerifier.standardChecks.map(\.id)
    ) -> CredentialReport {
        CredentialReport(
            pointer: pointer, line: line,
            checks: checkIDs.map { id in
                // A failed schema check lists its problems (report.md §3.2): here the one reason.
                id == .schema
                    ? CheckOutcome(.schema, .fail, reason, pointer: failurePointer, problems: [Problem(failurePointer ?? pointer, reason)])
                    : CheckOutcome(id, .skip, skipMessage)
            })
    }

    /// The outcome of one check, when it was recorded.
    public subscript(check: CheckID) -> CheckOutcome? { checks.first { $0.check == check } }

    /// The checks that make the verdict fail: failures, plus warnings and unknowns when `strict`.
    public func failingChecks(strict: Bool) -> [CheckOutcome] { checks.filter { $0.result.fails(strict: strict) } }

    /// `error` when the credential could not be checked, `fail` when a check fails, else `pass`.
    public func verdict(strict: Bool) -> Verdict {
        if error != nil { return .error }
        return failingChecks(strict: strict).isEmpty ? .pass : .fail
    }

    /// True when the verdict is `pass`: no check fails (under `strict`, none is `warn` or `unknown`).
    public func passes(strict: Bool) -> Bool { verdict(strict: strict) == .pass }
}
