public import Foundation

/// What kind of document a checked file held.
public enum DocumentKind: String, Sendable {
    /// A single credential.
    case credential
    /// A presentation embedding credentials.
    case presentation
    /// A JSON Lines file, one credential per line (`verify --batch`).
    case credentialLines = "credential-lines"
}

/// The report of one file.
public struct FileReport: Sendable {
    /// The file's name as the user gave it.
    public var file: String
    /// What the file held.
    public var kind: DocumentKind
    /// One report per credential, in file order.
    public var credentials: [CredentialReport]

    /// Creates a file report.
    public init(file: String, kind: DocumentKind, credentials: [CredentialReport]) {
        self.file = file
        self.kind = kind
        self.credentials = credentials
    }

    /// True when every credential passes.
    public func passes(strict: Bool) -> Bool { credentials.allSatisfy { $0.passes(strict: strict) } }
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

    /// True when every file passes.
    public var passes: Bool { files.allSatisfy { $0.passes(strict: strict) } }
}
