import CredentialCore
import Signing

/// The "can be read by other users" warning for private key files.
enum KeyPermissions {
    /// Warns on standard error when `path`, already read as a private key, is readable by group or others.
    /// Call it only after the key parsed: a public key, a folder or garbage gets no warning.
    static func warnIfExposed(_ path: String) {
        if KeyFile.isReadableByOthers(path) {
            let shown = TerminalSafe.escape(path)
            Terminal.error("warning: \(shown) can be read by other users; run: chmod 600 \(shown)")
        }
    }
}
