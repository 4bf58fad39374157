extension FileIO {
    /// Replaces a file the user asked to edit, whose current bytes `previous` the editor read under
    /// its lock: they go to `PATH.bak` (atomically), then `bytes` replace the file atomically, with
    /// permission bits `mode` (default: the file's own). A file without its owner's write bit is
    /// refused: the owner made it read-only.
    /// - Throws: `fileUnwritable`.
    public static func replaceKeepingBackup(
        _ bytes: [UInt8], previous: [UInt8], at path: String, mode: UInt16? = nil
    ) throws(CredentialError) {
        // A path that cannot be replaced (a symbolic link, a folder) is refused before the backup
        // is written: a refused edit leaves nothing behind.
        try checkDestination(path, overwrite: true)
        // rename(2) ignores the file's own write bit: honour it here, as an editor would.
        if let current = permissions(of: path), current & 0o200 == 0 {
            throw CredentialError(
                .fileUnwritable, "the file is read-only (mode \(String(current, radix: 8))); make it writable (chmod u+w) to change it", file: path)
        }
        let mode = mode ?? permissions(of: path) ?? 0o644
        try write(previous, to: path + ".bak", mode: mode, overwrite: true)
        try write(bytes, to: path, mode: mode, overwrite: true)
    }

    /// Edits the JSON file at `path` in place, one editor at a time: holds the lock `PATH.lock`
    /// (`FileLock`) while it reads and parses the file, hands the document to `change`, and writes
    /// what `change` returns (pretty-printed) in its place, keeping the version it read as
    /// `PATH.bak`. When `change` throws, nothing is written.
    /// - Returns: the new document.
    /// - Throws: `fileLocked`, `fileUnreadable`, `fileUnwritable`, a parse error naming the file, or
    ///   what `change` throws.
    public static func editJSON(at path: String, _ change: (JSONValue) throws -> JSONValue) throws -> JSONValue {
        let lock = try FileLock(protecting: path)
        let previous = try read(path)
        let updated = try change(try parseJSON(previous, file: path))
        try replaceKeepingBackup(Array(updated.prettyPrinted().utf8), previous: previous, at: path)
        lock.unlock()
        return updated
    }
}
