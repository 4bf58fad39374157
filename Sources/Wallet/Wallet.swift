public import CredentialCore
public import Signing

/// A learner's wallet: every credential the learner holds, in one JSON document they own
/// (`spec/wallet.md`).
///
/// The document is shaped like a Verifiable Presentation without a proof: `type`
/// `["VerifiablePresentation","LearnerWallet"]`, the learner's did:key as `holder`, the credentials
/// as issued in `verifiableCredential`, and the status lists seen in `statusListCredentials`.
public struct Wallet: Sendable {
    /// The `@context` a wallet is written with (the mcred context defines `LearnerWallet` and
    /// `statusListCredentials`).
    public static let context: [String] = [Credential.baseContext, "https://w3id.org/mcred/v1"]

    /// The learner's did:key.
    public var holder: String
    /// The credentials, as issued (byte-for-byte the same JSON values), in the order added.
    public var credentials: [JSONValue]
    /// Status-list credentials seen, at most one (the newest) per list id.
    public var statusLists: [JSONValue]
    /// What the file holds beyond the members mcred manages (written by another tool, or by
    /// hand): kept as read, after them. `type` entries other than the two are kept too.
    var otherMembers = JSONObject()
    var otherTypes: [JSONValue] = []
    var otherContexts: [JSONValue] = []

    /// The members mcred writes and manages.
    static let managedMembers: Set<String> = ["@context", "type", "holder", "verifiableCredential", Presentation.statusListsMember]

    /// An empty wallet for `holder`.
    public init(holder: DIDKey) {
        self.holder = holder.did
        self.credentials = []
        self.statusLists = []
    }

    /// Reads a wallet document.
    /// - Throws: `invalidWallet` when the document is not a wallet, naming the member.
    public init(_ document: JSONValue, file: String? = nil) throws(WalletError) {
        guard DocumentKind.detect(document) == .wallet, let view = try? Presentation(document) else {
            throw WalletError(
                .invalidWallet, "not a wallet: /type must include \"VerifiablePresentation\" and \"LearnerWallet\"", file: file)
        }
        guard let holder = view.object["holder"]?.stringValue else {
            throw WalletError(.invalidWallet, "/holder: a wallet names its holder's did:key as a string", file: file)
        }
        guard (try? DIDKey(parsing: holder)) != nil else {
            throw WalletError(.invalidWallet, "/holder: \(holder) is not an Ed25519 did:key", file: file)
        }
        if let credentials = view.object["verifiableCredential"], credentials.arrayValue == nil {
            throw WalletError(.invalidWallet, "/verifiableCredential: must be an array", file: file)
        }
        if let lists = view.object[Presentation.statusListsMember], lists.arrayValue == nil {
            throw WalletError(.invalidWallet, "/\(Presentation.statusListsMember): must be an array", file: file)
        }
        // Two credentials under one id (a hand edit, a merge) would make remove, show and present
        // act on whichever comes first: the wallet is refused until one of them is taken out.
        let entries = view.credentials
        if let repeated = Presentation.firstRepeatedID(entries.map { $0.value["id"]?.stringValue }) {
            throw WalletError(
                .invalidWallet, "\(entries[repeated.second].pointer.appending("id")): \(repeated.id) is also the id of \(entries[repeated.first].pointer); a wallet holds one credential per id (remove one copy from the file)",
                file: file)
        }
        self.holder = holder
        self.credentials = view.credentials.map(\.value)
        self.statusLists = view.statusLists
        for member in view.object where !Self.managedMembers.contains(member.key) {
            otherMembers[member.key] = member.value
        }
        otherContexts = (view.object["@context"]?.arrayValue ?? []).filter { context in
            !Self.context.contains { context.stringValue.hasSameBytes(as: $0) }
        }
        otherTypes = (view.object["type"]?.arrayValue ?? []).filter { type in
            !["VerifiablePresentation", "LearnerWallet"].contains { type.stringValue.hasSameBytes(as: $0) }
        }
    }

    /// Parses a wallet file's bytes.
    /// - Throws: `invalidWallet` for bad JSON (with position) or a document that is not a wallet.
    public init(parsing bytes: [UInt8], file: String) throws(WalletError) {
        let document: JSONValue
        do throws(CredentialError) {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw WalletError(.invalidWallet, error.inFile(file).description)
        }
        try self.init(document, file: file)
    }

    /// The wallet document.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["@context"] = .array(Self.context.map(JSONValue.string) + otherContexts)
        object["type"] = .array(["VerifiablePresentation", "LearnerWallet"] + otherTypes)
        object["holder"] = .string(holder)
        object["verifiableCredential"] = .array(credentials)
        if !statusLists.isEmpty { object[Presentation.statusListsMember] = .array(statusLists) }
        for member in otherMembers { object[member.key] = member.value }
        return .object(object)
    }

    /// The index of the credential whose `id` is `id` (compared by bytes).
    public func index(of id: String) -> Int? {
        credentials.firstIndex { $0["id"]?.stringValue.hasSameBytes(as: id) ?? false }
    }

    /// The credential whose `id` is `id`.
    /// - Throws: `notFound`.
    public func credential(withID id: String) throws(WalletError) -> JSONValue {
        guard let index = index(of: id) else {
            throw WalletError(.notFound, "no credential with id \(id) in the wallet")
        }
        return credentials[index]
    }

    /// Removes the credential whose `id` is `id`, and status lists no credential needs any more.
    /// - Throws: `notFound`.
    public mutating func remove(id: String) throws(WalletError) {
        guard let index = index(of: id) else {
            throw WalletError(.notFound, "no credential with id \(id) in the wallet")
        }
        credentials.remove(at: index)
        let needed = Set(credentials.flatMap(Self.statusListIDs).map(Array.init))
        statusLists.removeAll { list in
            guard let id = list["id"]?.stringValue else { return true }
            return !needed.contains(Array(id.utf8))
        }
    }

    /// The `statusListCredential` URLs a credential's `credentialStatus` entries name.
    static func statusListIDs(of credential: JSONValue) -> [String.UTF8View] {
        let status = credential["credentialStatus"]
        let entries = status?.arrayValue ?? (status.map { [$0] } ?? [])
        return entries.compactMap { $0["statusListCredential"]?.stringValue?.utf8 }
    }
}
