import CredentialCore

/// Reading and writing key files: PKCS#8 PEM private keys and SPKI PEM public keys (DESIGN.md §3).
///
/// Errors name the file, e.g. `key.pem: not an Ed25519 PKCS#8 PEM private key (found "-----BEGIN PUBLIC KEY-----")`.
public enum KeyFile {
    /// Key files are small; anything larger is not a key.
    static let readLimit = 1024 * 1024

    /// Reads a private key PEM file (PKCS#8). Throws with the file name in the message.
    /// - Throws: `keyFileUnreadable`, `invalidPEM`, `notEd25519`, `invalidKeyLength`, `openSSLFailure`.
    public static func readPrivateKey(at path: String) throws(SigningError) -> Ed25519.PrivateKey {
        let text = try readText(at: path)
        do {
            return try Ed25519.PrivateKey(pemRepresentation: text)
        } catch {
            throw error.inFile(path)
        }
    }

    /// Reads a public key from a file holding either a PKCS#8 private key or an SPKI public key PEM.
    /// - Throws: `keyFileUnreadable`, `invalidPEM`, `notEd25519`, `invalidKeyLength`,
    ///   `nonCanonicalPublicKey`, `smallOrderPublicKey`, `openSSLFailure`.
    public static func readPublicKey(at path: String) throws(SigningError) -> Ed25519.PublicKey {
        let text = try readText(at: path)
        do {
            if let line = PEMLabel.first(in: text), PEMLabel.label(of: line) == "PUBLIC KEY" {
                return try Ed25519.PublicKey(pemRepresentation: text)
            }
            return try Ed25519.PrivateKey(pemRepresentation: text).publicKey
        } catch {
            throw error.inFile(path)
        }
    }

    /// Writes a private key atomically with mode 0600 (uses CredentialCore's FileIO.write); refuses to overwrite unless `overwrite`.
    /// - Throws: `keyFileExists` when the file exists and `overwrite` is false, `keyFileUnwritable`.
    public static func write(_ key: Ed25519.PrivateKey, to path: String, overwrite: Bool) throws(SigningError) {
        do {
            try FileIO.write(Array(key.pemRepresentation.utf8), to: path, mode: 0o600, overwrite: overwrite)
        } catch where error.code == .fileExists {
            throw SigningError(.keyFileExists, "the key file exists; use --force to replace it", file: path)
        } catch {
            throw SigningError(.keyFileUnwritable, error.message, file: path)
        }
    }

    /// True when the file's permission bits let group or others read it (caller prints a warning).
    public static func isReadableByOthers(_ path: String) -> Bool {
        guard let permissions = FileIO.permissions(of: path) else { return false }
        return permissions & 0o044 != 0
    }

    /// The file's text, with CredentialCore's read errors turned into `keyFileUnreadable`.
    private static func readText(at path: String) throws(SigningError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path, limit: readLimit)
        } catch where error.code == .tooLarge {
            throw SigningError(.keyFileUnreadable, "too large to be a key file (over \(readLimit) bytes)", file: path)
        } catch {
            throw SigningError(.keyFileUnreadable, error.message, file: path)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
