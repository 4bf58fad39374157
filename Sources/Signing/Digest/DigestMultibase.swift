public import CredentialCore

/// VC 2.0 `digestMultibase` (§5.3 Integrity of Related Resources): a multibase-encoded multihash.
///
/// mcred binds a credential by the sha2-256 multihash of its RFC 8785 canonical bytes, proof
/// included; it writes base58btc (`z…`) and reads base58btc or base64url without padding (`u…`).
public enum DigestMultibase {
    /// `z` + base58btc of the sha2-256 multihash of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        Multibase.base58btc(Multihash(sha256Of: bytes).bytes)
    }

    /// The `digestMultibase` of a JSON document: the sha2-256 multihash of its RFC 8785 bytes.
    public static func of(_ document: JSONValue) -> String {
        encode(document.canonicalBytes)
    }

    /// Reads a `digestMultibase` value.
    /// - Throws: `invalidMultibase` when the text is neither `z` + base58btc nor `u` + base64url;
    ///   `invalidMultihash` when the bytes are not a sha2-256 multihash.
    public static func decode(_ text: String) throws(SigningError) -> Multihash {
        try Multihash(bytes: Multibase.decode(text, maxBytes: 256))
    }

    /// True when `text` is a well-formed `digestMultibase` of exactly `bytes`. The digests are
    /// compared, not the texts, so either encoding matches.
    public static func matches(_ text: String, bytes: [UInt8]) -> Bool {
        guard let expected = try? decode(text) else { return false }
        return expected == Multihash(sha256Of: bytes)
    }
}
