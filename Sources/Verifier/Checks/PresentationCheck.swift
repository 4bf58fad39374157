public import CredentialCore
import Signing

extension CheckID {
    /// A presentation's own proof: signed by its holder, answering the verifier's challenge and domain.
    public static let presentation = CheckID(rawValue: "presentation")
}

/// `presentation` (file level): the presentation carries at least one credential, its
/// eddsa-jcs-2022 proof verifies, is made for `authentication` by the `holder`'s key, and answers
/// the verifier's `--challenge` and `--domain` (vc-data-integrity §4.3 Verify Proof, steps on
/// challenge and domain). Identifiers are compared by bytes.
///
/// A verifier that gives a challenge asks for a fresh presentation answering it: any other document
/// (a wallet, a bare credential, a list) fails this check, since it cannot answer one — a stolen
/// wallet or credential must not pass where a fresh presentation was asked for. A domain alone
/// (`mcred serve --domain`) says which presentations are for this verifier; it does not refuse a
/// credential checked on its own.
public struct PresentationCheck: DocumentCheck {
    public var id: CheckID { .presentation }

    /// Creates the check.
    public init() {}

    public func applies(to kind: DocumentKind, in context: VerificationContext) -> Bool {
        kind == .presentation || context.expectedChallenge != nil
    }

    static let vc2Context = "https://www.w3.org/ns/credentials/v2"

    public func evaluate(_ document: CheckedDocument, in context: VerificationContext) -> CheckOutcome {
        guard document.kind == .presentation else {
            return CheckOutcome(
                id, .fail, "a presentation signed by its holder for your challenge was asked for; this is \(document.kind.described), which cannot answer one",
                pointer: .root)
        }
        guard let presentation = document.presentation else {
            return CheckOutcome(id, .fail, "a presentation must be a JSON object")
        }
        // VC 2.0 §4.3: the first @context is the VC 2.0 context, for presentations as for credentials.
        let declared = presentation.object["@context"]
        guard (declared?.arrayValue?.first?.stringValue ?? declared?.stringValue).hasSameBytes(as: Self.vc2Context) else {
            return CheckOutcome(id, .fail, "the presentation's @context must begin with \(Self.vc2Context) (VC 2.0 §4.3)", pointer: "/@context")
        }
        guard !document.items.isEmpty else {
            return CheckOutcome(id, .fail, "the presentation holds no credential", pointer: "/verifiableCredential")
        }
        let credentials = document.credentials
        if let repeated = Presentation.firstRepeatedID(credentials.map(\.credential.id)) {
            return CheckOutcome(
                id, .fail, "the presentation lists more than one credential with the id \(repeated.id)",
                pointer: credentials[repeated.second].pointer.appending("id"))
        }
        let key: String
        let proof: Proof
        switch document.proof {
        case .absent:
            if context.expectedChallenge != nil || context.expectedDomain != nil {
                return CheckOutcome(
                    id, .fail, "the presentation has no proof: the holder did not sign it, so it cannot answer the challenge",
                    pointer: "/proof")
            }
            return CheckOutcome(id, .warn, "the presentation has no proof: nothing binds it to a holder", pointer: "/proof")
        case .failed(let failure):
            return CheckOutcome(id, .fail, "presentation proof: " + failure.message, pointer: failure.pointer)
        case .couldNotVerify(let error):
            return CheckOutcome(id, .unknown, "could not verify: \(error.message)", pointer: "/proof")
        case .verified(let signer, let verified):
            key = signer.did
            proof = verified
        }
        if proof.hasExpired(at: context.checkingTime) {
            return CheckOutcome(id, .fail, "the presentation's proof expired at \(proof.expires ?? "")", pointer: proof.pointer(to: "expires"))
        }
        guard proof.purpose == .authentication else {
            return CheckOutcome(
                id, .fail, "the presentation's proofPurpose must be \"authentication\"", pointer: proof.pointer(to: "proofPurpose"))
        }
        guard let holder = presentation.holderID else {
            return CheckOutcome(id, .fail, "the presentation names no holder", pointer: "/holder")
        }
        guard holder.hasSameBytes(as: key) else {
            return CheckOutcome(
                id, .fail, "the presentation is signed by \(key), not by its holder \(holder)",
                pointer: proof.pointer(to: "verificationMethod"))
        }
        var notes: [String] = []
        for (field, expected) in [("challenge", context.expectedChallenge), ("domain", context.expectedDomain)] {
            // vc-data-integrity §2.1: `challenge` is a string; `domain` a string or a set of strings.
            let value = proof.object[field]
            let found: [String]? = switch value {
            case .string(let text)?: [text]
            case .array(let items)? where field == "domain" && !items.isEmpty && items.allSatisfy({ $0.stringValue != nil }):
                items.compactMap(\.stringValue)
            default: nil
            }
            let shown = found.map { $0.map { "\"\($0)\"" }.joined(separator: ", ") }
                ?? value.map { "\(["array", "object"].contains($0.typeName) ? "an" : "a") \($0.typeName) (not \(field == "domain" ? "a string or strings" : "a string"))" }
                ?? "none"
            if let expected {
                guard let found, found.contains(where: { $0.hasSameBytes(as: expected) }) else {
                    return CheckOutcome(
                        id, .fail, "the proof's \(field) is \(shown), expected \"\(expected)\"", pointer: proof.pointer(to: field))
                }
            } else if value != nil {
                notes.append("\(field) \(shown) not compared (give --\(field))")
            } else {
                notes.append("no \(field) (a replayed presentation cannot be told apart)")
            }
        }
        guard notes.isEmpty else {
            return CheckOutcome(id, .warn, "signed by its holder \(holder); " + notes.joined(separator: "; "))
        }
        return CheckOutcome(id, .pass, "signed by its holder \(holder), challenge and domain match")
    }
}
