
/// The error thrown by `Wallet`: a wallet that cannot be read or written, or a change it refuses.
///
/// Equality compares the `code` only.
public struct WalletError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The wallet file is not a wallet (wrong type, no holder, bad members).
        public static let invalidWallet = Code("invalidWallet")
        /// A credential was refused by `add` (a failed check, another learner's, a conflicting id).
        public static let refused = Code("refused")
        /// No credential in the wallet has the id asked for.
        public static let notFound = Code("notFound")
        /// The key given is not the wallet holder's.
        public static let wrongHolder = Code("wrongHolder")
        /// Reading, writing or locking the wallet file failed.
        public static let fileFailure = Code("fileFailure")
        /// An encrypted backup cannot be opened or made (wrong passphrase, tampered file).
        public static let backupFailure = Code("backupFailure")
    }

    /// What went wrong.
    public var code: Code
    /// A one-line explanation.
    public var message: String
    /// The file concerned, when there is one.
    public var file: String?
    /// One line per refused item, for `refused`.
    public var details: [String]

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String? = nil, details: [String] = []) {
        self.code = code
        self.message = message
        self.file = file
        self.details = details
    }

    public static func == (lhs: WalletError, rhs: WalletError) -> Bool { lhs.code == rhs.code }

    /// `file: message`, then one detail per line.
    public var description: String {
        ([(file.map { $0 + ": " } ?? "") + message] + details.map { "  " + $0 }).joined(separator: "\n")
    }

    /// This error, naming `path` when it names no file yet (an error about a wallet's content,
    /// raised where the wallet's file is not known).
    public func naming(_ path: String) -> WalletError {
        var copy = self
        if copy.file == nil { copy.file = path }
        return copy
    }

    /// True for a refusal that is a verdict (exit 1) rather than a failure to process (exit 2).
    public var isVerdict: Bool { code == .refused || code == .notFound || code == .wrongHolder }
}
