/// Scanning bytes eight at a time, as the parser, the canonical serialiser and the JSON Lines
/// reader do: a byte of interest sets the top bit of its lane in a flag word.
///
/// Subtracting 1 from each lane can borrow into the next lane, so a lane after a truly flagged one
/// may be flagged too; the lowest flag is always exact, which is all a scan for the first match needs.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `position` as a little-endian word (the first byte least significant);
    /// `position + 8` must be in range.
    @inline(__always)
    static func word(_ bytes: borrowing Span<UInt8>, at position: Int) -> UInt64 {
        let chunk = bytes.extracting(position ..< position &+ 8)
        var word: UInt64 = 0
        for offset in 0 ..< 8 { word |= UInt64(chunk[offset]) << (offset << 3) }
        return word
    }

    /// Flags the lanes of `word` that hold `byte`.
    @inline(__always)
    static func lanes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & high
    }

    /// Flags the lanes of `word` below 0x20 (the C0 controls).
    @inline(__always)
    static func controlLanes(of word: UInt64) -> UInt64 {
        (word &- ones &* 0x20) & ~word & high
    }

    /// Flags the lanes a JSON string cannot hold unescaped: controls, `"` and `\`.
    @inline(__always)
    static func escapeLanes(of word: UInt64) -> UInt64 {
        controlLanes(of: word) | lanes(of: word, equalTo: 0x22) | lanes(of: word, equalTo: 0x5C)
    }

    /// The lane of the lowest flag of a non-zero flag word.
    @inline(__always)
    static func firstLane(_ flags: UInt64) -> Int { flags.trailingZeroBitCount >> 3 }
}
