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
        switch ListProof.check(document, expectedSigner: list.anchor, role: "anchor", verifier: verifier) {
        case .failure(let problem):
            self.signer = nil
            self.problem = problem.message
        case .success(let verified):
            self.signer = verified.signer
            self.problem = nil
        }
    }

    /// The list's date (`validFrom`), which decides which of an anchor's lists is the newest.
    public var date: Date? { list?.validFrom }
}
