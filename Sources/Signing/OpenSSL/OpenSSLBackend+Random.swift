import COpenSSL

extension OpenSSLBackend {
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
}
