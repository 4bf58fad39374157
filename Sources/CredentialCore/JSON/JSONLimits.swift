/// Bounds on untrusted JSON input (DESIGN.md §9).
public struct JSONLimits: Sendable, Hashable {
    /// The largest accepted input, in bytes (default 64 MiB).
    public var maxBytes: Int
    /// The deepest accepted nesting of arrays and objects (default 128; the top-level container is depth 1).
    public var maxDepth: Int
    /// The longest accepted string or key, in UTF-8 bytes after unescaping (default 1 MiB).
    public var maxStringBytes: Int

    /// The defaults of DESIGN.md §9: 64 MiB, depth 128, strings of 1 MiB.
    public static let `default` = JSONLimits()

    /// Creates limits; each defaults to the DESIGN.md §9 value.
    public init(maxBytes: Int = 64 * 1024 * 1024, maxDepth: Int = 128, maxStringBytes: Int = 1024 * 1024) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
    }
}
