#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// An exclusive advisory lock (`flock`) on a lock file, held until the value is dropped.
///
/// The lock file is separate from the file it protects and is never replaced, because an atomic
/// write renames a new inode over the old one and a lock on the old inode would protect nothing.
public struct FileLock: ~Copyable {
    /// The lock file's path.
    public let path: String
    private let handle: FileHandle

    /// Creates `path` if needed and waits up to `timeout` for an exclusive lock on it.
    /// - Throws: `fileUnwritable` when the lock file cannot be created or opened, `fileLocked`
    ///   when another process keeps the lock longer than `timeout`.
    public init(path: String, timeout: TimeInterval = 30) throws(CredentialError) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CredentialError(.fileUnwritable, "cannot open the lock file", file: path)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(handle.fileDescriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                try? handle.close()
                throw CredentialError(.fileUnwritable, "cannot lock the file (errno \(errno))", file: path)
            }
            guard Date() < deadline else {
                try? handle.close()
                throw CredentialError(.fileLocked, "another mcred process holds the lock for more than \(Int(timeout)) s", file: path)
            }
            usleep(20_000)
        }
        self.path = path
        self.handle = handle
    }

    /// Releases the lock now (it is also released when the value goes away).
    public consuming func unlock() {}

    deinit {
        // Closing the descriptor releases the flock.
        try? handle.close()
    }
}
