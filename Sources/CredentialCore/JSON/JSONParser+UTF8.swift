// UTF-8 validation (RFC 3629 §4) of the bytes inside strings, and messages for invalid sequences.

extension JSONParser {
    /// Checks the multi-byte UTF-8 sequence at `position`; returns the offset after it.
    @inline(__always)
    func validateUTF8(at position: Int) throws(CredentialError) -> Int {
        guard let next = Self.endOfUTF8Sequence(in: bytes, at: position) else {
            throw error(.invalidUTF8, Self.describeInvalidUTF8(in: bytes, at: position), at: position, child: true)
        }
        // RFC 7493 §2.1: I-JSON strings must not contain noncharacters, which take 3 or 4 bytes.
        if next - position >= 3 && Self.encodesNoncharacter(bytes, at: position, length: next - position) {
            throw noncharacter(Self.scalar(in: bytes, at: position, length: next - position), at: position, escaped: false)
        }
        return next
    }

    /// Whether the well-formed 3- or 4-byte sequence at `position` encodes a noncharacter.
    ///
    /// U+FDD0–U+FDEF are EF B7 90–AF; U+FFFE and U+FFFF are EF BF BE–BF; U+xFFFE and U+xFFFF of
    /// planes 1–16 end in 0xF in the second byte's low nibble, then BF, then BE or BF.
    @inline(__always)
    static func encodesNoncharacter(_ bytes: [UInt8], at position: Int, length: Int) -> Bool {
        let second = bytes[position + 1], third = bytes[position + 2]
        if length == 3 {
            guard bytes[position] == 0xEF else { return false }
            return (second == 0xB7 && third >= 0x90 && third <= 0xAF) || (second == 0xBF && third >= 0xBE)
        }
        return second & 0x0F == 0x0F && third == 0xBF && bytes[position + 3] >= 0xBE
    }

    /// Whether `scalar` is one of the 66 Unicode noncharacters (Unicode §23.7), which I-JSON
    /// forbids (RFC 7493 §2.1).
    @inline(__always)
    static func isNoncharacter(_ scalar: UInt32) -> Bool {
        (0xFDD0 ... 0xFDEF).contains(scalar) || scalar & 0xFFFE == 0xFFFE
    }

    /// The scalar of the well-formed sequence of `length` (2–4) bytes at `position`.
    static func scalar(in bytes: [UInt8], at position: Int, length: Int) -> UInt32 {
        var value = UInt32(bytes[position]) & (0x7F >> length)
        for offset in 1 ..< length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return value
    }

    /// The offset after the well-formed UTF-8 sequence at `position`, or nil (RFC 3629 §4).
    static func endOfUTF8Sequence(in bytes: [UInt8], at position: Int) -> Int? {
        let lead = bytes[position]
        let count = bytes.count
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            offset < count && bytes[offset] & 0xC0 == 0x80
        }
        @inline(__always) func inRange(_ offset: Int, _ range: ClosedRange<UInt8>) -> Bool {
            offset < count && range.contains(bytes[offset])
        }
        switch lead {
        case 0x00 ... 0x7F:
            return position + 1
        case 0xC2 ... 0xDF:
            return isContinuation(position + 1) ? position + 2 : nil
        case 0xE0:
            return inRange(position + 1, 0xA0 ... 0xBF) && isContinuation(position + 2) ? position + 3 : nil
        case 0xE1 ... 0xEC, 0xEE ... 0xEF:
            return isContinuation(position + 1) && isContinuation(position + 2) ? position + 3 : nil
        case 0xED:
            return inRange(position + 1, 0x80 ... 0x9F) && isContinuation(position + 2) ? position + 3 : nil
        case 0xF0:
            return inRange(position + 1, 0x90 ... 0xBF) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        case 0xF1 ... 0xF3:
            return isContinuation(position + 1) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        case 0xF4:
            return inRange(position + 1, 0x80 ... 0x8F) && isContinuation(position + 2) && isContinuation(position + 3)
                ? position + 4 : nil
        default:
            return nil
        }
    }

    /// Why the sequence at `position` is not UTF-8, for the error message.
    static func describeInvalidUTF8(in bytes: [UInt8], at position: Int) -> String {
        let lead = bytes[position]
        let hex = "0x" + String(lead, radix: 16, uppercase: true)
        switch lead {
        case 0x80 ... 0xBF: return "invalid UTF-8: unexpected continuation byte \(hex)"
        case 0xC0, 0xC1: return "invalid UTF-8: overlong encoding starting with byte \(hex)"
        case 0xF5 ... 0xFF: return "invalid UTF-8: byte \(hex) starts no valid sequence (beyond U+10FFFF)"
        default: break
        }
        if position + 1 < bytes.count {
            let second = bytes[position + 1]
            if lead == 0xED && (0xA0 ... 0xBF).contains(second) {
                return "invalid UTF-8: a surrogate code point (U+D800–U+DFFF) encoded in UTF-8"
            }
            if (lead == 0xE0 && second < 0xA0) || (lead == 0xF0 && second < 0x90) {
                return "invalid UTF-8: overlong encoding starting with byte \(hex)"
            }
            if lead == 0xF4 && second >= 0x90 && second <= 0xBF {
                return "invalid UTF-8: code point beyond U+10FFFF"
            }
        }
        return "invalid UTF-8: incomplete sequence starting with byte \(hex)"
    }
}
