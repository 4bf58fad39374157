import COpenSSL

extension OpenSSLBackend {
    /// SHA-256, fetched once for the process (`EVP_MD_fetch`) and never freed: `EVP_sha256()` is
    /// fetched again, under the provider store's lock, by every digest made with it, which cost more
    /// than hashing a short identifier. Held as its address (a plain integer crosses threads; a
    /// fetched algorithm is immutable and may be used by many threads at once); 0 when the fetch failed.
    private static let sha256Address: UInt = unsafe UInt(bitPattern: Int(bitPattern: EVP_MD_fetch(nil, "SHA256", nil)))

    /// The fetched SHA-256.
    /// - Throws: `openSSLFailure` when OpenSSL could not fetch it.
    private static func sha256Algorithm() throws(SigningError) -> OpaquePointer {
        guard let md = unsafe OpaquePointer(bitPattern: sha256Address) else { throw failure("EVP_MD_fetch (SHA256)") }
        return unsafe md
    }

    /// SHA-256 of `bytes` from the one-shot `EVP_Digest`.
    static func sha256(_ bytes: [UInt8]) throws(SigningError) -> [UInt8] {
        let md = try unsafe sha256Algorithm()
        var digest = [UInt8](repeating: 0, count: sha256Length)
        var length: UInt32 = 0
        guard unsafe EVP_Digest(bytes, bytes.count, &digest, &length, md, nil) == 1 else {
            throw failure("EVP_Digest")
        }
        guard length == sha256Length else {
            throw SigningError(.openSSLFailure, "EVP_Digest returned \(length) bytes, expected \(sha256Length)")
        }
        return digest
    }

    /// The SHA-256 digests of several inputs with one `EVP_MD_CTX` (`EVP_DigestInit_ex`,
    /// `EVP_DigestUpdate`, `EVP_DigestFinal_ex`): a Data Integrity proof hashes two inputs.
    static func sha256(each inputs: [[UInt8]]) throws(SigningError) -> [[UInt8]] {
        let md = try unsafe sha256Algorithm()
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
}
