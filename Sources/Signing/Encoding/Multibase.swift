/// Multibase base58btc: the text `z` followed by base58 with the bitcoin alphabet.
public enum Multibase {
    /// `z` + base58btc of `bytes`, as `publicKeyMultibase` and `proofValue` use it.
    public static func base58btc(_ bytes: [UInt8]) -> String {
        "z" + Base58.encode(bytes)
    }

    /// The bytes of a multibase base58btc text.
    /// - Throws: `invalidMultibase` when the text does not start with `z` or holds a character outside
    ///   the bitcoin alphabet.
    public static func decodeBase58btc(_ text: String) throws(SigningError) -> [UInt8] {
        guard let prefix = text.first else {
            throw SigningError(.invalidMultibase, "empty text is not multibase base58btc")
        }
        guard prefix == "z" else {
            throw SigningError(.invalidMultibase, "\(quoted(text)) is not multibase base58btc: it starts with \(quoted(String(prefix))), not \"z\"")
        }
        let body = text.dropFirst()
        guard let bytes = Base58.decode(String(body)) else {
            let bad = body.first { $0.utf8.count != 1 || Base58.values[Int($0.utf8.first ?? 0)] == 0xff }
            let shown = bad.map { quoted(String($0)) } ?? "a character"
            throw SigningError(.invalidMultibase, "\(quoted(text)) is not multibase base58btc: \(shown) is not in the base58btc alphabet")
        }
        return bytes
    }

    /// `text` in quotes, shortened to keep messages on one line.
    static func quoted(_ text: String) -> String {
        let limit = 80
        return "\"" + (text.count > limit ? text.prefix(limit) + "…" : Substring(text)) + "\""
    }
}
