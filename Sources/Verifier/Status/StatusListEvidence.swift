public import CredentialCore
public import Foundation
public import Signing

/// A status list at hand (given with `--status` or carried in the file), decoded and its proof
/// verified once per run, whatever the number of credentials it concerns.
public struct StatusListEvidence: Sendable {
    /// Where the list came from, for messages (a file name, or a pointer in the carrying file).
    public let source: String
    /// The decoded list, when the document is a readable status list.
    public let list: StatusListCredential?
    /// The list's `id` (also for a list that could not be decoded, when it has one).
    public let id: String?
    /// The key whose eddsa-jcs-2022 proof verified, for `assertionMethod`.
    public let signer: String?
    /// When the list was signed: `proof.created`, else nil.
    public let signedAt: Date?
    /// Why the list is no evidence at all (not decodable, unsigned, bad signature), or nil.
    public let problem: String?

    /// Decodes and verifies one status list credential.
    public init(
        _ document: JSONValue, source: String, byteLimit: Int = BitstringStatusList.defaultByteLimit,
        verifier: EddsaJcs2022.Verifier = EddsaJcs2022.Verifier(cacheCapacity: 0)
    ) {
        self.source = source
        self.id = document["id"]?.stringValue
        let list: StatusListCredential
        do {
            list = try StatusListCredential(document, byteLimit: byteLimit)
        } catch {
            self.list = nil
            self.signer = nil
            self.signedAt = nil
            self.problem = "not a valid status list: \(error.description)"
            return
        }
        self.list = list
        switch ListProof.check(document, expectedSigner: list.issuerID, role: "issuer", verifier: verifier) {
        case .failure(let problem):
            self.signer = nil
            self.signedAt = nil
            self.problem = problem.message
        case .success(let verified):
            self.signer = verified.signer
            self.signedAt = verified.proof["created"]?.stringValue.flatMap(XSDDateTime.parse)
            self.problem = nil
        }
    }

    /// A list left undecoded, with the reason.
    public init(notDecoded document: JSONValue, source: String, problem: String) {
        self.source = source
        self.id = document["id"]?.stringValue
        self.list = nil
        self.signer = nil
        self.signedAt = nil
        self.problem = problem
    }

    /// The list's date, which decides which of several lists is the newest: `validFrom`, else the
    /// proof's `created`.
    public var date: Date? { list?.validFrom ?? signedAt }

    /// The date as written, for messages.
    public var dateText: String {
        if let text = list?.validFromText { return text }
        return signedAt.map(XSDDateTime.format) ?? "(undated)"
    }
}
