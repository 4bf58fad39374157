extension Ed25519.PublicKey {
    /// Refuses encodings that RFC 8032 §5.1.3 decoding rejects and points of small order, before OpenSSL
    /// sees the key. OpenSSL 3.0 accepts some of both (see the speccheck and CCTV vectors in the tests),
    /// which would let one signature verify for many messages or let a key holder make ambiguous signatures.
    /// - Throws: `invalidKeyLength`, `nonCanonicalPublicKey`, `smallOrderPublicKey`.
    static func checkEncoding(_ bytes: [UInt8]) throws(SigningError) {
        guard bytes.count == OpenSSLBackend.keyLength else {
            throw SigningError(.invalidKeyLength, "an Ed25519 public key has 32 bytes, found \(bytes.count)")
        }
        // RFC 8032 §5.1.3 step 1: the low 255 bits, read little-endian, are y and must be below p = 2^255 − 19.
        if isAtLeastP(bytes) {
            throw SigningError(.nonCanonicalPublicKey, "the public key is not canonically encoded: its y coordinate is not below 2^255 − 19")
        }
        if let match = smallOrderEncodings.first(where: { $0.bytes == bytes }) {
            if match.isCanonical {
                throw SigningError(.smallOrderPublicKey, "the public key is a point of small order (\(match.point)); it cannot be trusted to sign")
            }
            // RFC 8032 §5.1.3 step 4: "if x = 0 and x_0 = 1, decoding fails".
            throw SigningError(.nonCanonicalPublicKey, "the public key is not canonically encoded: it sets the sign bit of x = 0 (\(match.point))")
        }
    }

    /// True when the 255-bit little-endian integer in `bytes` (sign bit cleared) is ≥ p = 2^255 − 19.
    ///
    /// p is `ed ff ff … ff 7f` little-endian, so y ≥ p exactly when bytes 1…30 are 0xff, byte 31 without
    /// the sign bit is 0x7f and byte 0 is at least 0xed. Only y = p … p + 18 qualify.
    private static func isAtLeastP(_ bytes: [UInt8]) -> Bool {
        guard bytes[31] & 0x7f == 0x7f, bytes[0] >= 0xed else { return false }
        return bytes[1 ... 30].allSatisfy { $0 == 0xff }
    }

    /// One byte encoding of a point of small order.
    struct SmallOrderEncoding: Sendable {
        /// The 32 encoded bytes.
        let bytes: [UInt8]
        /// The point, for messages.
        let point: String
        /// False for encodings that RFC 8032 §5.1.3 decoding rejects anyway (y ≥ p, or x = 0 with sign bit).
        let isCanonical: Bool
    }

    /// Every byte encoding of the eight points of small order (the torsion subgroup E[8]), 14 in all.
    ///
    /// Data, not arithmetic: the points are (0, 1) of order 1, (0, −1) of order 2, (±√−1, 0) of order 4
    /// and four points of order 8 with y = ±y₈. Their 8 canonical encodings are the y coordinate
    /// little-endian with the sign of x in the top bit. 6 more encodings decode to the same points in
    /// lenient decoders: y = p (≡ 0) and y = p + 1 (≡ 1), each with sign bit clear or set, and the
    /// sign bit set on the two points with x = 0. (For y = −1 and ±y₈, y + p ≥ 2^255 has no encoding.)
    /// The list matches the `low_order_A` keys of the C2SP CCTV vectors.
    static let smallOrderEncodings: [SmallOrderEncoding] = {
        let zeros = [UInt8](repeating: 0x00, count: 30)
        let ones = [UInt8](repeating: 0xff, count: 30)
        let order8: [UInt8] = [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0,
            0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ]
        let order8Negated: [UInt8] = [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
            0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ]
        let signBit: (([UInt8]) -> [UInt8]) = { bytes in
            var copy = bytes
            copy[31] |= 0x80
            return copy
        }
        return [
            // The 8 canonical encodings.
            .init(bytes: [0x01] + zeros + [0x00], point: "the neutral element (0, 1), order 1", isCanonical: true),
            .init(bytes: [0xec] + ones + [0x7f], point: "(0, −1), order 2", isCanonical: true),
            .init(bytes: [0x00] + zeros + [0x00], point: "(√−1, 0), order 4", isCanonical: true),
            .init(bytes: [0x00] + zeros + [0x80], point: "(−√−1, 0), order 4", isCanonical: true),
            .init(bytes: order8, point: "a point of order 8", isCanonical: true),
            .init(bytes: signBit(order8), point: "a point of order 8", isCanonical: true),
            .init(bytes: order8Negated, point: "a point of order 8", isCanonical: true),
            .init(bytes: signBit(order8Negated), point: "a point of order 8", isCanonical: true),
            // Sign bit set on x = 0.
            .init(bytes: [0x01] + zeros + [0x80], point: "the neutral element (0, 1)", isCanonical: false),
            .init(bytes: [0xec] + ones + [0xff], point: "(0, −1), order 2", isCanonical: false),
            // y = p ≡ 0 and y = p + 1 ≡ 1: also caught by the y ≥ p check.
            .init(bytes: [0xed] + ones + [0x7f], point: "(√−1, 0), order 4", isCanonical: false),
            .init(bytes: [0xed] + ones + [0xff], point: "(−√−1, 0), order 4", isCanonical: false),
            .init(bytes: [0xee] + ones + [0x7f], point: "the neutral element (0, 1)", isCanonical: false),
            .init(bytes: [0xee] + ones + [0xff], point: "the neutral element (0, 1)", isCanonical: false),
        ]
    }()
}
