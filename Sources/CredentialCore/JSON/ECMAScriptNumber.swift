/// ECMAScript's Number::toString, the number format of RFC 8785 (§3.2.2.3).
///
/// The digits are the shortest that round-trip, closest to the value (Swift's `description`
/// generates exactly those); only their layout is taken from ECMAScript, never Swift's format.
public enum ECMAScriptNumber {
    /// Formats `value` as ECMAScript `Number.prototype.toString()` does: `-0` → `"0"`, `1e21` → `"1e+21"`,
    /// `0.000001` → `"0.000001"`, `1e-7` → `"1e-7"`.
    ///
    /// The parser never produces a non-finite number; given one, this returns ECMAScript's own
    /// spelling (`"NaN"`, `"Infinity"`, `"-Infinity"`), which is not JSON — the canonical
    /// serialiser writes `null` for such a value instead (see `JSONValue.canonicalBytes`).
    public static func string(_ value: Double) -> String {
        guard value.isFinite else {
            return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the Number::toString form of a finite `value` to `out`.
    static func append(_ value: Double, to out: inout [UInt8]) {
        // ECMA-262 §6.1.6.1.20 Number::toString, step 2: +0 and -0 are "0".
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value
        if value < 0 {
            // Step 4: a negative number is "-" followed by the string of its magnitude.
            out.append(UInt8(ascii: "-"))
            magnitude = -value
        }
        if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
            // An integer below 2^53 is exact, and no shorter digit string reaches it: print it whole.
            appendDigits(UInt64(magnitude), count: digitCount(UInt64(magnitude)), to: &out)
            return
        }
        // Step 5: find k, n, s with s × 10^(n−k) = value, k minimal. Swift's description holds the
        // shortest round-trip digits (closest to the value); read s and n from it.
        var significand: UInt64 = 0
        var digits = 0
        var integerDigits = 0
        var leadingZeros = 0
        var exponent = 0
        var isExponentNegative = false
        var phase = 0  // 0: integer part, 1: fraction, 2: exponent
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                let digit = UInt64(byte - UInt8(ascii: "0"))
                if phase == 2 {
                    exponent = exponent * 10 + Int(digit)
                    continue
                }
                if phase == 0 { integerDigits += 1 }
                if significand == 0 && digit == 0 {
                    leadingZeros += 1
                } else {
                    significand = significand * 10 + digit
                    digits += 1
                }
            case UInt8(ascii: "."):
                phase = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                phase = 2
            case UInt8(ascii: "-"):
                isExponentNegative = true
            default:
                break
            }
        }
        while significand % 10 == 0 && digits > 1 {
            significand /= 10
            digits -= 1
        }
        let k = digits
        let n = integerDigits + (isExponentNegative ? -exponent : exponent) - leadingZeros
        if k <= n && n <= 21 {
            // Step 6: the k digits followed by n−k zeros.
            appendDigits(significand, count: k, to: &out)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            // Step 7: the first n digits, a point, the remaining k−n digits.
            let start = out.count
            appendDigits(significand, count: k, to: &out)
            out.insert(UInt8(ascii: "."), at: start + n)
        } else if -6 < n && n <= 0 {
            // Step 8: "0." then −n zeros then the digits.
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            appendDigits(significand, count: k, to: &out)
        } else {
            // Steps 9–10: exponential form d[.ddd]e±x with x = |n−1|.
            let start = out.count
            appendDigits(significand, count: k, to: &out)
            if k > 1 { out.insert(UInt8(ascii: "."), at: start + 1) }
            out.append(UInt8(ascii: "e"))
            out.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let shown = UInt64((n - 1).magnitude)
            appendDigits(shown, count: digitCount(shown), to: &out)
        }
    }

    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// Appends the `count` decimal digits of `value`.
    @inline(__always)
    static func appendDigits(_ value: UInt64, count: Int, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        var position = start + count - 1
        while position >= start {
            out[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            position -= 1
        }
    }
}
