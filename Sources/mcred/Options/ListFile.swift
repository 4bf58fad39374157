import CredentialCore
import Issuer

/// The status and trust lists that `status set`, `trust add` and `trust remove` edit in place.
enum ListFile {
    /// Edits the list at `path` with `FileIO.editJSON` (under its lock, keeping `PATH.bak`); a
    /// document that is not this key's list of the right kind is refused naming the file.
    static func edit(_ path: String, _ change: (JSONValue) throws -> JSONValue) throws -> JSONValue {
        do {
            return try FileIO.editJSON(at: path, change)
        } catch var error as IssuerError where error.code == .invalidList {
            error.message = path + ": " + error.message
            throw error
        }
    }
}
