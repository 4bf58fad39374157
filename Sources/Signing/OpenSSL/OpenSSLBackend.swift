import COpenSSL

/// Every call into OpenSSL, behind internal functions over `[UInt8]`.
///
/// This is the only file of the package that imports `COpenSSL` or touches unsafe pointers
/// (STYLE.md, "Unsafe code lives in one file"). Each function checks lengths in Swift first,
/// frees each OpenSSL object with a `defer` on the line after it is created, checks every return
/// code and, on failure, drains OpenSSL's error queue into the thrown error. OpenSSL key objects
/// live for one call only: keys are kept as bytes by their Swift types.
enum OpenSSLBackend {
    /// Bytes in an Ed25519 seed and in an encoded public key (RFC 8032 §5.1.5, §5.1.2).
    static let keyLength = 32
    /// Bytes in an Ed25519 signature (RFC 8032 §5.1.6).
    static let signatureLength = 64
    /// Bytes in a SHA-256 digest.
    static let sha256Length = 32

    // MARK: Ed25519

    /// Derives the encoded public key of a 32-byte seed (RFC 8032 §5.1.5) with
    /// `EVP_PKEY_new_raw_private_key` and `EVP_PKEY_get_raw_public_key`.
    static func ed25519PublicKey(seed: [UInt8]) throws(SigningError) -> [UInt8] {
        let key = try unsafe privateKeyObject(seed: seed)
        defer { unsafe EVP_PKEY_free(key) }
        return try unsafe rawPublicKey(of: key)
    }

    /// Signs `message` with pure Ed25519 (RFC 8032 §5.1.6) using the one-shot `EVP_DigestSign` with
    /// no digest, after `EVP_MD_CTX_new` and `EVP_DigestSignInit`.
    ///
    /// `publicKey` must be the key OpenSSL derived from `seed` (as `Ed25519.PrivateKey` keeps it): handing
    /// both to OpenSSL spares the scalar multiplication that deriving it again would cost on every signature.
    static func ed25519Sign(_ message: [UInt8], seed: [UInt8], publicKey: [UInt8]) throws(SigningError) -> [UInt8] {
        let key = try unsafe keyPairObject(seed: seed, publicKey: publicKey)
        defer { unsafe EVP_PKEY_free(key) }
        guard let context = unsafe EVP_MD_CTX_new() else {
            throw failure("EVP_MD_CTX_new")
        }
        defer { unsafe EVP_MD_CTX_free(context) }
        // Pure Ed25519 takes no message digest: the md argument is NULL.
        guard unsafe EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else {
            throw failure("EVP_DigestSignInit")
        }
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

    /// True only when `EVP_DigestVerify` returns exactly 1 for a 64-byte signature over `message`
    /// (RFC 8032 §5.1.7), after `EVP_PKEY_new_raw_public_key`, `EVP_MD_CTX_new` and `EVP_DigestVerifyInit`.
    ///
    /// The caller has already rejected non-canonical and small-order public keys.
    static func ed25519Verify(_ signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureLength, publicKey.count == keyLength else { return false }
        guard let key = unsafe EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
            ERR_clear_error()
            return false
        }
        defer { unsafe EVP_PKEY_free(key) }
        guard let context = unsafe EVP_MD_CTX_new() else {
            ERR_clear_error()
            return false
        }
        defer { unsafe EVP_MD_CTX_free(context) }
        guard unsafe EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else {
            ERR_clear_error()
            return false
        }
        // 0 means a bad signature and a negative value an error: only exactly 1 is valid.
        let result = unsafe EVP_DigestVerify(context, signature, signature.count, message, message.count)
        guard result == 1 else {
            ERR_clear_error()
            return false
        }
        return true
    }

    // MARK: PEM

    /// The PKCS#8 `PRIVATE KEY` PEM of a seed, as `openssl genpkey` writes it, from `PEM_write_bio_PrivateKey`.
    static func ed25519PrivateKeyPEM(seed: [UInt8]) throws(SigningError) -> String {
        let key = try unsafe privateKeyObject(seed: seed)
        defer { unsafe EVP_PKEY_free(key) }
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        // No cipher and no passphrase: an unencrypted PKCS#8 PrivateKeyInfo (RFC 5958, RFC 8410 §7).
        guard unsafe PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else {
            throw failure("PEM_write_bio_PrivateKey")
        }
        return try unsafe contents(of: bio)
    }

