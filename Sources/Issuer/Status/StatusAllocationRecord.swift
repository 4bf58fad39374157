public import CredentialCore

/// The issuer-side record of the indices of one status list already handed out (`LIST.json.alloc`).
///
/// It is never sent to verifiers. The indices are kept as a bitstring in the same encoding as
/// `encodedList`, so the record stays small for any list size (spec/status.md).
public struct StatusAllocationRecord: Sendable, Equatable {
    /// The record's `type`.
    public static let type = "McredStatusAllocation"

    /// The list's URL, which the record belongs to.
    public var statusListCredential: String
    /// One bit per index of the list: 1 once the index was handed out.
    public var allocated: BitstringStatusList

    /// An empty record for a list.
    public init(statusListCredential: String, count: Int) throws(CredentialError) {
        self.statusListCredential = statusListCredential
        self.allocated = try BitstringStatusList(count: count)
    }

    /// Reads a record file's JSON.
    /// - Throws: `invalidValue` when it is not a record.
    public init(_ json: JSONValue) throws(CredentialError) {
        guard Credential.includes(json["type"], Self.type),
              case .string(let list)? = json["statusListCredential"],
              case .string(let encoded)? = json["allocated"] else {
            throw CredentialError(.invalidValue, "not an mcred status allocation record", pointer: .root)
        }
        statusListCredential = list
        allocated = try BitstringStatusList(encodedList: encoded)
        if let length = json["length"]?.intValue, length != allocated.count {
            throw CredentialError(.invalidValue, "the record's length \(length) does not match its bits", pointer: "/length")
        }
    }

    /// The record as JSON.
    /// - Throws: `compressionFailed`.
    public func jsonValue() throws(CredentialError) -> JSONValue {
        [
            "type": .string(Self.type),
            "statusListCredential": .string(statusListCredential),
            "length": .number(Double(allocated.count)),
            "count": .number(Double(allocated.setCount)),
            "allocated": .string(try allocated.encodedList()),
        ]
    }
}
