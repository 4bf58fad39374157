import ArgumentParser
import CredentialCore
import Foundation

/// Reads a date option: a full dateTime (`2027-01-31T12:00:00Z`) or a day (`2027-01-31`, midnight UTC).
func parseDateOption(_ text: String, option: String) throws -> (text: String, date: Date) {
    let full = text.count == 10 ? text + "T00:00:00Z" : text
    guard let date = XSDDateTime.parse(full) else {
        throw ValidationError("\(option) \"\(text)\" is not a date such as 2027-01-31 or 2027-01-31T12:00:00Z")
    }
    return (full, date)
}
