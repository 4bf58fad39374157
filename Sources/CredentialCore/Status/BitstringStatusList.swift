/// The bits of a W3C Bitstring Status List v1.0: index 0 is the most significant bit of byte 0.
///
/// `encodedList` is `u` (Multibase base64url) + base64url-no-pad(gzip(bits)) (Bitstring Status
/// List §2.2, `encodedList`). Decoding is bounded: a gzip bomb is an error, not gigabytes.
public struct BitstringStatusList: Sendable, Equatable {
    /// The smallest list the spec allows: 16 KiB, 131,072 bits (Bitstring Status List §2.2).
    public static let minimumCount = 131_072
    /// The default bound on a decoded list: 16 MiB of bytes (134,217,728 bits).
    public static let defaultByteLimit = 16 * 1024 * 1024

    /// The packed bits, most significant bit first.
    public private(set) var bytes: [UInt8]

    /// The number of bits (always a multiple of 8).
    public var count: Int { bytes.count * 8 }

    /// A list of `count` bits, all 0.
    /// - Throws: `invalidValue` when `count` is below 131,072 or not a multiple of 8, `tooLarge`
    ///   beyond `defaultByteLimit`.
    public init(count: Int) throws(CredentialError) {
        guard count >= Self.minimumCount, count % 8 == 0 else {
            throw CredentialError(
                .invalidValue, "a status list has a multiple of 8 bits, at least \(Self.minimumCount), not \(count)")
        }
        guard count / 8 <= Self.defaultByteLimit else {
            throw CredentialError(.tooLarge, "a status list of \(count) bits is larger than the limit of \(Self.defaultByteLimit * 8)")
        }
        bytes = [UInt8](repeating: 0, count: count / 8)
    }

    /// Wraps packed bits without checking the minimum size (for tests and other specs' lists).
    public init(uncheckedBytes bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Decodes an `encodedList`.
    /// - Parameter byteLimit: the most bytes decompression may produce.
    /// - Throws: `invalidValue` without the `u` prefix or with bad base64url, `invalidCompression`
    ///   for data that is not one gzip member, `tooLarge` beyond `byteLimit`, `invalidValue` for
    ///   fewer than 131,072 bits (Bitstring Status List §3.2 Validate Algorithm: STATUS_LIST_LENGTH_ERROR).
    public init(encodedList: String, byteLimit: Int = defaultByteLimit) throws(CredentialError) {
        // §2.2: "a Multibase-encoded base64url (with no padding)" — Multibase base64url is prefix "u".
        guard encodedList.utf8.first == UInt8(ascii: "u") else {
            throw CredentialError(.invalidValue, "encodedList must start with \"u\" (Multibase base64url)")
        }
        guard let compressed = Base64URL.decode(String(encodedList.dropFirst())) else {
            throw CredentialError(.invalidValue, "encodedList is not valid base64url without padding")
        }
        let bits = try ZlibBackend.gunzip(compressed, limit: byteLimit)
        guard bits.count * 8 >= Self.minimumCount else {
            throw CredentialError(
                .invalidValue, "the status list has \(bits.count * 8) bits, fewer than the minimum \(Self.minimumCount)")
        }
        bytes = bits
    }

    /// The `encodedList` value: `u` + base64url-no-pad(gzip(bits)).
    /// - Throws: `compressionFailed` when zlib fails.
    public func encodedList() throws(CredentialError) -> String {
        "u" + Base64URL.encode(try ZlibBackend.gzip(bytes))
    }

    /// True when `index` is inside the list.
    public func contains(_ index: Int) -> Bool { index >= 0 && index < count }

    /// The bit at `index` (which must be inside the list); index 0 is the left-most bit of byte 0
    /// (Bitstring Status List §2.2: "the first index … is located at the left-most bit").
    public subscript(index: Int) -> Bool {
        get {
            precondition(contains(index), "status list index \(index) outside 0..<\(count)")
            return bytes[index >> 3] & (0x80 >> UInt8(index & 7)) != 0
        }
        set {
            precondition(contains(index), "status list index \(index) outside 0..<\(count)")
            let mask: UInt8 = 0x80 >> UInt8(index & 7)
            if newValue { bytes[index >> 3] |= mask } else { bytes[index >> 3] &= ~mask }
        }
    }

    /// The number of bits that are 1.
    public var setCount: Int { bytes.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The indices of the bits that are 1, in increasing order.
    public var setIndices: [Int] {
        var result: [Int] = []
        for (position, byte) in bytes.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 { result.append(position * 8 + bit) }
        }
        return result
    }
}
