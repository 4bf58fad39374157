import CredentialCore
import Signing

/// The "can be read by other users" warning for private key files.
enum KeyPermissions {
    /// Reads the private key at `path`, then warns when the file can be read by other users: every
    /// command that reads a private key reads it through here.
    /// - Throws: `SigningError` (exit 2) when the file is not an Ed25519 private key.
    static func readPrivateKey(at path: String) throws -> Ed25519.PrivateKey {
        let privateKey = try KeyFile.readPrivateKey(at: path)
        warnIfExposed(path)
        return privateKey
    }

    /// Warns on standard error when `path`, already read as a private key, is readable by group or others.
    /// Call it only after the key parsed: a public key, a folder or garbage gets no warning.
    static func warnIfExposed(_ path: String) {
        if KeyFile.isReadableByOthers(path) {
            let shown = TerminalSafe.escape(path)
            Terminal.error("warning: \(shown) can be read by other users; run: chmod 600 \(shown)")
        }
    }
}
