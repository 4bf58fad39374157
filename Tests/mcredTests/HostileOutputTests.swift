import Foundation
import Testing

/// Terminal injection and output failures: what a stranger's credential or a broken stdout can do.
@Suite("Hostile text and output failures", .serialized)
struct HostileOutputTests {
    /// A validly signed credential whose text fields try to rewrite the terminal.
    static func signedHostileCredential(in folder: URL) throws -> String {
        var template = try CLI.template("construction")
        var subject = template["credentialSubject"] as? [String: Any] ?? [:]
        var achievement = subject["achievement"] as? [String: Any] ?? [:]
        // Cursor up, carriage return, erase line: in a terminal this overwrote FAIL with PASS.
        achievement["name"] = "Retrofitting\u{1B}[1A\r\u{1B}[2KPASS everything.json\u{9B}2J"
        subject["achievement"] = achievement
        subject["name"] = "Maria Kowalska\nLearner: Someone Else\u{2028}Title: Forged"
        template["credentialSubject"] = subject
        var issuer = template["issuer"] as? [String: Any] ?? [:]
        issuer["name"] = "Escuela \u{202E}lanoitan\u{202C} \u{2066}x\u{2069}\u{200F}\u{7F}\u{061C}\u{200E}\t\u{2029}\u{202A}\u{2067}"
            + " hid\u{200B}den\u{FEFF}\u{AD}\u{E0041} Sh\u{200D}\u{200C}ir"
        template["issuer"] = issuer
        let path = try CLI.writeJSON(template, "hostile.json", in: folder)
        let issued = try CLI.run(["issue", "--key", CLI.exampleKey, path, "--out", "hostile.vc.json"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        return "hostile.vc.json"
    }

    /// The bytes a terminal would act on: C0 (but the line feeds mcred writes), DEL, C1, bidi
    /// controls, line and paragraph separators.
    static func rawControls(in output: String) -> [Unicode.Scalar] {
        output.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
            case 0x00AD, 0x200B, 0xFEFF, 0xE0000...0xE007F: true
            default: false
            }
        }
    }

