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
        let path = folder.appendingPathComponent("list.json").path
        try FileIO.write(Array("{}".utf8), to: path, mode: 0o644, overwrite: false)
        let first = try FileLock(protecting: path)
        #expect(first.path == path + ".lock")
        #expect(throws: CredentialError(.fileLocked, "")) {
            let second = try FileLock(protecting: path, timeout: 0.1)
            second.unlock()
        }
        first.unlock()
        let second = try FileLock(protecting: path, timeout: 0.1)
        second.unlock()
    }

    @Test("locking a file that does not exist, or a folder, fails and creates no lock file")
    func missingFile() throws {
        let missing = folder.appendingPathComponent("typo.json").path
        #expect(throws: CredentialError(.fileUnreadable, "")) { _ = try FileLock(protecting: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing + ".lock"))
        #expect(throws: CredentialError(.fileUnreadable, "")) { _ = try FileLock(protecting: folder.path) }
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".lock"))
    }

    @Test("a FIFO or a device is refused as a file to edit (a FIFO would block), and no lock file is made")
    func specialFile() throws {
        let pipe = folder.appendingPathComponent("list.json").path
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: CredentialError(.notRegularFile, "")) { _ = try FileLock(protecting: pipe) }
        #expect(!FileManager.default.fileExists(atPath: pipe + ".lock"))
        #expect(throws: CredentialError(.notRegularFile, "")) { try FileIO.requireRegularFile("/dev/null") }
        // A link to a regular file is what it points to.
        let file = folder.appendingPathComponent("real.json").path
        try FileIO.write(Array("{}".utf8), to: file, mode: 0o644, overwrite: false)
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try FileIO.requireRegularFile(link)
    }

    @Test("a symbolic link planted as the lock file is refused, not followed")
    func lockFileSymlink() throws {
        let path = folder.appendingPathComponent("list.json").path
        try FileIO.write(Array("{}".utf8), to: path, mode: 0o644, overwrite: false)
        let target = folder.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: target)
        #expect(throws: CredentialError(.fileUnwritable, "")) { _ = try FileLock(protecting: path) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("many editors starting at once on a file with no lock file yet lose no update")
    func concurrentFirstLock() throws {
        // Every round starts with no lock file: the editors race to create it, and all must end up
        // locking the same one. A lock file created by writing a temporary file and renaming it over
        // the path let two editors each lock their own inode, and increments were lost.
        for round in 0 ..< 10 {
            let path = folder.appendingPathComponent("counter-\(round).json").path
            try FileIO.write(Array("{\"n\": 0}".utf8), to: path, mode: 0o644, overwrite: false)
            let editors = 8
            DispatchQueue.concurrentPerform(iterations: editors) { _ in
                _ = try? FileIO.editJSON(at: path) { document in
                    usleep(2_000)
                    return .object(["n": .number((document["n"]?.doubleValue ?? 0) + 1)])
                }
            }
            #expect(try FileIO.readJSON(path)["n"]?.doubleValue == Double(editors), "round \(round)")
        }
    }

    @Test("editing a JSON file keeps the version read as .bak and the file's mode; a failed change writes nothing")
    func backup() throws {
        let path = folder.appendingPathComponent("list.json").path
        try FileIO.write(Array("{\"n\": 1}".utf8), to: path, mode: 0o600, overwrite: false)
        let updated = try FileIO.editJSON(at: path) { document in
            // The lock is held while the change runs.
            #expect(throws: CredentialError(.fileLocked, "")) { _ = try FileLock(protecting: path, timeout: 0.05) }
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
        // A file reached through a symbolic link is refused before its backup is written.
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: CredentialError(.notRegularFile, "")) { _ = try FileIO.editJSON(at: link) { $0 } }
        #expect(!FileManager.default.fileExists(atPath: link + ".bak"))
        #expect(try FileIO.readJSON(path)["n"] == 2)
    }
}
