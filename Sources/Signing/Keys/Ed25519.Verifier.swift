extension Ed25519 {
    /// A public key prepared for many verifications: it keeps one OpenSSL key object for its lifetime.
    ///
    /// Use one when a key checks many signatures (a batch of credentials from one issuer); it can be
    /// shared between threads.
    public struct Verifier: Sendable {
        /// The key whose signatures this verifier checks.
        public let publicKey: Ed25519.PublicKey
        /// The OpenSSL key object made once from `publicKey`.
        let keyObject: OpenSSLKey

        /// Prepares `publicKey` for verification (`EVP_PKEY_new_raw_public_key`).
        /// - Throws: `openSSLFailure` when OpenSSL cannot make the key object.
        public init(publicKey: Ed25519.PublicKey) throws(SigningError) {
            self.publicKey = publicKey
            self.keyObject = try OpenSSLKey.ed25519PublicKey(publicKey.rawRepresentation)
        }

        /// Pairs a key with a key object made elsewhere; tests use it to hand in one OpenSSL cannot use.
        init(publicKey: Ed25519.PublicKey, keyObject: OpenSSLKey) {
            self.publicKey = publicKey
            self.keyObject = keyObject
        }

        /// True when `signature` is a valid pure Ed25519 signature of `message` by this key (RFC 8032 §5.1.7);
        /// false when it was checked and is invalid, or is not 64 bytes long.
        ///
        /// OpenSSL's cofactorless check must return exactly 1.
        /// - Throws: `openSSLFailure` when OpenSSL failed, so the signature could not be checked.
        public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) throws(SigningError) -> Bool {
            guard signature.count == OpenSSLBackend.signatureLength else { return false }
            return try OpenSSLBackend.ed25519Verify(signature, message: message, key: keyObject)
        }
    }
}
