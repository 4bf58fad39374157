/// Cryptographically secure random bytes from OpenSSL.
public enum SecureRandom {
    /// `count` random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
    /// - Throws: `randomFailure` when `count` is negative or OpenSSL cannot produce the bytes.
    public static func bytes(count: Int) throws(SigningError) -> [UInt8] {
        try OpenSSLBackend.randomBytes(count: count)
    }
}
