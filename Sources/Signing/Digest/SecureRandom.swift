import CredentialCore

/// Random bytes for keys, nonces and challenges.
public enum SecureRandom {
    /// `count` random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
    /// - Throws: `randomFailure` when `count` is negative or OpenSSL cannot produce the bytes.
    public static func bytes(count: Int) throws(SigningError) -> [UInt8] {
        try OpenSSLBackend.randomBytes(count: count)
    }

    /// A fresh challenge for a presentation: 128 random bits as 22 characters of unpadded base64url.
    ///
    /// One draw in 64 would start with `-`, which a command line reads as an option
    /// (`--challenge -x…`); such a draw is replaced by another, so every challenge can be pasted
    /// after `--challenge` as it is. This leaves 127.98 bits of randomness.
    /// - Throws: `randomFailure` when OpenSSL cannot produce the bytes.
    public static func challenge() throws(SigningError) -> String {
        while true {
            let text = Base64URL.encode(try bytes(count: 16))
            if text.utf8.first != UInt8(ascii: "-") { return text }
        }
    }
}
