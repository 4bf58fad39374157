#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Reading and atomically writing the files a user owns.
///
/// Writes go to a temporary file in the same folder, are flushed with `fsync`, then moved into place,
/// so a crash leaves either the old file or the new one, never half of either. Without `overwrite`
/// the move is `link(2)` + `unlink(2)`, which fails when the destination exists, so no file that
/// appears between the check and the move is replaced. With `overwrite` only a regular file is
/// replaced: a directory, FIFO, device, socket or symbolic link never is.
public enum FileIO {
    /// The largest file read by default (DESIGN.md §9).
    public static let defaultReadLimit = 64 * 1024 * 1024

    /// The temporary files being written now, so that an interrupted process can remove them
    /// (`removeTemporaryFiles()`). Signals are process-wide, so this list is too; a mutex guards it.
    private static let temporaryFiles = Mutex<Set<String>>([])

    /// Reads and parses a JSON file (`-` for standard input); a parse error names the file.
    /// - Throws: as `read(_:limit:)`, and the parser's codes with the file, line, column and pointer.
    public static func readJSON(_ path: String) throws(CredentialError) -> JSONValue {
        try parseJSON(read(path), file: path)
    }

    /// Parses the bytes of the file `file`; a parse error names it.
    static func parseJSON(_ bytes: [UInt8], file: String) throws(CredentialError) -> JSONValue {
        do throws(CredentialError) {
            return try JSONValue(parsing: bytes)
        } catch {
            throw error.inFile(file == "-" ? "<stdin>" : file)
        }
    }

    /// Reads a whole file, or standard input when `path` is `-`.
    /// - Throws: `fileUnreadable` when the file cannot be opened or read, `tooLarge` beyond `limit`.
    public static func read(_ path: String, limit: Int = defaultReadLimit) throws(CredentialError) -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            try requireFile(path)
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

    /// What a path names, as `lstat(2)` sees it (a symbolic link is not followed).
    public enum Kind: String, Sendable {
        /// A regular file: the only kind `write(_:to:mode:overwrite:)` ever replaces.
        case regularFile = "regular file"
        /// A directory.
        case directory
        /// A symbolic link (not followed).
        case symbolicLink = "symbolic link"
        /// A FIFO (named pipe).
        case fifo = "FIFO (named pipe)"
        /// A character device such as `/dev/null`.
        case characterDevice = "character device"
        /// A block device.
        case blockDevice = "block device"
        /// A Unix domain socket.
        case socket
        /// Anything else `lstat(2)` may report.
        case other = "special file"
    }

