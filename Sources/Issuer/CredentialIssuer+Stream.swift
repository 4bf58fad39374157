public import CredentialCore
public import Foundation
import Signing

extension CredentialIssuer {
    /// How a streamed batch went.
    public struct BatchSummary: Sendable {
        /// Lines signed (and passed to `write`).
        public var issued = 0
        /// Lines refused (each passed to `onFailure`).
        public var failed = 0
        /// True when the batch stopped at its first bad line (`stopAtFirstFailure`) before the end.
        public var stoppedEarly = false
        /// Distinct template ids seen, each remembered as a 128-bit digest.
        public var distinctIDs = 0
    }

    /// What a worker hands back for one line: the signed line or the error, and the id's digest.
    struct StreamedLine: Sendable {
        var line: Int
        var result: Result<[UInt8], IssuerError>
        var idDigest: IDDigest?
    }

    /// Issues one credential per non-blank line of `reader`, a window at a time, on up to `jobs`
    /// cores, and hands the signed lines to `write` in input order.
    ///
    /// Memory stays bounded by the window (plus one 128-bit digest per distinct template id),
    /// whatever the size of the input. A template `id` that repeats one of an earlier signed line
    /// is a bad line. Once a line has failed, `write` is not called again: the output would be
    /// incomplete, so the caller discards it (all or nothing). Without `stopAtFirstFailure` every
    /// remaining line is still checked so that each bad one is reported; with it, the batch ends
    /// at the first bad line (used when the output streams where it cannot be taken back).
    /// - Parameters:
    ///   - write: receives the signed credentials in order, whole lines of canonical JSON each followed
    ///     by `\n`, gathered into pieces of about 1 MiB (a larger credential comes alone). After the
    ///     first bad line, later windows are only checked, not signed (nothing more is written).
    ///   - onFailure: called once per bad line, in input order, with `line` set.
    ///   - progress: called after each window with the lines done and the input bytes read.
    ///   - statusEntries: when not empty, the `credentialStatus` of each non-blank line in input
    ///     order (from `StatusIndexAllocator`); lines beyond it get none.
    /// - Throws: `CredentialError` when the input cannot be read (`fileUnreadable`), or whatever
    ///   `write` throws; the batch stops at once.
    public func issueBatch(
        from reader: JSONLinesReader, jobs: Int = ParallelMap.defaultJobs, issuedAt: Date = Date(),
        stopAtFirstFailure: Bool = false,
        write: ([UInt8]) throws(CredentialError) -> Void,
        onFailure: (IssuerError) -> Void,
        progress: ((_ lines: Int, _ bytesRead: Int) -> Void)? = nil,
        statusEntries: [StatusListEntry] = []
    ) throws(CredentialError) -> BatchSummary {
        let timestamp = XSDDateTime.format(issuedAt)
        let lineLimit = reader.lineLimit
        var summary = BatchSummary()
        var seenIDs = Set<IDDigest>()
        // The signed lines of the window before, written while the workers sign the next one.
        var signedLines: [[UInt8]] = []
        var chunk: [UInt8] = []
        var position = 0
        var lines = try reader.nextWindow()
        while !lines.isEmpty {
            let first = position
            position += lines.count
            // Small chunks: a window is a few thousand lines, and the workers meet at its end. Once a
            // line has failed nothing more will be written, so later windows are checked, not signed.
            let signs = summary.failed == 0
            let work = ParallelMap.start(Array(lines.enumerated()), jobs: jobs, chunkSize: 16) { offset, line in
                let index = first + offset
                let status = statusEntries.indices.contains(index) ? statusEntries[index] : nil
                return issueLine(line, timestamp: timestamp, lineLimit: lineLimit, signs: signs, status: status)
            }
            // While the workers sign this window, this thread writes the previous one and reads the
            // next: the cores never wait for the disk. Errors are raised once the workers are done.
            var ioError: CredentialError?
            do { try Self.write(signedLines, through: &chunk, to: write) } catch { ioError = error }
            signedLines = []
            var next: [JSONLines.Line] = []
            if ioError == nil {
                do { next = try reader.nextWindow() } catch { ioError = error }
            }
            let results = work.wait()
            if let ioError { throw ioError }
            signedLines.reserveCapacity(results.count)
            lines: for item in results {
                var outcome = item.result
                if case .success = outcome, let digest = item.idDigest, !seenIDs.insert(digest).inserted {
                    outcome = .failure(IssuerError(
                        .duplicateID, "the id repeats the id of an earlier line; ids must be unique in a batch",
                        line: item.line))
                }
                switch outcome {
                case .success(let signed):
                    summary.issued += 1
                    if summary.failed == 0 { signedLines.append(signed) }
                case .failure(let error):
                    summary.failed += 1
                    onFailure(error)
                    if stopAtFirstFailure { break lines }
                }
            }
            // After the first bad line nothing more is written (all or nothing), except the lines
            // before it when the output streams (`stopAtFirstFailure`).
            if summary.failed > 0 && !stopAtFirstFailure { signedLines = [] }
            progress?(summary.issued + summary.failed, reader.bytesRead)
            if summary.failed > 0 && stopAtFirstFailure {
                summary.stoppedEarly = true
                break
            }
            lines = next
        }
        try Self.write(signedLines, through: &chunk, to: write)
        summary.distinctIDs = seenIDs.count
        return summary
    }

