public import CredentialCore
public import Foundation
public import Signing

/// A trust list at hand (`--trust`), parsed and its proof verified once per run.
public struct TrustListEvidence: Sendable {
    /// Where the list came from, for messages.
    public let source: String
    /// The parsed list, when the document is a readable trust list.
    public let list: TrustList?
    /// The anchor whose proof verified, for `assertionMethod`, when it is the list's issuer.
    public let signer: String?
    /// Why the list is no evidence at all, or nil.
    public let problem: String?

    /// Parses and verifies one trust list credential.
    public init(_ document: JSONValue, source: String, verifier: EddsaJcs2022.Verifier = EddsaJcs2022.Verifier(cacheCapacity: 0)) {
        self.source = source
        let list: TrustList
        do {
            list = try TrustList(document)
        } catch {
            self.list = nil
            self.signer = nil
            self.problem = "not a valid trust list: \(error.description)"
            return
        }
        self.list = list
        let verification: EddsaJcs2022.Verification
        do {
            verification = try verifier.verify(document)
        } catch {
            self.signer = nil
            self.problem = "its proof could not be checked (\(error.message))"
            return
        }
        switch verification {
        case .failed(let failure):
            self.signer = nil
            self.problem = "its proof does not verify (\(failure.message))"
        case .verified(let key, let proof):
            guard (proof["proofPurpose"]?.stringValue ?? "").hasSameBytes(as: "assertionMethod") else {
                self.signer = nil
                self.problem = "its proof is not for assertionMethod"
                return
            }
            guard key.did.hasSameBytes(as: list.anchor) else {
                self.signer = nil
                self.problem = "it is signed by \(key.did), not by its anchor \(list.anchor)"
                return
            }
            self.signer = key.did
            self.problem = nil
        }
    }

    /// The list's date (`validFrom`), which decides which of an anchor's lists is the newest.
    public var date: Date? { list?.validFrom }
}
