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

    @Test("editing a JSON file keeps the version read as .bak and the file's mode; a failed change writes nothing")
    func backup() throws {
        let path = folder.appendingPathComponent("list.json").path
        try FileIO.write(Array("{\"n\": 1}".utf8), to: path, mode: 0o600, overwrite: false)
        let updated = try FileIO.editJSON(at: path) { document in
            // The lock is held while the change runs.
            #expect(throws: CredentialError(.fileLocked, "")) { _ = try FileLock(path: path + ".lock", timeout: 0.05) }
            var object = document.objectValue ?? JSONObject()
            object["n"] = 2
            return .object(object)
        }
        #expect(updated["n"] == 2)
        #expect(try FileIO.readJSON(path)["n"] == 2)
        #expect(try FileIO.read(path + ".bak") == Array("{\"n\": 1}".utf8))
        #expect(FileIO.permissions(of: path) == 0o600)
        struct Refused: Error {}
        #expect(throws: Refused.self) { _ = try FileIO.editJSON(at: path) { _ in throw Refused() } }
        #expect(try FileIO.readJSON(path)["n"] == 2)
        #expect(try FileIO.read(path + ".bak") == Array("{\"n\": 1}".utf8))
        #expect(throws: CredentialError(.fileUnreadable, "")) {
            _ = try FileIO.editJSON(at: folder.appendingPathComponent("missing.json").path) { $0 }
        }
    }
}
