/// JSON Lines input (one JSON value per line), as batch issue and verify read it.
public enum JSONLines {
    /// One non-blank line with its 1-based line number.
    public struct Line: Sendable {
        /// The 1-based line number in the file.
        public var number: Int
        /// The line's bytes, without the line break (empty when `isOverLimit`).
        public var bytes: [UInt8]
        /// The line's length in bytes.
        public var length: Int
        /// True when the line is longer than the reader's per-line limit; its bytes were not kept.
        public var isOverLimit: Bool

        /// A line and its bytes.
        public init(number: Int, bytes: [UInt8]) {
            self.number = number
            self.bytes = bytes
            self.length = bytes.count
            self.isOverLimit = false
        }

        /// A line that was longer than the limit, known only by its number and length.
        public init(overLimitNumber number: Int, length: Int) {
            self.number = number
            self.bytes = []
            self.length = length
            self.isOverLimit = true
        }
    }

    /// Splits a file into its non-blank lines (`\n` or `\r\n` breaks), keeping line numbers.
    public static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var number = 1
        let end = bytes.count
        while start < end {
            var stop = start
            while stop < end && bytes[stop] != 0x0A { stop += 1 }
            var contentEnd = stop
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if bytes[start..<contentEnd].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                lines.append(Line(number: number, bytes: Array(bytes[start..<contentEnd])))
            }
            start = stop + 1
            number += 1
        }
        return lines
    }
}
