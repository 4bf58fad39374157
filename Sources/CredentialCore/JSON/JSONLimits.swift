/// Bounds on untrusted JSON input (DESIGN.md §9).
public struct JSONLimits: Sendable, Hashable {
    /// The largest accepted input, in bytes (default 64 MiB).
    public var maxBytes: Int
    /// The deepest accepted nesting of arrays and objects (default 128; the top-level container is depth 1).
    public var maxDepth: Int
    /// The longest accepted string or key, in UTF-8 bytes after unescaping (default 1 MiB).
    public var maxStringBytes: Int
    /// The most JSON values (scalars, arrays and objects) in one document (default 2,097,152).
    ///
    /// Each parsed value costs about 24 bytes however short its text, so a document of one-byte
    /// values such as `[1,1,1,…]` would otherwise take about 15 times its size in memory. Two
    /// million values hold a wallet or presentation of more than 10,000 credentials; a batch
    /// applies the limits to each line.
    public var maxValues: Int

    /// The defaults of DESIGN.md §9: 64 MiB, depth 128, strings of 1 MiB, 2,097,152 values.
    public static let `default` = JSONLimits()

    /// Creates limits; each defaults to the DESIGN.md §9 value.
    public init(
        maxBytes: Int = 64 * 1024 * 1024, maxDepth: Int = 128, maxStringBytes: Int = 1024 * 1024,
        maxValues: Int = 2_097_152
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxValues = maxValues
    }
}
