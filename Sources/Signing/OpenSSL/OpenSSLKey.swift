import COpenSSL
import Synchronization

/// One OpenSSL `EVP_PKEY`, owned by a prepared signer or verifier for its lifetime and freed in `deinit`.
///
/// Setting up a key object costs about a tenth of a signature, so whatever signs or verifies many
/// documents with one key makes it once. The object is never changed after it is made.
///
/// It also keeps a few `EVP_MD_CTX` objects already initialised with it, one per thread at a time:
/// `EVP_DigestSignInit` / `EVP_DigestVerifyInit` with a NULL key re-initialise one ("the call then
/// just resets the state of the ctx", EVP_DigestSignInit(3)), as `openssl speed` does between
/// signatures, which skips creating a new `EVP_PKEY_CTX` and fetching the algorithm (about 3% of a
/// signature). A context is never used by two threads at once: it is taken out of the pool under
/// its lock and put back after the call.
///
/// `@safe`: the pointer is never handed out beyond this folder's OpenSSL calls. `@unchecked Sendable` (the one place STYLE.md allows it): openssl-threads(7) says that objects
/// "are thread-safe as long as the API's being invoked don't modify the object", that only mutating
/// a key "such as setting elements of a private or public key" while another thread uses it is
/// unsafe, and that "two threads can calculate a signature using two different EVP_PKEY_CTX
/// objects"; the key's reference count, which each context takes, is updated under a lock.
@safe final class OpenSSLKey: @unchecked Sendable {
    /// The owned `EVP_PKEY *`.
    let pointer: OpaquePointer
    /// Contexts initialised for signing or verifying with this key, ready for a re-initialisation,
    /// held as their addresses (plain integers cross the lock; the pointers never leave this file).
    private let signContexts = Mutex<[UInt]>([])
    private let verifyContexts = Mutex<[UInt]>([])
    /// The most contexts kept per operation (one per concurrent caller is enough).
    static let contextLimit = 16

    /// Takes ownership of `pointer`, which `deinit` frees.
    private init(taking pointer: OpaquePointer) {
        unsafe self.pointer = pointer
    }

    deinit {
        // Each context holds a reference to the key, so they go first.
        for address in signContexts.withLock({ $0 }) + verifyContexts.withLock({ $0 }) {
            unsafe EVP_MD_CTX_free(OpaquePointer(bitPattern: address))
        }
        unsafe EVP_PKEY_free(pointer)
    }

    /// Runs `body` on the pool of signing or verifying contexts, under its lock.
    private func withPool<Result: Sendable>(verify: Bool, _ body: (inout [UInt]) -> Result) -> Result {
        verify ? verifyContexts.withLock { body(&$0) } : signContexts.withLock { body(&$0) }
    }

    /// Runs `body` with an `EVP_MD_CTX` initialised for signing (`verify` false) or verifying with
    /// this key: a pooled one re-initialised, or a new one. The context goes back to the pool only
    /// when `body` returns; after an error it is freed.
    /// - Throws: `openSSLFailure` when no context can be made or initialised; what `body` throws.
    func withContext<Result>(
        verify: Bool, _ body: (OpaquePointer) throws(SigningError) -> Result
    ) throws(SigningError) -> Result {
        let pooled = unsafe withPool(verify: verify, { $0.popLast() }).flatMap { unsafe OpaquePointer(bitPattern: $0) }
        guard let context = unsafe pooled ?? EVP_MD_CTX_new() else { throw OpenSSLBackend.failure("EVP_MD_CTX_new") }
        // A pooled context keeps its key, algorithm and parameters: a NULL key resets only the
        // operation. Pure Ed25519 takes no message digest: the md argument is NULL.
        let key = unsafe pooled == nil ? pointer : nil
        let initialised = verify
            ? unsafe EVP_DigestVerifyInit(context, nil, nil, nil, key)
            : unsafe EVP_DigestSignInit(context, nil, nil, nil, key)
        guard initialised == 1 else {
            unsafe EVP_MD_CTX_free(context)
            throw OpenSSLBackend.failure(verify ? "EVP_DigestVerifyInit" : "EVP_DigestSignInit")
        }
        let result: Result
        do {
            result = try unsafe body(context)
        } catch {
            unsafe EVP_MD_CTX_free(context)
            throw error
        }
        let address = UInt(bitPattern: Int(bitPattern: context))
        let kept = withPool(verify: verify) { contexts in
            guard contexts.count < Self.contextLimit else { return false }
            contexts.append(address)
            return true
        }
        if !kept { unsafe EVP_MD_CTX_free(context) }
        return result
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
