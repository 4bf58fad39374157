import COpenSSL

extension OpenSSLBackend {
    /// The PKCS#8 `PRIVATE KEY` PEM of a seed, as `openssl genpkey` writes it, from `PEM_write_bio_PrivateKey`.
    static func ed25519PrivateKeyPEM(seed: [UInt8]) throws(SigningError) -> String {
        let key = try OpenSSLKey.ed25519PrivateKey(seed: seed)
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        // No cipher and no passphrase: an unencrypted PKCS#8 PrivateKeyInfo (RFC 5958, RFC 8410 §7).
        guard unsafe PEM_write_bio_PrivateKey(bio, key.pointer, nil, nil, 0, nil, nil) == 1 else {
            throw failure("PEM_write_bio_PrivateKey")
        }
        return try unsafe contents(of: bio)
    }

    /// The SPKI `PUBLIC KEY` PEM of an encoded public key (RFC 8410 §4), from `PEM_write_bio_PUBKEY`.
    static func ed25519PublicKeyPEM(_ publicKey: [UInt8]) throws(SigningError) -> String {
        let key = try OpenSSLKey.ed25519PublicKey(publicKey)
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        guard unsafe PEM_write_bio_PUBKEY(bio, key.pointer) == 1 else {
            throw failure("PEM_write_bio_PUBKEY")
        }
        return try unsafe contents(of: bio)
    }

    /// Reads the first private key of a PEM text with `PEM_read_bio_PrivateKey` and returns its seed and
    /// public key (`EVP_PKEY_get_raw_private_key`, `EVP_PKEY_get_raw_public_key`).
    ///
    /// Encrypted keys are refused: the passphrase callback supplies none, so nothing prompts on a terminal.
    /// - Throws: `invalidPEM` when OpenSSL finds no private key, `notEd25519` for another algorithm.
    static func ed25519PrivateKey(pem: [UInt8]) throws(SigningError) -> (seed: [UInt8], publicKey: [UInt8]) {
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        try unsafe write(pem, to: bio)
        guard let key = unsafe PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil) else {
            throw SigningError(.invalidPEM, "OpenSSL found no private key in it (\(drainErrorQueue()))")
        }
        defer { unsafe EVP_PKEY_free(key) }
        try unsafe requireEd25519(key)
        var seed = [UInt8](repeating: 0, count: keyLength)
        var length = keyLength
        guard unsafe EVP_PKEY_get_raw_private_key(key, &seed, &length) == 1 else {
            throw failure("EVP_PKEY_get_raw_private_key")
        }
        guard length == keyLength else {
            throw SigningError(.invalidKeyLength, "the private key has \(length) bytes, Ed25519 needs 32")
        }
        return unsafe (seed, try rawPublicKey(of: key))
    }

    /// Reads the first SPKI public key of a PEM text with `PEM_read_bio_PUBKEY` and returns its
    /// encoded bytes (`EVP_PKEY_get_raw_public_key`); the caller applies the public-key checks.
    /// - Throws: `invalidPEM` when OpenSSL finds no public key, `notEd25519` for another algorithm.
    static func ed25519PublicKey(pem: [UInt8]) throws(SigningError) -> [UInt8] {
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        try unsafe write(pem, to: bio)
        guard let key = unsafe PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in 0 }, nil) else {
            throw SigningError(.invalidPEM, "OpenSSL found no public key in it (\(drainErrorQueue()))")
        }
        defer { unsafe EVP_PKEY_free(key) }
        try unsafe requireEd25519(key)
        return try unsafe rawPublicKey(of: key)
    }

    /// A new empty memory BIO from `BIO_new(BIO_s_mem())`; the caller frees it.
    private static func memoryBIO() throws(SigningError) -> OpaquePointer {
        guard let bio = unsafe BIO_new(BIO_s_mem()) else {
            throw failure("BIO_new")
        }
        return unsafe bio
    }

    /// Copies `bytes` into a memory BIO with `BIO_write`, so no Swift buffer must outlive this call.
    private static func write(_ bytes: [UInt8], to bio: OpaquePointer) throws(SigningError) {
        guard bytes.count <= Int(Int32.max) else {
            throw SigningError(.invalidPEM, "the text is too large to be a key")
        }
        // An empty text leaves the BIO empty; OpenSSL then reports that it found no PEM.
        guard !bytes.isEmpty else { return }
        guard unsafe BIO_write(bio, bytes, Int32(bytes.count)) == Int32(bytes.count) else {
            throw failure("BIO_write")
        }
    }

    /// Everything written to a memory BIO, read back with `BIO_ctrl_pending` and `BIO_read`.
    private static func contents(of bio: OpaquePointer) throws(SigningError) -> String {
        let pending = unsafe BIO_ctrl_pending(bio)
        guard pending > 0, pending <= Int32.max else {
            throw failure("BIO_ctrl_pending")
        }
        var bytes = [UInt8](repeating: 0, count: Int(pending))
        guard unsafe BIO_read(bio, &bytes, Int32(pending)) == Int32(pending) else {
            throw failure("BIO_read")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
