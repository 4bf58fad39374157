import COpenSSL

extension OpenSSLBackend {
    /// Derives the encoded public key of a 32-byte seed (RFC 8032 §5.1.5) with
    /// `EVP_PKEY_new_raw_private_key` and `EVP_PKEY_get_raw_public_key`.
    static func ed25519PublicKey(seed: [UInt8]) throws(SigningError) -> [UInt8] {
        let key = try OpenSSLKey.ed25519PrivateKey(seed: seed)
        return try unsafe rawPublicKey(of: key.pointer)
    }

    /// Signs `message` with pure Ed25519 (RFC 8032 §5.1.6), setting up a key object for this one call.
    ///
    /// `publicKey` must be the key OpenSSL derived from `seed` (as `Ed25519.PrivateKey` keeps it): handing
    /// both to OpenSSL spares the scalar multiplication that deriving it again would cost on every signature.
    static func ed25519Sign(_ message: [UInt8], seed: [UInt8], publicKey: [UInt8]) throws(SigningError) -> [UInt8] {
        try ed25519Sign(message, key: OpenSSLKey.ed25519KeyPair(seed: seed, publicKey: publicKey))
    }

    /// Signs `message` with pure Ed25519 (RFC 8032 §5.1.6) using the one-shot `EVP_DigestSign` with
    /// no digest, on a context of the prepared key object (see `OpenSSLKey.withContext`).
    static func ed25519Sign(_ message: [UInt8], key: OpenSSLKey) throws(SigningError) -> [UInt8] {
        try unsafe key.withContext(verify: false) { context throws(SigningError) in
            var signature = [UInt8](repeating: 0, count: signatureLength)
            var length = signatureLength
            // The array-to-pointer conversion gives a valid pointer even for an empty message
            // (RFC 8032 §7.1 TEST 1 signs zero bytes).
            guard unsafe EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
                throw failure("EVP_DigestSign")
            }
            guard length == signatureLength else {
                throw SigningError(.openSSLFailure, "EVP_DigestSign returned \(length) bytes, expected \(signatureLength)")
            }
            return signature
        }
    }

    /// Checks a 64-byte signature over `message` (RFC 8032 §5.1.7) with `EVP_DigestVerify`, on a
    /// context of the prepared public key object (see `OpenSSLKey.withContext`).
    ///
    /// Returns true only when `EVP_DigestVerify` returns exactly 1, and false when it returns 0
    /// without queueing an error: the signature was checked and is invalid. Any other outcome means
    /// the signature could not be checked and throws. The caller has already rejected
    /// non-canonical and small-order public keys.
    /// - Throws: `invalidSignatureLength` unless the signature has 64 bytes; `openSSLFailure`.
    static func ed25519Verify(_ signature: [UInt8], message: [UInt8], key: OpenSSLKey) throws(SigningError) -> Bool {
        guard signature.count == signatureLength else {
            throw SigningError(.invalidSignatureLength, "an Ed25519 signature has 64 bytes, found \(signature.count)")
        }
        // Errors left by other code on this thread would be mistaken for a failure of this check.
        ERR_clear_error()
        return try unsafe key.withContext(verify: true) { context throws(SigningError) in
            // 1 means valid, 0 a bad signature, a negative value an error. OpenSSL's Ed25519 also
            // returns 0 when it cannot fetch SHA-512 or allocate, but then it queues an error.
            let result = unsafe EVP_DigestVerify(context, signature, signature.count, message, message.count)
            if result == 1 { return true }
            guard result == 0, ERR_peek_error() == 0 else {
                throw failure("EVP_DigestVerify")
            }
            return false
        }
    }

    /// The 32 encoded public-key bytes of a key object, from `EVP_PKEY_get_raw_public_key`.
    static func rawPublicKey(of key: OpaquePointer) throws(SigningError) -> [UInt8] {
        var publicKey = [UInt8](repeating: 0, count: keyLength)
        var length = keyLength
        guard unsafe EVP_PKEY_get_raw_public_key(key, &publicKey, &length) == 1 else {
            throw failure("EVP_PKEY_get_raw_public_key")
        }
        guard length == keyLength else {
            throw SigningError(.invalidKeyLength, "the public key has \(length) bytes, Ed25519 needs 32")
        }
        return publicKey
    }

    /// Throws `notEd25519`, naming the algorithm found (`EVP_PKEY_get_id`, `EVP_PKEY_get0_type_name`).
    static func requireEd25519(_ key: OpaquePointer) throws(SigningError) {
        guard unsafe EVP_PKEY_get_id(key) != EVP_PKEY_ED25519 else { return }
        var name = "unknown"
        if let cName = unsafe EVP_PKEY_get0_type_name(key) {
            name = unsafe String(cString: cName)
        }
        // Type names are acronyms (RSA, EC, ED448, X25519, DSA): "an" before a letter read with a vowel sound.
        let article = name.first.map { "AEFHILMNORSX".contains($0) } == true ? "an" : "a"
        throw SigningError(.notEd25519, "found \(article) \(name) key")
    }
}
