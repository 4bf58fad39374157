/// One component a stacked credential binds: a `relatedResource` entry with the component's `id`
/// and the `digestMultibase` of its canonical bytes (VC 2.0 §5.3; spec/credential.md §10.2).
public struct StackComponentReference: Sendable {
    /// The component credential's `id`.
    public let id: String
    /// The sha2-256 multihash of the component's RFC 8785 bytes, proof included, as multibase.
    public let digestMultibase: String
    /// Where the entry sits: `/relatedResource/N`.
    public let pointer: JSONPointer

    /// Creates a reference.
    public init(id: String, digestMultibase: String, pointer: JSONPointer) {
        self.id = id
        self.digestMultibase = digestMultibase
        self.pointer = pointer
    }

    /// Reads one `relatedResource` entry found at `pointer`.
    /// - Throws: `invalidValue` or `missingValue` naming the member when the entry is not an object
    ///   with a string `id` and a string `digestMultibase`.
    public init(_ entry: JSONValue, pointer: JSONPointer) throws(CredentialError) {
        guard case .object(let object) = entry else {
            throw CredentialError(.invalidValue, "must be an object with id and digestMultibase, found \(entry.shortDescription)", pointer: pointer)
        }
        for key in ["id", "digestMultibase"] {
            switch object[key] {
            case .string?: continue
            case nil: throw CredentialError(.missingValue, "missing: a stack component is bound by id and digestMultibase", pointer: pointer.appending(key))
            case let other?: throw CredentialError(.invalidValue, "must be a string, found \(other.shortDescription)", pointer: pointer.appending(key))
            }
        }
        self.init(
            id: object["id"]?.stringValue ?? "", digestMultibase: object["digestMultibase"]?.stringValue ?? "", pointer: pointer)
    }

    /// The entry as written into a stacked credential.
    public var jsonValue: JSONValue {
        .object(JSONObject([("id", .string(id)), ("digestMultibase", .string(digestMultibase))]))
    }
}
