#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reading and atomically writing the files a user owns.
///
/// Writes go to a temporary file in the same folder, are flushed with `fsync`, then renamed over the
/// target, so a crash leaves either the old file or the new one, never half of either.
public enum FileIO {
    /// The largest file read by default (DESIGN.md §9).
    public static let defaultReadLimit = 64 * 1024 * 1024

    /// Reads a whole file, or standard input when `path` is `-`.
    /// - Throws: `fileUnreadable` when the file cannot be opened or read, `tooLarge` beyond `limit`.
    public static func read(_ path: String, limit: Int = defaultReadLimit) throws(CredentialError) -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CredentialError(.fileUnreadable, "no such file", file: path)
            }
            guard !isDirectory.boolValue else {
                throw CredentialError(.fileUnreadable, "is a directory, not a file", file: path)
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw CredentialError(.fileUnreadable, "cannot open the file for reading (permission denied?)", file: path)
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            // Read one byte past the limit so an oversized file is detected without reading it all.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw CredentialError(.tooLarge, "the file is larger than the limit of \(limit) bytes", file: path)
            }
            return [UInt8](data)
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError(.fileUnreadable, "cannot read the file: \(error.localizedDescription)", file: path)
        }
    }

    /// Writes `bytes` to `path` atomically (temp file, fsync, rename), or to standard output for `-`.
    /// - Parameters:
    ///   - mode: permission bits of the new file, e.g. `0o600` for a private key.
    ///   - overwrite: when false, an existing file is left alone and `fileExists` is thrown.
    /// - Throws: `fileExists`, `fileUnwritable`.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: UInt16 = 0o644, overwrite: Bool
    ) throws(CredentialError) {
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        if !overwrite && FileManager.default.fileExists(atPath: path) {
            throw CredentialError(.fileExists, "the file exists; use --force to replace it", file: path)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else {
            throw CredentialError(.fileUnwritable, "cannot create a file in \(directory): \(errnoText())", file: path)
        }
        var failure: String?
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            failure = error.localizedDescription
        }
        // The umask may have narrowed the mode; set it exactly.
        if failure == nil && fchmod(descriptor, mode_t(mode)) != 0 { failure = errnoText() }
        if failure == nil && fsync(descriptor) != 0 { failure = errnoText() }
        if close(descriptor) != 0 && failure == nil { failure = errnoText() }
        if failure == nil && rename(temporary, path) != 0 { failure = errnoText() }
        if let failure {
            unlink(temporary)
            throw CredentialError(.fileUnwritable, "cannot write the file: \(failure)", file: path)
        }
        // Make the rename itself durable.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            _ = close(directoryDescriptor)
        }
    }

    /// The permission bits of a file, or nil when it cannot be inspected.
    public static func permissions(of path: String) -> UInt16? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let value = attributes[.posixPermissions] as? NSNumber else { return nil }
        return UInt16(truncatingIfNeeded: value.intValue) & 0o777
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
