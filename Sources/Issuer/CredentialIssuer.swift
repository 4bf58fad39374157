public import CredentialCore
public import Foundation
public import Signing

/// Turns unsigned credential templates into signed micro-credentials with one issuer key.
///
/// Issuing fills what the key and the clock decide (`issuer.id`, `id`, `validFrom`, the title),
/// validates the VC 2.0 structure and the EU profile, then adds an `eddsa-jcs-2022` proof.
public struct CredentialIssuer: Sendable {
    /// The issuer's signing key.
    public let key: Ed25519.PrivateKey
    /// The issuer's did:key, derived from `key`.
    public var issuerDID: DIDKey { signer.did }
    /// The key prepared for signing.
    let signer: EddsaJcs2022.Signer
    /// When set, every credential gets this `validUntil` (an XML Schema dateTime).
    public var validUntil: String?
    /// Sign micro-credentials that lack Annex I elements (the VC 2.0 structure is still required).
    public var allowIncomplete: Bool

    /// Creates an issuer.
    /// - Throws: `invalidOption` when `validUntil` is not a dateTime.
    public init(key: Ed25519.PrivateKey, validUntil: String? = nil, allowIncomplete: Bool = false) throws(IssuerError) {
        if let validUntil, XSDDateTime.parse(validUntil) == nil {
            throw IssuerError(.invalidOption, "valid-until \"\(validUntil)\" is not a date such as 2031-06-30T23:59:59Z")
        }
        self.key = key
        self.signer = EddsaJcs2022.Signer(key: key)
        self.validUntil = validUntil
        self.allowIncomplete = allowIncomplete
    }

    /// Completes, validates and signs one template.
    /// - Parameters:
    ///   - status: a `credentialStatus` entry to add (from `StatusIndexAllocator`), if any.
    ///   - issuedAt: the issuing time, used for `validFrom` when absent and `proof.created`.
    /// - Throws: `invalidTemplate`, `invalidCredential`, `incomplete` (with every problem), `signingFailed`.
    public func issue(
        _ template: JSONValue, status: StatusListEntry? = nil, issuedAt: Date = Date()
    ) throws(IssuerError) -> JSONValue {
        try issueWithCanonicalForm(template, status: status, issuedAt: issuedAt).signed
    }

    /// Issues one template and also returns the signed credential's RFC 8785 bytes (one JSON Lines record).
    /// - Throws: as `issue(_:status:issuedAt:)`.
    public func issueWithCanonicalForm(
        _ template: JSONValue, status: StatusListEntry? = nil, issuedAt: Date = Date()
    ) throws(IssuerError) -> (signed: JSONValue, canonical: [UInt8]) {
        try issueWithCanonicalForm(template, timestamp: XSDDateTime.format(issuedAt), status: status)
    }

    /// Issues one template at an issuing time already written as a dateTime (a batch formats it once).
    func issueWithCanonicalForm(
        _ template: JSONValue, timestamp: String, status: StatusListEntry? = nil
    ) throws(IssuerError) -> (signed: JSONValue, canonical: [UInt8]) {
        let unsigned = try checked(template, timestamp: timestamp, status: status)
        let options = EddsaJcs2022.ProofOptions(proofPurpose: "assertionMethod", created: timestamp)
        do {
            return try signer.signWithCanonicalForm(unsigned, options: options)
        } catch {
            throw IssuerError(.signingFailed, error.description)
        }
    }