    /// The SPKI `PUBLIC KEY` PEM of an encoded public key (RFC 8410 §4), from `PEM_write_bio_PUBKEY`.
    static func ed25519PublicKeyPEM(_ publicKey: [UInt8]) throws(SigningError) -> String {
        guard publicKey.count == keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 public key has 32 bytes, found \(publicKey.count)")
        }
        guard let key = unsafe EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
            throw failure("EVP_PKEY_new_raw_public_key")
        }
        defer { unsafe EVP_PKEY_free(key) }
        let bio = try unsafe memoryBIO()
        defer { unsafe BIO_free(bio) }
        guard unsafe PEM_write_bio_PUBKEY(bio, key) == 1 else {
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

    // MARK: Digest and randomness

    /// SHA-256 of `bytes` from the one-shot `EVP_Digest` with `EVP_sha256()`.
    static func sha256(_ bytes: [UInt8]) throws(SigningError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: sha256Length)
        var length: UInt32 = 0
        guard unsafe EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil) == 1 else {
            throw failure("EVP_Digest")
        }
        guard length == sha256Length else {
            throw SigningError(.openSSLFailure, "EVP_Digest returned \(length) bytes, expected \(sha256Length)")
        }
        return digest
    }

    /// The SHA-256 digests of several inputs, fetching the algorithm once (`EVP_MD_fetch`) and
    /// reusing one `EVP_MD_CTX` (`EVP_DigestInit_ex`, `EVP_DigestUpdate`, `EVP_DigestFinal_ex`):
    /// a Data Integrity proof hashes two inputs, and each implicit fetch takes a lock.
    static func sha256(each inputs: [[UInt8]]) throws(SigningError) -> [[UInt8]] {
        guard let md = unsafe EVP_MD_fetch(nil, "SHA256", nil) else {
            throw failure("EVP_MD_fetch")
        }
        defer { unsafe EVP_MD_free(md) }
        guard let context = unsafe EVP_MD_CTX_new() else {
            throw failure("EVP_MD_CTX_new")
        }
        defer { unsafe EVP_MD_CTX_free(context) }
        var digests: [[UInt8]] = []
        digests.reserveCapacity(inputs.count)
        for input in inputs {
            var digest = [UInt8](repeating: 0, count: sha256Length)
            var length: UInt32 = 0
            guard unsafe EVP_DigestInit_ex(context, md, nil) == 1 else { throw failure("EVP_DigestInit_ex") }
            guard unsafe EVP_DigestUpdate(context, input, input.count) == 1 else { throw failure("EVP_DigestUpdate") }
            guard unsafe EVP_DigestFinal_ex(context, &digest, &length) == 1 else { throw failure("EVP_DigestFinal_ex") }
            guard length == sha256Length else {
                throw SigningError(.openSSLFailure, "EVP_DigestFinal_ex returned \(length) bytes, expected \(sha256Length)")
            }
            digests.append(digest)
        }
        return digests
    }

    /// `count` bytes from OpenSSL's CSPRNG with `RAND_bytes`.
    static func randomBytes(count: Int) throws(SigningError) -> [UInt8] {
        guard count >= 0, count <= Int(Int32.max) else {
            throw SigningError(.randomFailure, "cannot produce \(count) random bytes")
        }
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        guard unsafe RAND_bytes(&bytes, Int32(count)) == 1 else {
            throw SigningError(.randomFailure, "RAND_bytes failed: \(drainErrorQueue())")
        }
        return bytes
    }

    // MARK: Helpers

    /// A new Ed25519 private key object from `EVP_PKEY_new_raw_private_key`; the caller frees it.
    private static func privateKeyObject(seed: [UInt8]) throws(SigningError) -> OpaquePointer {
        guard seed.count == keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 seed has 32 bytes, found \(seed.count)")
        }
        guard let key = unsafe EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw failure("EVP_PKEY_new_raw_private_key")
        }
        return unsafe key
    }

    /// A new Ed25519 key pair object from `EVP_PKEY_fromdata` with both the seed and its public key;
    /// the caller frees it. Unlike `EVP_PKEY_new_raw_private_key`, OpenSSL does not derive the public key.
    private static func keyPairObject(seed: [UInt8], publicKey: [UInt8]) throws(SigningError) -> OpaquePointer {
        guard seed.count == keyLength, publicKey.count == keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 seed and public key have 32 bytes each, found \(seed.count) and \(publicKey.count)")
        }
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, "ED25519", nil) else {
            throw failure("EVP_PKEY_CTX_new_from_name")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        guard unsafe EVP_PKEY_fromdata_init(context) == 1 else {
            throw failure("EVP_PKEY_fromdata_init")
        }
        // OSSL_PARAM holds pointers to the key bytes, so they must stay put while EVP_PKEY_fromdata runs.
        var material = seed + publicKey
        let key: OpaquePointer? = unsafe material.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var params = unsafe [
                OSSL_PARAM_construct_octet_string(mcred_OSSL_PKEY_PARAM_PRIV_KEY(), base, keyLength),
                OSSL_PARAM_construct_octet_string(mcred_OSSL_PKEY_PARAM_PUB_KEY(), base + keyLength, keyLength),
                OSSL_PARAM_construct_end(),
            ]
            var key: OpaquePointer?
            guard unsafe EVP_PKEY_fromdata(context, &key, mcred_EVP_PKEY_KEYPAIR(), &params) == 1 else { return nil }
            return unsafe key
        }
        guard let key = unsafe key else {
            throw failure("EVP_PKEY_fromdata")
        }
        return unsafe key
    }

    /// The 32 encoded public-key bytes of a key object, from `EVP_PKEY_get_raw_public_key`.
    private static func rawPublicKey(of key: OpaquePointer) throws(SigningError) -> [UInt8] {
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
    private static func requireEd25519(_ key: OpaquePointer) throws(SigningError) {
        guard unsafe EVP_PKEY_get_id(key) != EVP_PKEY_ED25519 else { return }
        var name = "unknown"
        if let cName = unsafe EVP_PKEY_get0_type_name(key) {
            name = unsafe String(cString: cName)
        }
        // Type names are acronyms (RSA, EC, ED448, X25519, DSA): "an" before a letter read with a vowel sound.
        let article = name.first.map { "AEFHILMNORSX".contains($0) } == true ? "an" : "a"
        throw SigningError(.notEd25519, "found \(article) \(name) key")
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

    /// An `openSSLFailure` naming the function that failed, with OpenSSL's error queue.
    private static func failure(_ function: String) -> SigningError {
        SigningError(.openSSLFailure, "\(function) failed: \(drainErrorQueue())")
    }

    /// Empties this thread's OpenSSL error queue (`ERR_get_error`, `ERR_error_string_n`) into one line.
    private static func drainErrorQueue() -> String {
        var lines: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            guard code != 0 else { break }
            unsafe ERR_error_string_n(code, &buffer, buffer.count)
            let end = buffer.firstIndex(of: 0) ?? buffer.count
            lines.append(String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return lines.isEmpty ? "no OpenSSL error reported" : lines.joined(separator: "; ")
    }
}
