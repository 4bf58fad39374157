/// Multibase base58btc: the text `z` followed by base58 with the bitcoin alphabet.
public enum Multibase {
    /// `z` + base58btc of `bytes`, as `publicKeyMultibase` and `proofValue` use it.
    public static func base58btc(_ bytes: [UInt8]) -> String {
        "z" + Base58.encode(bytes)
    }

    /// The bytes of a multibase base58btc text.
    /// - Throws: `invalidMultibase` when the text does not start with `z`, holds a character outside
    ///   the bitcoin alphabet, or is longer than a value of `maxBytes` bytes can be.
    public static func decodeBase58btc(_ text: String, maxBytes: Int = maxDecodedBytes) throws(SigningError) -> [UInt8] {
        guard let prefix = text.first else {
            throw SigningError(.invalidMultibase, "empty text is not multibase base58btc")
        }
        guard prefix == "z" else {
            throw SigningError(.invalidMultibase, "\(quoted(text)) is not multibase base58btc: it starts with \(quoted(String(prefix))), not \"z\"")
        }
        // Base58 decoding takes time in the square of the length: the length is checked first. A
        // value of n bytes takes at most 1.37 n + 1 characters (a leading zero byte takes one).
        guard text.utf8.count - 1 <= 2 * maxBytes else {
            throw SigningError(
                .invalidMultibase,
                "\(quoted(text)) is \(text.utf8.count) characters long, more than base58btc takes for the \(maxBytes) bytes accepted here")
        }
        let body = text.dropFirst()
        guard let bytes = Base58.decode(String(body)) else {
            let bad = body.first { $0.utf8.count != 1 || Base58.values[Int($0.utf8.first ?? 0)] == 0xff }
            let shown = bad.map { quoted(String($0)) } ?? "a character"
            throw SigningError(.invalidMultibase, "\(quoted(text)) is not multibase base58btc: \(shown) is not in the base58btc alphabet")
        }
        return bytes
    }

    /// The most bytes a base58btc value may decode to unless a caller says otherwise: far more
    /// than any key, signature or digest mcred reads, and quick to decode.
    public static let maxDecodedBytes = 4096

    /// `text` in quotes, shortened to keep messages on one line.
    static func quoted(_ text: String) -> String {
        let limit = 80
        return "\"" + (text.count > limit ? text.prefix(limit) + "…" : Substring(text)) + "\""
    }
}
