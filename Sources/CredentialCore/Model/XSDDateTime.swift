public import Foundation

/// XML Schema `dateTime` values as VC 2.0 uses them (`validFrom`, `validUntil`, `created`).
///
/// Parsing is strict: `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]`, with `T` and `Z` in capitals as
/// XML Schema writes them (RFC 3339 also allows `t` and `z`; the VC 2.0 `dateTimeStamp` does not,
/// so a lowercase date signed by mcred could be refused elsewhere). `parse(_:)` reads a value without
/// a time zone as UTC; `parseWithTimeZone(_:)` also says whether the zone was there, for the places
/// that require one (VC 2.0 §4.9: `validFrom` and `validUntil` are `dateTimeStamp`s).
public enum XSDDateTime {
    /// Parses a dateTime (one without a time zone as UTC), or returns nil when it is not one.
    public static func parse(_ text: String) -> Date? {
        parseWithTimeZone(text)?.date
    }

    /// Parses a dateTime and says whether it named its time zone (`Z` or `±hh:mm`); nil when it is
    /// not a dateTime. Without a zone, `date` reads the value as UTC.
    public static func parseWithTimeZone(_ text: String) -> (date: Date, hasTimeZone: Bool)? {
        let bytes = Array(text.utf8)
        var index = 0

        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
              index < bytes.count, bytes[index] == 0x54 else { return nil }
        index += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A), let second = digits(2)
        else { return nil }
        var fraction = 0.0
        if index < bytes.count && bytes[index] == 0x2E {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        let hasTimeZone = index < bytes.count
        if hasTimeZone {
            switch bytes[index] {
            case 0x5A:  // Z
                index += 1
            case 0x2B, 0x2D:  // + or -
                let sign = bytes[index] == 0x2B ? 1 : -1
                index += 1
                guard let offsetHour = digits(2), expect(0x3A), let offsetMinute = digits(2),
                      offsetHour <= 14, offsetMinute < 60 else { return nil }
                offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction == 0),
              minute < 60, second < 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return (Date(timeIntervalSince1970: seconds), hasTimeZone)
    }

    /// Formats a date as `YYYY-MM-DDThh:mm:ssZ` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondsOfDay / 3600, 2)):\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))Z"
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
