/// What kind of document a file holds, as `mcred verify` tells them apart.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// A single credential.
    case credential
    /// A presentation embedding credentials, signed by its holder.
    case presentation
    /// A learner's wallet: presentation-shaped, `LearnerWallet`, without a proof.
    case wallet
    /// A `BitstringStatusListCredential`.
    case statusList = "status-list"
    /// An `IssuerTrustList` credential.
    case trustList = "trust-list"
    /// A JSON Lines file, one credential per line (`verify --batch`).
    case credentialLines = "credential-lines"

    /// The kind in words, with its article: "a wallet", "a credential".
    public var described: String {
        switch self {
        case .credential: "a credential"
        case .presentation: "a presentation"
        case .wallet: "a wallet (unsigned)"
        case .statusList: "a status list"
        case .trustList: "a trust list"
        case .credentialLines: "a JSON Lines file of credentials"
        }
    }

    /// Detects the kind of a parsed document from its `type`; nil when it is not a JSON object.
    ///
    /// Types are compared by bytes. Anything that is an object and none of the others is read
    /// as a credential, so that its checks say what is wrong with it. A presentation typed
    /// `LearnerWallet` is a wallet only without a `proof`: a signed one is a presentation, whose
    /// proof is checked (adding the type to a recorded presentation must not get it read as an
    /// unsigned wallet).
    public static func detect(_ document: JSONValue) -> DocumentKind? {
        guard case .object(let object) = document else { return nil }
        let types = Credential.strings(object["type"])
        func has(_ type: String) -> Bool { types.contains { $0.hasSameBytes(as: type) } }
        if has("VerifiablePresentation") { return has("LearnerWallet") && object["proof"] == nil ? .wallet : .presentation }
        if has("BitstringStatusListCredential") { return .statusList }
        if has("IssuerTrustList") { return .trustList }
        return .credential
    }
}
