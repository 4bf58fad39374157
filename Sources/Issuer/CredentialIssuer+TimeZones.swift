import CredentialCore

extension CredentialIssuer {
    /// The dates of a template that lack a time zone: VC 2.0 §4.9 requires one on `validFrom` and
    /// `validUntil`, so a signed date never depends on the verifier's own zone. Dates that are not
    /// dateTimes at all are left to `CredentialSchema`, as are pointers it already reports.
    static func zonelessDates(in credential: Credential, besides reported: [Problem]) -> [Problem] {
        var problems: [Problem] = []
        for field in ["validFrom", "validUntil"] {
            let pointer = JSONPointer(tokens: [field])
            guard !reported.contains(where: { $0.pointer == pointer }),
                  let text = credential.object[field]?.stringValue,
                  XSDDateTime.parse(text) != nil, !hasTimeZone(text) else { continue }
            problems.append(Problem(pointer, "has no time zone (VC 2.0 §4.9); add Z or an offset such as +02:00, found \"\(text)\""))
        }
        return problems
    }

    /// True when an XML Schema dateTime ends in `Z` or a `±hh:mm` offset.
    static func hasTimeZone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let last = bytes.last else { return false }
        if last == 0x5A || last == 0x7A { return true }
        guard bytes.count >= 6 else { return false }
        let sign = bytes[bytes.count - 6]
        return (sign == 0x2B || sign == 0x2D) && bytes[bytes.count - 3] == 0x3A
    }
}
