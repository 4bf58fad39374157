import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("mcred wallet, present and challenge")
struct WalletCLITests {
    let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
    let issuerKey = CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path

    func signedExample(_ name: String) -> String { CLI.packageRoot.appendingPathComponent("spec/examples/\(name).signed.json").path }

    @Test("receive, add, list, present a subset, verify: the learner's walk-through")
    func walkThrough() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let added = try CLI.run(
            ["wallet", "add", "--at", "2027-01-01", "wallet.json", signedExample("construction"), signedExample("agri-food")], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.components(separatedBy: "added: ").count == 3)
        let listed = try CLI.run(["wallet", "list", "wallet.json"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Energy-efficient retrofitting"))
        #expect(listed.stdout.contains("2.5 ECTS"))
        let json = try CLI.run(["wallet", "list", "--json", "wallet.json"], in: folder)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [[String: Any]])
        #expect(entries.count == 2)
        let id = try #require(entries.first?["id"] as? String)

        let challenge = try CLI.run(["challenge"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(challenge.count == 22)
        #expect(challenge.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try CLI.run(["challenge"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) != challenge)

        let presented = try CLI.run(
            ["present", "--wallet", "wallet.json", "--key", learnerKey, "--challenge", challenge, "--domain", "hr.example",
             "--select", id, "--out", "share.json"], in: folder)
        #expect(presented.status == 0, "\(presented.stderr)")
        let verified = try CLI.run(
            ["verify", "--at", "2027-01-01", "--challenge", challenge, "--domain", "hr.example", "share.json"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.hasPrefix("PASS share.json (presentation, 1 credential)"))
        let replayed = try CLI.run(["verify", "--at", "2027-01-01", "--challenge", "other", "--domain", "hr.example", "share.json"], in: folder)
        #expect(replayed.status == 1)
        // A challenge from another verifier may start with "-": written --challenge=…, it is a value.
        let dashed = try CLI.run(
            ["present", "--wallet", "wallet.json", "--key", learnerKey, "--challenge=-x1", "--domain", "hr.example",
             "--select", id, "--out", "dashed.json"], in: folder)
        #expect(dashed.status == 0, "\(dashed.stderr)")
        #expect(try CLI.run(["verify", "--at", "2027-01-01", "--challenge=-x1", "--domain", "hr.example", "dashed.json"], in: folder).status == 0)
        let wallet = try CLI.run(["verify", "--at", "2027-01-01", "wallet.json"], in: folder)
        #expect(wallet.status == 0)
        #expect(wallet.stdout.hasPrefix("PASS wallet.json (wallet, 2 credentials)"))

        let shown = try CLI.run(["wallet", "show", "wallet.json", id], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains(id))
        #expect(try CLI.run(["wallet", "show", "wallet.json", "urn:uuid:nope"], in: folder).status == 1)
        let removed = try CLI.run(["wallet", "remove", "wallet.json", id], in: folder)
        #expect(removed.status == 0)
        #expect(try CLI.run(["wallet", "list", "--json", "wallet.json"], in: folder).stdout.contains(id) == false)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("wallet.json.bak").path))
    }

    @Test("an edited credential is refused with exit 1 and the wallet is unchanged")
    func refusedAdd() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent("wallet.json"))
        let text = try String(contentsOfFile: signedExample("construction"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"Maria Kowalska\"", with: "\"Mario Kowalski\"").utf8)
            .write(to: folder.appendingPathComponent("edited.json"))
        let result = try CLI.run(["wallet", "add", "wallet.json", signedExample("agri-food"), "edited.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("edited.json: signature:"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("wallet.json")) == before)
        let notJSON = try CLI.run(["wallet", "add", "wallet.json", "wallet.json.missing"], in: folder)
        #expect(notJSON.status == 2)
    }

    @Test("export with the key, import with a passphrase file: the same wallet and key; a wrong passphrase is exit 2 and writes nothing")
    func backup() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder)
        _ = try CLI.run(["wallet", "add", "--at", "2027-01-01", "wallet.json", signedExample("construction")], in: folder)
        try Data("s3cret passphrase\n".utf8).write(to: folder.appendingPathComponent("pass.txt"))
        try Data("wrong\n".utf8).write(to: folder.appendingPathComponent("wrong.txt"))
        let exported = try CLI.run(
            ["wallet", "export", "wallet.json", "--include-key", learnerKey, "--passphrase-file", "pass.txt", "--out", "b.jwe"], in: folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("b.jwe").path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let wrong = try CLI.run(["wallet", "import", "b.jwe", "--passphrase-file", "wrong.txt", "--out", "r.json"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("wrong passphrase"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.json").path))
        // A wallet destination that is refused is refused before the key is written.
        let clash = try CLI.run(
            ["wallet", "import", "b.jwe", "--passphrase-file", "pass.txt", "--out", "wallet.json", "--key-out", "r.key"], in: folder)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("wallet.json: the file exists"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.key").path))
        let imported = try CLI.run(
            ["wallet", "import", "b.jwe", "--passphrase-file", "pass.txt", "--out", "r.json", "--key-out", "r.key"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["did", "r.key"], in: folder).stdout == (try CLI.run(["did", learnerKey])).stdout)
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("wallet.json"))) as? NSDictionary
        let restored = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r.json"))) as? NSDictionary
        #expect(original == restored)
    }

    @Test("a verifier that gives a challenge fails a wallet, a bare credential and a presentation retyped as a wallet")
    func challengeNeedsAPresentation() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let signed = CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json").path
        #expect(try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "w.json"], in: folder).status == 0)
        #expect(try CLI.run(["wallet", "add", "w.json", signed], in: folder).status == 0)
        #expect(try CLI.run(["present", "--wallet", "w.json", "--key", learnerKey, "--challenge", "old", "--domain", "other.example", "--out", "p.json"], in: folder).status == 0)
        var presentation = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("p.json"))) as? [String: Any])
        presentation["type"] = ((presentation["type"] as? [String]) ?? []) + ["LearnerWallet"]
        try JSONSerialization.data(withJSONObject: presentation).write(to: folder.appendingPathComponent("replay.json"))
        for file in ["w.json", signed, "replay.json"] {
            let result = try CLI.run(["verify", "--strict", "--challenge", "fresh", "--domain", "hr.example", file], in: folder)
            #expect(result.status == 1, "\(file): \(result.stdout)")
            #expect(result.stdout.contains("fail    presentation"), "\(file): \(result.stdout)")
        }
        // Without a challenge, the wallet is checked as a wallet and passes; a domain alone does not
        // ask for a presentation (the verifier page's --domain must not refuse a credential file).
        #expect(try CLI.run(["verify", "w.json"], in: folder).status == 0)
        #expect(try CLI.run(["verify", "--domain", "hr.example", signed], in: folder).status == 0)
        #expect(try CLI.run(["verify", "--batch", "x.jsonl", "--challenge", "c"], in: folder).status == 2)
    }

