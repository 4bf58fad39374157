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
        // Stacked credentials (spec/credential.md §10).
        /// A stack component is not a credential, has no `id`, or fails verification.
        public static let invalidComponent = Code("invalidComponent")
        /// A stack component belongs to another learner than the others (or than the template).
        public static let otherLearner = Code("otherLearner")
        /// The same component is given twice (same `id` or same digest).
        public static let duplicateComponent = Code("duplicateComponent")
        /// A stack component has no usable `achievement.ectsCredits`.
        public static let invalidCredits = Code("invalidCredits")
        /// The template states another ECTS total than the components' sum.
        public static let totalMismatch = Code("totalMismatch")
        /// The components break the template's stacking rules.
        public static let stackingRuleBroken = Code("stackingRuleBroken")
        /// A status list or trust list file is not one, or is not this key's to edit.
        public static let invalidList = Code("invalidList")
        /// Clearing a bit of a revocation list: revocation cannot be undone.
        public static let revocationIsFinal = Code("revocationIsFinal")
        /// The list (or the index range) has fewer free indices than needed.
        public static let capacityExceeded = Code("capacityExceeded")
        /// The index asked for was already handed out.
        public static let indexInUse = Code("indexInUse")
        /// The allocation record or a list file could not be read, written or locked.
        public static let fileFailure = Code("fileFailure")
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

    /// True when the input was read and refused on its merits (a verdict, exit 1), rather than
    /// unusable (exit 2).
    public var isRefusal: Bool {
        [.incomplete, .invalidCredential, .invalidComponent, .otherLearner, .duplicateComponent, .invalidCredits,
         .totalMismatch, .stackingRuleBroken, .revocationIsFinal, .capacityExceeded, .indexInUse].contains(code)
    }

    /// The message, then one problem per line.
    public var description: String {
        ([message] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}
