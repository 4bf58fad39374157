#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CredentialCore
import Foundation

/// Reading and changing a wallet file safely (DESIGN.md §8).
///
/// Every change runs under an advisory lock on the wallet's folder, re-reads the wallet inside the
/// lock, keeps the previous version as `WALLET.json.bak`, and writes the new one atomically
/// (temporary file in the same folder, fsync, rename, fsync of the folder). Killing the process at
/// any moment leaves a wallet that parses and holds everything whose change returned.
public enum WalletFile {
    /// Wallets hold personal data: readable by their owner only.
    public static let mode: UInt16 = 0o600

    /// Reads and parses a wallet.
    /// - Throws: `fileFailure` when the file cannot be read, `invalidWallet` when it is not a wallet.
    public static func read(_ path: String) throws(WalletError) -> Wallet {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw WalletError(.fileFailure, error.description)
        }
        return try Wallet(parsing: bytes, file: path)
    }

    /// Writes a new wallet file; an existing file is replaced only with `overwrite`.
    /// - Throws: `fileFailure`.
    public static func create(_ wallet: Wallet, at path: String, overwrite: Bool) throws(WalletError) {
        try withLock(on: path) { () throws(WalletError) in
            do throws(CredentialError) {
                try FileIO.write(bytes(of: wallet), to: path, mode: mode, overwrite: overwrite)
            } catch {
                throw WalletError(.fileFailure, error.description)
            }
        }
    }

    /// Reads the wallet at `path` under the lock, applies `change`, and saves the result (keeping
    /// the previous version as `.bak`) unless `change` throws, in which case nothing is written.
    /// - Throws: what `change` throws, `fileFailure`, `invalidWallet`.
    public static func update<Result>(
        _ path: String, _ change: (inout Wallet) throws(WalletError) -> Result
    ) throws(WalletError) -> Result {
        try withLock(on: path) { () throws(WalletError) -> Result in
            let previous: [UInt8]
            do throws(CredentialError) {
                // A FIFO would block the read, and no device can be replaced by a new version.
                try FileIO.requireRegularFile(path)
                previous = try FileIO.read(path)
            } catch {
                throw WalletError(.fileFailure, error.description)
            }
            var wallet = try Wallet(parsing: previous, file: path)
            let result: Result
            do throws(WalletError) {
                result = try change(&wallet)
            } catch {
                throw error.naming(path)
            }
            let updated = bytes(of: wallet)
            // Nothing changed: leave the file and its backup alone.
            guard updated != previous else { return result }
            // Never write a wallet that mcred could not read back: every later command would fail on it.
            guard updated.count <= FileIO.defaultReadLimit else {
                throw WalletError(
                    .refused, "the wallet would grow to \(updated.count) bytes, more than the \(FileIO.defaultReadLimit) bytes mcred reads; it is left as it was (keep these credentials in a second wallet)",
                    file: path)
            }
            guard wallet.credentials.count <= Presentation.maxCredentials else {
                throw WalletError(
                    .refused, "the wallet would hold \(wallet.credentials.count) credentials, more than the \(Presentation.maxCredentials) mcred checks in one file; it is left as it was (keep these credentials in a second wallet)",
                    file: path)
            }
            do throws(CredentialError) {
                try FileIO.replaceKeepingBackup(updated, previous: previous, at: path, mode: mode)
            } catch {
                throw WalletError(.fileFailure, error.description)
            }
            return result
        }
    }

    /// The wallet as written: pretty-printed JSON and a final newline.
    static func bytes(of wallet: Wallet) -> [UInt8] { Array((wallet.jsonValue.prettyPrinted() + "\n").utf8) }

    /// Runs `body` holding an exclusive `flock` on the folder that holds `path`, so that two mcred
    /// processes never interleave a read-modify-write of one wallet. The lock is released when the
    /// descriptor closes, also when the process dies.
    static func withLock<Result>(on path: String, _ body: () throws(WalletError) -> Result) throws(WalletError) -> Result {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WalletError(.fileFailure, "cannot open the folder \(folder) to lock the wallet: \(String(cString: strerror(errno)))", file: path)
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw WalletError(.fileFailure, "cannot lock the wallet: \(String(cString: strerror(errno)))", file: path)
            }
        }
        return try body()
    }
}
