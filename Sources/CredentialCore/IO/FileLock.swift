#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// An exclusive advisory lock (`flock`) on `FILE.lock`, beside the file it protects, held until the
/// value is dropped.
///
/// The lock file is separate from the file it protects and is never replaced, because an atomic
/// write renames a new inode over the old one and a lock on the old inode would protect nothing.
/// For the same reason it is created with `open(O_CREAT)`, never written and renamed into place:
/// two processes that both found it missing must still open the same inode.
public struct FileLock: ~Copyable {
    /// The lock file's path (`FILE.lock`).
    public let path: String
    private let descriptor: Int32

    /// Waits up to `timeout` for an exclusive lock on `file + ".lock"`, creating the lock file if
    /// needed, once `file` is known to exist: a mistyped path leaves nothing behind.
    /// - Throws: `fileUnreadable` when `file` does not exist or is a folder, `notRegularFile` when it
    ///   is a FIFO, device or socket, `fileUnwritable` when
    ///   the lock file cannot be created or opened, `fileLocked` when another process keeps the lock
    ///   longer than `timeout`.
    public init(protecting file: String, timeout: TimeInterval = 30) throws(CredentialError) {
        try FileIO.requireRegularFile(file)
        let path = file + ".lock"
        // O_NOFOLLOW: a symbolic link planted as the lock file is refused, not followed.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw CredentialError(.fileUnwritable, "cannot open the lock file: \(String(cString: strerror(errno)))", file: path)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR else {
                _ = close(descriptor)
                throw CredentialError(.fileUnwritable, "cannot lock the file: \(String(cString: strerror(reason)))", file: path)
            }
            guard Date() < deadline else {
                _ = close(descriptor)
                throw CredentialError(.fileLocked, "another mcred process holds the lock for more than \(Int(timeout)) s", file: path)
            }
            usleep(20_000)
        }
        self.path = path
        self.descriptor = descriptor
    }

    /// Releases the lock now (it is also released when the value goes away).
    public consuming func unlock() {}

    deinit {
        // Closing the descriptor releases the flock.
        _ = close(descriptor)
    }
}
