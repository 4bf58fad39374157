public import CredentialCore
public import Signing

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

    /// Prepares a parsed document of a known kind; `verifier` verifies every proof in it.
    public init(
        _ document: JSONValue, kind: DocumentKind, verifier: EddsaJcs2022.Verifier = EddsaJcs2022.Verifier()
    ) {
        self.kind = kind
        switch kind {
        case .presentation, .wallet:
            let presentation = try? Presentation(document)
            self.presentation = presentation
            self.items = (presentation?.credentials ?? []).map { entry in
                Self.item(entry.value, pointer: entry.pointer, verifier: verifier)
            }
            if kind == .presentation, let presentation {
                self.proof = CheckedCredential.verifyProof(of: presentation.object, with: verifier)
            } else {
                self.proof = .absent
            }
        case .credential, .statusList, .trustList, .credentialLines:
            self.presentation = nil
            self.proof = .absent
            self.items = [Self.item(document, pointer: .root, verifier: verifier)]
        }
    }

    static func item(_ value: JSONValue, pointer: JSONPointer, verifier: EddsaJcs2022.Verifier) -> Item {
        guard let credential = try? Credential(value) else {
            return .notACredential(pointer: pointer, found: value.typeName)
        }
        return .credential(CheckedCredential(credential, pointer: pointer, verifier: verifier))
    }

    /// Why the document's own proof could not be checked at all, when OpenSSL failed.
    public var verificationError: String? {
        if case .couldNotVerify(let error) = proof { return "could not verify the presentation's proof: \(error.message)" }
        return nil
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
            case .couldNotVerify:
                return .unproven(reason: "the presentation's proof could not be checked")
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
