/// The error thrown by `VerifierServer`: a bad listening address, or a server that could not start.
///
/// Equality compares the `code` only.
public struct VerifierServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        public let name: String
        /// Creates a code with a stable name.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// `--host` is not an IPv4 or IPv6 address (or `localhost`).
        public static let invalidHost = Code("invalidHost")
        /// The socket could not be opened, bound or listened on.
        public static let cannotListen = Code("cannotListen")
    }

    /// What went wrong.
    public var code: Code
    /// A one-line explanation for people.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func == (lhs: VerifierServerError, rhs: VerifierServerError) -> Bool { lhs.code == rhs.code }

    public var description: String { message }
}
