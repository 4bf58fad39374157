import CredentialCore
import Signing

/// The proof check shared by status lists and trust lists: the same eddsa-jcs-2022 code as for
/// credentials, a proof for `assertionMethod`, and a signing key that is the list's own signer.
enum ListProof {
    /// The signer's did:key and the verified proof, or why the list is no evidence.
    /// - Parameters:
    ///   - expectedSigner: the list's issuer (status list) or anchor (trust list), compared by bytes.
    ///   - role: how the expected signer is named in a message (`issuer`, `anchor`).
    static func check(
        _ document: JSONValue, expectedSigner: String, role: String, verifier: EddsaJcs2022.Verifier
    ) -> Result<(signer: String, proof: JSONObject), ListProofProblem> {
        let verification: EddsaJcs2022.Verification
        do {
            verification = try verifier.verify(document)
        } catch {
            return .failure(ListProofProblem("its proof could not be checked (\(error.message))"))
        }
        switch verification {
        case .failed(let failure):
            return .failure(ListProofProblem("its proof does not verify (\(failure.message))"))
        case .verified(let key, let proof):
            let purpose = proof["proofPurpose"]?.stringValue ?? ""
            guard purpose.hasSameBytes(as: "assertionMethod") else {
                return .failure(ListProofProblem("its proof is for \(purpose), not assertionMethod"))
            }
            guard key.did.hasSameBytes(as: expectedSigner) else {
                return .failure(ListProofProblem("it is signed by \(key.did), not by its \(role) \(expectedSigner)"))
            }
            return .success((key.did, proof))
        }
    }
}

/// Why a status or trust list's proof makes it no evidence.
struct ListProofProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
