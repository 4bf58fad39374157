import CredentialCore
/// JSON Web Encryption (RFC 7516) in compact serialisation, keyed by a passphrase: `alg`
/// PBES2-HS512+A256KW (RFC 7518 §4.8) and `enc` A256GCM (RFC 7518 §5.3), as the wallet backup uses it.
///
/// Every primitive runs in OpenSSL: PBKDF2-HMAC-SHA-512, AES-256 key wrap (RFC 3394) and
/// AES-256-GCM. Other JOSE libraries open the output; some cap `p2c` below 210,000 by default.
public enum JWE {
    /// The key management algorithm, `PBES2-HS512+A256KW`.
    public static let algorithm = "PBES2-HS512+A256KW"
    /// The content encryption algorithm, `A256GCM`.
    public static let encryption = "A256GCM"
    /// The fewest PBKDF2 iterations `encrypt` accepts: OWASP's figure for PBKDF2-HMAC-SHA512.
    public static let minimumEncryptionIterations = 210_000
    /// The fewest iterations `decrypt` accepts (RFC 7518 §4.8.1.2 asks for at least 1000).
    public static let minimumDecryptionIterations = 1000
    /// The most iterations either direction accepts by default, so a hostile file cannot keep
    /// `decrypt` busy for hours (10,000,000 take seconds).
    public static let defaultMaxIterations = 10_000_000
    /// Bytes of random salt input (`p2s`) in each new JWE.
    public static let saltInputLength = 16

    /// Bytes of the content encryption key and of the key-encryption key (A256GCM, A256KW).
    static let keyLength = 32

    /// Encrypts `plaintext` under `passphrase` and returns the JWE compact serialisation
    /// `header.encryptedKey.iv.ciphertext.tag` (RFC 7516 §7.1), with a random 16-byte `p2s`, a random
    /// content key and a random 96-bit IV; `contentType`, when given, becomes the `cty` header.
    /// - Throws: `invalidJWE` when `iterations` is below 210,000 or above `defaultMaxIterations`;
    ///   `randomFailure`, `openSSLFailure`.
    public static func encrypt(
        _ plaintext: [UInt8], passphrase: [UInt8], iterations: Int = 210_000, contentType: String? = nil
    ) throws(SigningError) -> String {
        guard iterations >= minimumEncryptionIterations, iterations <= defaultMaxIterations else {
            throw SigningError(
                .invalidJWE,
                "PBES2 needs \(minimumEncryptionIterations) to \(defaultMaxIterations) iterations (OWASP's figure for PBKDF2-HMAC-SHA512 is 210,000), found \(iterations)")
        }
        let saltInput = try SecureRandom.bytes(count: saltInputLength)
        let header = Header(iterations: iterations, saltInput: saltInput, contentType: contentType)
        let encodedHeader = header.encoded
        // RFC 7518 §4.8.1.1: the salt is UTF8(alg) || 0x00 || p2s, and A256KW needs a 32-byte key.
        let keyEncryptionKey = try OpenSSLBackend.pbkdf2HMACSHA512(
            password: passphrase, salt: salt(saltInput), iterations: iterations, keyLength: keyLength)
        // RFC 7516 §5.1 steps 2–4: a random content key, wrapped with the derived key (RFC 3394).
        let contentKey = try SecureRandom.bytes(count: keyLength)
        let encryptedKey = try OpenSSLBackend.aes256KeyWrap(contentKey, kek: keyEncryptionKey)
        // Steps 9–15: random IV; AAD = ASCII(BASE64URL(UTF8(protected header))); AES-GCM (RFC 7518 §5.3).
        let iv = try SecureRandom.bytes(count: OpenSSLBackend.gcmIVLength)
        let sealed = try OpenSSLBackend.aes256GCMSeal(plaintext, key: contentKey, iv: iv, aad: Array(encodedHeader.utf8))
        // Step 19: the compact serialisation, five base64url parts joined by periods (§7.1).
        return [
            encodedHeader, Base64URL.encode(encryptedKey), Base64URL.encode(iv),
            Base64URL.encode(sealed.ciphertext), Base64URL.encode(sealed.tag),
        ].joined(separator: ".")
    }

