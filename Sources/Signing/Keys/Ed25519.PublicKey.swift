extension Ed25519 {
    /// An Ed25519 public key: the 32-byte point encoding of RFC 8032 §5.1.2.
    ///
    /// Every key made from outside bytes has passed `Ed25519.PublicKey+Hardening`: non-canonical
    /// encodings and points of small order are refused before OpenSSL sees them.
    public struct PublicKey: Sendable, Hashable {
        /// The 32-byte encoded point.
        public let rawRepresentation: [UInt8]

        /// Makes a key of 32 encoded bytes, refusing non-canonical encodings and small-order points.
        /// - Throws: `invalidKeyLength`, `nonCanonicalPublicKey`, `smallOrderPublicKey`.
        public init(rawRepresentation: [UInt8]) throws(SigningError) {
            try Self.checkEncoding(rawRepresentation)
            self.rawRepresentation = rawRepresentation
        }

        /// Makes a key without the encoding checks, for bytes OpenSSL derived from a private key.
        init(uncheckedRawRepresentation: [UInt8]) {
            self.rawRepresentation = uncheckedRawRepresentation
        }

        /// Reads an SPKI `PUBLIC KEY` PEM (RFC 8410 §4), as `openssl pkey -pubout` writes it; the same checks apply.
        /// - Throws: `invalidPEM`, `notEd25519`, `invalidKeyLength`, `nonCanonicalPublicKey`,
        ///   `smallOrderPublicKey`, `openSSLFailure`.
        public init(pemRepresentation: String) throws(SigningError) {
            let expected = "not an Ed25519 SPKI PEM public key"
            let label = PEMLabel.first(in: pemRepresentation)
            let raw: [UInt8]
            do {
                raw = try OpenSSLBackend.ed25519PublicKey(pem: Array(pemRepresentation.utf8))
            } catch where error.code == .invalidPEM {
                throw SigningError(.invalidPEM, expected + " (" + PEMLabel.describe(label, expected: "PUBLIC KEY", detail: error.message) + ")")
            } catch where error.code == .notEd25519 {
                throw SigningError(.notEd25519, expected + " (\(error.message))")
            }
            try self.init(rawRepresentation: raw)
        }

        /// The SPKI `PUBLIC KEY` PEM of this key, byte for byte what `openssl pkey -pubout` writes.
        public var pemRepresentation: String {
            do {
                return try OpenSSLBackend.ed25519PublicKeyPEM(rawRepresentation)
            } catch {
                // The length was checked when the key was made, so only an OpenSSL allocation failure lands here.
                preconditionFailure("cannot write an Ed25519 public key as PEM: \(error)")
            }
        }

        /// True when `signature` is a valid pure Ed25519 signature of `message` by this key (RFC 8032 §5.1.7);
        /// false when it was checked and is invalid, or is not 64 bytes long.
        ///
        /// OpenSSL's cofactorless check must return exactly 1. `Ed25519.Verifier` is faster for many signatures.
        /// - Throws: `openSSLFailure` when OpenSSL failed, so the signature could not be checked.
        public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) throws(SigningError) -> Bool {
            guard signature.count == OpenSSLBackend.signatureLength else { return false }
            return try Ed25519.Verifier(publicKey: self).isValidSignature(signature, for: message)
        }
    }
}
