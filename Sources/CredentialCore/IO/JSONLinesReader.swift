#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a JSON Lines file a window at a time, so a batch of any size is never held whole.
///
/// Each call to `nextWindow()` reads about `windowSize` bytes with `read(2)` into one reused
/// buffer and returns the complete lines in it; a line that spans windows is carried over. A line
/// longer than `lineLimit` is not buffered: its bytes are skipped up to its line break and it is
/// returned with `isOverLimit` set, so the caller can name it (DESIGN.md §9: limits apply per line).
public final class JSONLinesReader {
    /// The default window: 4 MiB, over a thousand credentials. A batch holds two windows (the one
    /// being worked on and the next) and their results, so the window sets most of its memory.
    public static let defaultWindowSize = 4 * 1024 * 1024

    /// The path read (`-` for standard input), for messages.
    public let path: String
    /// Bytes read so far.
    public private(set) var bytesRead = 0
    /// The file's size when it is a regular file (for progress), nil for a pipe or standard input.
    public let fileSize: Int?

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let windowSize: Int
    /// The longest line accepted, in bytes.
    public let lineLimit: Int
    private var buffer: [UInt8]
    /// The start of the line that the previous window left unfinished.
    private var carry: [UInt8] = []
    /// The length so far of an over-limit line being skipped, or nil.
    private var skipped: Int?
    /// The number of the line that the next byte belongs to.
    private var lineNumber = 1
    private var isAtEnd = false

    /// Opens `path` (or standard input for `-`).
    /// - Parameters:
    ///   - windowSize: bytes read per `read(2)` call.
    ///   - lineLimit: the longest line accepted; longer ones come back with `isOverLimit`.
    /// - Throws: `fileUnreadable` when the file does not exist, is a folder or cannot be opened.
    public init(
        path: String, windowSize: Int = defaultWindowSize, lineLimit: Int = FileIO.defaultReadLimit
    ) throws(CredentialError) {
        self.path = path
        self.windowSize = max(4096, windowSize)
        self.lineLimit = lineLimit
        self.buffer = Array(repeating: 0, count: self.windowSize)
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            fileSize = nil
            return
        }
        try FileIO.requireFile(path)
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else {
            throw CredentialError(.fileUnreadable, "cannot open the file for reading (permission denied?)", file: path)
        }
        descriptor = opened
        ownsDescriptor = true
        var status = stat()
        fileSize = fstat(opened, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
    }

    deinit {
        if ownsDescriptor { _ = close(descriptor) }
    }

    /// The next complete lines, in order, with blank lines left out; an empty array at the end.
    /// - Throws: `fileUnreadable` when `read(2)` fails.
    public func nextWindow() throws(CredentialError) -> [JSONLines.Line] {
        var lines: [JSONLines.Line] = []
        while lines.isEmpty && !isAtEnd {
            let count = try readChunk()
            if count == 0 {
                isAtEnd = true
                finishLastLine(into: &lines)
            } else {
                split(count: count, into: &lines)
            }
        }
        return lines
    }

    private func readChunk() throws(CredentialError) -> Int {
        while true {
            let count = read(descriptor, &buffer, windowSize)
            if count >= 0 {
                bytesRead += count
                return count
            }
            if errno == EINTR { continue }
            throw CredentialError(.fileUnreadable, "cannot read the file: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// Splits the first `count` bytes of the buffer at line breaks.
    private func split(count: Int, into lines: inout [JSONLines.Line]) {
        // A local reference to the buffer: indexing the stored property byte by byte paid for an
        // exclusivity check on every byte.
        let window = buffer
        let bytes = window.span
        var start = 0
        while start < count {
            let stop = Self.lineBreak(in: bytes, from: start, before: count)
            guard stop < count else {
                // No line break before the end of the window: keep the start of the line for later.
                keepPartial(start..<count)
                return
            }
            if let length = skipped {
                lines.append(JSONLines.Line(overLimitNumber: lineNumber, length: length + (stop - start)))
                skipped = nil
            } else if carry.isEmpty {
                if stop - start > lineLimit {
                    lines.append(JSONLines.Line(overLimitNumber: lineNumber, length: stop - start))
                } else {
                    appendLine(buffer[start..<stop], into: &lines)
                }
            } else if carry.count + (stop - start) > lineLimit {
                lines.append(JSONLines.Line(overLimitNumber: lineNumber, length: carry.count + (stop - start)))
                carry = []
            } else {
                appendToCarry(buffer[start..<stop])
                takeCarry(into: &lines)
            }
            lineNumber += 1
            start = stop + 1
        }
    }

    /// The offset of the first line feed in `bytes[start..<count]`, or `count`; eight bytes at a time.
    static func lineBreak(in bytes: borrowing Span<UInt8>, from start: Int, before count: Int) -> Int {
        var position = start
        while position &+ 8 <= count {
            let feeds = ByteWords.lanes(of: ByteWords.word(bytes, at: position), equalTo: 0x0A)
            if feeds != 0 { return position &+ ByteWords.firstLane(feeds) }
            position &+= 8
        }
        while position < count && bytes[position] != 0x0A { position += 1 }
        return position
    }

    /// Carries the unfinished end of a window over, or only counts it once the line is over the limit.
    private func keepPartial(_ range: Range<Int>) {
        if let length = skipped {
            skipped = length + range.count
        } else if carry.count + range.count > lineLimit {
            skipped = carry.count + range.count
            carry = []
        } else {
            appendToCarry(buffer[range])
        }
    }

    /// Grows the carried line without doubling past the line limit (a near-limit line would
    /// otherwise reserve twice the limit).
    private func appendToCarry(_ bytes: ArraySlice<UInt8>) {
        let needed = carry.count + bytes.count
        if needed > carry.capacity {
            carry.reserveCapacity(min(max(needed, carry.capacity * 2), lineLimit))
        }
        carry.append(contentsOf: bytes)
    }

    /// Hands the carried line over as a line of its own, without copying it.
    private func takeCarry(into lines: inout [JSONLines.Line]) {
        var bytes = carry
        carry = []
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        lines.append(JSONLines.Line(number: lineNumber, bytes: bytes))
    }

    /// The last line of a file that does not end with a line break.
    private func finishLastLine(into lines: inout [JSONLines.Line]) {
        if let length = skipped {
            lines.append(JSONLines.Line(overLimitNumber: lineNumber, length: length))
            skipped = nil
        } else if !carry.isEmpty {
            takeCarry(into: &lines)
        }
    }

    /// Adds a line unless it is blank; a `\r` before the line break is not part of it.
    private func appendLine(_ bytes: ArraySlice<UInt8>, into lines: inout [JSONLines.Line]) {
        var content = bytes
        if content.last == 0x0D { content = content.dropLast() }
        guard content.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        lines.append(JSONLines.Line(number: lineNumber, bytes: Array(content)))
    }
}
