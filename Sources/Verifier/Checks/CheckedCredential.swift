public import CredentialCore
public import Signing

/// A credential prepared for checking: parsed once, its proof verified once.
public struct CheckedCredential: Sendable {
    /// The outcome of verifying the credential's proof, shared by every check that needs it.
    public enum ProofResult: Sendable {
        /// The document has no `proof` member.
        case absent
        /// The eddsa-jcs-2022 proof verified; `key` signed it.
        case verified(key: DIDKey, proof: Proof)
        /// The proof is malformed, or was checked and is invalid.
        case failed(EddsaJcs2022.Failure)
        /// OpenSSL failed while checking: no verdict on the proof can be given (exit 2).
        case couldNotVerify(SigningError)
    }

    /// The credential's typed view.
    public let credential: Credential
    /// Where the credential sits in its file (`""` for the file itself).
    public let pointer: JSONPointer
    /// The 1-based line of a JSON Lines input.
    public let line: Int?
    /// The proof's verification, done once.
    public let proof: ProofResult

    /// Prepares `credential` for checking: verifies its proof with `verifier`, which keeps issuer
    /// keys prepared from one credential to the next.
    public init(
        _ credential: Credential, pointer: JSONPointer = .root, line: Int? = nil,
        verifier: EddsaJcs2022.Verifier = EddsaJcs2022.Verifier(cacheCapacity: 0)
    ) {
        self.init(credential, pointer: pointer, line: line, verifier: verifier, canonical: nil)
    }

    /// Prepares a credential; `canonical` is the text it was parsed from when that text is its
    /// own RFC 8785 form (`JSONValue.parsingNotingCanonicalForm`), which the proof check then hashes.
    package init(
        _ credential: Credential, pointer: JSONPointer, line: Int?, verifier: EddsaJcs2022.Verifier, canonical: CanonicalText?
    ) {
        self.init(
            credential, pointer: pointer, line: line,
            proof: Self.verifyProof(of: credential.object, with: verifier, canonical: canonical))
    }

    /// A credential whose proof result is already known.
    init(_ credential: Credential, pointer: JSONPointer, line: Int?, proof: ProofResult) {
        self.credential = credential
        self.pointer = pointer
        self.line = line
        self.proof = proof
    }

    /// Verifies the proof of a credential or a presentation, once.
    static func verifyProof(
        of document: JSONObject, with verifier: EddsaJcs2022.Verifier, canonical: CanonicalText? = nil
    ) -> ProofResult {
        guard document["proof"] != nil else { return .absent }
        do {
            switch try verifier.verify(.object(document), canonical: canonical) {
            case .verified(let key, let proof):
                return .verified(key: key, proof: Proof(of: document) ?? Proof(proof))
            case .failed(let failure):
                return .failed(failure)
            }
        } catch {
            return .couldNotVerify(error)
        }
    }

    /// Why the proof could not be checked at all, when OpenSSL failed.
    public var verificationError: String? {
        if case .couldNotVerify(let error) = proof { return "could not verify the proof: \(error.message)" }
        return nil
    }

    /// The key that signed the credential, when its proof verified.
    public var signingKey: DIDKey? {
        if case .verified(let key, _) = proof { return key }
        return nil
    }
}
