import ArgumentParser
import CredentialCore
import Foundation

/// Which second of a day a date option without a time stands for.
enum DayBound: Sendable {
    /// 00:00:00Z: for options that start a period or name an instant (`--at`).
    case start
    /// 23:59:59Z: for options that end a period (`--valid-until`), so the whole day is included.
    case end
}

/// Reads a date option: a full dateTime with a time zone (`2027-01-31T12:00:00Z`,
/// `2027-01-31T14:00:00+02:00`) or a day (`2027-01-31`, read in UTC as its start or its end).
/// - Throws: `ValidationError` (exit 2) for anything else, a dateTime without a time zone included.
func parseDateOption(_ text: String, option: String, bound: DayBound = .start) throws -> (text: String, date: Date) {
    let full: String
    if isDay(text) {
        full = text + (bound == .start ? "T00:00:00Z" : "T23:59:59Z")
    } else {
        full = text
        guard hasTimeZone(text) || XSDDateTime.parse(text) == nil else {
            throw ValidationError("\(option) \"\(TerminalSafe.escape(text))\" has no time zone; add Z (UTC) or an offset such as +02:00")
        }
    }
    guard let date = XSDDateTime.parse(full) else {
        throw ValidationError("\(option) \"\(TerminalSafe.escape(text))\" is not a date such as 2027-01-31 or 2027-01-31T12:00:00Z")
    }
    return (full, date)
}

/// True for `YYYY-MM-DD` exactly.
private func isDay(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
    return bytes.indices.allSatisfy { $0 == 4 || $0 == 7 || (0x30...0x39).contains(bytes[$0]) }
}

/// True when a dateTime ends in `Z` or a `±hh:mm` offset (XML Schema's timezone part).
func hasTimeZone(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let last = bytes.last else { return false }
    if last == 0x5A || last == 0x7A { return true }
    guard bytes.count >= 6 else { return false }
    let sign = bytes[bytes.count - 6]
    return (sign == 0x2B || sign == 0x2D) && bytes[bytes.count - 3] == 0x3A
}
