extension Ed25519 {
    /// An Ed25519 private key: the 32-byte secret key (seed) of RFC 8032 §5.1.5 and its public key.
    ///
    /// The public key is derived once, when the key is made.
    public struct PrivateKey: Sendable {
        /// The 32-byte RFC 8032 secret key.
        public let seed: [UInt8]
        /// The public key that verifies this key's signatures.
        public let publicKey: Ed25519.PublicKey

        /// Generates a new key from OpenSSL's random generator (`RAND_bytes`).
        /// - Throws: `randomFailure`, `openSSLFailure`.
        public init() throws(SigningError) {
            try self.init(seed: SecureRandom.bytes(count: OpenSSLBackend.keyLength))
        }

        /// Makes the key of a 32-byte RFC 8032 secret key.
        /// - Throws: `invalidKeyLength` unless `seed` has 32 bytes, `openSSLFailure`.
        public init(seed: [UInt8]) throws(SigningError) {
            guard seed.count == OpenSSLBackend.keyLength else {
                throw SigningError(.invalidKeyLength, "an Ed25519 private key has 32 bytes, found \(seed.count)")
            }
            // RFC 8032 §5.1.5: A = [s]B is a point of prime order, so the derived key needs no checks.
            let publicKey = try OpenSSLBackend.ed25519PublicKey(seed: seed)
            self.seed = seed
            self.publicKey = Ed25519.PublicKey(uncheckedRawRepresentation: publicKey)
        }

        /// Reads an unencrypted PKCS#8 `PRIVATE KEY` PEM, as `openssl genpkey -algorithm ed25519` writes it.
        /// - Throws: `invalidPEM` when the text holds no readable private key, `notEd25519` for a key of
        ///   another algorithm, `invalidKeyLength`, `openSSLFailure`.
        public init(pemRepresentation: String) throws(SigningError) {
            let expected = "not an Ed25519 PKCS#8 PEM private key"
            let label = PEMLabel.first(in: pemRepresentation)
            let key: (seed: [UInt8], publicKey: [UInt8])
            do {
                key = try OpenSSLBackend.ed25519PrivateKey(pem: Array(pemRepresentation.utf8))
            } catch where error.code == .invalidPEM {
                throw SigningError(.invalidPEM, expected + " (" + PEMLabel.describe(label, expected: "PRIVATE KEY", detail: error.message) + ")")
            } catch where error.code == .notEd25519 {
                throw SigningError(.notEd25519, expected + " (\(error.message))")
            }
            self.seed = key.seed
            self.publicKey = Ed25519.PublicKey(uncheckedRawRepresentation: key.publicKey)
        }

        /// The PKCS#8 `PRIVATE KEY` PEM of this key, byte for byte what `openssl genpkey` writes.
        public var pemRepresentation: String {
            do {
                return try OpenSSLBackend.ed25519PrivateKeyPEM(seed: seed)
            } catch {
                // The seed was checked when the key was made, so only an OpenSSL allocation failure lands here.
                preconditionFailure("cannot write an Ed25519 private key as PEM: \(error)")
            }
        }

        /// Signs `message` with pure Ed25519 (RFC 8032 §5.1.6) and returns the 64-byte signature.
        /// - Throws: `openSSLFailure`.
        public func signature(for message: [UInt8]) throws(SigningError) -> [UInt8] {
            try OpenSSLBackend.ed25519Sign(message, seed: seed, publicKey: publicKey.rawRepresentation)
        }
    }
}