    /// Decrypts a JWE compact serialisation made with PBES2-HS512+A256KW and A256GCM (RFC 7516 §5.2)
    /// and returns the plaintext.
    ///
    /// The header is checked before any key is derived: other algorithms, `crit` and `zip` are
    /// refused, `p2s` must hold at least 8 bytes and `p2c` lie between 1000 and `maxIterations`.
    /// - Throws: `invalidJWE` (not five base64url parts, a header that is not a JSON object, sizes
    ///   or `p2c`/`p2s` out of bounds), `unsupportedJWE` (another `alg` or `enc`, `crit`, `zip`),
    ///   `decryptionFailed` (a wrong passphrase, or altered data), `openSSLFailure`.
    public static func decrypt(
        _ compact: String, passphrase: [UInt8], maxIterations: Int = defaultMaxIterations
    ) throws(SigningError) -> [UInt8] {
        let parts = try Parts(compact)
        let header = try Header(decoding: parts.header)
        guard header.iterations >= minimumDecryptionIterations, header.iterations <= maxIterations else {
            throw SigningError(
                .invalidJWE,
                "p2c is \(header.iterations); mcred accepts \(minimumDecryptionIterations) to \(maxIterations) PBKDF2 iterations")
        }
        // RFC 7518 §4.8: the derived key wraps a 32-byte content key, 40 bytes once wrapped (RFC 3394).
        guard parts.encryptedKey.count == keyLength + 8 else {
            throw SigningError(.invalidJWE, "the encrypted key must have 40 bytes for A256GCM, found \(parts.encryptedKey.count)")
        }
        guard parts.iv.count == OpenSSLBackend.gcmIVLength else {
            throw SigningError(.invalidJWE, "the initialisation vector must have 12 bytes for A256GCM, found \(parts.iv.count)")
        }
        guard parts.tag.count == OpenSSLBackend.gcmTagLength else {
            throw SigningError(.invalidJWE, "the authentication tag must have 16 bytes for A256GCM, found \(parts.tag.count)")
        }
        let keyEncryptionKey = try OpenSSLBackend.pbkdf2HMACSHA512(
            password: passphrase, salt: salt(header.saltInput), iterations: header.iterations, keyLength: keyLength)
        let contentKey: [UInt8]
        do {
            contentKey = try OpenSSLBackend.aes256KeyUnwrap(parts.encryptedKey, kek: keyEncryptionKey)
        } catch where error.code == .decryptionFailed {
            // RFC 3394's integrity check cannot tell a wrong passphrase from an altered header or key.
            throw SigningError(.decryptionFailed, "cannot decrypt: wrong passphrase, or the header or encrypted key was altered")
        }
        guard contentKey.count == keyLength else {
            throw SigningError(.decryptionFailed, "cannot decrypt: the unwrapped content key has \(contentKey.count) bytes, A256GCM needs 32")
        }
        do {
            // RFC 7516 §5.2 step 14: AAD = ASCII(encoded protected header), exactly as received.
            return try OpenSSLBackend.aes256GCMOpen(
                parts.ciphertext, key: contentKey, iv: parts.iv, aad: Array(parts.header.utf8), tag: parts.tag)
        } catch where error.code == .decryptionFailed {
            throw SigningError(.decryptionFailed, "cannot decrypt: the content was altered (the AES-GCM authentication tag does not match)")
        }
    }

    /// RFC 7518 §4.8.1.1: the PBKDF2 salt, UTF8(alg) || 0x00 || p2s.
    static func salt(_ saltInput: [UInt8]) -> [UInt8] {
        Array(algorithm.utf8) + [0x00] + saltInput
    }
}
