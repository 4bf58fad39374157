import COpenSSL

extension OpenSSLBackend {
    /// Bytes in an AES-256 key.
    static let aes256KeyLength = 32
    /// Bytes in an AES-GCM initialisation vector (96 bits, NIST SP 800-38D §8.2, RFC 7518 §5.3).
    static let gcmIVLength = 12
    /// Bytes in an AES-GCM authentication tag (128 bits, RFC 7518 §5.3).
    static let gcmTagLength = 16
    /// The largest input handed to one `EVP_*Update` call, whose length is a C `int`.
    static let maxCipherInput = Int(Int32.max) - 64

    // MARK: PBKDF2

    /// PBKDF2 with HMAC-SHA-512 (RFC 8018 §5.2) from `PKCS5_PBKDF2_HMAC` with `EVP_sha512()`.
    static func pbkdf2HMACSHA512(
        password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int
    ) throws(SigningError) -> [UInt8] {
        guard iterations >= 1, iterations <= Int(Int32.max), keyLength >= 1, keyLength <= 1024,
              password.count <= maxCipherInput, salt.count <= maxCipherInput else {
            throw SigningError(
                .openSSLFailure,
                "PBKDF2 parameters out of range: \(iterations) iterations, \(keyLength)-byte key, \(password.count)-byte password, \(salt.count)-byte salt")
        }
        // PKCS5_PBKDF2_HMAC takes the password as `const char *`; the array-to-pointer conversion
        // gives a valid pointer even for an empty password.
        let passwordChars = password.map { CChar(bitPattern: $0) }
        var key = [UInt8](repeating: 0, count: keyLength)
        guard unsafe PKCS5_PBKDF2_HMAC(
            passwordChars, Int32(passwordChars.count), salt, Int32(salt.count), Int32(iterations),
            EVP_sha512(), Int32(keyLength), &key) == 1 else {
            throw failure("PKCS5_PBKDF2_HMAC")
        }
        return key
    }

    // MARK: AES key wrap

    /// Wraps `key` (a multiple of 8 bytes, at least 16) under a 32-byte key-encryption key with AES-256
    /// key wrap (RFC 3394 §2.2.1, default IV), using `EVP_aes_256_wrap`. The result is 8 bytes longer.
    static func aes256KeyWrap(_ key: [UInt8], kek: [UInt8]) throws(SigningError) -> [UInt8] {
        guard kek.count == aes256KeyLength, key.count >= 16, key.count % 8 == 0, key.count <= 4096 else {
            throw SigningError(
                .openSSLFailure, "AES-256 key wrap needs a 32-byte key-encryption key and a key of 16 bytes or more in 8-byte blocks")
        }
        let context = try unsafe wrapContext(kek: kek, encrypting: true)
        defer { unsafe EVP_CIPHER_CTX_free(context) }
        var wrapped = [UInt8](repeating: 0, count: key.count + 8)
        var length: Int32 = 0
        guard unsafe EVP_EncryptUpdate(context, &wrapped, &length, key, Int32(key.count)) == 1,
              Int(length) == key.count + 8 else {
            throw failure("EVP_EncryptUpdate (AES key wrap)")
        }
        var tail = [UInt8](repeating: 0, count: 16)
        var tailLength: Int32 = 0
        guard unsafe EVP_EncryptFinal_ex(context, &tail, &tailLength) == 1, tailLength == 0 else {
            throw failure("EVP_EncryptFinal_ex (AES key wrap)")
        }
        return wrapped
    }

