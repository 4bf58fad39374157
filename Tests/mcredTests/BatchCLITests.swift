import Foundation
import Testing

/// `issue --batch` and `verify --batch` through the built binary: all or nothing, order, limits, memory.
@Suite("mcred batches", .serialized)
struct BatchCLITests {
    static let key = CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path
    static let examples = ["construction", "agri-food", "manufacturing", "wood-furniture", "sustainable-management"]

    /// The bundled example templates as compact JSON objects, without their ids.
    static func templates() throws -> [[String: Any]] {
        try examples.map { name in
            let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("spec/examples/\(name).json"))
            var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            object["id"] = nil
            return object
        }
    }

    /// `count` templates as JSON Lines, each with the id `urn:example:batch:N` (or `id(N)`).
    static func lines(count: Int, id: (Int) -> String = { "urn:example:batch:\($0)" }) throws -> [String] {
        let templates = try templates()
        return try (1 ... count).map { number in
            var object = templates[(number - 1) % templates.count]
            object["id"] = id(number)
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
    }

    static func write(_ lines: [String], to url: URL) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    @Test("a one-line batch's summaries say one credential")
    func oneLine() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(try Self.lines(count: 1), to: folder.appendingPathComponent("in.jsonl"))
        let issued = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl"], in: folder)
        #expect(issued.stderr.contains("issued 1 credential → out.jsonl"))
        let verified = try CLI.run(["verify", "--batch", "out.jsonl"], in: folder)
        #expect(verified.stderr.contains("1 credential: 1 pass, 0 fail"))
    }

    @Test("batches of several windows keep order, and a full disk during one stops them with exit 2")
    func severalWindows() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // About 11 MB of templates: more than one 8 MiB window, so output is written while the
        // next window is being worked on.
        try Self.write(try Self.lines(count: 5_000), to: folder.appendingPathComponent("in.jsonl"))
        let issued = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        let signed = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)
        let ids = signed.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (1 ... 5_000).map { "urn:example:batch:\($0)" })
        let verified = try CLI.run(["verify", "--batch", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(verified.status == 0)
        #expect(verified.stdout.split(separator: "\n").count == 5_000)

        for arguments in [["verify", "--batch", "out.jsonl"], ["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "-"]] {
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let result = try CLI.run(arguments, in: folder, standardOutput: full)
            #expect(!result.signalled)
            #expect(result.status == 2, "\(arguments[0])")
            #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        }
    }

    @Test("issue --batch keeps input order with --jobs 2 and every line verifies, in order, as JSON Lines too")
    func order() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(try Self.lines(count: 60), to: folder.appendingPathComponent("in.jsonl"))
        let issued = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stderr.contains("issued 60 credentials → out.jsonl"))
        let output = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)
        let ids = try output.split(separator: "\n").map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == (1 ... 60).map { "urn:example:batch:\($0)" })
        let verified = try CLI.run(["verify", "--batch", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) } == (1 ... 60).map { "line \($0)" })
        #expect(verified.stderr.contains("60 credentials: 60 pass, 0 fail"))
        let json = try CLI.run(["verify", "--batch", "out.jsonl", "--json", "--jobs", "2"], in: folder)
        let reports = try json.stdout.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
        #expect(reports.compactMap { $0["line"] as? Int } == Array(1 ... 60))
        #expect(reports.compactMap { $0["id"] as? String } == (1 ... 60).map { "urn:example:batch:\($0)" })
    }

    @Test("a bad line anywhere: exit 1, every bad line named, no output file, an existing one untouched, no temp file")
    func allOrNothing() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try Self.lines(count: 30)
        lines[4] = "[1, 2"
        lines[21] = "{\"type\": 5}"
        try Self.write(lines, to: folder.appendingPathComponent("in.jsonl"))
        let fresh = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(fresh.status == 1)
        #expect(fresh.stderr.contains("in.jsonl:5: "))
        #expect(fresh.stderr.contains("in.jsonl:22: "))
        #expect(fresh.stderr.contains("refused 2 of 30 lines; nothing written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.jsonl"])

        try Data("previous\n".utf8).write(to: folder.appendingPathComponent("out.jsonl"))
        let forced = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--force"], in: folder)
        #expect(forced.status == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.jsonl", "out.jsonl"])
    }

    @Test("consecutive lines refused for the same reason are one entry naming their range; a blank line or another reason ends it")
    func refusalsFolded() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try Self.lines(count: 30)
        for index in 2 ... 11 { lines[index] = "[1, 2" }  // lines 3–12
        lines[13] = "[1, 2"  // line 14
        lines[14] = ""  // line 15, blank
        lines[15] = "[1, 2"  // line 16
        lines[20] = "{\"type\": 5}"  // line 21
        lines[21] = "[1, 2"  // line 22
        try Self.write(lines, to: folder.appendingPathComponent("in.jsonl"))
        let result = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(result.status == 1)
        let entries = result.stderr.split(separator: "\n").filter { $0.hasPrefix("mcred: in.jsonl:") }.map {
            $0.dropFirst("mcred: in.jsonl:".count).prefix { $0 != ":" }
        }
        #expect(entries == ["3-12 (10 lines)", "14", "16", "21", "22"])
        #expect(result.stderr.contains("refused 14 of 29 lines; nothing written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.jsonl").path))
    }

    @Test("--jobs says its default is every core, once, not this machine's count")
    func jobsHelp() throws {
        for command in ["issue", "verify"] {
            let help = try CLI.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("--jobs <n> Worker threads for --batch (default: every core). --"), "\(command)")
        }
    }

    @Test("a repeated template id is a bad line named by number")
    func duplicateIDs() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(try Self.lines(count: 12, id: { $0 == 11 ? "urn:example:batch:3" : "urn:example:batch:\($0)" }),
                       to: folder.appendingPathComponent("in.jsonl"))
        let result = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("in.jsonl:11: the id repeats the id of an earlier line"))
        #expect(!result.stderr.contains("in.jsonl:3:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.jsonl").path))
    }

    @Test("--out - streams the lines signed before the first bad line, then stops with exit 1")
    func streamsToStandardOutput() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try Self.lines(count: 20)
        lines[9] = "not json"
        lines[14] = "also not json"
        try Self.write(lines, to: folder.appendingPathComponent("in.jsonl"))
        let result = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "-"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 9)
        #expect(result.stderr.contains("in.jsonl:10: "))
        #expect(!result.stderr.contains("in.jsonl:15: "))
        let help = try CLI.run(["issue", "--help"])
        #expect(help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("the first bad line stops the batch"))
    }

    @Test("a line over the 64 MiB per-line limit is a bad line named with its length; the others are still checked")
    func lineOverLimit() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Self.lines(count: 4)
        var bytes = Array((lines[0] + "\n" + lines[1] + "\n").utf8)
        bytes += Array("{\"description\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 64 * 1024 * 1024) + Array("\"}\n".utf8)
        bytes += Array((lines[2] + "\nbroken\n" + lines[3] + "\n").utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("in.jsonl"))
        let issued = try CLI.run(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl"], in: folder)
        #expect(issued.status == 1)
        #expect(issued.stderr.contains("in.jsonl:3: the line is 67108882 bytes, more than the limit of 67108864 bytes"))
        #expect(issued.stderr.contains("in.jsonl:5: "))
        #expect(issued.stderr.contains("refused 2 of 6 lines"))
        let verified = try CLI.run(["verify", "--batch", "in.jsonl"], in: folder)
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("line 3: FAIL (no id) schema: the line is 67108882 bytes"))
        #expect(verified.stdout.split(separator: "\n").count == 6)
    }

    @Test(
        "a batch far over 64 MiB issues and verifies in bounded memory",
        .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func boundedMemory() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 40 templates of about 2.7 MB each (three learning outcomes just under the 1 MiB string
        // limit): 108 MB in all, so reading the whole input could not stay under the bound.
        var template = try Self.templates()[0]
        var achievement = (template["credentialSubject"] as? [String: Any])?["achievement"] as? [String: Any] ?? [:]
        var bytes: [UInt8] = []
        for number in 1 ... 40 {
            achievement["learningOutcomes"] = (0 ..< 3).map { "outcome \(number)-\($0) " + String(repeating: "x", count: 900_000) }
            var subject = template["credentialSubject"] as? [String: Any] ?? [:]
            subject["achievement"] = achievement
            template["credentialSubject"] = subject
            template["id"] = "urn:example:large:\(number)"
            bytes += Array(try JSONSerialization.data(withJSONObject: template)) + [0x0A]
        }
        #expect(bytes.count > 100_000_000)
        try Data(bytes).write(to: folder.appendingPathComponent("in.jsonl"))
        bytes = []
        let bound = 100 * 1024 * 1024
        let issued = try CLI.peakMemory(["issue", "--key", Self.key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(issued.status == 0)
        #expect(issued.peak > 0 && issued.peak < bound, "issue peaked at \(issued.peak) bytes")
        // The unsigned input: every line is parsed and fails its signature check, which keeps the
        // test short while the reading is the same.
        let verified = try CLI.peakMemory(["verify", "--batch", "in.jsonl", "--jobs", "2"], in: folder)
        #expect(verified.status == 1)
        #expect(verified.peak > 0 && verified.peak < bound, "verify peaked at \(verified.peak) bytes")
    }
}
