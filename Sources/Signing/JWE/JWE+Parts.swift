import CredentialCore
extension JWE {
    /// The five parts of a compact serialisation (RFC 7516 §7.1), the header kept as received and
    /// the other four decoded.
    struct Parts {
        /// The base64url protected header, exactly as received (it is the AAD).
        let header: Substring
        /// The wrapped content key.
        let encryptedKey: [UInt8]
        /// The initialisation vector.
        let iv: [UInt8]
        /// The ciphertext.
        let ciphertext: [UInt8]
        /// The authentication tag.
        let tag: [UInt8]

        /// Splits `compact` at its four periods and decodes each part (RFC 7516 §5.2 steps 1–2).
        /// - Throws: `invalidJWE`, or `unsupportedJWE` for the JSON serialisation.
        init(_ compact: String) throws(SigningError) {
            let trimmed = compact.utf8.last == UInt8(ascii: "\n") ? compact.dropLast() : Substring(compact)
            if trimmed.utf8.first == UInt8(ascii: "{") {
                // Only an object with a JWE's members is the JSON serialisation (RFC 7516 §7.2); any
                // other object is most likely the wallet or a credential given in place of its backup.
                let object = (try? JSONValue(parsing: Array(trimmed.utf8)))?.objectValue
                guard let object, object["protected"] != nil || object["ciphertext"] != nil else {
                    throw SigningError(
                        .invalidJWE, "this is JSON, not an encrypted backup (a backup is one line of base64url parts, as wallet export writes it); a wallet file needs no import")
                }
                throw SigningError(.unsupportedJWE, "this is the JWE JSON serialisation; mcred reads the compact one")
            }
            let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 5 else {
                throw SigningError(.invalidJWE, "a JWE compact serialisation has five parts separated by \".\", found \(parts.count)")
            }
            let names = ["protected header", "encrypted key", "initialisation vector", "ciphertext", "authentication tag"]
            var decoded: [[UInt8]] = []
            for (part, name) in zip(parts, names) {
                guard let bytes = Base64URL.decode(part) else {
                    throw SigningError(.invalidJWE, "the JWE \(name) is not unpadded base64url")
                }
                decoded.append(bytes)
            }
            guard !parts[0].isEmpty else {
                throw SigningError(.invalidJWE, "the JWE protected header is empty")
            }
            header = parts[0]
            encryptedKey = decoded[1]
            iv = decoded[2]
            ciphertext = decoded[3]
            tag = decoded[4]
        }
    }
}