    @Test("present refuses a key that is not the wallet's holder")
    func presentWrongKey() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder)
        _ = try CLI.run(["wallet", "add", "--at", "2027-01-01", "wallet.json", signedExample("construction")], in: folder)
        let result = try CLI.run(
            ["present", "--wallet", "wallet.json", "--key", issuerKey, "--challenge", "c", "--domain", "d", "--out", "s.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not the wallet's holder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.json").path))
    }

    @Test("killing wallet add at random moments leaves a wallet that parses and holds every credential whose add returned")
    func killedAdds() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder)
        // Distinct credentials of the learner: the construction template issued several times.
        let template = CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path
        let count = 12
        for index in 0..<count {
            let issued = try CLI.run(["issue", "--key", issuerKey, template, "--out", "c\(index).json"], in: folder)
            #expect(issued.status == 0, "\(issued.stderr)")
        }
        var confirmed: [String] = []
        var generator = SystemRandomNumberGenerator()
        for index in 0..<count {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["wallet", "add", "wallet.json", "c\(index).json"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let id = try #require(
                (try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("c\(index).json"))) as? [String: Any])?["id"] as? String)
            if process.terminationReason == .exit && process.terminationStatus == 0 { confirmed.append(id) }
            // The invariant: the wallet parses, and holds every credential whose add returned success.
            let listed = try CLI.run(["wallet", "list", "--json", "wallet.json"], in: folder)
            #expect(listed.status == 0, "after kill \(index): \(listed.stderr)")
            let held = (try JSONSerialization.jsonObject(with: Data(listed.stdoutBytes)) as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            for id in confirmed { #expect(held.contains(id), "credential \(id) lost after kill \(index)") }
        }
    }
}

