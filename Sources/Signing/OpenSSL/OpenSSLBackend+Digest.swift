import COpenSSL

extension OpenSSLBackend {
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
}
