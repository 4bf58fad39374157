/// A `credentialStatus` entry of type `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §2.1).
public struct StatusListEntry: Sendable, Hashable {
    /// The entry type, `BitstringStatusListEntry`.
    public static let type = "BitstringStatusListEntry"

    /// The entry's own `id` (a URL that is not the list's URL), when present.
    public var id: String?
    /// `revocation`, `suspension` or another purpose the list declares.
    public var statusPurpose: String
    /// The position of the credential's bit in the list.
    public var statusListIndex: Int
    /// The URL (`id`) of the `BitstringStatusListCredential` that holds the bit.
    public var statusListCredential: String

    /// Creates an entry; `id` defaults to the list URL + `#` + index, as the W3C examples write it.
    public init(statusPurpose: String, statusListIndex: Int, statusListCredential: String, id: String? = nil) {
        self.id = id ?? "\(statusListCredential)#\(statusListIndex)"
        self.statusPurpose = statusPurpose
        self.statusListIndex = statusListIndex
        self.statusListCredential = statusListCredential
    }

    /// Reads one entry object; `pointer` says where it sits, for errors (built only for one).
    /// - Throws: `invalidValue` for another type, a `statusListIndex` that is not a string of
    ///   base-10 digits (§2.1), a missing purpose or list URL, or a `statusSize` other than 1.
    public init(_ json: JSONValue, pointer: @autoclosure () -> JSONPointer = "/credentialStatus") throws(CredentialError) {
        guard case .object(let object) = json else {
            throw CredentialError(.invalidValue, "a status entry must be an object, found \(json.typeName)", pointer: pointer())
        }
        guard Credential.includes(object["type"], Self.type) else {
            let found = Credential.strings(object["type"]).joined(separator: ", ")
            throw CredentialError(
                .invalidValue, "unsupported status type \(found.isEmpty ? "(none)" : found); mcred reads \(Self.type)",
                pointer: pointer().appending("type"))
        }
        guard case .string(let purpose)? = object["statusPurpose"], !purpose.isEmpty else {
            throw CredentialError(.invalidValue, "statusPurpose must be a string", pointer: pointer().appending("statusPurpose"))
        }
        guard case .string(let indexText)? = object["statusListIndex"], let index = Self.parseIndex(indexText) else {
            throw CredentialError(
                .invalidValue, "statusListIndex must be a string of base-10 digits such as \"94567\"",
                pointer: pointer().appending("statusListIndex"))
        }
        guard case .string(let list)? = object["statusListCredential"], !list.isEmpty else {
            throw CredentialError(
                .invalidValue, "statusListCredential must be the URL of the status list",
                pointer: pointer().appending("statusListCredential"))
        }
        if let size = object["statusSize"], size.intValue != 1 {
            throw CredentialError(
                .invalidValue, "statusSize \(size.canonicalString) is not supported; mcred reads one bit per entry",
                pointer: pointer().appending("statusSize"))
        }
        self.id = object["id"]?.stringValue
        self.statusPurpose = purpose
        self.statusListIndex = index
        self.statusListCredential = list
    }

    /// The entry as JSON, with `statusListIndex` as a string of digits (§2.1).
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let id { object["id"] = .string(id) }
        object["type"] = .string(Self.type)
        object["statusPurpose"] = .string(statusPurpose)
        object["statusListIndex"] = .string(String(statusListIndex))
        object["statusListCredential"] = .string(statusListCredential)
        return .object(object)
    }

    /// Every entry of a credential's `credentialStatus` (an object or an array), each read on its
    /// own so that one unsupported entry does not hide the others; empty without `credentialStatus`.
    public static func entries(in credential: Credential) -> [Result<StatusListEntry, CredentialError>] {
        switch credential.object["credentialStatus"] {
        case nil:
            return []
        case .array(let items)?:
            return items.enumerated().map { position, item in
                Result { () throws(CredentialError) in
                    try StatusListEntry(item, pointer: JSONPointer(tokens: ["credentialStatus", String(position)]))
                }
            }
        case let item?:
            return [Result { () throws(CredentialError) in try StatusListEntry(item) }]
        }
    }

    /// Digits only, no sign, at most 18 of them (any index of a list mcred can hold).
    static func parseIndex(_ text: String) -> Int? {
        let digits = text.utf8
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
