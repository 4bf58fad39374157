public import CredentialCore

/// The error thrown by `Issuer`: a template that cannot be turned into a signed credential.
///
/// Equality compares the `code` only.
public struct IssuerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The template is not valid JSON, not an object, or contradicts the key.
        public static let invalidTemplate = Code("invalidTemplate")
        /// The template breaks a VC 2.0 structural rule.
        public static let invalidCredential = Code("invalidCredential")
        /// A mandatory EU Annex I element is missing or ill-typed (see `problems`).
        public static let incomplete = Code("incomplete")
        /// An option (e.g. `validUntil`) is not valid.
        public static let invalidOption = Code("invalidOption")
        /// A batch line's template `id` repeats the id of an earlier line.
        public static let duplicateID = Code("duplicateID")
        /// Signing failed inside OpenSSL.
        public static let signingFailed = Code("signingFailed")
    }

    /// What went wrong.
    public var code: Code
    /// A one-line explanation.
    public var message: String
    /// Every field-level problem, for `invalidCredential` and `incomplete`.
    public var problems: [Problem]
    /// The 1-based line of a batch input.
    public var line: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, problems: [Problem] = [], line: Int? = nil) {
        self.code = code
        self.message = message
        self.problems = problems
        self.line = line
    }

    public static func == (lhs: IssuerError, rhs: IssuerError) -> Bool { lhs.code == rhs.code }

    /// The message, then one problem per line.
    public var description: String {
        ([message] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}
