public import CredentialCore
public import Foundation
public import Signing

extension Wallet {
    /// Makes a Verifiable Presentation of chosen credentials, signed by the holder for one verifier
    /// (eddsa-jcs-2022, `authentication`, with the verifier's `challenge` and `domain`).
    ///
    /// It carries the selected credentials (all when `ids` is empty), the components of any
    /// selected stacked credential (`relatedResource` ids held in the wallet), and the status-list
    /// snapshots they name, in `statusListCredentials`.
    /// - Throws: `wrongHolder` when `key` is not the wallet holder's, `notFound` for an id the
    ///   wallet does not hold, `invalidWallet` for an empty selection, `fileFailure` when signing fails.
    public func presentation(
        selecting ids: [String], key: Ed25519.PrivateKey, challenge: String, domain: String, at time: Date = Date()
    ) throws(WalletError) -> JSONValue {
        let did = DIDKey(publicKey: key.publicKey).did
        guard did.hasSameBytes(as: holder) else {
            throw WalletError(.wrongHolder, "the key's did:key \(did) is not the wallet's holder \(holder)")
        }
        var chosen: [Int] = []
        func choose(_ index: Int) {
            guard !chosen.contains(index) else { return }
            chosen.append(index)
            // A stacked credential travels with its parts.
            for part in Self.relatedResourceIDs(of: credentials[index]) {
                if let partIndex = self.index(of: part) { choose(partIndex) }
            }
        }
        if ids.isEmpty {
            credentials.indices.forEach(choose)
        } else {
            for id in ids {
                guard let index = index(of: id) else {
                    throw WalletError(.notFound, "no credential with id \(id) in the wallet")
                }
                choose(index)
            }
        }
        guard !chosen.isEmpty else {
            throw WalletError(.invalidWallet, "the wallet holds no credential to present")
        }
        let selected = chosen.map { credentials[$0] }
        let needed = Set(selected.flatMap(Self.statusListIDs).map(Array.init))
        let lists = statusLists.filter { list in list["id"]?.stringValue.map { needed.contains(Array($0.utf8)) } ?? false }

        var object = JSONObject()
        object["@context"] = .array(Self.context.map(JSONValue.string))
        object["type"] = .array(["VerifiablePresentation"])
        object["holder"] = .string(holder)
        object["verifiableCredential"] = .array(selected)
        if !lists.isEmpty { object[Presentation.statusListsMember] = .array(lists) }
        do {
            return try EddsaJcs2022.sign(
                .object(object), with: key,
                options: .init(proofPurpose: "authentication", created: XSDDateTime.format(time), challenge: challenge, domain: domain))
        } catch {
            throw WalletError(.fileFailure, "cannot sign the presentation: \(error.message)")
        }
    }

    /// The ids of the components a stacked credential binds (`relatedResource`); none for others.
    static func relatedResourceIDs(of credential: JSONValue) -> [String] {
        guard let view = try? Credential(credential), let stack = StackedCredential(view) else { return [] }
        return stack.components.map(\.id)
    }
}
