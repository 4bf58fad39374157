import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--out` and `--force`: what may be replaced, and what the demo leaves behind.
@Suite("Files mcred writes", .serialized)
struct FileSafetyTests {
    func issue(_ out: String, force: Bool, in folder: URL) throws -> CLIResult {
        let template = CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path
        return try CLI.run(["issue", "--key", CLI.exampleKey, template, "--out", out] + (force ? ["--force"] : []), in: folder)
    }

    @Test("--force replaces a regular file; without it the file is kept")
    func regularFile() throws {
        let folder = try CLI.temporaryDirectory()
        try Data("old".utf8).write(to: folder.appendingPathComponent("vc.json"))
        let refused = try issue("vc.json", force: false, in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("vc.json: the file exists; use --force"))
        #expect(try String(contentsOf: folder.appendingPathComponent("vc.json"), encoding: .utf8) == "old")
        let forced = try issue("vc.json", force: true, in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("vc.json"), encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["vc.json"])
    }

    @Test("a name near the 255-byte limit is written, through a shorter temporary name, and nothing else stays")
    func longName() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "k", count: 245) + ".json"
        let issued = try issue(name, force: false, in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        let key = String(repeating: "é", count: 120) + ".key"  // 244 bytes of UTF-8
        #expect(try CLI.run(["keygen", "--out", key], in: folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [name, key].sorted())
    }

    @Test("--out naming one of the command's own inputs is refused even with --force, and the input is kept")
    func outputIsAnInput() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["keygen", "--out", "issuer.key"], in: folder).status == 0)
        let key = try Data(contentsOf: folder.appendingPathComponent("issuer.key"))
        let template = CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path
        let overKey = try CLI.run(["issue", "--key", "issuer.key", template, "--out", "./issuer.key", "--force"], in: folder)
        #expect(overKey.status == 2)
        #expect(overKey.stderr.contains("--out ./issuer.key is the --key file"), "\(overKey.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("issuer.key")) == key)
        try FileManager.default.copyItem(atPath: template, toPath: folder.appendingPathComponent("t.json").path)
        let overTemplate = try CLI.run(["issue", "--key", "issuer.key", "t.json", "--out", "t.json", "--force"], in: folder)
        #expect(overTemplate.status == 2)
        #expect(overTemplate.stderr.contains("is the template"))
    }

    @Test("--force refuses a directory, naming it, and leaves it alone")
    func directory() throws {
        let folder = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: false)
        for force in [false, true] {
            let result = try issue("out", force: force, in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("out: is a directory"), "\(result.stderr)")
        }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }

    @Test("--force refuses a symbolic link and keeps the file it points to")
    func symbolicLink() throws {
        let folder = try CLI.temporaryDirectory()
        try Data("target".utf8).write(to: folder.appendingPathComponent("target.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "target.txt")
        let result = try issue("link.json", force: true, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("link.json: is a symbolic link"))
        #expect(try String(contentsOf: folder.appendingPathComponent("target.txt"), encoding: .utf8) == "target")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.json").path) == "target.txt")
    }

    @Test("--force refuses a FIFO")
    func fifo() throws {
        let folder = try CLI.temporaryDirectory()
        let path = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let result = try issue(path, force: true, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipe: is a FIFO"))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a FIFO given as a list or wallet to update is refused at once (exit 2), not read forever", arguments: [
        ["status", "set", "--key", CLI.exampleKey, "--list", "pipe", "--index", "1"],
        ["trust", "remove", "--key", CLI.exampleKey, "--list", "pipe", "--issuer", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"],
        ["wallet", "add", "pipe", CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json").path],
    ])
    func fifoToUpdate(arguments: [String]) throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderrWithoutKeyWarnings.contains("pipe: is a FIFO (named pipe), not a regular file"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test("--force refuses a device, so /dev/full stays a device")
    func device() throws {
        let folder = try CLI.temporaryDirectory()
        let result = try issue("/dev/full", force: true, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/full: is a character device"))
        let keygen = try CLI.run(["keygen", "--out", "/dev/null", "--force"], in: folder)
        #expect(keygen.status == 2)
        #expect(keygen.stderr.contains("is a character device"))
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test("demo removes its temporary folder")
    func demoCleansUp() throws {
        let scratch = try CLI.temporaryDirectory()
        let process = CLI.makeProcess(["demo"])
        var environment = process.environment ?? [:]
        environment["TMPDIR"] = scratch.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
    }

    @Test("demo --out keeps existing files unless --force, and keeps its output")
    func demoOut() throws {
        let folder = try CLI.temporaryDirectory()
        let first = try CLI.run(["demo", "--out", folder.path])
        #expect(first.status == 0, "\(first.stderr)")
        let kept = folder.appendingPathComponent("construction.vc.json")
        #expect(FileManager.default.fileExists(atPath: kept.path))
        try Data("mine".utf8).write(to: kept)
        let again = try CLI.run(["demo", "--out", folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        #expect(try String(contentsOf: kept, encoding: .utf8) == "mine")
        let forced = try CLI.run(["demo", "--out", folder.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: kept, encoding: .utf8) != "mine")
    }

    @Test("git ignores private keys outside keys-example")
    func keysIgnored() throws {
        let ignore = try String(contentsOf: CLI.packageRoot.appendingPathComponent(".gitignore"), encoding: .utf8)
        let lines = ignore.split(separator: "\n").map(String.init)
        #expect(lines.contains("*.key"))
        #expect(lines.contains("!keys-example/*.key"))
    }
}
