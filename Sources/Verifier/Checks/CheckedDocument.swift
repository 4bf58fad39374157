public import CredentialCore
import Signing

/// A parsed file prepared for checking: its kind, its presentation view and holder proof (verified
/// once), and its credentials, each prepared once.
public struct CheckedDocument: Sendable {
    /// What the file holds.
    public let kind: DocumentKind
    /// The presentation or wallet view, for those kinds.
    public let presentation: Presentation?
    /// The presentation's own proof, verified once (`absent` for other kinds).
    public let proof: CheckedCredential.ProofResult
    /// One item of the file: a credential prepared for checking, or something that is not one.
    public enum Item: Sendable {
        /// A credential (a JSON object) prepared for checking.
        case credential(CheckedCredential)
        /// A value that is not a JSON object where a credential belongs; `found` names its type.
        case notACredential(pointer: JSONPointer, found: String)
    }

    /// The items of the file, in file order.
    public let items: [Item]

    /// The credentials of the file, in file order.
    public var credentials: [CheckedCredential] {
        items.compactMap { item in
            if case .credential(let credential) = item { return credential }
            return nil
        }
    }

    /// Prepares a parsed document of a known kind.
    public init(_ document: JSONValue, kind: DocumentKind) {
        self.kind = kind
        switch kind {
        case .presentation, .wallet:
            let presentation = try? Presentation(document)
            self.presentation = presentation
            self.items = (presentation?.credentials ?? []).map { entry in Self.item(entry.value, pointer: entry.pointer) }
            if kind == .presentation, let presentation, presentation.hasProof {
                switch EddsaJcs2022.verify(presentation.json) {
                case .verified(let key, let proof):
                    self.proof = .verified(key: key, proof: Proof(of: presentation.object) ?? Proof(proof))
                case .failed(let failure):
                    self.proof = .failed(failure)
                }
            } else {
                self.proof = .absent
            }
        case .credential, .statusList, .trustList, .credentialLines:
            self.presentation = nil
            self.proof = .absent
            self.items = [Self.item(document, pointer: .root)]
        }
    }

    static func item(_ value: JSONValue, pointer: JSONPointer) -> Item {
        guard let credential = try? Credential(value) else {
            return .notACredential(pointer: pointer, found: value.typeName)
        }
        return .credential(CheckedCredential(credential, pointer: pointer))
    }

    /// Who presented the credentials, as far as the document proves it.
    public var presenter: VerificationContext.Presenter {
        switch kind {
        case .presentation:
            switch proof {
            case .absent:
                return .unproven(reason: "the presentation is not signed")
            case .failed:
                return .unproven(reason: "the presentation's proof does not verify")
            case .verified(let key, let proof):
                guard proof.purpose == .authentication else {
                    return .unproven(reason: "the presentation's proof is not for authentication")
                }
                guard let holder = presentation?.holderID, holder.hasSameBytes(as: key.did) else {
                    return .unproven(reason: "the presentation is not signed by its holder")
                }
                return .proven(holder: holder)
            }
        case .wallet:
            return .wallet(holder: presentation?.holderID)
        case .credential, .statusList, .trustList, .credentialLines:
            return .notPresented
        }
    }
}
