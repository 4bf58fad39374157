/// An amount of ECTS credits held exactly, as a whole number of tenths of a credit.
///
/// Stacks add credits up; adding `Double`s could round (0.1 + 0.2 ≠ 0.3), so the amount is read
/// from the number's exact decimal text, the ECMAScript form RFC 8785 signs (§3.2.2.3), and
/// amounts with more than one decimal are refused rather than rounded (spec/credential.md §10.4).
public struct ECTSCredits: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The largest amount accepted: far above any programme, and small enough that no sum overflows.
    public static let maximum = ECTSCredits(tenths: 10_000_000)
    /// No credits.
    public static let zero = ECTSCredits(tenths: 0)

    /// The amount in tenths of a credit (`2.5` ECTS is 25).
    public let tenths: Int

    /// An amount of `tenths` tenths of a credit.
    public init(tenths: Int) { self.tenths = tenths }

    /// Reads an `ectsCredits` value.
    /// - Throws: `invalidValue` (naming `pointer`) when the value is not a number, is negative,
    ///   exceeds `maximum`, or has more than one decimal.
    public init(_ value: JSONValue, pointer: JSONPointer) throws(CredentialError) {
        guard case .number(let number) = value else {
            throw CredentialError(.invalidValue, "must be a number of ECTS credits, found \(value.shortDescription)", pointer: pointer)
        }
        // The exact decimal the signature covers: ECMAScript Number::toString, as RFC 8785 writes it.
        let text = ECMAScriptNumber.string(number)
        guard number >= 0 else {
            throw CredentialError(.invalidValue, "must be a number of ECTS credits ≥ 0, found \(text)", pointer: pointer)
        }
        let bytes = Array(text.utf8)
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
        let whole = bytes[..<point]
        let fraction = point < bytes.endIndex ? bytes[(point + 1)...] : []
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        // An exponent form (1e+21, 1e-7) is far outside the accepted range either way.
        guard whole.count <= 9, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else {
            throw CredentialError(
                .invalidValue, "must be at most \(Self.maximum) ECTS credits, found \(text)", pointer: pointer)
        }
        guard fraction.count <= 1 else {
            throw CredentialError(
                .invalidValue, "must have at most one decimal (tenths of a credit), found \(text)", pointer: pointer)
        }
        var tenths = 0
        for digit in whole { tenths = tenths * 10 + Int(digit - UInt8(ascii: "0")) }
        tenths = tenths * 10 + (fraction.first.map { Int($0 - UInt8(ascii: "0")) } ?? 0)
        guard tenths <= Self.maximum.tenths else {
            throw CredentialError(.invalidValue, "must be at most \(Self.maximum) ECTS credits, found \(text)", pointer: pointer)
        }
        self.tenths = tenths
    }

    /// The amount as a JSON number: the double nearest to tenths ÷ 10, whose shortest form is
    /// exactly the decimal (`9.5`, `12`), so reading it back gives the same amount.
    public var jsonValue: JSONValue { .number(Double(tenths) / 10) }

    /// The amount written as a decimal with at most one decimal: `9.5`, `12`.
    public var description: String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// The sum of two amounts.
    public static func + (lhs: ECTSCredits, rhs: ECTSCredits) -> ECTSCredits {
        ECTSCredits(tenths: lhs.tenths + rhs.tenths)
    }

    public static func < (lhs: ECTSCredits, rhs: ECTSCredits) -> Bool { lhs.tenths < rhs.tenths }
}
