public import CredentialCore
public import Foundation
public import Signing

/// Creates and edits signed `BitstringStatusListCredential`s (W3C Bitstring Status List v1.0 §2.2).
///
/// Every edit re-signs the list with fresh `validFrom`/`validUntil`, so a verifier can tell the
/// newest list and knows when a list stops being evidence.
public struct StatusListIssuer: Sendable {
    /// The purposes mcred issues lists for.
    public static let purposes = ["revocation", "suspension"]
    /// How long a list is evidence by default: 30 days.
    public static let defaultValidDays = 30

    /// The list issuer's key, prepared for signing.
    public let signer: EddsaJcs2022.Signer

    /// Creates a list issuer with `key`, which must be the key of the credentials' issuer.
    public init(key: Ed25519.PrivateKey) {
        signer = EddsaJcs2022.Signer(key: key)
    }

    /// A new signed list of `size` zero bits.
    /// - Parameters:
    ///   - url: the list's `id`, which credentials name as `statusListCredential`.
    ///   - purpose: `revocation` or `suspension`.
    ///   - validDays: days until `validUntil`.
    /// - Throws: `invalidOption` for a bad URL, purpose, size or validity; `signingFailed`.
    public func create(
        url: String, purpose: String, size: Int = BitstringStatusList.minimumCount,
        validDays: Int = defaultValidDays, at date: Date = Date()
    ) throws(IssuerError) -> JSONValue {
        guard !url.isEmpty, url.utf8.contains(UInt8(ascii: ":")), !url.utf8.contains(UInt8(ascii: "#")) else {
            throw IssuerError(.invalidOption, "the list URL \"\(url)\" must be an absolute URL without a fragment")
        }
        guard Self.purposes.contains(purpose) else {
            throw IssuerError(.invalidOption, "the purpose must be revocation or suspension, not \"\(purpose)\"")
        }
        let list: BitstringStatusList
        do {
            list = try BitstringStatusList(count: size)
        } catch {
            throw IssuerError(.invalidOption, error.message)
        }
        let document: JSONValue = [
            "@context": [.string(Credential.baseContext)],
            "id": .string(url),
            "type": ["VerifiableCredential", .string(StatusListCredential.type)],
            "issuer": .string(signer.did.did),
            "credentialSubject": [
                "id": .string(url + "#list"),
                "type": .string(StatusListCredential.subjectType),
                "statusPurpose": .string(purpose),
                "encodedList": "",
            ],
        ]
        return try sign(document, list: list, validDays: validDays, at: date)
    }

    /// Sets (`value` true) or clears one bit, renews `validFrom`/`validUntil` and re-signs.
    /// - Throws: `invalidList` when `document` is not a status list issued by this key, or the
    ///   index is outside it; `revocationIsFinal` when clearing a bit of a revocation list;
    ///   `invalidOption`, `signingFailed`.
    public func update(
        _ document: JSONValue, index: Int, value: Bool, validDays: Int = defaultValidDays, at date: Date = Date()
    ) throws(IssuerError) -> JSONValue {
        let view = try ownList(document)
        guard view.list.contains(index) else {
            throw IssuerError(.invalidList, "index \(index) is outside the list's 0…\(view.list.count - 1)")
        }
        // Bitstring Status List §2.3: a revocation "cannot be reversed"; suspension can.
        if !value && view.serves("revocation") {
            throw IssuerError(.revocationIsFinal, "\(view.id) is a revocation list: a revoked credential stays revoked (use a suspension list for reversible status)")
        }
        var list = view.list
        list[index] = value
        var unsigned = view.credential.object
        unsigned.removeValue(forKey: "proof")
        return try sign(.object(unsigned), list: list, validDays: validDays, at: date)
    }

    /// Reads `document` as a status list this key may edit.
    /// - Throws: `invalidList`.
    public func ownList(_ document: JSONValue) throws(IssuerError) -> StatusListCredential {
        let view: StatusListCredential
        do {
            view = try StatusListCredential(document)
        } catch {
            throw IssuerError(.invalidList, error.description)
        }
        guard view.issuerID.utf8.elementsEqual(signer.did.did.utf8) else {
            throw IssuerError(.invalidList, "the list is issued by \(view.issuerID), not by this key (\(signer.did.did))")
        }
        return view
    }

    /// Writes the bits, the validity window and a new proof.
    func sign(_ document: JSONValue, list: BitstringStatusList, validDays: Int, at date: Date) throws(IssuerError) -> JSONValue {
        guard validDays >= 1, validDays <= 3660 else {
            throw IssuerError(.invalidOption, "the validity must be 1 to 3660 days, not \(validDays)")
        }
        var document = document
        let encoded: String
        do {
            encoded = try list.encodedList()
        } catch {
            throw IssuerError(.signingFailed, error.description)
        }
        let timestamp = XSDDateTime.format(date)
        document["validFrom"] = .string(timestamp)
        document["validUntil"] = .string(XSDDateTime.format(date.addingTimeInterval(Double(validDays) * 86_400)))
        if case .object(var subject)? = document["credentialSubject"] {
            subject["encodedList"] = .string(encoded)
            document["credentialSubject"] = .object(subject)
        }
        do {
            return try signer.sign(document, options: EddsaJcs2022.ProofOptions(proofPurpose: "assertionMethod", created: timestamp))
        } catch {
            throw IssuerError(.signingFailed, error.description)
        }
    }
}
