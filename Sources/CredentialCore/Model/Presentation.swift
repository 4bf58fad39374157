/// A read-only typed view over a W3C Verifiable Presentation 2.0 (or a wallet, which has the same
/// shape without a proof).
public struct Presentation: Sendable {
    /// One credential carried in the presentation, with where it sits.
    public struct Entry: Sendable {
        /// `/verifiableCredential/N` (or `/verifiableCredential` when the member is a single object).
        public let pointer: JSONPointer
        /// The credential as carried.
        public let value: JSONValue
    }

    /// The whole document, proof included.
    public let json: JSONValue
    /// The document's members.
    public let object: JSONObject

    /// Wraps a parsed document.
    /// - Throws: `invalidValue` when the document is not a JSON object.
    public init(_ json: JSONValue) throws(CredentialError) {
        guard case .object(let object) = json else {
            throw CredentialError(.invalidValue, "a presentation must be a JSON object, found \(json.typeName)", pointer: .root)
        }
        self.json = json
        self.object = object
    }

    /// The `type` values.
    public var types: [String] { Credential.strings(object["type"]) }

    /// The holder's identifier: `holder` as a string, or `holder.id`.
    public var holderID: String? { object["holder"]?.stringValue ?? object["holder"]?["id"]?.stringValue }

    /// The pointer of the holder's identifier, for messages.
    public var holderPointer: JSONPointer { object["holder"]?.objectValue != nil ? "/holder/id" : "/holder" }

    /// The presentation's only proof, when it has exactly one.
    public var proof: Proof? { Proof(of: object) }

    /// True when the document carries a `proof` member (well formed or not).
    public var hasProof: Bool { object["proof"] != nil }

    /// The member that carries status-list credentials next to the credentials they concern, in a
    /// wallet or a presentation (`statusListCredentials`, defined in the mcred context): kept apart
    /// from `verifiableCredential`, so a status list is never taken for a credential of the holder.
    public static let statusListsMember = "statusListCredentials"
    /// The most credentials one presentation or wallet may hold: `verify` checks no more in one
    /// file, and `wallet add` keeps no more. Each credential's report takes a few kilobytes, so a
    /// file of a million empty objects (3 MB) must not make gigabytes of reports.
    public static let maxCredentials = 10_000

    /// The status-list credentials the document carries (`statusListCredentials`), in order.
    public var statusLists: [JSONValue] {
        switch object[Self.statusListsMember] {
        case .array(let items)?: items
        case let item?: [item]
        case nil: []
        }
    }

    /// The first credential `id` that a later credential repeats (compared by bytes): its position
    /// and the repeating one's, or nil. One credential listed twice would be counted twice by
    /// whoever adds up what a presentation shows, and a wallet would act on whichever came first.
    public static func firstRepeatedID(_ ids: [String?]) -> (id: String, first: Int, second: Int)? {
        var seen: [ScalarKey: Int] = [:]
        for (position, id) in ids.enumerated() {
            guard let id else { continue }
            let key = ScalarKey(string: id)
            if let first = seen[key] { return (id, first, position) }
            seen[key] = position
        }
        return nil
    }

    /// The credentials in `verifiableCredential`, in document order (a single object counts as one).
    public var credentials: [Entry] {
        switch object["verifiableCredential"] {
        case .array(let items)?:
            return items.enumerated().map { index, item in
                Entry(pointer: JSONPointer(tokens: ["verifiableCredential", String(index)]), value: item)
            }
        case let item?:
            return [Entry(pointer: JSONPointer(tokens: ["verifiableCredential"]), value: item)]
        case nil:
            return []
        }
    }
}
