/// Base58 with the bitcoin alphabet (draft-msporny-base58 §3), as multibase `z` uses it.
///
/// Each leading zero byte is written as one `1`; the rest is the big-endian number in base 58.
public enum Base58 {
    /// The bitcoin alphabet: digits and letters without `0`, `O`, `I` and `l`.
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// The value of each ASCII byte in the alphabet, or 0xff for bytes outside it.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (value, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    /// 58⁵, the base of the limbs the conversions work in: five base-58 digits per limb keep every
    /// intermediate product below 2⁶³ while cutting the work about twenty-fold against digit-at-a-time.
    static let limbBase: UInt64 = 656_356_768

    /// The base58btc text of `bytes`; empty input gives an empty string.
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        // draft-msporny-base58 §3, encoding step 2, on little-endian limbs of five base-58 digits,
        // feeding the big-endian input 32 bits at a time (the first word may be shorter).
        var limbs: [UInt64] = []
        limbs.reserveCapacity((bytes.count - zeros) * 138 / 500 + 2)
        var position = zeros
        let head = (bytes.count - zeros) % 4
        while position < bytes.count {
            let width = position == zeros && head != 0 ? head : 4
            var carry: UInt64 = 0
            for offset in 0 ..< width { carry = carry << 8 | UInt64(bytes[position + offset]) }
            let multiplier: UInt64 = 1 << (8 * UInt64(width))
            for index in limbs.indices {
                let value = limbs[index] * multiplier + carry
                limbs[index] = value % limbBase
                carry = value / limbBase
            }
            while carry != 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
            position += width
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(limbs.count * 5)
        for limb in limbs {
            var value = limb
            for _ in 0 ..< 5 {
                digits.append(UInt8(value % 58))
                value /= 58
            }
        }
        while digits.last == 0 { digits.removeLast() }
        var text = [UInt8](repeating: alphabet[0], count: zeros)
        text.reserveCapacity(zeros + digits.count)
        for digit in digits.reversed() { text.append(alphabet[Int(digit)]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of base58btc `text`, or nil when it holds a character outside the alphabet.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        let ones = characters.prefix { $0 == alphabet[0] }.count
        // Little-endian 32-bit limbs, fed up to five base-58 digits at a time.
        var limbs: [UInt64] = []
        limbs.reserveCapacity((characters.count - ones) * 733 / 4000 + 2)
        var position = ones
        while position < characters.count {
            let width = min(5, characters.count - position)
            var carry: UInt64 = 0
            var multiplier: UInt64 = 1
            for offset in 0 ..< width {
                let value = values[Int(characters[position + offset])]
                guard value != 0xff else { return nil }
                carry = carry * 58 + UInt64(value)
                multiplier *= 58
            }
            for index in limbs.indices {
                let value = limbs[index] * multiplier + carry
                limbs[index] = value & 0xFFFF_FFFF
                carry = value >> 32
            }
            while carry != 0 {
                limbs.append(carry & 0xFFFF_FFFF)
                carry >>= 32
            }
            position += width
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limbs.count * 4)
        for limb in limbs {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: limb >> UInt64(shift))) }
        }
        while bytes.last == 0 { bytes.removeLast() }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }
}
