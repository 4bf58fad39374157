// Numbers (RFC 8259 §6), read as IEEE-754 doubles within the I-JSON range (RFC 7493 §2.2).

extension JSONParser {
    /// Exact powers of ten for Clinger's fast path.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a number (RFC 8259 §6) and rejects values that overflow a double (RFC 7493 §2.2).
    mutating func parseNumber() throws(CredentialError) -> Double {
        let start = index
        let end = bytes.count
        var position = index
        var isNegative = false
        if bytes[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        @inline(__always) func isDigit(_ offset: Int) -> Bool {
            offset < end && bytes[offset] &- UInt8(ascii: "0") < 10
        }
        guard isDigit(position) else {
            throw error(
                .invalidNumber, "expected a digit after \"-\", found \(found(at: position))", at: position, child: true)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        @inline(__always) func accumulate(_ byte: UInt8) {
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            if mantissa == 0 && digit == 0 { return }
            significantDigits += 1
            if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit }
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) {
                throw error(
                    .invalidNumber, "a number may not have leading zeros (RFC 8259 §6)", at: start, child: true)
            }
        } else {
            while isDigit(position) {
                accumulate(bytes[position])
                position += 1
            }
        }
        var fractionDigits = 0
        if position < end && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else {
                throw error(
                    .invalidNumber, "expected a digit after the decimal point, found \(found(at: position))",
                    at: position, child: true)
            }
            while isDigit(position) {
                accumulate(bytes[position])
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < end && bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var isExponentNegative = false
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                isExponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard isDigit(position) else {
                throw error(
                    .invalidNumber, "expected a digit in the exponent, found \(found(at: position))",
                    at: position, child: true)
            }
            while isDigit(position) {
                // Saturate: anything this large is out of range either way.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[position] &- UInt8(ascii: "0")) }
                position += 1
            }
            if isExponentNegative { exponent = -exponent }
        }
        index = position
        if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
        // Clinger's fast path: the mantissa (< 10^15 < 2^53) and 10^|e| (|e| ≤ 22) are exact
        // doubles, so one correctly rounded multiplication or division gives the correct result.
        if significantDigits <= 15 {
            let decimalExponent = exponent - fractionDigits
            var result: Double?
            if decimalExponent == 0 {
                result = Double(mantissa)
            } else if decimalExponent > 0 && decimalExponent <= 22 {
                result = Double(mantissa) * Self.powersOfTen[decimalExponent]
            } else if decimalExponent < 0 && decimalExponent >= -22 {
                result = Double(mantissa) / Self.powersOfTen[-decimalExponent]
            }
            if let result { return isNegative ? -result : result }
        }
        let text = String(decoding: bytes[start ..< position], as: UTF8.self)
        guard let result = Double(text) else {
            throw error(.invalidNumber, "\(text) is not a valid number", at: start, child: true)
        }
        guard result.isFinite else {
            throw error(
                .numberOutOfRange,
                "\(text) is beyond the range of an IEEE-754 double (I-JSON, RFC 7493 §2.2)", at: start, child: true)
        }
        return result
    }
}
