/// A Data Integrity proof's `proofPurpose` (vc-data-integrity §2.1, "Proof Purposes").
public enum ProofPurpose: Sendable, Equatable, CustomStringConvertible {
    /// A credential's proof: the issuer asserts its content.
    case assertionMethod
    /// A presentation's proof: the holder authenticates to a verifier.
    case authentication
    /// Any other value, as written.
    case other(String)

    /// Reads a `proofPurpose` value, comparing by bytes.
    public init(_ text: String) {
        if text.hasSameBytes(as: "assertionMethod") {
            self = .assertionMethod
        } else if text.hasSameBytes(as: "authentication") {
            self = .authentication
        } else {
            self = .other(text)
        }
    }

    /// The value as written in a proof.
    public var rawValue: String {
        switch self {
        case .assertionMethod: "assertionMethod"
        case .authentication: "authentication"
        case .other(let text): text
        }
    }

    public var description: String { rawValue }

    public static func == (lhs: ProofPurpose, rhs: ProofPurpose) -> Bool { lhs.rawValue.hasSameBytes(as: rhs.rawValue) }
}
