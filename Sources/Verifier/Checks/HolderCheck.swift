public import CredentialCore
import Signing

extension CredentialVerifier {
    /// The result of checking a presentation's own proof, shared by every credential inside it.
    public enum HolderProof: Sendable {
        /// The proof verified: signed by `holder` for `authentication`; `notes` are reservations
        /// (a challenge or domain the verifier did not ask to compare).
        case verified(holder: String, notes: [String])
        /// The proof is missing, invalid, or does not answer the verifier's challenge or domain.
        case failed(message: String, pointer: JSONPointer)
    }

    /// Checks a presentation's proof: eddsa-jcs-2022, `authentication`, signed by the `holder`,
    /// answering the expected challenge and domain (vc-data-integrity §4.5 steps on challenge/domain).
    public func holderProof(of presentation: JSONObject) -> HolderProof {
        guard presentation["proof"] != nil else {
            return .failed(message: "the presentation has no proof: the holder did not sign it", pointer: "/proof")
        }
        let proof: JSONObject
        let key: DIDKey
        let verification: EddsaJcs2022.Verification
        do {
            verification = try proofVerifier.verify(.object(presentation))
        } catch {
            // OpenSSL failed: the proof could not be checked, which is not a verdict on it.
            return .failed(message: "could not verify: " + error.message, pointer: "/proof")
        }
        switch verification {
        case .failed(let failure):
            return .failed(message: "presentation proof: " + failure.message, pointer: failure.pointer)
        case .verified(let signer, let verifiedProof):
            key = signer
            proof = verifiedProof
        }
        guard proof["proofPurpose"]?.stringValue == "authentication" else {
            return .failed(message: "the presentation's proofPurpose must be \"authentication\"", pointer: "/proof/proofPurpose")
        }
        let holder = presentation["holder"]?.stringValue ?? presentation["holder"]?["id"]?.stringValue
        guard let holder else {
            return .failed(message: "the presentation names no holder", pointer: "/holder")
        }
        guard holder == key.did else {
            return .failed(message: "the presentation is signed by \(key.did), not by its holder \(holder)", pointer: "/proof/verificationMethod")
        }
        var notes: [String] = []
        for (field, expected) in [("challenge", expectedChallenge), ("domain", expectedDomain)] {
            let found = proof[field]?.stringValue
            if let expected {
                guard found == expected else {
                    let shown = found.map { "\"\($0)\"" } ?? "none"
                    return .failed(message: "the proof's \(field) is \(shown), expected \"\(expected)\"", pointer: JSONPointer(tokens: ["proof", field]))
                }
            } else if let found {
                notes.append("\(field) \"\(found)\" not compared (give --\(field))")
            } else {
                notes.append("no \(field) (a replayed presentation cannot be told apart)")
            }
        }
        return .verified(holder: holder, notes: notes)
    }

    /// The `holder` check of one credential inside a presentation.
    func holderCheck(_ proof: HolderProof, subject: String?) -> CheckOutcome {
        switch proof {
        case .failed(let message, let pointer):
            return CheckOutcome(.holder, .fail, message, pointer: pointer)
        case .verified(let holder, let notes):
            guard subject == holder else {
                return CheckOutcome(
                    .holder, .fail, "the credential's subject is \(subject ?? "not identified"), not the holder \(holder)",
                    pointer: "/credentialSubject/id")
            }
            if notes.isEmpty {
                return CheckOutcome(.holder, .pass, "presented by its subject \(holder), challenge and domain match")
            }
            return CheckOutcome(.holder, .warn, "presented by its subject \(holder); " + notes.joined(separator: "; "))
        }
    }
}
