import Foundation

/// The structural rules of a W3C Verifiable Credential 2.0 (VC Data Model 2.0 §4).
///
/// These are the `schema` check: what every conformant credential has, whatever its subject.
/// The proof is not a schema matter; the `signature` check reports a missing one.
public enum CredentialSchema {
    /// Every structural problem of `credential`, in document order; empty when it conforms.
    public static func problems(in credential: Credential) -> [Problem] {
        let document = credential.object
        var problems: [Problem] = []

        // VC 2.0 §4.3 Contexts: an ordered set whose first item is the base context.
        switch document["@context"] {
        case .array(let items)? where !items.isEmpty:
            if items[0] != .string(Credential.baseContext) {
                problems.append(Problem("/@context/0", "must be \"\(Credential.baseContext)\", found \(items[0].shortDescription)"))
            }
        case nil:
            problems.append(Problem("/@context", "missing (VC 2.0 requires it)"))
        case let other?:
            problems.append(Problem("/@context", "must be an array starting with \"\(Credential.baseContext)\", found \(other.shortDescription)"))
        }

        // §4.4 Identifiers.
        if let id = document["id"] { checkURL(id, at: "/id", into: &problems) }

        // §4.5 Types.
        switch document["type"] {
        case nil:
            problems.append(Problem("/type", "missing (VC 2.0 requires it)"))
        case let value?:
            let types = Credential.strings(value)
            if value.stringValue == nil && value.arrayValue?.count != types.count {
                problems.append(Problem("/type", "must be a string or an array of strings"))
            } else if !types.contains("VerifiableCredential") {
                problems.append(Problem("/type", "must include \"VerifiableCredential\""))
            }
        }

        // §4.7 Issuer: a URL, or an object whose id is a URL.
        switch document["issuer"] {
        case nil:
            problems.append(Problem("/issuer", "missing (VC 2.0 requires it)"))
        case .string(let issuer)?:
            checkURL(.string(issuer), at: "/issuer", into: &problems)
        case .object(let issuer)?:
            if let id = issuer["id"] {
                checkURL(id, at: "/issuer/id", into: &problems)
            } else {
                problems.append(Problem("/issuer/id", "missing (the issuer object must have an id)"))
            }
        case let other?:
            problems.append(Problem("/issuer", "must be a URL or an object with an id, found \(other.shortDescription)"))
        }

        // §4.8 Credential subject: one object or a non-empty array of objects.
        switch document["credentialSubject"] {
        case nil:
            problems.append(Problem("/credentialSubject", "missing (VC 2.0 requires it)"))
        case .object?:
            break
        case .array(let subjects)?:
            if subjects.isEmpty { problems.append(Problem("/credentialSubject", "must not be empty")) }
            for (index, subject) in subjects.enumerated() where subject.objectValue == nil {
                problems.append(Problem(JSONPointer(tokens: ["credentialSubject", String(index)]), "must be an object"))
            }
        case let other?:
            problems.append(Problem("/credentialSubject", "must be an object, found \(other.shortDescription)"))
        }

        // §4.9 Validity period: each date is parsed once. Both are `dateTimeStamp`s, which need a
        // time zone: without one the instant depends on where it is read.
        var dates: [String: Date] = [:]
        for field in ["validFrom", "validUntil"] {
            guard let value = document[field] else { continue }
            if let parsed = value.stringValue.flatMap(XSDDateTime.parseWithTimeZone) {
                dates[field] = parsed.date
                if !parsed.hasTimeZone {
                    problems.append(Problem(JSONPointer(tokens: [field]), "must name its time zone (Z or ±hh:mm), as VC 2.0 requires, e.g. \"2026-01-31T09:00:00Z\", found \(value.shortDescription)"))
                }
            } else {
                problems.append(Problem(JSONPointer(tokens: [field]), "must be an XML Schema dateTime such as 2026-01-31T09:00:00Z, found \(value.shortDescription)"))
            }
        }
        if let from = dates["validFrom"], let until = dates["validUntil"], until < from {
            problems.append(Problem("/validUntil", "is before validFrom"))
        }

        // §4.10 Status and §4.11 Data schemas: objects with a type.
        for field in ["credentialStatus", "credentialSchema"] {
            guard let value = document[field] else { continue }
            let items = value.arrayValue ?? [value]
            for (index, item) in items.enumerated() {
                let pointer = value.arrayValue == nil
                    ? JSONPointer(tokens: [field]) : JSONPointer(tokens: [field, String(index)])
                if item.objectValue == nil {
                    problems.append(Problem(pointer, "must be an object"))
                } else if item["type"] == nil {
                    problems.append(Problem(pointer.appending("type"), "missing"))
                }
            }
        }
        return problems
    }

    /// VC 2.0 identifiers are URLs; anything with a scheme (`https:`, `did:`, `urn:`) is accepted.
    /// The pointer is built only for a problem: parsing it for every credential cost more than the check.
    static func checkURL(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer, into problems: inout [Problem]) {
        guard let text = value.stringValue else {
            problems.append(Problem(pointer(), "must be a URL string, found \(value.shortDescription)"))
            return
        }
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":"; no spaces.
        var sawColon = false
        var isValid = true
        let bytes = text.utf8.span
        for offset in 0 ..< bytes.count {
            let byte = bytes[offset]
            if byte == 0x20 { isValid = false; break }
            if sawColon { continue }
            let isAlpha = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte == 0x3A {
                sawColon = offset > 0
                if !sawColon { isValid = false; break }
            } else if !(isAlpha || (offset > 0 && ((byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E))) {
                isValid = false
                break
            }
        }
        guard isValid && sawColon else {
            problems.append(Problem(pointer(), "must be a URL (e.g. did:key:…, urn:uuid:…, https://…), found \(value.shortDescription)"))
            return
        }
    }
}
