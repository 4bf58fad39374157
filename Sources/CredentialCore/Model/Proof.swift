public import Foundation

/// A read-only typed view over one Data Integrity proof object (vc-data-integrity §2.1).
///
/// Accessors return nil for absent or ill-typed members; the cryptosuite reports those.
public struct Proof: Sendable {
    /// The proof's members.
    public let object: JSONObject
    /// Where the proof sits in its document (`/proof` or `/proof/0`).
    public let pointer: JSONPointer

    /// Wraps a proof object found at `pointer`.
    public init(_ object: JSONObject, pointer: JSONPointer = "/proof") {
        self.object = object
        self.pointer = pointer
    }

    /// The document's only proof: `proof` as an object, or a one-item `proof` array; nil otherwise.
    public init?(of document: JSONObject) {
        switch document["proof"] {
        case .object(let proof)?:
            self.init(proof, pointer: JSONPointer(tokens: ["proof"]))
        case .array(let proofs)? where proofs.count == 1:
            guard case .object(let proof) = proofs[0] else { return nil }
            self.init(proof, pointer: JSONPointer(tokens: ["proof", "0"]))
        default:
            return nil
        }
    }

    /// `type` (`DataIntegrityProof`).
    public var type: String? { object["type"]?.stringValue }
    /// `cryptosuite` (`eddsa-jcs-2022`).
    public var cryptosuite: String? { object["cryptosuite"]?.stringValue }
    /// `proofPurpose`, when it is a string.
    public var purpose: ProofPurpose? { object["proofPurpose"]?.stringValue.map(ProofPurpose.init) }
    /// `verificationMethod` (for mcred, `did:key:z6Mk…#z6Mk…`).
    public var verificationMethod: String? { object["verificationMethod"]?.stringValue }
    /// `created` as written.
    public var created: String? { object["created"]?.stringValue }
    /// `expires` as written: after it, the signer no longer stands behind the proof.
    public var expires: String? { object["expires"]?.stringValue }

    /// True when `expires` names an instant before `time`.
    public func hasExpired(at time: Date) -> Bool {
        guard let expires, let end = XSDDateTime.parse(expires) else { return false }
        return end < time
    }
    /// A presentation proof's `challenge`.
    public var challenge: String? { object["challenge"]?.stringValue }
    /// A presentation proof's `domain`.
    public var domain: String? { object["domain"]?.stringValue }

    /// The pointer of one member of this proof.
    public func pointer(to member: String) -> JSONPointer { pointer.appending(member) }
}
