/// A self-describing hash (multiformats multihash): the hash function's code, the digest's length,
/// then the digest. mcred uses only sha2-256 (code `0x12`, 32 bytes).
public struct Multihash: Sendable, Hashable {
    /// The multicodec code of sha2-256.
    public static let sha256Code: UInt8 = 0x12
    /// The length of a SHA-256 digest.
    public static let sha256Length: UInt8 = 0x20

    /// The 32-byte SHA-256 digest.
    public let digest: [UInt8]

    /// The sha2-256 multihash of `bytes`.
    public init(sha256Of bytes: [UInt8]) {
        self.digest = SHA256.hash(bytes)
    }

    /// Reads a multihash's bytes.
    /// - Throws: `invalidMultihash` when the bytes are not `0x12 0x20` followed by exactly 32 bytes.
    public init(bytes: [UInt8]) throws(SigningError) {
        // multiformats multihash: <varint hash function code><varint digest size><digest>; both
        // varints of sha2-256 are single bytes.
        guard bytes.count >= 2, bytes[0] == Self.sha256Code else {
            let code = bytes.first.map { "0x" + String($0, radix: 16) } ?? "nothing"
            throw SigningError(.invalidMultihash, "not a sha2-256 multihash: the hash function code is \(code), expected 0x12")
        }
        guard bytes[1] == Self.sha256Length, bytes.count == 34 else {
            throw SigningError(
                .invalidMultihash, "not a sha2-256 multihash: expected 0x12 0x20 and 32 digest bytes, found \(bytes.count) bytes in all")
        }
        self.digest = Array(bytes[2...])
    }

    /// The multihash's bytes: `0x12 0x20` + the digest.
    public var bytes: [UInt8] { [Self.sha256Code, Self.sha256Length] + digest }
}