    /// The most bytes gathered for one call of `write`.
    static let writeChunkSize = 1 << 20

    /// Hands `lines` (each ending in `\n`) to `write` in order: small ones gathered into pieces of
    /// about `writeChunkSize` bytes in `chunk` (kept for reuse), a larger one on its own without a
    /// copy. Memory is the lines themselves plus one chunk, never their concatenation.
    static func write(
        _ lines: [[UInt8]], through chunk: inout [UInt8], to write: ([UInt8]) throws(CredentialError) -> Void
    ) throws(CredentialError) {
        for line in lines {
            if chunk.count + line.count > writeChunkSize && !chunk.isEmpty {
                try write(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
            if line.count >= writeChunkSize {
                try write(line)
            } else {
                if chunk.capacity == 0 { chunk.reserveCapacity(writeChunkSize) }
                chunk.append(contentsOf: line)
            }
        }
        if !chunk.isEmpty {
            try write(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
    }

    /// Parses, issues and canonicalises one line (on a worker thread); with `signs` false, only checks it.
    func issueLine(
        _ line: JSONLines.Line, timestamp: String, lineLimit: Int, signs: Bool, status: StatusListEntry? = nil
    ) -> StreamedLine {
        guard !line.isOverLimit else {
            return StreamedLine(
                line: line.number,
                result: .failure(IssuerError(
                    .invalidTemplate, "the line is \(line.length) bytes, more than the limit of \(lineLimit) bytes",
                    line: line.number)),
                idDigest: nil)
        }
        var digest: IDDigest?
        do throws(IssuerError) {
            let template: JSONValue
            do throws(CredentialError) {
                template = try JSONValue(parsing: line.bytes, limits: JSONLimits(maxBytes: lineLimit))
            } catch {
                throw IssuerError(.invalidTemplate, "not valid JSON: \(error.descriptionWithinLine)")
            }
            if case .string(let id)? = template["id"] { digest = IDDigest(id) }
            guard signs else {
                _ = try checked(template, timestamp: timestamp, status: status)
                return StreamedLine(line: line.number, result: .success([]), idDigest: digest)
            }
            var canonical = try issueWithCanonicalForm(template, timestamp: timestamp, status: status).canonical
            canonical.append(0x0A)
            return StreamedLine(line: line.number, result: .success(canonical), idDigest: digest)
        } catch {
            var failure = error
            failure.line = line.number
            return StreamedLine(line: line.number, result: .failure(failure), idDigest: digest)
        }
    }
}

/// The first 128 bits of SHA-256 over an id's UTF-8 bytes: enough to tell ids apart in a batch
/// (a chance collision needs about 2^64 ids) at 16 bytes each, however long the ids are.
struct IDDigest: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ id: String) {
        let hash = SHA256.hash(Array(id.utf8))
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0 ..< 8 {
            high = high << 8 | UInt64(hash[index])
            low = low << 8 | UInt64(hash[index + 8])
        }
        self.high = high
        self.low = low
    }
}
