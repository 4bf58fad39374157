@testable import CredentialCore
import Foundation
import Testing

@Suite("FileIO writes")
struct FileIOTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-fileio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a file that appears while the temporary file is written is not replaced without overwrite")
    func noClobberRace() throws {
        let folder = try scratch()
        let path = folder.appendingPathComponent("out.json").path
        #expect(throws: CredentialError(.fileExists, "")) {
            try FileIO.write(Array("new".utf8), to: path, mode: 0o644, overwrite: false) {
                // Another process creates the destination between the check and the move.
                _ = FileManager.default.createFile(atPath: path, contents: Data("theirs".utf8))
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theirs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test("a directory that appears before the move is not replaced, even with overwrite")
    func directoryAppears() throws {
        let folder = try scratch()
        let path = folder.appendingPathComponent("out.json").path
        #expect(throws: CredentialError(.notRegularFile, "")) {
            try FileIO.write(Array("new".utf8), to: path, mode: 0o644, overwrite: true) {
                try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            }
        }
        #expect(FileIO.kind(of: path) == .directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test("an interruption removes the temporary file of a write in progress")
    func interruptionRemovesTemporaryFile() throws {
        let folder = try scratch()
        let path = folder.appendingPathComponent("out.json").path
        var seen: [String] = []
        #expect(throws: CredentialError(.fileUnwritable, "")) {
            try FileIO.write(Array("new".utf8), to: path, mode: 0o644, overwrite: false) {
                seen = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                // What the SIGINT/SIGTERM handler of the CLI calls.
                FileIO.removeTemporaryFiles()
            }
        }
        #expect(seen.count == 1 && seen[0].hasPrefix(".out.json.tmp-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test("kind(of:) names what a path is without following links")
    func kinds() throws {
        let folder = try scratch()
        let file = folder.appendingPathComponent("f").path
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("l").path, withDestinationPath: file)
        #expect(FileIO.kind(of: file) == .regularFile)
        #expect(FileIO.kind(of: folder.path) == .directory)
        #expect(FileIO.kind(of: folder.appendingPathComponent("l").path) == .symbolicLink)
        #expect(FileIO.kind(of: "/dev/null") == .characterDevice)
        #expect(FileIO.kind(of: folder.appendingPathComponent("absent").path) == nil)
    }
}
