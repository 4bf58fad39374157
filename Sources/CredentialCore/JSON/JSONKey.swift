/// Key and string comparisons by Unicode scalars (UTF-8 bytes), never by canonical equivalence.
enum JSONKey {
    /// Whether two strings have the same scalars.
    ///
    /// Compares the contiguous UTF-8 storage byte by byte: `elementsEqual` on the views walks
    /// them through the generic iterator, which made key lookups a tenth of a verification.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        equal(a.utf8.span, b.utf8.span)
    }

    /// Whether two byte spans hold the same bytes.
    @inline(__always)
    static func equal(_ left: borrowing Span<UInt8>, _ right: borrowing Span<UInt8>) -> Bool {
        let count = left.count
        guard count == right.count else { return false }
        var index = 0
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }

    /// Hashes the scalars of a string (its UTF-8 bytes), unlike `String.hash(into:)`: eight bytes
    /// at a time as little-endian words, then the last partial word (0 when there is none) and the
    /// length. Words read from the contiguous storage: iterating the UTF-8 view byte by byte made
    /// hashing a 100-byte verification method cost as much as a dictionary lookup should in all.
    static func hash(_ string: String, into hasher: inout Hasher) {
        let bytes = string.utf8.span
        let count = bytes.count
        var position = 0
        while position &+ 8 <= count {
            hasher.combine(ByteWords.word(bytes, at: position))
            position &+= 8
        }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while position < count {
            word |= UInt64(bytes[position]) << shift
            shift &+= 8
            position &+= 1
        }
        hasher.combine(word)
        hasher.combine(count)
    }

    /// Whether `a` sorts before `b` by UTF-16 code units (RFC 8785 §3.2.3).
    ///
    /// UTF-8 byte order is code point order, which agrees with UTF-16 order except when a
    /// supplementary-plane character (UTF-8 lead byte F0–F4, UTF-16 surrogates D800–DBFF) meets
    /// one in U+E000–U+FFFF (lead byte EE or EF). The first differing bytes of two valid UTF-8
    /// strings are both lead bytes or both continuation bytes of same-length sequences, so only
    /// that one case needs fixing.
    static func precedesInUTF16Order(_ a: String, _ b: String) -> Bool {
        let left = a.utf8.span, right = b.utf8.span
        let count = min(left.count, right.count)
        var index = 0
        while index < count {
            let x = left[index], y = right[index]
            if x != y {
                if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                return x < y
            }
            index += 1
        }
        return left.count < right.count
    }
}

/// A `String` that hashes and compares by its UTF-8 bytes, for sets and dictionary keys where
/// canonically equivalent strings must stay apart (member names, identifiers).
public struct ScalarKey: Hashable, Sendable {
    /// The string.
    public let string: String
    /// Wraps `string`.
    public init(string: String) { self.string = string }
    public static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool { JSONKey.equal(lhs.string, rhs.string) }
    public func hash(into hasher: inout Hasher) { JSONKey.hash(string, into: &hasher) }
}