    @Test("verify shows a hostile credential's text escaped, with no raw control and no forged line")
    func verifyEscapes() throws {
        let folder = try CLI.temporaryDirectory()
        let file = try Self.signedHostileCredential(in: folder)
        let result = try CLI.run(["verify", file], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(Self.rawControls(in: result.stdout).isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first?.hasPrefix("PASS hostile.vc.json (1 credential)") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(result.stdout)")
        #expect(lines.count == 10)
        #expect(result.stdout.contains("Retrofitting\\u{1B}[1A\\u{D}\\u{1B}[2KPASS everything.json\\u{9B}2J"))
        #expect(result.stdout.contains("\\u{202E}lanoitan\\u{202C}"))
        // Invisible characters that could hide text are shown; the joiners scripts need are kept.
        #expect(result.stdout.contains("hid\\u{200B}den\\u{FEFF}\\u{AD}\\u{E0041} Sh\u{200D}\u{200C}ir"), "\(result.stdout)")
    }

    @Test("inspect shows a hostile credential's text escaped: one Learner line, no forged Title")
    func inspectEscapes() throws {
        let folder = try CLI.temporaryDirectory()
        let file = try Self.signedHostileCredential(in: folder)
        let result = try CLI.run(["inspect", file], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rawControls(in: result.stdout).isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("Learner:") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("Title:") }.count == 1)
        #expect(!lines.contains { $0.hasPrefix("Learner: Someone") })
        #expect(result.stdout.contains("Maria Kowalska\\u{A}Learner: Someone Else\\u{2028}Title: Forged"))
    }

    @Test("the summaries of status, trust, wallet and present show a file name's terminal controls escaped")
    func fileNamesEscaped() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
        // A name that would clear the screen and print a forged line.
        let name = "x\u{1B}[2J\rFAKE\u{202E}"
        let runs = [
            ["status", "create", "--key", CLI.exampleKey, "--url", "https://example.org/s/1", "--purpose", "revocation",
             "--out", name + ".status.json"],
            ["status", "set", "--key", CLI.exampleKey, "--list", name + ".status.json", "--index", "7"],
            ["trust", "create", "--key", CLI.exampleKey, "--name", "Agency", "--out", name + ".trust.json"],
            ["trust", "add", "--key", CLI.exampleKey, "--list", name + ".trust.json", "--issuer",
             "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--name", "School", "--country", "ES"],
            ["trust", "remove", "--key", CLI.exampleKey, "--list", name + ".trust.json", "--issuer",
             "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"],
            ["wallet", "init", "--holder-key", learnerKey, "--out", name + ".wallet.json"],
            ["present", "--wallet", name + ".wallet.json", "--key", learnerKey, "--challenge", "c", "--domain", "d\u{1B}[1A",
             "--out", name + ".share.json"],
        ]
        let signed = CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json").path
        for arguments in runs {
            if arguments.first == "present" {
                let added = try CLI.run(["wallet", "add", "--at", "2027-01-01", name + ".wallet.json", signed], in: folder)
                #expect(added.status == 0, "\(added.stderr)")
            }
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(Self.rawControls(in: result.stdout + result.stderr).isEmpty, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("x\\u{1B}[2J\\u{D}FAKE\\u{202E}"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("wallet add and wallet list show a hostile credential's text escaped")
    func walletEscapes() throws {
        let folder = try CLI.temporaryDirectory()
        let file = try Self.signedHostileCredential(in: folder)
        let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
        #expect(try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "w.json"], in: folder).status == 0)
        let added = try CLI.run(["wallet", "add", "w.json", file], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(Self.rawControls(in: added.stdout + added.stderr).isEmpty)
        let listed = try CLI.run(["wallet", "list", "w.json"], in: folder)
        #expect(listed.status == 0)
        #expect(Self.rawControls(in: listed.stdout).isEmpty)
        #expect(listed.stdout.split(separator: "\n").count == 2, "\(listed.stdout)")
    }

    @Test("a hostile template's refusal on stderr is escaped too")
    func issueRefusalEscapes() throws {
        let folder = try CLI.temporaryDirectory()
        var template = try CLI.template("construction")
        template["issuer"] = "did:key:z6Mk\u{1B}[2K\nmcred: signed"
        let path = try CLI.writeJSON(template, "bad-issuer.json", in: folder)
        let result = try CLI.run(["issue", "--key", CLI.exampleKey, path], in: folder)
        #expect(result.status != 0)
        #expect(Self.rawControls(in: result.stderr).isEmpty)
        #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("mcred: signed") })
    }

    @Test("a full disk on standard output is exit 2 with one message, for every command that prints",
          arguments: [
            ["verify", "spec/examples/construction.signed.json"],
            ["verify", "--json", "spec/examples/construction.signed.json"],
            ["inspect", "spec/examples/construction.signed.json"],
            ["canonicalize", "spec/examples/construction.signed.json"],
            ["did", "keys-example/issuer.key"],
            ["issue", "--key", "keys-example/issuer.key", "spec/examples/construction.json"],
            ["--help"],
          ])
    func fullDisk(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try CLI.run(arguments, standardOutput: full)
        #expect(!result.signalled)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("mcred: warning:") }
        #expect(lines == ["mcred: cannot write to standard output: No space left on device"])
    }

    @Test("a closed pipe on standard output ends the command quietly, without a crash",
          arguments: [
            ["verify", "spec/examples/construction.signed.json"],
            ["canonicalize", "spec/examples/construction.signed.json"],
            ["inspect", "spec/examples/construction.signed.json"],
            ["present", "--wallet", "spec/examples/stack/wallet.json", "--key", "keys-example/learner.key",
             "--challenge", "c", "--domain", "d", "--out", "-"],
            ["stack", "--key", "keys-example/issuer.key", "--template", "spec/examples/stack/pathway.json",
             "spec/examples/construction.signed.json", "spec/examples/wood-furniture.signed.json", "spec/examples/agri-food.signed.json"],
          ])
    func closedPipe(arguments: [String]) throws {
        let result = try CLI.run(arguments, standardOutput: Pipe())
        #expect(!result.signalled)
        #expect(result.status == 2)
        #expect(result.stderrWithoutKeyWarnings.isEmpty, "\(result.stderr)")
    }

    @Test("a closed pipe ends a streamed batch quietly too", arguments: [
        (["issue", "--key", "keys-example/issuer.key", "--batch", "-", "--out", "-"], "spec/examples/construction.json"),
        (["verify", "--batch", "-"], "spec/examples/construction.signed.json"),
    ])
    func closedPipeBatch(arguments: [String], example: String) throws {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.packageRoot.appendingPathComponent(example)))
        let line = try JSONSerialization.data(withJSONObject: document) + Data("\n".utf8)
        let result = try CLI.run(arguments, stdin: [UInt8](line), standardOutput: Pipe())
        #expect(!result.signalled)
        #expect(result.status == 2)
        #expect(result.stderrWithoutKeyWarnings.isEmpty, "\(result.stderr)")
    }

    @Test("SIGTERM still ends mcred by that signal once its handler has run")
    func terminated() throws {
        let process = CLI.makeProcess(["verify", "-"])
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // mcred now waits for standard input; give it time to install its handlers.
        Thread.sleep(forTimeInterval: 0.5)
        process.terminate()
        Self.waitForEnd(of: process)
        try input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
    }

    /// Starts `issue --batch - --out FOLDER/out.jsonl` (under `launcher` when given), feeds it one
    /// template line, and waits until its temporary output file exists.
    static func startedBatch(in folder: URL, launcher: String? = nil) throws -> (process: Process, input: Pipe, line: Data) {
        let arguments = ["issue", "--key", CLI.exampleKey, "--batch", "-", "--out", folder.appendingPathComponent("out.jsonl").path]
        let process = CLI.makeProcess(arguments)
        if let launcher {
            process.arguments = [CLI.binary.path] + arguments
            process.executableURL = URL(fileURLWithPath: launcher)
        }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.packageRoot.appendingPathComponent("spec/examples/construction.json")))
        let line = try JSONSerialization.data(withJSONObject: document) + Data("\n".utf8)
        input.fileHandleForWriting.write(line)
        var waited = 0
        while try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        return (process, input, line)
    }

    /// Waits for `process` to end. Never hang the suite: a process still alive after ten seconds is
    /// killed, and the test fails on its status.
    static func waitForEnd(of process: Process) {
        var waited = 0
        while process.isRunning && waited < 200 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    @Test("SIGHUP (the terminal closed) removes a batch's temporary file and ends mcred by that signal")
    func hangUp() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, input, _) = try Self.startedBatch(in: folder)
        let during = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(during.count == 1 && during[0].hasPrefix(".out.jsonl.tmp-"), "\(during)")
        kill(process.processIdentifier, SIGHUP)
        Self.waitForEnd(of: process)
        try input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGHUP)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("under nohup, SIGHUP stays ignored: the batch goes on and completes",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/nohup")))
    func hangUpUnderNohup() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, input, line) = try Self.startedBatch(in: folder, launcher: "/usr/bin/nohup")
        kill(process.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning)
        input.fileHandleForWriting.write(line)
        try input.fileHandleForWriting.close()
        Self.waitForEnd(of: process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let output = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)
        #expect(output.split(separator: "\n").count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
    }
}
