public import Foundation

/// One issuer key in an `IssuerTrustList` (spec/trust-list.md).
public struct TrustListEntry: Sendable, Hashable {
    /// The issuer key's DID (`id`).
    public var issuer: String
    /// A stable organisation id (e.g. an Erasmus code); keys with the same one belong to one organisation.
    public var organization: String
    /// The organisation's name.
    public var name: String
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// The accreditation or quality-assurance body, when given.
    public var accreditation: String?
    /// Start of the key's window (dateTime), or nil for an open start.
    public var validFrom: String?
    /// End of the key's window (dateTime), or nil for an open end.
    public var validUntil: String?

    /// Creates an entry; `organization` defaults to the DID.
    /// - Throws: `invalidValue` for an empty DID or name, a country that is not two capital
    ///   letters, a bound that is not a dateTime, or a window that ends before it starts.
    public init(
        issuer: String, organization: String? = nil, name: String, country: String,
        accreditation: String? = nil, validFrom: String? = nil, validUntil: String? = nil
    ) throws(CredentialError) {
        self.issuer = issuer
        self.organization = organization ?? issuer
        self.name = name
        self.country = country
        self.accreditation = accreditation
        self.validFrom = validFrom
        self.validUntil = validUntil
        try check(pointer: .root)
    }

    /// Reads one entry object.
    /// - Throws: `invalidValue` naming the member, as `init(issuer:…)`.
    public init(_ json: JSONValue, pointer: JSONPointer) throws(CredentialError) {
        guard case .object(let object) = json else {
            throw CredentialError(.invalidValue, "a trust list entry must be an object, found \(json.typeName)", pointer: pointer)
        }
        func string(_ key: String, required: Bool) throws(CredentialError) -> String? {
            switch object[key] {
            case nil where !required: return nil
            case .string(let text)?: return text
            default: throw CredentialError(.invalidValue, "\(key) must be a string", pointer: pointer.appending(key))
            }
        }
        issuer = try string("id", required: true) ?? ""
        organization = try string("organization", required: true) ?? ""
        name = try string("name", required: true) ?? ""
        country = try string("country", required: true) ?? ""
        accreditation = try string("accreditation", required: false)
        validFrom = try string("validFrom", required: false)
        validUntil = try string("validUntil", required: false)
        try check(pointer: pointer)
    }

    private func check(pointer: JSONPointer) throws(CredentialError) {
        guard !issuer.isEmpty else { throw CredentialError(.invalidValue, "the issuer DID is empty", pointer: pointer.appending("id")) }
        guard !organization.isEmpty else {
            throw CredentialError(.invalidValue, "the organization id is empty", pointer: pointer.appending("organization"))
        }
        guard !name.isEmpty else { throw CredentialError(.invalidValue, "the name is empty", pointer: pointer.appending("name")) }
        // ISO 3166-1 alpha-2: two capital Latin letters.
        guard country.utf8.count == 2, country.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw CredentialError(
                .invalidValue, "country must be an ISO 3166-1 alpha-2 code such as ES, found \"\(country)\"",
                pointer: pointer.appending("country"))
        }
        for (field, value) in [("validFrom", validFrom), ("validUntil", validUntil)] {
            if let value, XSDDateTime.parse(value) == nil {
                throw CredentialError(.invalidValue, "\(field) \"\(value)\" is not a dateTime", pointer: pointer.appending(field))
            }
        }
        if let start = validFromDate, let end = validUntilDate, end < start {
            throw CredentialError(.invalidValue, "the window ends before it starts", pointer: pointer.appending("validUntil"))
        }
    }

    /// `validFrom`, parsed.
    public var validFromDate: Date? { validFrom.flatMap(XSDDateTime.parse) }
    /// `validUntil`, parsed.
    public var validUntilDate: Date? { validUntil.flatMap(XSDDateTime.parse) }

    /// True when `date` is inside the key's window (a missing bound is open).
    public func covers(_ date: Date) -> Bool {
        if let start = validFromDate, date < start { return false }
        if let end = validUntilDate, date > end { return false }
        return true
    }

    /// The window as people read it: `2024-01-01T00:00:00Z – open`.
    public var windowDescription: String { "\(validFrom ?? "open") – \(validUntil ?? "open")" }

    /// The entry as JSON.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["id"] = .string(issuer)
        object["organization"] = .string(organization)
        object["name"] = .string(name)
        object["country"] = .string(country)
        if let accreditation { object["accreditation"] = .string(accreditation) }
        if let validFrom { object["validFrom"] = .string(validFrom) }
        if let validUntil { object["validUntil"] = .string(validUntil) }
        return .object(object)
    }
}