    /// Completes a template and runs every check issuing runs, without signing: the unsigned
    /// credential that would be signed. A batch that already failed checks its other lines this way.
    /// - Throws: `invalidTemplate`, `invalidCredential`, `incomplete` (with every problem).
    func checked(_ template: JSONValue, timestamp: String, status: StatusListEntry? = nil) throws(IssuerError) -> JSONValue {
        let unsigned = try complete(template, timestamp: timestamp, status: status)
        let credential: Credential
        do {
            credential = try Credential(unsigned)
        } catch {
            throw IssuerError(.invalidTemplate, error.message)
        }
        // The schema refuses validFrom/validUntil without a time zone (VC 2.0 §4.9).
        let structural = CredentialSchema.problems(in: credential)
        if !structural.isEmpty {
            throw IssuerError(.invalidCredential, "the template is not a valid VC 2.0 credential", problems: structural)
        }
        // A type one slip away from MicroCredential is refused, not signed as something else
        // (credential.md §5.3); --allow-incomplete does not cover a typo.
        if let misspelling = MicroCredentialProfile.misspellingProblem(in: credential) {
            let missing = MicroCredentialProfile.problems(in: credential)
            let lacking = missing.isEmpty
                ? "" : "; as a micro-credential it also lacks \(missing.count) Annex I element\(missing.count == 1 ? "" : "s")"
            throw IssuerError(
                .incomplete, "\(misspelling.message) Fix achievementType (--allow-incomplete does not cover a misspelt type)\(lacking)",
                problems: [misspelling] + missing)
        }
        // Only a declared micro-credential must be complete; `verify` reports the rest as warnings.
        if credential.isMicroCredential && !allowIncomplete {
            let missing = MicroCredentialProfile.problems(in: credential)
            if !missing.isEmpty {
                throw IssuerError(
                    .incomplete,
                    "the micro-credential lacks \(missing.count) EU Annex I element\(missing.count == 1 ? "" : "s") (--allow-incomplete signs it anyway)",
                    problems: missing)
            }
        }
        return unsigned
    }

    /// Fills the fields the issuer decides; refuses a template that contradicts the key.
    func complete(_ template: JSONValue, timestamp: String, status: StatusListEntry? = nil) throws(IssuerError) -> JSONValue {
        guard case .object(var document) = template else {
            throw IssuerError(.invalidTemplate, "a template must be a JSON object, found \(template.typeName)")
        }
        if document["proof"] != nil {
            throw IssuerError(.invalidTemplate, "the template already has a proof; give an unsigned template")
        }
        if let status {
            guard document["credentialStatus"] == nil else {
                throw IssuerError(.invalidTemplate, "/credentialStatus: the template already has a status entry; remove it or leave out --status-list")
            }
            document["credentialStatus"] = status.jsonValue
        }
        switch document["issuer"] {
        case nil:
            document["issuer"] = ["id": .string(issuerDID.did), "type": ["Profile"]]
        case .string(let id)?:
            guard id.hasSameBytes(as: issuerDID.did) else {
                throw IssuerError(.invalidTemplate, "/issuer is \(id), but the key's did:key is \(issuerDID.did)")
            }
        case .object(var issuer)?:
            if let id = issuer["id"] {
                guard id.stringValue.hasSameBytes(as: issuerDID.did) else {
                    throw IssuerError(.invalidTemplate, "/issuer/id is \(id.canonicalString), but the key's did:key is \(issuerDID.did)")
                }
            } else {
                // Keep the issuer's members in a readable order: id first.
                issuer = JSONObject([(key: "id", value: .string(issuerDID.did))] + issuer.map { ($0.key, $0.value) })
            }
            document["issuer"] = .object(issuer)
        case let other?:
            throw IssuerError(.invalidTemplate, "/issuer must be an object, found \(other.typeName)")
        }
        if document["id"] == nil {
            do {
                document["id"] = .string(try Self.randomUUID())
            } catch {
                throw IssuerError(.signingFailed, error.description)
            }
        }
        if document["validFrom"] == nil { document["validFrom"] = .string(timestamp) }
        if let validUntil {
            // The option's fault, not the template's: named as the option (exit 2).
            if let until = XSDDateTime.parse(validUntil), let fromText = document["validFrom"]?.stringValue,
               let from = XSDDateTime.parse(fromText), until < from {
                throw IssuerError(.invalidOption, "--valid-until \(validUntil) is before the credential's validFrom \(fromText)")
            }
            document["validUntil"] = .string(validUntil)
        }
        if document["name"] == nil, let title = try? Credential(.object(document)).title {
            document["name"] = .string(title)
        }
        return .object(document)
    }

    /// `urn:uuid:` + a random (version 4) UUID from OpenSSL's generator (RFC 9562 §5.4).
    static func randomUUID() throws(SigningError) -> String {
        var bytes = try SecureRandom.bytes(count: 16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "urn:uuid:" + hex[0..<4].joined() + "-" + hex[4..<6].joined() + "-" + hex[6..<8].joined()
            + "-" + hex[8..<10].joined() + "-" + hex[10..<16].joined()
    }
}
