public import CredentialCore
public import Foundation
public import Signing

/// Creates and edits signed `IssuerTrustList` credentials for a trust anchor (spec/trust-list.md).
///
/// Each edit keeps the list's `id`, sets `validFrom` to the time of the edit and re-signs, so
/// verifiers holding several versions use the newest.
public struct TrustListIssuer: Sendable {
    /// The trust anchor's key, prepared for signing.
    public let signer: EddsaJcs2022.Signer

    /// Creates a trust list issuer with the anchor's key.
    public init(key: Ed25519.PrivateKey) {
        signer = EddsaJcs2022.Signer(key: key)
    }

    /// A new, empty, signed trust list named `name`.
    /// - Throws: `invalidOption` for an empty name; `signingFailed`.
    public func create(name: String, at date: Date = Date()) throws(IssuerError) -> JSONValue {
        guard !name.isEmpty else { throw IssuerError(.invalidOption, "the trust list needs a name") }
        let id: String
        do {
            id = try CredentialIssuer.randomUUID()
        } catch {
            throw IssuerError(.signingFailed, error.description)
        }
        let document: JSONValue = [
            "@context": [.string(Credential.baseContext), "https://w3id.org/mcred/v1"],
            "id": .string(id),
            "type": ["VerifiableCredential", .string(TrustList.type)],
            "issuer": .string(signer.did.did),
            "name": .string(name),
            "credentialSubject": [
                "id": .string(signer.did.did),
                TrustList.entriesMember: [],
            ],
        ]
        return try sign(document, at: date)
    }

    /// Adds `entry`, replacing the entry of the same DID in place when there is one, and re-signs.
    /// - Throws: `invalidOption` when the entry's issuer is not an Ed25519 did:key; `invalidList`,
    ///   `signingFailed`.
    public func add(_ entry: TrustListEntry, to document: JSONValue, at date: Date = Date()) throws(IssuerError) -> JSONValue {
        let list = try ownList(document)
        // A list vouches for keys that sign: an entry that is not an Ed25519 did:key could never match one.
        do {
            _ = try DIDKey(parsing: entry.issuer)
        } catch {
            throw IssuerError(.invalidOption, "the issuer \"\(entry.issuer)\" is not an Ed25519 did:key: \(error.message)")
        }
        var entries = list.entries
        if let position = entries.firstIndex(where: { $0.issuer.utf8.elementsEqual(entry.issuer.utf8) }) {
            entries[position] = entry
        } else {
            entries.append(entry)
        }
        return try sign(replacingEntries: entries, of: list, at: date)
    }

    /// Removes the entry of `issuer` and re-signs.
    /// - Throws: `invalidOption` when the DID is not listed; `invalidList`, `signingFailed`.
    public func remove(issuer: String, from document: JSONValue, at date: Date = Date()) throws(IssuerError) -> JSONValue {
        let list = try ownList(document)
        guard list.entry(for: issuer) != nil else {
            throw IssuerError(.invalidOption, "\(issuer) is not in the trust list")
        }
        let entries = list.entries.filter { !$0.issuer.utf8.elementsEqual(issuer.utf8) }
        return try sign(replacingEntries: entries, of: list, at: date)
    }

    /// Reads `document` as a trust list this anchor key may edit.
    /// - Throws: `invalidList`.
    public func ownList(_ document: JSONValue) throws(IssuerError) -> TrustList {
        let list: TrustList
        do {
            list = try TrustList(document)
        } catch {
            throw IssuerError(.invalidList, error.description)
        }
        guard list.anchor.utf8.elementsEqual(signer.did.did.utf8) else {
            throw IssuerError(.invalidList, "the trust list is issued by \(list.anchor), not by this key (\(signer.did.did))")
        }
        return list
    }

    func sign(replacingEntries entries: [TrustListEntry], of list: TrustList, at date: Date) throws(IssuerError) -> JSONValue {
        var document = list.credential.object
        document.removeValue(forKey: "proof")
        var subject = document["credentialSubject"]?.objectValue ?? JSONObject()
        subject[TrustList.entriesMember] = .array(entries.map(\.jsonValue))
        document["credentialSubject"] = .object(subject)
        return try sign(.object(document), at: date)
    }

    func sign(_ document: JSONValue, at date: Date) throws(IssuerError) -> JSONValue {
        var document = document
        let timestamp = XSDDateTime.format(date)
        document["validFrom"] = .string(timestamp)
        do {
            return try signer.sign(document, options: EddsaJcs2022.ProofOptions(proofPurpose: "assertionMethod", created: timestamp))
        } catch {
            throw IssuerError(.signingFailed, error.description)
        }
    }
}
