import CredentialCore
extension Multibase {
    /// `u` + unpadded base64url of `bytes` (multibase `base64url`).
    public static func base64url(_ bytes: [UInt8]) -> String {
        "u" + Base64URL.encode(bytes)
    }

    /// The bytes of a multibase text in base58btc (`z`) or unpadded base64url (`u`).
    /// - Throws: `invalidMultibase` for any other prefix or a character outside the encoding's alphabet.
    public static func decode(_ text: String, maxBytes: Int = maxDecodedBytes) throws(SigningError) -> [UInt8] {
        switch text.utf8.first {
        case UInt8(ascii: "z"):
            return try decodeBase58btc(text, maxBytes: maxBytes)
        case UInt8(ascii: "u"):
            guard let bytes = Base64URL.decode(String(text.dropFirst())) else {
                throw SigningError(.invalidMultibase, "\(quoted(text)) is not multibase base64url: it is not unpadded RFC 4648 §5 base64url")
            }
            return bytes
        default:
            throw SigningError(
                .invalidMultibase, "\(quoted(text)) is not multibase base58btc (\"z…\") or base64url (\"u…\")")
        }
    }
}
