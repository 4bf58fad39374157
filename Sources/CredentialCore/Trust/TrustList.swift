public import Foundation

/// A read-only view of an `IssuerTrustList` credential: the issuer keys a trust anchor vouches
/// for, each with a validity window (spec/trust-list.md).
public struct TrustList: Sendable {
    /// The credential type, `IssuerTrustList`.
    public static let type = "IssuerTrustList"
    /// The subject member holding the entries.
    public static let entriesMember = "trustedIssuers"

    /// The whole credential, proof included.
    public let credential: Credential
    /// The list's `id`.
    public let id: String?
    /// The trust anchor that issued (and should have signed) the list.
    public let anchor: String
    /// The list's display name.
    public let name: String?
    /// The issuer keys listed, in order.
    public let entries: [TrustListEntry]
    /// `validFrom` as written: the list's date.
    public let validFromText: String?
    /// `validFrom`, parsed.
    public let validFrom: Date?
    /// `validUntil`, parsed, when the list has one.
    public let validUntil: Date?

    /// Reads a trust list credential.
    /// - Throws: `invalidValue` with a pointer for a document that is not one.
    public init(_ json: JSONValue) throws(CredentialError) {
        let credential = try Credential(json)
        guard credential.types.contains(Self.type) else {
            throw CredentialError(.invalidValue, "not a trust list: type does not include \(Self.type)", pointer: "/type")
        }
        guard let anchor = credential.issuerID else {
            throw CredentialError(.invalidValue, "a trust list must name its anchor as issuer", pointer: "/issuer")
        }
        guard case .object(let subject)? = credential.object["credentialSubject"] else {
            throw CredentialError(.invalidValue, "credentialSubject must be one object", pointer: "/credentialSubject")
        }
        guard case .array(let items)? = subject[Self.entriesMember] else {
            throw CredentialError(
                .invalidValue, "\(Self.entriesMember) must be an array", pointer: JSONPointer(tokens: ["credentialSubject", Self.entriesMember]))
        }
        var entries: [TrustListEntry] = []
        for (position, item) in items.enumerated() {
            let pointer = JSONPointer(tokens: ["credentialSubject", Self.entriesMember, String(position)])
            let entry = try TrustListEntry(item, pointer: pointer)
            if entries.contains(where: { $0.issuer.utf8.elementsEqual(entry.issuer.utf8) }) {
                throw CredentialError(.invalidValue, "\(entry.issuer) is listed twice", pointer: pointer.appending("id"))
            }
            entries.append(entry)
        }
        for (field, value) in [("validFrom", credential.validFrom), ("validUntil", credential.validUntil)] {
            if let value, XSDDateTime.parse(value) == nil {
                throw CredentialError(.invalidValue, "\(field) \"\(value)\" is not a dateTime", pointer: JSONPointer(tokens: [field]))
            }
        }
        self.credential = credential
        self.id = credential.id
        self.anchor = anchor
        self.name = credential.object["name"]?.stringValue
        self.entries = entries
        self.validFromText = credential.validFrom
        self.validFrom = credential.validFrom.flatMap(XSDDateTime.parse)
        self.validUntil = credential.validUntil.flatMap(XSDDateTime.parse)
    }

    /// The entry of `did` (compared as UTF-8 bytes), if listed.
    public func entry(for did: String) -> TrustListEntry? {
        entries.first { $0.issuer.utf8.elementsEqual(did.utf8) }
    }

    /// True when `date` is inside the list's own `validFrom`…`validUntil`.
    public func isValid(at date: Date) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        return true
    }
}
