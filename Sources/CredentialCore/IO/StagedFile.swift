#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file written piece by piece beside its destination and renamed over it only by `commit()`.
///
/// Until then the destination is untouched (an existing file keeps its contents); `discard()`
/// removes the temporary file. This is how a batch stays all-or-nothing however large it is.
public final class StagedFile {
    /// The file that `commit()` creates or replaces.
    public let destination: String
    /// The temporary file beside it (`.NAME.tmp-PID-RANDOM`), for clean-up on a signal.
    public let temporaryPath: String

    private let directory: String
    private let mode: UInt16
    private let overwrite: Bool
    private var descriptor: Int32
    private var isFinished = false

    /// Creates the temporary file next to `destination`.
    /// - Parameters:
    ///   - mode: permission bits of the final file.
    ///   - overwrite: when false, an existing destination is refused now, before any work is done.
    /// - Throws: `fileExists`, `fileUnwritable`.
    public init(destination: String, mode: UInt16 = 0o644, overwrite: Bool) throws(CredentialError) {
        // Refused early, before any work; `commit()` checks again, race-free, when it moves the file.
        try FileIO.checkDestination(destination, overwrite: overwrite)
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        self.destination = destination
        self.directory = folder.isEmpty ? "." : folder
        self.mode = mode
        self.overwrite = overwrite
        self.temporaryPath = FileIO.temporaryPath(beside: destination)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        // SIGINT, SIGTERM and SIGHUP remove it (FileIO's interruption handling).
        if descriptor >= 0 { FileIO.trackTemporaryFile(temporaryPath) }
        guard descriptor >= 0 else {
            throw CredentialError(.fileUnwritable, "cannot create a file in \(folder): \(Self.errnoText())", file: destination)
        }
    }

    deinit {
        discard()
    }

    /// Appends `bytes` to the temporary file.
    /// - Throws: `fileUnwritable` (the temporary file is then removed).
    public func write(_ bytes: [UInt8]) throws(CredentialError) {
        var remaining = bytes
        while !remaining.isEmpty {
            let written = Self.systemWrite(descriptor, remaining, remaining.count)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = Self.errnoText()
                discard()
                throw CredentialError(.fileUnwritable, "cannot write the file: \(reason)", file: destination)
            }
            // A short write (a full disk, a signal) leaves the rest for the next call.
            remaining = written == remaining.count ? [] : Array(remaining[written...])
        }
    }

    /// Flushes the temporary file to disk and renames it over the destination (then syncs the folder).
    /// - Throws: `fileUnwritable` (the temporary file is then removed and the destination left as it was).
    public func commit() throws(CredentialError) {
        var failure: String?
        // The umask may have narrowed the mode; set it exactly.
        if fchmod(descriptor, mode_t(mode)) != 0 { failure = Self.errnoText() }
        if failure == nil && fsync(descriptor) != 0 { failure = Self.errnoText() }
        if close(descriptor) != 0 && failure == nil { failure = Self.errnoText() }
        descriptor = -1
        if let failure {
            discard()
            throw CredentialError(.fileUnwritable, "cannot write the file: \(failure)", file: destination)
        }
        do {
            // Replaces only a regular file, and without --force never an existing one (race-free).
            try FileIO.move(temporaryPath, to: destination, replacing: overwrite)
        } catch {
            discard()
            throw error
        }
        FileIO.untrackTemporaryFile(temporaryPath)
        isFinished = true
        // Make the rename itself durable.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            _ = close(folder)
        }
    }

    /// Removes the temporary file; the destination is left as it was. Safe to call more than once.
    public func discard() {
        guard !isFinished else { return }
        isFinished = true
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        _ = unlink(temporaryPath)
        FileIO.untrackTemporaryFile(temporaryPath)
    }

    /// `write(2)`.
    private static func systemWrite(_ descriptor: Int32, _ bytes: [UInt8], _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
