/// Every call into OpenSSL, behind internal functions over `[UInt8]` and small value types.
///
/// The files of this folder are the only ones in the package that import `COpenSSL` or touch
/// unsafe pointers (STYLE.md, "Unsafe code lives at the edge"), one per concern: Ed25519, PEM,
/// digests, randomness, ciphers (AES, PBKDF2), the error queue, and `OpenSSLKey`, the key object a
/// prepared signer or verifier keeps. Each function checks lengths in Swift first, frees each
/// OpenSSL object with a `defer` on the line after it is created, checks every return code and,
/// on failure, drains OpenSSL's error queue into the thrown error.
enum OpenSSLBackend {
    /// Bytes in an Ed25519 seed and in an encoded public key (RFC 8032 §5.1.5, §5.1.2).
    static let keyLength = 32
    /// Bytes in an Ed25519 signature (RFC 8032 §5.1.6).
    static let signatureLength = 64
    /// Bytes in a SHA-256 digest.
    static let sha256Length = 32
}