/// What the learner's commands must never write over, and what a stranger's text must never forge.
@Suite("Learner commands keep their inputs and the terminal safe")
struct LearnerOutputSafetyTests {
    let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
    let example = CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json").path

    /// A folder with `key` (the learner key), `pass.txt`, `wallet.json` holding one credential,
    /// and `backup.jwe` (the wallet and the key, encrypted).
    func learnerFolder() throws -> URL {
        let folder = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(atPath: learnerKey, toPath: folder.appendingPathComponent("key").path)
        try Data("correct horse\n".utf8).write(to: folder.appendingPathComponent("pass.txt"))
        #expect(try CLI.run(["wallet", "init", "--holder-key", "key", "--out", "wallet.json"], in: folder).status == 0)
        #expect(try CLI.run(["wallet", "add", "wallet.json", example], in: folder).status == 0)
        let export = try CLI.run(
            ["wallet", "export", "wallet.json", "--include-key", "key", "--passphrase-file", "pass.txt", "--out", "backup.jwe"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        return folder
    }

    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test("--out naming one of the command's own inputs is exit 2 even with --force, and every file stays as it was",
          arguments: [
            ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--out", "key", "--force"],
            ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--out", "wallet.json", "--force"],
            ["wallet", "init", "--holder-key", "key", "--out", "key", "--force"],
            ["wallet", "export", "wallet.json", "--passphrase-file", "pass.txt", "--out", "pass.txt", "--force"],
            ["wallet", "export", "wallet.json", "--passphrase-file", "pass.txt", "--out", "wallet.json", "--force"],
            ["wallet", "export", "wallet.json", "--include-key", "key", "--passphrase-file", "pass.txt", "--out", "key", "--force"],
            ["wallet", "import", "backup.jwe", "--passphrase-file", "pass.txt", "--out", "backup.jwe", "--force"],
            ["wallet", "import", "backup.jwe", "--passphrase-file", "pass.txt", "--out", "new.json", "--key-out", "pass.txt", "--force"],
            ["wallet", "import", "backup.jwe", "--passphrase-file", "pass.txt", "--out", "same", "--key-out", "./same"],
            ["wallet", "import", "backup.jwe", "--passphrase-file", "pass.txt", "--out", "same", "--key-out", "same", "--force"],
            ["render", "wallet.json", "--out", "wallet.json", "--force"],
          ])
    func outIsNeverAnInput(arguments: [String]) throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try contents(folder)
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderrWithoutKeyWarnings.contains("mcred never writes its result over a file it reads")
            || result.stderrWithoutKeyWarnings.contains("name one file"), "\(result.stderr)")
        #expect(try contents(folder) == before)
        // The option at fault is the one named.
        if let position = arguments.firstIndex(of: "--key-out"), arguments[position + 1] == "pass.txt" {
            #expect(result.stderr.contains("--key-out pass.txt is the --passphrase-file"), "\(result.stderr)")
        }
    }

