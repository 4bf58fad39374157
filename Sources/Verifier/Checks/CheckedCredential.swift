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
    }

    /// The credential's typed view.
    public let credential: Credential
    /// Where the credential sits in its file (`""` for the file itself).
    public let pointer: JSONPointer
    /// The 1-based line of a JSON Lines input.
    public let line: Int?
    /// The proof's verification, done once.
    public let proof: ProofResult

    /// Prepares `credential` for checking: verifies its proof.
    public init(_ credential: Credential, pointer: JSONPointer = .root, line: Int? = nil) {
        self.credential = credential
        self.pointer = pointer
        self.line = line
        guard credential.hasProof else {
            self.proof = .absent
            return
        }
        switch EddsaJcs2022.verify(credential.json) {
        case .verified(let key, let proof):
            self.proof = .verified(key: key, proof: Proof(of: credential.object) ?? Proof(proof))
        case .failed(let failure):
            self.proof = .failed(failure)
        }
    }

    /// The key that signed the credential, when its proof verified.
    public var signingKey: DIDKey? {
        if case .verified(let key, _) = proof { return key }
        return nil
    }
}
