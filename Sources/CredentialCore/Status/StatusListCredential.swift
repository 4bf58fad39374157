public import Foundation

/// A read-only view of a `BitstringStatusListCredential` (W3C Bitstring Status List v1.0 §2.2),
/// with its list decoded once.
///
/// The view checks the shape only; whether the proof verifies and who signed it is the
/// verifier's business.
public struct StatusListCredential: Sendable {
    /// The credential type, `BitstringStatusListCredential`.
    public static let type = "BitstringStatusListCredential"
    /// The subject type, `BitstringStatusList`.
    public static let subjectType = "BitstringStatusList"

    /// The whole credential, proof included.
    public let credential: Credential
    /// The list's URL (`id`), which entries name as `statusListCredential`.
    public let id: String
    /// Who issued (and should have signed) the list.
    public let issuerID: String
    /// The purposes the list serves (`statusPurpose`: one string or several).
    public let statusPurposes: [String]
    /// The decoded bits.
    public let list: BitstringStatusList
    /// `validFrom` as written: the list's date.
    public let validFromText: String?
    /// `validFrom`, parsed.
    public let validFrom: Date?
    /// `validUntil`, parsed: after it the list is no evidence.
    public let validUntil: Date?

    /// Reads and decodes a status list credential.
    /// - Parameter byteLimit: the most bytes the decoded list may have.
    /// - Throws: `invalidValue` (with a pointer) for a document that is not a status list
    ///   credential, `invalidCompression` or `tooLarge` for its `encodedList`.
    public init(_ json: JSONValue, byteLimit: Int = BitstringStatusList.defaultByteLimit) throws(CredentialError) {
        let credential = try Credential(json)
        guard credential.types.contains(Self.type) else {
            throw CredentialError(.invalidValue, "not a status list: type does not include \(Self.type)", pointer: "/type")
        }
        guard let id = credential.id else {
            throw CredentialError(.invalidValue, "a status list must have an id (its URL)", pointer: "/id")
        }
        guard let issuer = credential.issuerID else {
            throw CredentialError(.invalidValue, "a status list must name its issuer", pointer: "/issuer")
        }
        guard case .object(let subject)? = credential.object["credentialSubject"] else {
            throw CredentialError(.invalidValue, "credentialSubject must be one object", pointer: "/credentialSubject")
        }
        guard Credential.includes(subject["type"], Self.subjectType) else {
            throw CredentialError(
                .invalidValue, "the subject's type must be \(Self.subjectType)", pointer: "/credentialSubject/type")
        }
        let purposes = Credential.strings(subject["statusPurpose"])
        guard !purposes.isEmpty else {
            throw CredentialError(
                .invalidValue, "statusPurpose must be one or more strings", pointer: "/credentialSubject/statusPurpose")
        }
        guard case .string(let encoded)? = subject["encodedList"] else {
            throw CredentialError(.invalidValue, "encodedList must be a string", pointer: "/credentialSubject/encodedList")
        }
        do {
            list = try BitstringStatusList(encodedList: encoded, byteLimit: byteLimit)
        } catch {
            var located = error
            located.pointer = "/credentialSubject/encodedList"
            throw located
        }
        for (field, value) in [("validFrom", credential.validFrom), ("validUntil", credential.validUntil)] {
            if let value, XSDDateTime.parse(value) == nil {
                throw CredentialError(.invalidValue, "\(field) \"\(value)\" is not a dateTime", pointer: JSONPointer(tokens: [field]))
            }
        }
        self.credential = credential
        self.id = id
        self.issuerID = issuer
        self.statusPurposes = purposes
        self.validFromText = credential.validFrom
        self.validFrom = credential.validFrom.flatMap(XSDDateTime.parse)
        self.validUntil = credential.validUntil.flatMap(XSDDateTime.parse)
    }

    /// True when the list declares `purpose` (compared as UTF-8 bytes).
    public func serves(_ purpose: String) -> Bool {
        statusPurposes.contains { $0.utf8.elementsEqual(purpose.utf8) }
    }

    /// True when `date` is inside the list's `validFrom`…`validUntil`.
    public func isValid(at date: Date) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validUntil, date > validUntil { return false }
        return true
    }
}