    @Test("a wallet file holding two credentials under one id is refused by every wallet command, naming the second")
    func duplicateIDs() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("wallet.json")
        var wallet = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var credentials = try #require(wallet["verifiableCredential"] as? [Any])
        credentials.append(credentials[0])
        wallet["verifiableCredential"] = credentials
        try JSONSerialization.data(withJSONObject: wallet).write(to: url)
        let id = try #require((credentials[0] as? [String: Any])?["id"] as? String)
        for arguments in [["wallet", "list", "wallet.json"], ["wallet", "remove", "wallet.json", id], ["wallet", "show", "wallet.json", id],
                          ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--out", "s.json"]] {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrWithoutKeyWarnings.contains("wallet.json: /verifiableCredential/1/id: \(id) is also the id of /verifiableCredential/0"),
                    "\(result.stderr)")
        }
    }

    @Test("wallet add and remove refuse - (the wallet is edited in place); import names a wallet given for a backup")
    func walletMisuse() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["wallet", "add", "-", example], ["wallet", "remove", "-", "urn:x"]] {
            let result = try CLI.run(arguments, stdin: Array(try Data(contentsOf: folder.appendingPathComponent("wallet.json"))), in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("must be a file, not -"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-.bak").path))
        let imported = try CLI.run(["wallet", "import", "wallet.json", "--passphrase-file", "pass.txt", "--out", "r.json"], in: folder)
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("this is JSON, not an encrypted backup"), "\(imported.stderr)")
        // An unknown id, or another key, is named with the wallet it was looked for in.
        for arguments in [["wallet", "show", "wallet.json", "urn:x"], ["wallet", "remove", "wallet.json", "urn:x"],
                          ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--select", "urn:x", "--out", "s.json"]] {
            let missing = try CLI.run(arguments, in: folder)
            #expect(missing.status == 1)
            #expect(missing.stderrWithoutKeyWarnings == "mcred: wallet.json: no credential with id urn:x in the wallet\n", "\(missing.stderr)")
        }
        // A short passphrase is allowed, with a warning; a long one gets none.
        try Data("abc\n".utf8).write(to: folder.appendingPathComponent("short.txt"))
        let short = try CLI.run(["wallet", "export", "wallet.json", "--passphrase-file", "short.txt", "--out", "short.jwe"], in: folder)
        #expect(short.status == 0)
        #expect(short.stderr.contains("warning: a passphrase shorter than 12 characters is easy to guess"), "\(short.stderr)")
        let long = try CLI.run(["wallet", "export", "wallet.json", "--passphrase-file", "pass.txt", "--out", "long.jwe"], in: folder)
        #expect(long.status == 0 && !long.stderr.contains("easy to guess"))
        // Two new files with one id: the second is named as clashing with the first, not with the wallet.
        var template = try CLI.template("agri-food")
        template["id"] = "urn:uuid:1d7a4c2e-8f3b-4a61-b0c9-5e2f7d8a9b10"
        _ = try CLI.writeJSON(template, "t.json", in: folder)
        for (name, until) in [("a.json", "2040-01-01"), ("b.json", "2041-01-01")] {
            #expect(try CLI.run(["issue", "--key", CLI.exampleKey, "--valid-until", until, "t.json", "--out", name], in: folder).status == 0)
        }
        let clash = try CLI.run(["wallet", "add", "wallet.json", "a.json", "b.json"], in: folder)
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("b.json: a.json of this call has the same id urn:uuid:1d7a4c2e-8f3b-4a61-b0c9-5e2f7d8a9b10"), "\(clash.stderr)")
    }

    @Test("a wallet its owner made read-only is not edited: exit 2, the file, its mode and its backup unchanged")
    func readOnlyWallet() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("wallet.json").path
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let backup = try Data(contentsOf: URL(fileURLWithPath: path + ".bak"))
        let id = try #require(try CLI.run(["wallet", "list", "--json", "wallet.json"], in: folder).stdout
            .split(separator: "\"").first { $0.hasPrefix("urn:uuid:") })
        let result = try CLI.run(["wallet", "remove", "wallet.json", String(id)], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("wallet.json: the file is read-only (mode 400)"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o400)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".bak")) == backup)
    }

    @Test("present refuses a credential changed since it was added, and names one that expired while held; wallet list marks both")
    func presentChecksFirst() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A credential valid in 2019 only, added as of then.
        var template = try CLI.template("construction")
        template["validFrom"] = "2019-01-01T00:00:00Z"
        template["id"] = "urn:uuid:0c7e1f3a-5b8d-4e2a-9f61-2d4c8b7a0e13"
        _ = try CLI.writeJSON(template, "old.json", in: folder)
        let issued = try CLI.run(["issue", "--key", CLI.exampleKey, "--valid-until", "2020-01-01", "old.json", "--out", "old.vc.json"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(try CLI.run(["wallet", "add", "--at", "2019-06-01", "wallet.json", "old.vc.json"], in: folder).status == 0)
        let expired = try CLI.run(
            ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d",
             "--select", "urn:uuid:0c7e1f3a-5b8d-4e2a-9f61-2d4c8b7a0e13", "--out", "share.json"], in: folder)
        #expect(expired.status == 0)
        #expect(expired.stderr.contains("mcred: warning: urn:uuid:0c7e1f3a-5b8d-4e2a-9f61-2d4c8b7a0e13 fails validity: expired"), "\(expired.stderr)")
        #expect(try CLI.run(["wallet", "list", "wallet.json"], in: folder).stdout.contains("FAILS validity: expired"))
        let listed = try CLI.run(["wallet", "list", "--json", "wallet.json"], in: folder)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdoutBytes)) as? [[String: Any]])
        let failing = entries.compactMap { $0["failing"] as? [[String: String]] }.flatMap { $0 }
        #expect(failing.map { $0["check"] } == ["validity"], "\(listed.stdout)")

        // The other credential, edited inside the wallet file.
        let url = folder.appendingPathComponent("wallet.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let first = try #require(text.range(of: "\"ectsCredits\": 2.5"))
        text.replaceSubrange(first, with: "\"ectsCredits\": 60")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--out", "all.json"], in: folder)
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("1 credential would fail for any verifier; nothing was written"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("all.json").path))
        #expect(try CLI.run(["wallet", "list", "wallet.json"], in: folder).stdout.contains("FAILS signature"))
    }

    @Test("members, types and contexts another tool wrote into the wallet are kept by add and remove; a malformed list member is refused")
    func unknownMembersKept() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("wallet.json")
        var wallet = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        wallet["name"] = "Maria's main wallet"
        wallet["type"] = (wallet["type"] as? [Any] ?? []) + ["MyWalletApp"]
        wallet["@context"] = (wallet["@context"] as? [Any] ?? []) + ["https://wallet.example/ctx"]
        try JSONSerialization.data(withJSONObject: wallet).write(to: url)
        let added = try CLI.run(["wallet", "add", "wallet.json", CLI.packageRoot.appendingPathComponent("spec/examples/agri-food.signed.json").path], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(after["name"] as? String == "Maria's main wallet")
        #expect(after["type"] as? [String] == ["VerifiablePresentation", "LearnerWallet", "MyWalletApp"])
        #expect((after["@context"] as? [String])?.last == "https://wallet.example/ctx")
        #expect((after["verifiableCredential"] as? [Any])?.count == 2)

        var malformed = after
        malformed["statusListCredentials"] = ["note": "x"]
        try JSONSerialization.data(withJSONObject: malformed).write(to: url)
        let refused = try CLI.run(["wallet", "list", "wallet.json"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("wallet.json: /statusListCredentials: must be an array"))
    }

    @Test("a presentation is written private (0600), as the wallet it comes from")
    func presentationMode() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            ["present", "--wallet", "wallet.json", "--key", "key", "--challenge", "c", "--domain", "d", "--out", "share.json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("share.json").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a line break in a refused document's id or file name is shown escaped, never as a line of its own")
    func refusalLinesEscaped() throws {
        let folder = try learnerFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let offer = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:x\nadded: diploma.json (urn:uuid:4f1c)","type":["VerifiableCredential"],"issuer":"did:key:z6MkekzG4uaHL9u3ETexvozdqcmWmsia8uKEu83T9mj1qNXq","credentialSubject":{"id":"did:key:z6MkjLoQ4oowp69DRutToP8DRbporbwg91tGJFZoW3rizcAa"}}"#
        try Data(offer.utf8).write(to: folder.appendingPathComponent("offer.json"))
        try Data("[]".utf8).write(to: folder.appendingPathComponent("diploma.json\nadded: forged.json (urn:uuid:1)"))
        let result = try CLI.run(["wallet", "add", "wallet.json", "offer.json", "diploma.json\nadded: forged.json (urn:uuid:1)"], in: folder)
        #expect(result.status == 1)
        let lines = result.stderrWithoutKeyWarnings.split(separator: "\n")
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(!lines.contains { $0.hasPrefix("added") })
        #expect(result.stderr.contains(#"urn:x\u{A}added: diploma.json"#))
    }
}
