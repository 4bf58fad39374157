import CredentialCore
import Foundation
import Testing

@Suite("StagedFile")
struct StagedFileTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("nothing reaches the destination before commit; commit renames the whole file into place")
    func commit() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.jsonl").path
        let staged = try StagedFile(destination: target, overwrite: false)
        try staged.write(Array("one\n".utf8))
        try staged.write(Array("two\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(FileManager.default.fileExists(atPath: staged.temporaryPath))
        try staged.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "one\ntwo\n")
        #expect(try names(in: folder) == ["out.jsonl"])
    }

    @Test("discard leaves an existing destination as it was and removes the temporary file")
    func discard() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.jsonl").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        let staged = try StagedFile(destination: target, overwrite: true)
        try staged.write(Array("new\n".utf8))
        staged.discard()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try names(in: folder) == ["out.jsonl"])
    }

    @Test("an existing destination is refused up front without overwrite")
    func refusesExisting() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.jsonl").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: CredentialError(.fileExists, "")) { try StagedFile(destination: target, overwrite: false) }
        #expect(try names(in: folder) == ["out.jsonl"])
    }
}
