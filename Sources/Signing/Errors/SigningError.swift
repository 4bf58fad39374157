/// The error thrown by `Signing`: a bad key, key file, encoding or identifier, a JWE that cannot be
/// opened, or an OpenSSL failure.
///
/// Equality compares the `code` only, so tests and callers match on what went wrong, not on wording.
/// A signature that was checked and does not verify is not an error: `isValidSignature(_:for:)`
/// returns `false`; it throws `openSSLFailure` only when the signature could not be checked.
public struct SigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name, used in JSON reports.
        public let name: String
        /// Creates a code with a stable name.
        public init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }

        // Keys.
        /// A key or seed does not have the 32 bytes Ed25519 needs.
        public static let invalidKeyLength = Code("invalidKeyLength")
        /// A public key encodes y ≥ p, or x = 0 with the sign bit set (RFC 8032 §5.1.3 steps 1 and 4).
        public static let nonCanonicalPublicKey = Code("nonCanonicalPublicKey")
        /// A public key is one of the eight points of small order.
        public static let smallOrderPublicKey = Code("smallOrderPublicKey")
        /// Text is not a PEM block of the kind expected.
        public static let invalidPEM = Code("invalidPEM")
        /// A PEM key holds a key of another algorithm (RSA, EC, …).
        public static let notEd25519 = Code("notEd25519")
        /// A signature is not exactly 64 bytes.
        public static let invalidSignatureLength = Code("invalidSignatureLength")
        // Encodings and identifiers.
        /// Text is not multibase base58btc (`z` followed by the bitcoin alphabet).
        public static let invalidMultibase = Code("invalidMultibase")
        /// Bytes are not a sha2-256 multihash (`0x12 0x20` + 32 bytes).
        public static let invalidMultihash = Code("invalidMultihash")
        /// Text is not a `did:key` identifier or verification method of the expected form.
        public static let invalidDIDKey = Code("invalidDIDKey")
        /// A `did:key` names a key type other than Ed25519 (multicodec 0xed01).
        public static let unsupportedMulticodec = Code("unsupportedMulticodec")
        // Key files.
        /// A key file is missing, unreadable or too large.
        public static let keyFileUnreadable = Code("keyFileUnreadable")
        /// A key file exists and overwriting was not asked for.
        public static let keyFileExists = Code("keyFileExists")
        /// A key file could not be written.
        public static let keyFileUnwritable = Code("keyFileUnwritable")
        // Documents.
        /// A document to sign is not a JSON object, or already carries a proof.
        public static let invalidDocument = Code("invalidDocument")
        // Encryption (JWE).
        /// Text is not a JWE compact serialisation mcred can open (malformed, or `p2c`/`p2s` out of
        /// bounds), or encryption was asked for with too few or too many iterations.
        public static let invalidJWE = Code("invalidJWE")
        /// A JWE uses an algorithm, encryption or header feature other than PBES2-HS512+A256KW with A256GCM.
        public static let unsupportedJWE = Code("unsupportedJWE")
        /// Decryption failed: a wrong passphrase, or the encrypted data was altered.
        public static let decryptionFailed = Code("decryptionFailed")
        // Internal failures.
        /// OpenSSL reported a failure; the message holds its error queue.
        public static let openSSLFailure = Code("openSSLFailure")
        /// OpenSSL's random generator could not produce bytes.
        public static let randomFailure = Code("randomFailure")
    }

    /// What went wrong.
    public var code: Code
    /// A one-line explanation for people.
    public var message: String
    /// The file the data came from, when known; set by whoever read the file.
    public var file: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    /// Returns a copy that names the file the data came from.
    public func inFile(_ file: String) -> SigningError {
        var copy = self
        copy.file = file
        return copy
    }

    /// Compares codes only.
    public static func == (lhs: SigningError, rhs: SigningError) -> Bool { lhs.code == rhs.code }

    /// `file: message`, or the message alone when no file is known.
    public var description: String {
        guard let file else { return message }
        return file + ": " + message
    }
}