    /// Unwraps an AES-256 key-wrapped key (RFC 3394 §2.2.2) with `EVP_aes_256_wrap`.
    /// - Throws: `decryptionFailed` when the integrity check of RFC 3394 §2.2.3 fails (a wrong
    ///   key-encryption key or altered bytes); `openSSLFailure`.
    static func aes256KeyUnwrap(_ wrapped: [UInt8], kek: [UInt8]) throws(SigningError) -> [UInt8] {
        guard kek.count == aes256KeyLength else {
            throw SigningError(.openSSLFailure, "AES-256 key unwrap needs a 32-byte key-encryption key, found \(kek.count) bytes")
        }
        guard wrapped.count >= 24, wrapped.count % 8 == 0, wrapped.count <= 4104 else {
            throw SigningError(.decryptionFailed, "a wrapped key has 24 bytes or more in 8-byte blocks, found \(wrapped.count) bytes")
        }
        let context = try unsafe wrapContext(kek: kek, encrypting: false)
        defer { unsafe EVP_CIPHER_CTX_free(context) }
        var key = [UInt8](repeating: 0, count: wrapped.count)
        var length: Int32 = 0
        // RFC 3394 §2.2.3: OpenSSL refuses the output when the recovered IV is not A6A6A6A6A6A6A6A6.
        guard unsafe EVP_DecryptUpdate(context, &key, &length, wrapped, Int32(wrapped.count)) == 1,
              Int(length) == wrapped.count - 8 else {
            throw SigningError(.decryptionFailed, "the key does not unwrap: its integrity check fails (\(drainErrorQueue()))")
        }
        var tail = [UInt8](repeating: 0, count: 16)
        var tailLength: Int32 = 0
        guard unsafe EVP_DecryptFinal_ex(context, &tail, &tailLength) == 1, tailLength == 0 else {
            throw failure("EVP_DecryptFinal_ex (AES key unwrap)")
        }
        return Array(key[..<Int(length)])
    }

    /// A cipher context for `EVP_aes_256_wrap` (`EVP_CIPHER_CTX_new`, `EVP_CipherInit_ex`); the caller frees it.
    private static func wrapContext(kek: [UInt8], encrypting: Bool) throws(SigningError) -> OpaquePointer {
        guard let context = unsafe EVP_CIPHER_CTX_new() else {
            throw failure("EVP_CIPHER_CTX_new")
        }
        // OpenSSL refuses the wrap modes through EVP_Cipher* unless the caller says it knows they are
        // not ordinary block ciphers (EVP_EncryptInit(3), "EVP_CIPHER_CTX_FLAG_WRAP_ALLOW").
        unsafe EVP_CIPHER_CTX_set_flags(context, Int32(EVP_CIPHER_CTX_FLAG_WRAP_ALLOW))
        // A NULL IV selects RFC 3394's default initial value.
        guard unsafe EVP_CipherInit_ex(context, EVP_aes_256_wrap(), nil, kek, nil, encrypting ? 1 : 0) == 1 else {
            unsafe EVP_CIPHER_CTX_free(context)
            throw failure("EVP_CipherInit_ex (AES key wrap)")
        }
        return unsafe context
    }

    // MARK: AES-GCM

    /// Encrypts `plaintext` with AES-256-GCM (NIST SP 800-38D) and returns the ciphertext and the
    /// 16-byte tag, which also authenticates `aad` (`EVP_aes_256_gcm`, `EVP_EncryptUpdate`,
    /// `EVP_EncryptFinal_ex`, `EVP_CTRL_GCM_GET_TAG`).
    static func aes256GCMSeal(
        _ plaintext: [UInt8], key: [UInt8], iv: [UInt8], aad: [UInt8]
    ) throws(SigningError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard key.count == aes256KeyLength, iv.count == gcmIVLength else {
            throw SigningError(.openSSLFailure, "AES-256-GCM needs a 32-byte key and a 12-byte IV, found \(key.count) and \(iv.count) bytes")
        }
        guard plaintext.count <= maxCipherInput, aad.count <= maxCipherInput else {
            throw SigningError(.openSSLFailure, "AES-256-GCM input too large: \(plaintext.count) bytes")
        }
        let context = try unsafe gcmContext(key: key, iv: iv, aad: aad, encrypting: true)
        defer { unsafe EVP_CIPHER_CTX_free(context) }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        if !plaintext.isEmpty {
            var length: Int32 = 0
            guard unsafe EVP_EncryptUpdate(context, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1,
                  Int(length) == plaintext.count else {
                throw failure("EVP_EncryptUpdate (AES-GCM)")
            }
        }
        var tail = [UInt8](repeating: 0, count: 16)
        var tailLength: Int32 = 0
        guard unsafe EVP_EncryptFinal_ex(context, &tail, &tailLength) == 1, tailLength == 0 else {
            throw failure("EVP_EncryptFinal_ex (AES-GCM)")
        }
        var tag = [UInt8](repeating: 0, count: gcmTagLength)
        guard unsafe EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(gcmTagLength), &tag) == 1 else {
            throw failure("EVP_CIPHER_CTX_ctrl (EVP_CTRL_GCM_GET_TAG)")
        }
        return (ciphertext, tag)
    }