    /// Refuses a path to read that names nothing or a folder, with the messages every reader gives.
    /// - Throws: `fileUnreadable`.
    public static func requireFile(_ path: String) throws(CredentialError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CredentialError(.fileUnreadable, "no such file", file: path)
        }
        guard !isDirectory.boolValue else {
            throw CredentialError(.fileUnreadable, "is a directory, not a file", file: path)
        }
    }

    /// True when `a` and `b` both exist and are one file (the same device and inode, through any
    /// link or spelling of the path).
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard a != "-", b != "-", stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Refuses a file to edit in place (a list kept under `FileLock`) that is not a regular file
    /// once links are followed: a FIFO would block the reader, and a device or socket cannot be
    /// replaced by a new version.
    /// - Throws: `fileUnreadable` as `requireFile`; `notRegularFile`, naming what it is.
    public static func requireRegularFile(_ path: String) throws(CredentialError) {
        try requireFile(path)
        if let found = kind(of: path, followingLinks: true), found != .regularFile {
            throw CredentialError(.notRegularFile, "is a \(found.rawValue), not a regular file, which a file that mcred updates must be", file: path)
        }
    }

    /// True when `a` and `b` name one file: the same file if both exist, or else the same path
    /// once made absolute and standardised (`.` and `..` resolved).
    public static func isSamePath(_ a: String, _ b: String) -> Bool {
        if isSameFile(a, b) { return true }
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        return absolute(a) == absolute(b)
    }

    /// What `path` names, or nil when nothing is there; a symbolic link itself unless `followingLinks`.
    public static func kind(of path: String, followingLinks: Bool = false) -> Kind? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// Refuses a destination that must not be replaced: anything but a regular file, or a regular
    /// file when `overwrite` is false. A command that writes several files checks them all first,
    /// so that it never writes one and then fails on the next.
    /// - Throws: `notRegularFile`, `fileExists`.
    public static func checkDestination(_ path: String, overwrite: Bool) throws(CredentialError) {
        guard path != "-", let existing = kind(of: path) else { return }
        guard existing == .regularFile else {
            throw CredentialError(.notRegularFile, "is a \(existing.rawValue); only a regular file is ever replaced", file: path)
        }
        guard overwrite else {
            throw CredentialError(.fileExists, "the file exists; use --force to replace it", file: path)
        }
    }

    /// The temporary file beside `path` that a write goes to before it is moved into place:
    /// `.NAME.tmp-PID-RANDOM` in the same folder, with NAME cut to its first 100 bytes so that a
    /// destination whose own name is near the 255-byte limit can still be written.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        var name = ""
        var length = 0
        for scalar in url.lastPathComponent.unicodeScalars {
            length += UTF8.width(scalar)
            guard length <= 100 else { break }
            name.unicodeScalars.append(scalar)
        }
        return url.deletingLastPathComponent().path + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    }

    /// Writes `bytes` to `path` atomically (temp file, fsync, move), or to standard output for `-`.
    /// - Parameters:
    ///   - mode: permission bits of the new file, e.g. `0o600` for a private key.
    ///   - overwrite: replace an existing regular file; when false, an existing path is left alone.
    /// - Throws: `fileExists` (something is there and `overwrite` is false), `notRegularFile` (the path
    ///   names a directory, FIFO, device, socket or symbolic link), `fileUnwritable`.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: UInt16 = 0o644, overwrite: Bool
    ) throws(CredentialError) {
        try write(bytes, to: path, mode: mode, overwrite: overwrite, beforeMove: {})
    }

    /// `write(_:to:mode:overwrite:)` with a hook run after the temporary file is complete and before
    /// it is moved into place (tests interrupt a write there).
    static func write(
        _ bytes: [UInt8], to path: String, mode: UInt16, overwrite: Bool, beforeMove: () -> Void
    ) throws(CredentialError) {
        if path == "-" {
            do {
                try FileHandle.standardOutput.write(contentsOf: Data(bytes))
            } catch {
                throw CredentialError(.fileUnwritable, "cannot write to standard output: \(error.localizedDescription)")
            }
            return
        }
        try checkDestination(path, overwrite: overwrite)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = temporaryPath(beside: path)
        // Registered before it exists, so a signal at any moment finds it.
        trackTemporaryFile(temporary)
        defer { untrackTemporaryFile(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
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
        if let failure {
            unlink(temporary)
            throw CredentialError(.fileUnwritable, "cannot write the file: \(failure)", file: path)
        }
        beforeMove()
        do {
            try move(temporary, to: path, replacing: overwrite)
        } catch {
            unlink(temporary)
            throw error
        }
        // Make the move itself durable.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            _ = close(directoryDescriptor)
        }
    }

    /// Moves a finished, flushed temporary file into place: `rename(2)` when replacing (re-checking
    /// that a regular file is what gets replaced), else `link(2)`, which refuses an existing
    /// destination atomically, then `unlink(2)` of the temporary name. Streaming writers use it to
    /// commit; on a throw the temporary file is left for the caller to remove.
    /// - Throws: `fileExists`, `notRegularFile`, `fileUnwritable`.
    public static func move(_ temporary: String, to path: String, replacing: Bool) throws(CredentialError) {
        if let existing = kind(of: path), existing != .regularFile {
            throw CredentialError(
                .notRegularFile, "is a \(existing.rawValue); only a regular file is ever replaced", file: path)
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw CredentialError(.fileUnwritable, "cannot write the file: \(errnoText())", file: path)
            }
            return
        }
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        switch errno {
        case EEXIST:
            throw CredentialError(.fileExists, "the file exists; use --force to replace it", file: path)
        case EPERM, ENOTSUP, EOPNOTSUPP, EMLINK, ENOSYS:
            // A file system without hard links (FAT, some network mounts): check, then rename.
            guard kind(of: path) == nil else {
                throw CredentialError(.fileExists, "the file exists; use --force to replace it", file: path)
            }
            guard rename(temporary, path) == 0 else {
                throw CredentialError(.fileUnwritable, "cannot write the file: \(errnoText())", file: path)
            }
        default:
            throw CredentialError(.fileUnwritable, "cannot write the file: \(errnoText())", file: path)
        }
    }

    /// Registers a temporary file that `removeTemporaryFiles()` must remove if the process is
    /// interrupted (for writers that stream into a temporary file of their own).
    public static func trackTemporaryFile(_ path: String) {
        temporaryFiles.withLock { _ = $0.insert(path) }
    }

    /// Forgets a temporary file registered with `trackTemporaryFile(_:)` once it is moved or removed.
    public static func untrackTemporaryFile(_ path: String) {
        temporaryFiles.withLock { _ = $0.remove(path) }
    }

    /// Removes every temporary file a write in progress has made; call it when the process is
    /// interrupted (SIGINT, SIGTERM, SIGHUP) before it exits. The files' final names are left as they were.
    public static func removeTemporaryFiles() {
        let paths = temporaryFiles.withLock { $0 }
        for path in paths { unlink(path) }
    }

    /// The permission bits of a file, or nil when it cannot be inspected.
    public static func permissions(of path: String) -> UInt16? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let value = attributes[.posixPermissions] as? NSNumber else { return nil }
        return UInt16(truncatingIfNeeded: value.intValue) & 0o777
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
