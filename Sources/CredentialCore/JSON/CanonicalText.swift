/// The text of a JSON object that is already in RFC 8785 canonical form, with where each of its
/// members sits, from `JSONValue.parsingNotingCanonicalForm(_:limits:)`.
///
/// Removing a member from a canonical object leaves a canonical object, so the canonical form of
/// a signed document without its `proof` is the text with that member cut out.
public struct CanonicalText: Sendable {
    /// The text: `{`, the members joined by commas, `}`.
    public let bytes: [UInt8]
    /// The byte range of each member (`"name":value`), in member order.
    public let memberRanges: [Range<Int>]

    /// Wraps a canonical object's text and its member ranges (the parser found both).
    init(bytes: [UInt8], memberRanges: [Range<Int>]) {
        self.bytes = bytes
        self.memberRanges = memberRanges
    }

    /// The canonical form of the object without its member at `position` (with the comma that
    /// joined it to a neighbour).
    public func removingMember(at position: Int) -> [UInt8] {
        let range = memberRanges[position]
        if memberRanges.count == 1 { return [UInt8(ascii: "{"), UInt8(ascii: "}")] }
        // The member's own range, widened over the comma after it, or before it for the last one.
        let cut = position + 1 < memberRanges.count ? range.lowerBound ..< range.upperBound + 1 : range.lowerBound - 1 ..< range.upperBound
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - cut.count)
        result.append(contentsOf: bytes[..<cut.lowerBound])
        result.append(contentsOf: bytes[cut.upperBound...])
        return result
    }
}
