extension StringProtocol {
    /// True when both strings hold the same UTF-8 bytes.
    ///
    /// Identifiers (DIDs, credential ids, holder, challenge, domain) are compared this way and never
    /// with `==`, which equates canonically equivalent strings: a `did:key` that writes one `K` as
    /// U+212A KELVIN SIGN is `==` to the real one, but it is not the same identifier.
    public func hasSameBytes(as other: some StringProtocol) -> Bool {
        // Two `String`s (the common case, resolved when the generic code is specialised) compare
        // their contiguous storage; `elementsEqual` walks the views through the generic iterator.
        if let left = self as? String, let right = other as? String { return JSONKey.equal(left, right) }
        let left = utf8, right = other.utf8
        return left.count == right.count && left.elementsEqual(right)
    }
}

extension String {
    /// True when both strings hold the same UTF-8 bytes (see `StringProtocol.hasSameBytes(as:)`),
    /// compared over their contiguous storage.
    public func hasSameBytes(as other: String) -> Bool { JSONKey.equal(self, other) }
}

extension Optional where Wrapped: StringProtocol {
    /// True when both are present and hold the same UTF-8 bytes (see `StringProtocol.hasSameBytes(as:)`).
    public func hasSameBytes(as other: some StringProtocol) -> Bool {
        switch self {
        case .some(let value): value.hasSameBytes(as: other)
        case .none: false
        }
    }
}
