/// A read-only typed view over a W3C Verifiable Credential 2.0 held as JSON.
///
/// The view keeps the parsed `JSONValue` it was made from, so what is verified is exactly what was
/// read; accessors return nil for absent or ill-typed fields (the validators report those).
public struct Credential: Sendable {
    /// The VC 2.0 base context, which must come first in `@context`.
    public static let baseContext = "https://www.w3.org/ns/credentials/v2"

    /// The whole document, proof included.
    public let json: JSONValue
    /// The document's members.
    public let object: JSONObject

    /// Wraps a parsed document.
    /// - Throws: `invalidValue` when the document is not a JSON object.
    public init(_ json: JSONValue) throws(CredentialError) {
        guard case .object(let object) = json else {
            throw CredentialError(.invalidValue, "a credential must be a JSON object, found \(json.typeName)", pointer: .root)
        }
        self.json = json
        self.object = object
    }

    /// The credential's `id`, when it is a string.
    public var id: String? { object["id"]?.stringValue }

    /// The `type` values (a single string counts as a one-item list).
    public var types: [String] { Self.strings(object["type"]) }

    /// The issuer's identifier: `issuer` as a string, or `issuer.id`.
    public var issuerID: String? { Self.issuerID(of: json) }

    /// The issuer's id of any credential-shaped value (`issuer` or `issuer.id`), without building a `Credential`.
    public static func issuerID(of document: JSONValue) -> String? {
        document["issuer"]?.stringValue ?? document["issuer"]?["id"]?.stringValue
    }

    /// The issuer's display name, when given as `issuer.name`.
    public var issuerName: String? { object["issuer"]?["name"]?.stringValue }

    /// The first credential subject.
    public var subject: JSONValue? {
        if case .array(let subjects)? = object["credentialSubject"] { return subjects.first }
        return object["credentialSubject"]
    }

    /// The subject's `id` (for a micro-credential, the learner's did:key).
    public var subjectID: String? { subject?["id"]?.stringValue }

    /// The achievement the credential attests (Open Badges 3.0 `credentialSubject.achievement`).
    public var achievement: JSONValue? { subject?["achievement"] }

    /// The title: the achievement's name, else the credential's `name`.
    public var title: String? { achievement?["name"]?.stringValue ?? object["name"]?.stringValue }

    /// `validFrom` as written.
    public var validFrom: String? { object["validFrom"]?.stringValue }

    /// `validUntil` as written.
    public var validUntil: String? { object["validUntil"]?.stringValue }

    /// The achievement's `achievementType` (Open Badges 3.0), when it is a string.
    public var achievementType: String? { achievement?["achievementType"]?.stringValue }

    /// True when the achievement declares itself an EU micro-credential (compared as UTF-8 bytes).
    public var isMicroCredential: Bool {
        guard let achievementType else { return false }
        return JSONKey.equal(achievementType, MicroCredentialProfile.achievementType)
    }

    /// True when the document carries a `proof` member.
    public var hasProof: Bool { object["proof"] != nil }

    /// The credential's only proof, when it has exactly one.
    public var proof: Proof? { Proof(of: object) }

    /// The pointer of the issuer's identifier, for messages (`/issuer/id` or `/issuer`).
    public var issuerPointer: JSONPointer { object["issuer"]?.objectValue != nil ? "/issuer/id" : "/issuer" }

    /// True when `value` is `text`, or an array with `text` among its items (as `type` is read);
    /// compared by bytes.
    public static func includes(_ value: JSONValue?, _ text: String) -> Bool {
        switch value {
        case .string(let item)?: return item.hasSameBytes(as: text)
        case .array(let items)?: return items.contains { $0.stringValue.hasSameBytes(as: text) }
        default: return false
        }
    }

    /// The strings of a value that may be a string or an array of strings (as `type` is).
    public static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let text)?: return [text]
        case .array(let items)?: return items.compactMap(\.stringValue)
        default: return []
        }
    }
}
