/// Base64 with the URL- and filename-safe alphabet and no padding (RFC 4648 §5), as multibase `u`
/// uses it.
public enum Base64URL {
    /// The RFC 4648 §5 alphabet.
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The value of each ASCII byte in the alphabet, or 0xff for bytes outside it.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0 ..< 3 {
                group = group << 8 | UInt32(offset < count ? bytes[index + offset] : 0)
            }
            // RFC 4648 §4: each 24-bit group gives four 6-bit digits; a short final group gives
            // two or three, and §3.2 lets padding be left out.
            for digit in 0 ... count {
                text.append(alphabet[Int((group >> (18 - 6 * UInt32(digit))) & 0x3f)])
            }
            index += count
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of unpadded base64url `text`, or nil when it holds padding, a character outside the
    /// alphabet, an impossible length, or non-zero bits after the last byte (RFC 4648 §3.5: such
    /// text is not the canonical encoding of any bytes).
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            let value = values[Int(character)]
            guard value != 0xff else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((accumulator >> UInt32(bits)) & 0xff))
            }
        }
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return bytes
    }
}
