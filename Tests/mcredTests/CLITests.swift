import Foundation
import Testing

@Suite("mcred command line", .serialized)
struct CLITests {
    let examples = ["construction", "wood-furniture", "agri-food", "manufacturing", "sustainable-management"]

    @Test("keygen writes a 0600 PKCS#8 key, prints its did:key, and did prints the same")
    func keygenAndDid() throws {
        let folder = try CLI.temporaryDirectory()
        let result = try CLI.run(["keygen", "--out", "k.pem"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let did = result.stdout.trimmingCharacters(in: .newlines)
        #expect(did.hasPrefix("did:key:z6Mk"))
        let path = folder.appendingPathComponent("k.pem").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(!result.stdout.contains("PRIVATE"))
        let shown = try CLI.run(["did", "k.pem"], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout == did + "\n")
        let method = try CLI.run(["did", "--verification-method", "k.pem"], in: folder)
        #expect(method.stdout == did + "#" + did.dropFirst("did:key:".count) + "\n")
    }

    @Test("keygen refuses to overwrite without --force and keeps the old key")
    func keygenRefusesOverwrite() throws {
        let folder = try CLI.temporaryDirectory()
        try CLI.run(["keygen", "--out", "k.pem"], in: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent("k.pem"))
        let again = try CLI.run(["keygen", "--out", "k.pem"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("k.pem"))
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("k.pem")) == before)
        let forced = try CLI.run(["keygen", "--out", "k.pem", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("k.pem")) != before)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["k.pem"])
    }

