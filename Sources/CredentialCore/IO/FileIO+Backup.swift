extension FileIO {
    /// Replaces an existing file the user asked to edit: its current bytes go to `PATH.bak`
    /// (atomically), then `bytes` replace it atomically, keeping its permission bits.
    /// - Throws: `fileUnreadable`, `fileUnwritable`.
    public static func replaceKeepingBackup(_ bytes: [UInt8], at path: String) throws(CredentialError) {
        let previous = try read(path)
        let mode = permissions(of: path) ?? 0o644
        try write(previous, to: path + ".bak", mode: mode, overwrite: true)
        try write(bytes, to: path, mode: mode, overwrite: true)
    }
}