    /// Decrypts AES-256-GCM `ciphertext` after checking its 16-byte `tag` over it and `aad`
    /// (`EVP_aes_256_gcm`, `EVP_CTRL_GCM_SET_TAG`, `EVP_DecryptUpdate`, `EVP_DecryptFinal_ex`).
    /// - Throws: `decryptionFailed` when the tag does not match (wrong key or altered data); `openSSLFailure`.
    static func aes256GCMOpen(
        _ ciphertext: [UInt8], key: [UInt8], iv: [UInt8], aad: [UInt8], tag: [UInt8]
    ) throws(SigningError) -> [UInt8] {
        guard key.count == aes256KeyLength, iv.count == gcmIVLength else {
            throw SigningError(.openSSLFailure, "AES-256-GCM needs a 32-byte key and a 12-byte IV, found \(key.count) and \(iv.count) bytes")
        }
        guard tag.count == gcmTagLength else {
            throw SigningError(.decryptionFailed, "an AES-GCM tag has 16 bytes, found \(tag.count)")
        }
        guard ciphertext.count <= maxCipherInput, aad.count <= maxCipherInput else {
            throw SigningError(.openSSLFailure, "AES-256-GCM input too large: \(ciphertext.count) bytes")
        }
        let context = try unsafe gcmContext(key: key, iv: iv, aad: aad, encrypting: false)
        defer { unsafe EVP_CIPHER_CTX_free(context) }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        if !ciphertext.isEmpty {
            var length: Int32 = 0
            guard unsafe EVP_DecryptUpdate(context, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1,
                  Int(length) == ciphertext.count else {
                throw failure("EVP_DecryptUpdate (AES-GCM)")
            }
        }
        var expectedTag = tag
        guard unsafe EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(gcmTagLength), &expectedTag) == 1 else {
            throw failure("EVP_CIPHER_CTX_ctrl (EVP_CTRL_GCM_SET_TAG)")
        }
        var tail = [UInt8](repeating: 0, count: 16)
        var tailLength: Int32 = 0
        // NIST SP 800-38D §7.2 step 8: a tag mismatch returns FAIL and no plaintext.
        guard unsafe EVP_DecryptFinal_ex(context, &tail, &tailLength) == 1, tailLength == 0 else {
            throw SigningError(.decryptionFailed, "the AES-GCM authentication tag does not match (\(drainErrorQueue()))")
        }
        return plaintext
    }

    /// A cipher context for `EVP_aes_256_gcm` with key, 12-byte IV and AAD already given
    /// (`EVP_CIPHER_CTX_new`, `EVP_CipherInit_ex`, `EVP_CipherUpdate` with no output); the caller frees it.
    private static func gcmContext(
        key: [UInt8], iv: [UInt8], aad: [UInt8], encrypting: Bool
    ) throws(SigningError) -> OpaquePointer {
        guard let context = unsafe EVP_CIPHER_CTX_new() else {
            throw failure("EVP_CIPHER_CTX_new")
        }
        // 12 bytes is GCM's default IV length, so the IV goes in with the key.
        guard unsafe EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, key, iv, encrypting ? 1 : 0) == 1 else {
            unsafe EVP_CIPHER_CTX_free(context)
            throw failure("EVP_CipherInit_ex (AES-GCM)")
        }
        if !aad.isEmpty {
            // A NULL output pointer makes the update authenticate without encrypting.
            var length: Int32 = 0
            guard unsafe EVP_CipherUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else {
                unsafe EVP_CIPHER_CTX_free(context)
                throw failure("EVP_CipherUpdate (AES-GCM AAD)")
            }
        }
        return unsafe context
    }
}