    @Test("a key from mcred keygen is read by openssl, with the same did:key", .enabled(if: CLI.openssl != nil))
    func keygenInteroperates() throws {
        let folder = try CLI.temporaryDirectory()
        try CLI.run(["keygen", "--out", "k.pem"], in: folder)
        let path = folder.appendingPathComponent("k.pem").path
        let (status, _) = try CLI.runOpenSSL(["pkey", "-in", path, "-noout"])
        #expect(status == 0)
        let (_, publicPEM) = try CLI.runOpenSSL(["pkey", "-in", path, "-pubout"])
        let publicPath = folder.appendingPathComponent("pub.pem")
        try publicPEM.write(to: publicPath, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["did", "pub.pem"], in: folder).stdout == CLI.run(["did", "k.pem"], in: folder).stdout)
    }

    @Test("did on a file that is not a key exits 2 naming the file")
    func didBadFile() throws {
        let result = try CLI.run(["did", "README.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("README.md"))
        let missing = try CLI.run(["did", "no-such.key"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such.key"))
    }

    @Test("usage errors exit 2 with the parser's message")
    func usageErrors() throws {
        let result = try CLI.run(["verify"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("give at least one file"))
        let unknown = try CLI.run(["frobnicate"])
        #expect(unknown.status == 2)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("keygen"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        // A negative number is read as the option's value and refused by its own rule.
        let negative = try CLI.run(["verify", "--max-status-age", "-3", "spec/examples/construction.signed.json"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--max-status-age must be 0 or more days"), "\(negative.stderr)")
        let jobs = try CLI.run(["verify", "--batch", "-", "--jobs", "-2"])
        #expect(jobs.stderr.contains("--jobs must be at least 1"), "\(jobs.stderr)")
        let port = try CLI.run(["serve", "--port", "-1"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("The value '-1' is invalid for '--port <port>'"), "\(port.stderr)")
        // What is required shows as required in the usage line.
        #expect(try CLI.run(["keygen", "--help"]).stdout.contains("USAGE: mcred keygen --out <file> [--force]"))
        #expect(try CLI.run(["stack", "--help"]).stdout.contains("<component.json> ..."))
        #expect(!(try CLI.run(["stack", "--help"]).stdout.contains("[<component.json> ...]")))
    }

    /// Every command, as `mcred … --help` names it.
    static let commands: [[String]] = [
        ["keygen"], ["did"], ["issue"], ["verify"], ["inspect"], ["canonicalize"], ["wallet"], ["present"],
        ["challenge"], ["stack"], ["status"], ["trust"], ["render"], ["serve"], ["demo"],
        ["wallet", "init"], ["wallet", "add"], ["wallet", "list"], ["wallet", "remove"], ["wallet", "show"],
        ["wallet", "export"], ["wallet", "import"], ["status", "create"], ["status", "set"], ["status", "show"],
        ["trust", "create"], ["trust", "add"], ["trust", "remove"], ["trust", "show"],
    ]

    @Test("help examples fit 80 columns, so none is wrapped into a line that is not part of the command",
          arguments: commands)
    func examplesFit(command: [String]) throws {
        let help = try CLI.run(command + ["--help"])
        #expect(help.status == 0)
        var inExample = false
        for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  mcred ") { inExample = true }
            if line.isEmpty { inExample = false }
            // An example and its continuation lines are indented; a wrapped tail starts at column 0.
            #expect(!inExample || line.hasPrefix("  "), "\(command): \(line)")
        }
    }

    @Test("canonicalize writes RFC 8785 bytes with no trailing newline")
    func canonicalize() throws {
        let result = try CLI.run(["canonicalize"], stdin: Array("{\"b\": 1e21, \"a\": [1.50, \"\\u00e9\", 1E-7]}\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "{\"a\":[1.5,\"é\",1e-7],\"b\":1e+21}")
        let dash = try CLI.run(["canonicalize", "-"], stdin: Array("[true]".utf8))
        #expect(dash.stdout == "[true]")
    }

    @Test("canonicalize rejects bad JSON with file:line:column and exit 2")
    func canonicalizeRejects() throws {
        let folder = try CLI.temporaryDirectory()
        try Data("{\n  \"a\": 1,\n  \"a\": 2\n}".utf8).write(to: folder.appendingPathComponent("dup.json"))
        let result = try CLI.run(["canonicalize", "dup.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("mcred: dup.json:3:"))
        #expect(result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    }

    @Test("the bundled examples are signed with the example key and verify")
    func examplesVerify() throws {
        let folder = try CLI.temporaryDirectory()
        for name in examples {
            let template = CLI.packageRoot.appendingPathComponent("spec/examples/\(name).json").path
            let out = folder.appendingPathComponent("\(name).vc.json").path
            let issued = try CLI.run(["issue", "--key", "keys-example/issuer.key", template, "--out", out])
            #expect(issued.status == 0, "\(name): \(issued.stderr)")
            let verified = try CLI.run(["verify", out])
            #expect(verified.status == 0, "\(name): \(verified.stdout)")
            #expect(verified.stdout.hasPrefix("PASS "))
            for check in ["schema", "profile", "signature", "validity"] {
                #expect(verified.stdout.contains("    pass    \(check)"), "\(name): \(check)")
            }
        }
        let committed = examples.map { "spec/examples/\($0).signed.json" }
        let all = try CLI.run(["verify", "--at", "2027-01-01"] + committed)
        #expect(all.status == 0, "\(all.stdout)")
    }

    @Test("a tampered credential fails verify with exit 1 and names the failing check first")
    func tamperedFails() throws {
        let folder = try CLI.temporaryDirectory()
        let signed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json"), encoding: .utf8)
        let tampered = signed.replacingOccurrences(of: "\"Maria Kowalska\"", with: "\"Mario Kowalski\"")
        #expect(tampered != signed)
        try Data(tampered.utf8).write(to: folder.appendingPathComponent("tampered.json"))
        let result = try CLI.run(["verify", "tampered.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("FAIL tampered.json (1 credential, 1 check failed)"))
        #expect(result.stdout.contains("    fail    signature "))
        let json = try CLI.run(["verify", "--json", "tampered.json"], in: folder)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any]
        #expect(object?["verdict"] as? String == "fail")
    }

    @Test("verify exits 2 on a file it cannot check, naming file and position")
    func verifyUnreadable() throws {
        let folder = try CLI.temporaryDirectory()
        try Data("{\"a\": [1, 2,]}".utf8).write(to: folder.appendingPathComponent("bad.json"))
        let result = try CLI.run(["verify", "bad.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("mcred: bad.json:1:"))
        #expect(result.stdout.hasPrefix("ERROR bad.json:1:"))
        let missing = try CLI.run(["verify", "missing.json"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.json"))
    }

    @Test("one unreadable file does not hide the report of the others, in human and JSON output")
    func verifyUnreadableAmongGood() throws {
        let good = CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json").path
        let human = try CLI.run(["verify", "--at", "2027-01-01", "missing.json", good])
        #expect(human.status == 2)
        let lines = human.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ERROR missing.json") == true)
        #expect(lines.contains { $0.hasPrefix("PASS \(good)") })
        #expect(lines.contains { $0.contains("pass    signature") })
        let json = try CLI.run(["verify", "--json", "--at", "2027-01-01", "missing.json", good])
        #expect(json.status == 2)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect(report["mcredReport"] as? Int == 2)
        #expect(report["verdict"] as? String == "error")
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["verdict"] as? String } == ["error", "pass"])
        #expect((files[0]["error"] as? String)?.contains("missing.json") == true)
        #expect(files[0]["kind"] is NSNull)
        #expect((files[1]["credentials"] as? [Any])?.count == 1)
    }

    @Test("an empty presentation fails, also with --strict and a challenge")
    func verifyEmptyPresentation() throws {
        let folder = try CLI.temporaryDirectory()
        try Data(#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]}"#.utf8)
            .write(to: folder.appendingPathComponent("empty.json"))
        for arguments in [["verify", "empty.json"], ["verify", "--strict", "--challenge", "abc", "empty.json"]] {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 1)
            #expect(result.stdout.hasPrefix("FAIL empty.json (presentation, 0 credentials, 1 check failed)"))
            #expect(result.stdout.contains("fail    presentation"))
        }
    }

    @Test("verify --at checks validity at another time")
    func verifyAt() throws {
        let early = try CLI.run(["verify", "--at", "2020-01-01", "spec/examples/construction.signed.json"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("not yet valid"))
        let bad = try CLI.run(["verify", "--at", "soon", "spec/examples/construction.signed.json"])
        #expect(bad.status == 2)
    }

    @Test("verify --json matches the golden report")
    func verifyJSONGolden() throws {
        let result = try CLI.run([
            "verify", "--json", "--at", "2027-01-01T00:00:00Z",
            "spec/examples/construction.signed.json", "spec/examples/agri-food.signed.json",
        ])
        #expect(result.status == 0)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Tests/mcredTests/Golden/verify-examples.json"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test("issue refuses an incomplete micro-credential with exit 1, naming each missing element")
    func issueIncomplete() throws {
        let folder = try CLI.temporaryDirectory()
        let template = CLI.packageRoot.appendingPathComponent("spec/examples/incomplete.json").path
        let result = try CLI.run(["issue", "--key", CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path, template, "--out", "x.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("/credentialSubject/achievement/eqfLevel"))
        #expect(result.stderr.contains("/credentialSubject/achievement/participationForm"))
        #expect(result.stderr.contains("/issuer/address/addressCountryCode"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.json").path))
        let forced = try CLI.run(["issue", "--allow-incomplete", "--key", CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path, template, "--out", "x.json"], in: folder)
        #expect(forced.status == 0)
        let verified = try CLI.run(["verify", "x.json"], in: folder)
        #expect(verified.status == 1)
        #expect(verified.stdout.contains("fail    profile"))
        #expect(verified.stdout.contains("pass    signature"))
    }

    @Test("batch issue refuses the whole batch for one bad line; verify checks a batch line by line")
    func batch() throws {
        let folder = try CLI.temporaryDirectory()
        var lines: [String] = []
        for name in examples {
            let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("spec/examples/\(name).json"), encoding: .utf8)
            let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(text.utf8)))
            var object = try JSONSerialization.jsonObject(with: compact) as? [String: Any] ?? [:]
            object["id"] = nil
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        let good = lines
        lines.insert("[1, 2", at: 2)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("in.jsonl"))
        let key = CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path
        let refused = try CLI.run(["issue", "--key", key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("in.jsonl:3:"))
        #expect(refused.stderr.contains("refused 1 of 6 lines; nothing written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.jsonl").path))
        try Data((good.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("in.jsonl"))
        let issued = try CLI.run(["issue", "--key", key, "--batch", "in.jsonl", "--out", "out.jsonl", "--jobs", "2"], in: folder)
        #expect(issued.status == 0)
        #expect(issued.stderr.contains("issued 5 credentials → out.jsonl"))
        let verified = try CLI.run(["verify", "--batch", "out.jsonl"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.split(separator: "\n").map { String($0.prefix(12)) } == (1...5).map { "line \($0): PASS" })
        let json = try CLI.run(["verify", "--batch", "out.jsonl", "--json"], in: folder)
        #expect(json.stdout.split(separator: "\n").count == 5)
    }

    @Test("inspect summarises a credential without claiming it is valid")
    func inspect() throws {
        let result = try CLI.run(["inspect", "spec/examples/construction.signed.json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Maria Kowalska"))
        #expect(result.stdout.contains("ECTS"))
        #expect(result.stdout.contains("EQF level"))
        #expect(result.stdout.contains("not verified"))
    }
}
