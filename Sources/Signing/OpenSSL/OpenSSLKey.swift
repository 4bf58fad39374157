import COpenSSL

/// One OpenSSL `EVP_PKEY`, owned by a prepared signer or verifier for its lifetime and freed in `deinit`.
///
/// Setting up a key object costs about a tenth of a signature, so whatever signs or verifies many
/// documents with one key makes it once. The object is never changed after it is made: every use
/// creates its own `EVP_MD_CTX` and `EVP_PKEY_CTX` from it.
///
/// `@safe`: the pointer is never handed out beyond this folder's OpenSSL calls. `@unchecked Sendable` (the one place STYLE.md allows it): openssl-threads(7) says that objects
/// "are thread-safe as long as the API's being invoked don't modify the object", that only mutating
/// a key "such as setting elements of a private or public key" while another thread uses it is
/// unsafe, and that "two threads can calculate a signature using two different EVP_PKEY_CTX
/// objects"; the key's reference count, which each context takes, is updated under a lock.
@safe final class OpenSSLKey: @unchecked Sendable {
    /// The owned `EVP_PKEY *`.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`, which `deinit` frees.
    private init(taking pointer: OpaquePointer) {
        unsafe self.pointer = pointer
    }

    deinit {
        unsafe EVP_PKEY_free(pointer)
    }

    /// An Ed25519 public key object from `EVP_PKEY_new_raw_public_key`; the caller has already
    /// refused non-canonical and small-order encodings.
    static func ed25519PublicKey(_ publicKey: [UInt8]) throws(SigningError) -> OpenSSLKey {
        guard publicKey.count == OpenSSLBackend.keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 public key has 32 bytes, found \(publicKey.count)")
        }
        guard let key = unsafe EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count) else {
            throw OpenSSLBackend.failure("EVP_PKEY_new_raw_public_key")
        }
        return unsafe OpenSSLKey(taking: key)
    }

    /// An Ed25519 private key object from `EVP_PKEY_new_raw_private_key`, which derives the public key.
    static func ed25519PrivateKey(seed: [UInt8]) throws(SigningError) -> OpenSSLKey {
        guard seed.count == OpenSSLBackend.keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 seed has 32 bytes, found \(seed.count)")
        }
        guard let key = unsafe EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw OpenSSLBackend.failure("EVP_PKEY_new_raw_private_key")
        }
        return unsafe OpenSSLKey(taking: key)
    }

    /// An Ed25519 key pair object from `EVP_PKEY_fromdata` with both the seed and its public key.
    ///
    /// Unlike `EVP_PKEY_new_raw_private_key`, OpenSSL does not derive the public key again: `publicKey`
    /// must be the key OpenSSL derived from `seed` (as `Ed25519.PrivateKey` keeps it).
    static func ed25519KeyPair(seed: [UInt8], publicKey: [UInt8]) throws(SigningError) -> OpenSSLKey {
        guard seed.count == OpenSSLBackend.keyLength, publicKey.count == OpenSSLBackend.keyLength else {
            throw SigningError(
                .invalidKeyLength, "an Ed25519 seed and public key have 32 bytes each, found \(seed.count) and \(publicKey.count)")
        }
        guard let context = unsafe EVP_PKEY_CTX_new_from_name(nil, "ED25519", nil) else {
            throw OpenSSLBackend.failure("EVP_PKEY_CTX_new_from_name")
        }
        defer { unsafe EVP_PKEY_CTX_free(context) }
        guard unsafe EVP_PKEY_fromdata_init(context) == 1 else {
            throw OpenSSLBackend.failure("EVP_PKEY_fromdata_init")
        }
        // OSSL_PARAM holds pointers to the key bytes, so they must stay put while EVP_PKEY_fromdata runs.
        var material = seed + publicKey
        let key: OpaquePointer? = unsafe material.withUnsafeMutableBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var params = unsafe [
                OSSL_PARAM_construct_octet_string(mcred_OSSL_PKEY_PARAM_PRIV_KEY(), base, OpenSSLBackend.keyLength),
                OSSL_PARAM_construct_octet_string(
                    mcred_OSSL_PKEY_PARAM_PUB_KEY(), base + OpenSSLBackend.keyLength, OpenSSLBackend.keyLength),
                OSSL_PARAM_construct_end(),
            ]
            var key: OpaquePointer?
            guard unsafe EVP_PKEY_fromdata(context, &key, mcred_EVP_PKEY_KEYPAIR(), &params) == 1 else { return nil }
            return unsafe key
        }
        guard let key = unsafe key else {
            throw OpenSSLBackend.failure("EVP_PKEY_fromdata")
        }
        return unsafe OpenSSLKey(taking: key)
    }

    /// An X25519 public key object (`EVP_PKEY_new_raw_public_key` with `EVP_PKEY_X25519`).
    ///
    /// A test seam: X25519 keys cannot sign or verify, so `EVP_DigestVerifyInit` fails on one, which is
    /// how the tests make OpenSSL fail inside a verification ("could not check", not "invalid").
    static func x25519PublicKey(_ publicKey: [UInt8]) throws(SigningError) -> OpenSSLKey {
        guard publicKey.count == OpenSSLBackend.keyLength else {
            throw SigningError(.invalidKeyLength, "an X25519 public key has 32 bytes, found \(publicKey.count)")
        }
        guard let key = unsafe EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, publicKey, publicKey.count) else {
            throw OpenSSLBackend.failure("EVP_PKEY_new_raw_public_key")
        }
        return unsafe OpenSSLKey(taking: key)
    }
}
