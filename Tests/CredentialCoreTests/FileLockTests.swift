import Foundation
import Testing
import CredentialCore

@Suite("FileLock and in-place edits")
struct FileLockTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test("a second lock on the same file waits, then gives up with fileLocked; after unlock it is granted")
    func exclusive() throws {
        let path = folder.appendingPathComponent("list.json.lock").path
        let first = try FileLock(path: path)
        #expect(throws: CredentialError(.fileLocked, "")) {
            let second = try FileLock(path: path, timeout: 0.1)
            second.unlock()
        }
        first.unlock()
        let second = try FileLock(path: path, timeout: 0.1)
        second.unlock()
    }

    @Test("replacing a file keeps the previous bytes as .bak and the file's mode")
    func backup() throws {
        let path = folder.appendingPathComponent("list.json").path
        try FileIO.write(Array("old".utf8), to: path, mode: 0o600, overwrite: false)
        try FileIO.replaceKeepingBackup(Array("new".utf8), at: path)
        #expect(try FileIO.read(path) == Array("new".utf8))
        #expect(try FileIO.read(path + ".bak") == Array("old".utf8))
        #expect(FileIO.permissions(of: path) == 0o600)
        #expect(throws: CredentialError(.fileUnreadable, "")) {
            try FileIO.replaceKeepingBackup([], at: folder.appendingPathComponent("missing.json").path)
        }
    }
}
