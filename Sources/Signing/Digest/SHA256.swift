/// SHA-256 (FIPS 180-4), computed by OpenSSL.
public enum SHA256 {
    /// The 32-byte SHA-256 digest of `bytes`, from OpenSSL's `EVP_Digest` with `EVP_sha256()`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        do {
            return try OpenSSLBackend.sha256(bytes)
        } catch {
            // No input makes SHA-256 fail; only a broken or out-of-memory OpenSSL lands here.
            preconditionFailure("OpenSSL cannot compute SHA-256: \(error)")
        }
    }

    /// The SHA-256 digests of several inputs, in order; cheaper than hashing each one separately.
    public static func hash(each inputs: [[UInt8]]) -> [[UInt8]] {
        do {
            return try OpenSSLBackend.sha256(each: inputs)
        } catch {
            // As above: only a broken or out-of-memory OpenSSL lands here.
            preconditionFailure("OpenSSL cannot compute SHA-256: \(error)")
        }
    }
}
