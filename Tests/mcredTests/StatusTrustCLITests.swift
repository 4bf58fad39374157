import Foundation
import Testing

@Suite("mcred status and trust", .serialized)
struct StatusTrustCLITests {
    let template = CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The statusListIndex of a credential file.
    func index(_ folder: URL, _ name: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
        let status = try #require(object?["credentialStatus"] as? [String: Any])
        return try #require(status["statusListIndex"] as? String)
    }

    @Test("twelve status set runs started at once on a new list (no lock file yet) all land")
    func concurrentRevocations() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["keygen", "--out", "issuer.key"], in: folder).status == 0)
        // Four new lists: each time the runs race to create LIST.lock, and each must lock the same
        // file (one written and renamed into place let two editors both win, about one race in three).
        for round in 1 ... 4 {
            let list = "status-\(round).json"
            #expect(try CLI.run(
                ["status", "create", "--key", "issuer.key", "--url", "https://example.org/status/\(round)",
                 "--purpose", "revocation", "--out", list], in: folder).status == 0)
            // All started before any is waited for.
            let runs = (1 ... 12).map { index in
                let process = CLI.makeProcess(["status", "set", "--key", "issuer.key", "--list", list, "--index", String(index)], in: folder)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in runs { try process.run() }
            for process in runs { process.waitUntilExit() }
            #expect(runs.allSatisfy { $0.terminationStatus == 0 })
            let shown = try CLI.run(["status", "show", "--list", list], in: folder)
            let set = shown.stdout.split(separator: "\n").first { $0.hasPrefix("set") } ?? ""
            let bits = set.split(separator: ":").last?.split(separator: " ").compactMap { Int($0) }
            #expect(bits == Array(1 ... 12), "round \(round): \(shown.stdout)")
        }
        // An option refused once the command runs gets its message alone, not the root usage.
        let outside = try CLI.run(["status", "show", "--list", "status-1.json", "--index", "999999999"], in: folder)
        #expect(outside.status == 2)
        #expect(outside.stderr == "mcred: --index 999999999 is outside the list's 0-131071\n", "\(outside.stderr)")
        // A mistyped list is refused before a lock file is made beside it.
        let typo = try CLI.run(["status", "set", "--key", "issuer.key", "--list", "typo.json", "--index", "1"], in: folder)
        #expect(typo.status == 2 && typo.stderr.contains("typo.json: no such file"), "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("typo.json.lock").path))
    }

    @Test("a wallet keeps one status-list snapshot per list and signer: another key's list never displaces the issuer's; lists no credential names, or not yet valid, are refused")
    func walletStatusListsBoundToIssuer() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
        let url = "https://example.org/status/9"
        for key in ["issuer.key", "stranger.key"] { #expect(try CLI.run(["keygen", "--out", key], in: folder).status == 0) }
        for (key, out, listURL) in [("issuer.key", "status.json", url), ("stranger.key", "fake.json", url),
                                    ("issuer.key", "other.json", "https://example.org/status/10")] {
            let created = try CLI.run(["status", "create", "--key", key, "--url", listURL, "--purpose", "revocation", "--out", out], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
        }
        #expect(try CLI.run(["issue", "--key", "issuer.key", "--status-list", "status.json", template, "--out", "vc.json"], in: folder).status == 0)
        #expect(try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder).status == 0)
        let added = try CLI.run(["wallet", "add", "wallet.json", "status.json", "vc.json"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("status list kept: status.json"))
        let before = try read(folder, "wallet.json")

        // Another key's list under the same URL is kept beside the issuer's, with a note; it
        // displaces nothing, and the status still comes from the issuer's list.
        let stranger = try CLI.run(["wallet", "add", "wallet.json", "fake.json"], in: folder)
        #expect(stranger.status == 0, "\(stranger.stderr)")
        #expect(stranger.stdout.contains("note: signed by did:key:"), "\(stranger.stdout)")
        #expect(try CLI.run(["wallet", "list", "wallet.json"], in: folder).stdout.contains("not revoked"))
        let withStranger = try read(folder, "wallet.json")
        let orphan = try CLI.run(["wallet", "add", "wallet.json", "other.json"], in: folder)
        #expect(orphan.status == 1)
        #expect(orphan.stderr.contains("no credential in the wallet or in this call names https://example.org/status/10"), "\(orphan.stderr)")
        // The issuer's list seen from before it was made is not yet valid: refused, so it cannot
        // block the lists that follow.
        let early = try CLI.run(["wallet", "add", "--at", "2020-01-01", "wallet.json", "status.json"], in: folder)
        #expect(early.status == 1)
        #expect(early.stderr.contains("validity: not yet valid"), "\(early.stderr)")
        #expect(try read(folder, "wallet.json") == withStranger)
        #expect(withStranger != before)

        // The issuer revokes and renews: the renewed list replaces the snapshot.
        #expect(try CLI.run(["status", "set", "--key", "issuer.key", "--list", "status.json", "--credential", "vc.json"], in: folder).status == 0)
        let renewed = try CLI.run(["wallet", "add", "wallet.json", "status.json"], in: folder)
        #expect(renewed.status == 0, "\(renewed.stderr)")
        #expect(try CLI.run(["wallet", "list", "wallet.json"], in: folder).stdout.contains("REVOKED"))
    }

    @Test("wallet list names the state a credential with a revocation and a suspension entry is in: SUSPENDED, not REVOKED")
    func walletListTwoEntries() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let learnerKey = CLI.packageRoot.appendingPathComponent("keys-example/learner.key").path
        #expect(try CLI.run(["keygen", "--out", "issuer.key"], in: folder).status == 0)
        for (purpose, out) in [("revocation", "rev.json"), ("suspension", "sus.json")] {
            let created = try CLI.run(
                ["status", "create", "--key", "issuer.key", "--url", "https://example.org/\(purpose)", "--purpose", purpose, "--out", out], in: folder)
            #expect(created.status == 0, "\(created.stderr)")
        }
        var document = try CLI.template("construction")
        document["credentialStatus"] = ["revocation", "suspension"].map { purpose in
            ["type": "BitstringStatusListEntry", "statusPurpose": purpose, "statusListIndex": "42",
             "statusListCredential": "https://example.org/\(purpose)"]
        }
        _ = try CLI.writeJSON(document, "two.json", in: folder)
        #expect(try CLI.run(["issue", "--key", "issuer.key", "two.json", "--out", "two.vc.json"], in: folder).status == 0)
        #expect(try CLI.run(["wallet", "init", "--holder-key", learnerKey, "--out", "wallet.json"], in: folder).status == 0)
        let added = try CLI.run(["wallet", "add", "wallet.json", "two.vc.json", "rev.json", "sus.json"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        // Suspended while held: the renewed suspension list comes in, the revocation list is unchanged.
        #expect(try CLI.run(["status", "set", "--key", "issuer.key", "--list", "sus.json", "--index", "42"], in: folder).status == 0)
        #expect(try CLI.run(["wallet", "add", "wallet.json", "sus.json"], in: folder).status == 0)
        let listed = try CLI.run(["wallet", "list", "wallet.json"], in: folder).stdout
        #expect(listed.contains(", SUSPENDED"), "\(listed)")
        #expect(!listed.contains("REVOKED"), "\(listed)")
    }

    @Test("a bad trust add option is named as the option, before the list is touched")
    func trustAddNamesOption() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["keygen", "--out", "agency.key"], in: folder).status == 0)
        #expect(try CLI.run(["trust", "create", "--key", "agency.key", "--name", "A", "--out", "trust.json"], in: folder).status == 0)
        let before = try read(folder, "trust.json")
        let result = try CLI.run(
            ["trust", "add", "--key", "agency.key", "--list", "trust.json", "--issuer", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
             "--name", "X", "--country", "es"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("mcred: --country: country must be an ISO 3166-1 alpha-2 code"), "\(result.stderr)")
        #expect(try read(folder, "trust.json") == before)
        // Checked before the list was made, the list's open end is written "open", as everywhere.
        let did = try CLI.run(["did", "agency.key"], in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let early = try CLI.run(
            ["verify", "--at", "2020-01-01", "--trust", "trust.json", "--anchor", did, "spec/examples/construction.signed.json"]
                .map { $0.hasPrefix("spec/") ? CLI.packageRoot.appendingPathComponent($0).path : $0 }, in: folder)
        #expect(early.stdout.contains("not valid at 2020-01-01T00:00:00Z (valid "), "\(early.stdout)")
        #expect(early.stdout.contains(" – open)"), "\(early.stdout)")
    }

    @Test("issuer revokes, verifier with the new list catches it; without a list the status is unknown")
    func revocationWalkthrough() throws {
        let folder = try CLI.temporaryDirectory()
        #expect(try CLI.run(["keygen", "--out", "issuer.key"], in: folder).status == 0)
        let created = try CLI.run(
            ["status", "create", "--key", "issuer.key", "--url", "https://example.org/status/1", "--purpose", "revocation",
             "--valid-for", "10", "--out", "status.json"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let issued = try CLI.run(["issue", "--key", "issuer.key", "--status-list", "status.json", template, "--out", "vc.json"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        let bit = try index(folder, "vc.json")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("status.json.alloc").path))

        let unknown = try CLI.run(["verify", "vc.json"], in: folder)
        #expect(unknown.status == 0)
        #expect(unknown.stdout.contains("unknown status"))
        #expect(try CLI.run(["verify", "--strict", "vc.json"], in: folder).status == 1)
        let pass = try CLI.run(["verify", "--status", "status.json", "vc.json"], in: folder)
        #expect(pass.status == 0)
        #expect(pass.stdout.contains("pass    status    not revoked: bit \(bit) is 0"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("status.json"), to: folder.appendingPathComponent("old.json"))

        let revoke = try CLI.run(["status", "set", "--key", "issuer.key", "--list", "status.json", "--credential", "vc.json"], in: folder)
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try read(folder, "status.json.bak") == read(folder, "old.json"))
        let caught = try CLI.run(["verify", "--status", "status.json", "vc.json"], in: folder)
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("fail    status    revoked: bit \(bit) is set in https://example.org/status/1 dated"))
        // Handing the old list too changes nothing: the newest decides.
        #expect(try CLI.run(["verify", "--status", "old.json", "--status", "status.json", "vc.json"], in: folder).status == 1)
        #expect(try CLI.run(["status", "show", "--list", "status.json", "--index", bit], in: folder).stdout.hasPrefix("index \(bit): 1 (revocation)"))

        // Revocation is final.
        let before = try read(folder, "status.json")
        let clear = try CLI.run(["status", "set", "--key", "issuer.key", "--list", "status.json", "--index", bit, "--clear"], in: folder)
        #expect(clear.status == 1)
        #expect(clear.stderr.contains("revocation list"))
        #expect(try read(folder, "status.json") == before)
        // After the list's validUntil it is no evidence.
        let late = try CLI.run(["verify", "--status", "status.json", "--at", "2099-01-01", "vc.json"], in: folder)
        #expect(late.stdout.contains("unknown status"))
        #expect(late.stdout.contains("expired"))
    }

    @Test("a suspension is lifted with --clear; the verifier follows the newest list")
    func suspension() throws {
        let folder = try CLI.temporaryDirectory()
        try CLI.run(["keygen", "--out", "issuer.key"], in: folder)
        try CLI.run(["status", "create", "--key", "issuer.key", "--url", "https://example.org/status/s", "--purpose", "suspension", "--out", "s.json"], in: folder)
        let issued = try CLI.run(["issue", "--key", "issuer.key", "--status-list", "s.json", "--status-index", "5", template, "--out", "vc.json"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(try index(folder, "vc.json") == "5")
        let again = try CLI.run(["issue", "--key", "issuer.key", "--status-list", "s.json", "--status-index", "5", template, "--out", "vc2.json"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already handed out"))
        #expect(try CLI.run(["status", "set", "--key", "issuer.key", "--list", "s.json", "--index", "5"], in: folder).status == 0)
        let suspended = try CLI.run(["verify", "--status", "s.json", "vc.json"], in: folder)
        #expect(suspended.status == 1)
        #expect(suspended.stdout.contains("suspended: bit 5 is set"))
        #expect(try CLI.run(["status", "set", "--key", "issuer.key", "--list", "s.json", "--index", "5", "--clear"], in: folder).status == 0)
        #expect(try CLI.run(["verify", "--status", "s.json", "vc.json"], in: folder).status == 0)
    }

    @Test("a batch that needs more indices than the range has is refused before anything is signed")
    func batchCapacity() throws {
        let folder = try CLI.temporaryDirectory()
        try CLI.run(["keygen", "--out", "issuer.key"], in: folder)
        try CLI.run(["status", "create", "--key", "issuer.key", "--url", "https://example.org/status/b", "--purpose", "revocation", "--out", "s.json"], in: folder)
        // Without its fixed id, so that each line gets its own (ids must not repeat in a batch).
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: template))) as? [String: Any])
        object["id"] = nil
        let line = try JSONSerialization.data(withJSONObject: object)
        try (line + Data("\n".utf8) + line + Data("\n".utf8) + line + Data("\n".utf8)).write(to: folder.appendingPathComponent("in.jsonl"))
        let refused = try CLI.run(["issue", "--key", "issuer.key", "--batch", "in.jsonl", "--status-list", "s.json", "--status-index-range", "10-11", "--out", "out.jsonl"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("3 status indices needed, but the range 10-11"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("out.jsonl") }.isEmpty)
        let issued = try CLI.run(["issue", "--key", "issuer.key", "--batch", "in.jsonl", "--status-list", "s.json", "--status-index-range", "10-12", "--out", "out.jsonl"], in: folder)
        #expect(issued.status == 0, "\(issued.stderr)")
        let indices = try read(folder, "out.jsonl").split(separator: "\n").map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require((object?["credentialStatus"] as? [String: Any])?["statusListIndex"] as? String)
        }
        #expect(Set(indices) == ["10", "11", "12"])
        // A refused line makes the whole batch write nothing, and its indices return to the pool.
        try (line + Data("\n".utf8) + Data("{}\n".utf8)).write(to: folder.appendingPathComponent("bad.jsonl"))
        let bad = try CLI.run(["issue", "--key", "issuer.key", "--batch", "bad.jsonl", "--status-list", "s.json", "--status-index-range", "20-21", "--out", "bad-out.jsonl"], in: folder)
        #expect(bad.status == 1)
        let retry = try CLI.run(["issue", "--key", "issuer.key", "--batch", "in.jsonl", "--status-list", "s.json", "--status-index-range", "19-21", "--out", "retry.jsonl"], in: folder)
        #expect(retry.status == 0, "\(retry.stderr)")
        // A refused destination (it exists, it is a folder) is refused before any index is taken.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder"), withIntermediateDirectories: false)
        for destination in ["retry.jsonl", "folder"] {
            let refusedOut = try CLI.run(["issue", "--key", "issuer.key", "--batch", "in.jsonl", "--status-list", "s.json", "--status-index-range", "30-32", "--out", destination], in: folder)
            #expect(refusedOut.status == 2, "\(refusedOut.stderr)")
        }
        let fresh = try CLI.run(["issue", "--key", "issuer.key", "--batch", "in.jsonl", "--status-list", "s.json", "--status-index-range", "30-32", "--out", "fresh.jsonl"], in: folder)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try CLI.run(["issue", "--key", "issuer.key", "--batch", "-", "--status-list", "s.json"], stdin: [UInt8](line), in: folder).status == 2)
    }

    @Test("an employer trusts exactly the issuers the agency vouches for")
    func trustWalkthrough() throws {
        let folder = try CLI.temporaryDirectory()
        let issuerDID = try CLI.run(["keygen", "--out", "issuer.key"], in: folder).stdout.trimmingCharacters(in: .newlines)
        try CLI.run(["keygen", "--out", "rogue.key"], in: folder)
        let agencyDID = try CLI.run(["keygen", "--out", "agency.key"], in: folder).stdout.trimmingCharacters(in: .newlines)
        #expect(try CLI.run(["trust", "create", "--key", "agency.key", "--name", "Accredited providers", "--out", "trust.json"], in: folder).status == 0)
        let added = try CLI.run(
            ["trust", "add", "--key", "agency.key", "--list", "trust.json", "--issuer", issuerDID, "--name", "Centro Verde",
             "--country", "ES", "--org", "E-SEVILLA07", "--accreditation", "ANECA", "--from", "2020-01-01"], in: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("trust.json.bak").path))
        try CLI.run(["issue", "--key", "issuer.key", template, "--out", "good.json"], in: folder)
        try CLI.run(["issue", "--key", "rogue.key", template, "--out", "rogue.json"], in: folder)

        let good = try CLI.run(["verify", "--trust", "trust.json", "--anchor", agencyDID, "good.json"], in: folder)
        #expect(good.status == 0)
        #expect(good.stdout.contains("pass    trust     Centro Verde (ES, org E-SEVILLA07), accredited by ANECA"))
        let rogue = try CLI.run(["verify", "--trust", "trust.json", "--anchor", agencyDID, "rogue.json"], in: folder)
        #expect(rogue.status == 1)
        #expect(rogue.stdout.contains("fail    trust"))
        // A list from an anchor the employer did not name is ignored.
        let other = try CLI.run(["verify", "--trust", "trust.json", "--anchor", issuerDID, "good.json"], in: folder)
        #expect(other.stdout.contains("unknown trust"))
        let usage = try CLI.run(["verify", "--trust", "trust.json", "good.json"], in: folder)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--anchor"))
        // An anchor without lists to look in, or one that is not an Ed25519 did:key, is a usage error.
        let alone = try CLI.run(["verify", "--anchor", agencyDID, "good.json"], in: folder)
        #expect(alone.status == 2 && alone.stderr.contains("--anchor needs --trust"), "\(alone.stderr)")
        let badAnchor = try CLI.run(["verify", "--trust", "trust.json", "--anchor", "did:key:xyz", "good.json"], in: folder)
        #expect(badAnchor.status == 2 && badAnchor.stderr.contains("--anchor did:key:xyz is not an Ed25519 did:key"), "\(badAnchor.stderr)")

        #expect(try CLI.run(["trust", "show", "--list", "trust.json"], in: folder).stdout.contains("E-SEVILLA07"))
        #expect(try CLI.run(["trust", "remove", "--key", "agency.key", "--list", "trust.json", "--issuer", issuerDID], in: folder).status == 0)
        #expect(try CLI.run(["verify", "--trust", "trust.json", "--anchor", agencyDID, "good.json"], in: folder).status == 1)
        // Only the anchor edits its list.
        #expect(try CLI.run(["trust", "add", "--key", "rogue.key", "--list", "trust.json", "--issuer", issuerDID, "--name", "X", "--country", "ES"], in: folder).status == 2)
        // A key that could never sign anything is not vouched for; the list stays as it was.
        let before = try read(folder, "trust.json")
        let notAKey = try CLI.run(
            ["trust", "add", "--key", "agency.key", "--list", "trust.json", "--issuer", "did:key:zNotAKey", "--name", "X", "--country", "ES"],
            in: folder)
        #expect(notAKey.status == 2)
        #expect(notAKey.stderr.contains("the issuer \"did:key:zNotAKey\" is not an Ed25519 did:key"), "\(notAKey.stderr)")
        #expect(try read(folder, "trust.json") == before)
        // A window given in days covers the whole last day; one that ends before it starts is an
        // option error (exit 2), and the list stays as it was.
        // good.json was signed today: a window that ends today must cover it.
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let window = try CLI.run(
            ["trust", "add", "--key", "agency.key", "--list", "trust.json", "--issuer", issuerDID, "--name", "Centro Verde",
             "--country", "ES", "--from", "2020-01-01", "--until", today], in: folder)
        #expect(window.status == 0, "\(window.stderr)")
        #expect(try read(folder, "trust.json").contains("\"validUntil\": \"\(today)T23:59:59Z\""))
        let signedOnLastDay = try CLI.run(["verify", "--trust", "trust.json", "--anchor", agencyDID, "good.json"], in: folder)
        #expect(signedOnLastDay.stdout.contains("pass    trust"), "\(signedOnLastDay.stdout)")
        let windowed = try read(folder, "trust.json")
        let backwards = try CLI.run(
            ["trust", "add", "--key", "agency.key", "--list", "trust.json", "--issuer", issuerDID, "--name", "Centro Verde",
             "--country", "ES", "--from", "2027-01-01", "--until", "2026-01-01"], in: folder)
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("--until 2026-01-01 ends the window before --from 2027-01-01 starts it"), "\(backwards.stderr)")
        #expect(try read(folder, "trust.json") == windowed)
    }

    @Test("status set and trust add on a list of the other kind are refused with exit 2, naming the file")
    func wrongKindOfList() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["trust", "create", "--key", CLI.exampleKey, "--name", "Agency", "--out", "trust.json"], in: folder).status == 0)
        #expect(try CLI.run(
            ["status", "create", "--key", CLI.exampleKey, "--url", "https://example.org/s/1", "--purpose", "revocation",
             "--out", "status.json"], in: folder).status == 0)
        let set = try CLI.run(["status", "set", "--key", CLI.exampleKey, "--list", "trust.json", "--index", "1"], in: folder)
        #expect(set.status == 2)
        #expect(set.stderrWithoutKeyWarnings.hasPrefix("mcred: trust.json: /type: not a status list"), "\(set.stderr)")
        let added = try CLI.run(
            ["trust", "add", "--key", CLI.exampleKey, "--list", "status.json", "--issuer",
             "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--name", "X", "--country", "ES"], in: folder)
        #expect(added.status == 2)
        #expect(added.stderrWithoutKeyWarnings.hasPrefix("mcred: status.json: /type: not a trust list"), "\(added.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("trust.json.bak").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("status.json.bak").path))
    }

    @Test("a --status file that is not a status list stops the run with exit 2")
    func badStatusFile() throws {
        let result = try CLI.run(["verify", "--status", "spec/examples/construction.signed.json", "spec/examples/construction.signed.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("BitstringStatusListCredential"))
    }

    @Test("a list file that is empty or cut short is exit 2 with the file, line and column named")
    func unreadableListFiles() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("empty.json"))
        try Data("{\"type\": [\"Verifiable".utf8).write(to: folder.appendingPathComponent("cut.json"))
        for arguments in [["status", "show", "--list", "empty.json"], ["trust", "show", "--list", "cut.json"]] {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("mcred: \(arguments[3]):1:"), "\(result.stderr)")
        }
    }
}
