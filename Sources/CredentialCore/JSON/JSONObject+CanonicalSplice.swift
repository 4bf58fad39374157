/// An object's RFC 8785 canonical form held as the members that sort before one key and those
/// after it, so the object can be written with and without that key from one serialisation.
///
/// Signing needs the canonical form of a document without its `proof` (to hash it) and then the
/// canonical form with the proof (to write it); splicing the proof in saves a second pass.
public struct CanonicalSplice: Sendable {
    /// The key the members are split around.
    public let key: String
    /// The canonical members (`"k":v` joined by commas) whose keys sort before `key`.
    public let before: [UInt8]
    /// The canonical members whose keys sort after `key`.
    public let after: [UInt8]

    /// Splits `object`'s canonical members around `key`; a member named `key` is left out.
    /// - Throws: `invalidValue` (with its pointer) when a value holds a non-finite number.
    public init(_ object: JSONObject, around key: String) throws(CredentialError) {
        self.key = key
        // RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names.
        let members = object.members.span
        var before: [UInt8] = []
        var after: [UInt8] = []
        before.reserveCapacity(4096)
        after.reserveCapacity(256)
        for position in CanonicalWriter.sortedOrder(object.members) {
            let name = members[position].key
            if JSONKey.equal(name, key) { continue }
            if JSONKey.precedesInUTF16Order(name, key) {
                try Self.append(name, members[position].value, to: &before)
            } else {
                try Self.append(name, members[position].value, to: &after)
            }
        }
        self.before = before
        self.after = after
    }

    /// Appends `"key":value`; a NaN or an infinity in the value throws, with its pointer under `key`.
    private static func append(_ key: String, _ value: JSONValue, to buffer: inout [UInt8]) throws(CredentialError) {
        if !buffer.isEmpty { buffer.append(UInt8(ascii: ",")) }
        CanonicalWriter.writeString(key, into: &buffer, then: UInt8(ascii: ":"))
        do {
            try CanonicalWriter.writeChecked(value, into: &buffer)
        } catch {
            // The value's pointer, placed under the member it belongs to.
            throw CredentialError(error.code, error.message, pointer: JSONPointer(tokens: [key] + (error.pointer?.tokens ?? [])))
        }
    }

    /// The canonical form of the object without `key`.
    public var withoutKey: [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(before.count + after.count + 3)
        bytes.append(contentsOf: before)
        if !before.isEmpty && !after.isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: after)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// The canonical form of the object with `key` set to a value whose canonical bytes are `value`.
    public func with(canonicalValue value: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        // Room for the line break a batch adds.
        bytes.reserveCapacity(before.count + after.count + value.count + key.utf8.count + 16)
        bytes.append(contentsOf: before)
        if !before.isEmpty { bytes.append(UInt8(ascii: ",")) }
        JSONValue.string(key).writeCanonical(into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: value)
        if !after.isEmpty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: after)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
