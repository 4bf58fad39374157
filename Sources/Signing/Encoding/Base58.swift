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

    /// The base58btc text of `bytes`; empty input gives an empty string.
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        // log(256) / log(58) < 1.366: enough base-58 digits for the rest.
        var digits = [UInt8](repeating: 0, count: (bytes.count - zeros) * 138 / 100 + 1)
        var used = 0
        // draft-msporny-base58 §3, encoding step 2: repeated multiply-and-add on little-endian digits.
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            var index = 0
            while index < used || carry != 0 {
                carry += 256 * Int(digits[index])
                digits[index] = UInt8(carry % 58)
                carry /= 58
                index += 1
            }
            used = index
        }
        var text = [UInt8](repeating: alphabet[0], count: zeros)
        text.reserveCapacity(zeros + used)
        for digit in digits[..<used].reversed() {
            text.append(alphabet[Int(digit)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of base58btc `text`, or nil when it holds a character outside the alphabet.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        let ones = characters.prefix { $0 == alphabet[0] }.count
        // log(58) / log(256) < 0.733: enough bytes for the rest.
        var bytes = [UInt8](repeating: 0, count: (characters.count - ones) * 733 / 1000 + 1)
        var used = 0
        for character in characters[ones...] {
            let value = values[Int(character)]
            guard value != 0xff else { return nil }
            var carry = Int(value)
            var index = 0
            while index < used || carry != 0 {
                carry += 58 * Int(bytes[index])
                bytes[index] = UInt8(carry & 0xff)
                carry >>= 8
                index += 1
            }
            used = index
        }
        return [UInt8](repeating: 0, count: ones) + bytes[..<used].reversed()
    }
}
