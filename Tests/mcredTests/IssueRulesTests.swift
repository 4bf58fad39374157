import Foundation
import Testing

/// What `issue`, `did` and `inspect` decide about ids, dates, warnings and key files.
@Suite("issue, did and inspect rules", .serialized)
struct IssueRulesTests {
    let templates = ["construction", "wood-furniture", "agri-food", "manufacturing", "sustainable-management", "incomplete"]

    @Test("the bundled templates carry no id, and each issue mints a different urn:uuid")
    func mintedIDs() throws {
        for name in templates {
            #expect(try CLI.template(name)["id"] == nil, "\(name)")
        }
        var ids: Set<String> = []
        for _ in 0..<2 {
            let result = try CLI.run(["issue", "--key", "keys-example/issuer.key", "spec/examples/construction.json"])
            #expect(result.status == 0)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any]
            let id = try #require(object?["id"] as? String)
            #expect(id.range(of: "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
            ids.insert(id)
        }
        #expect(ids.count == 2)
    }

    @Test("--valid-until before the credential's validFrom is the option's fault (exit 2), named as the option")
    func validUntilBeforeValidFrom() throws {
        let result = try CLI.run(["issue", "--key", "keys-example/issuer.key", "--valid-until", "2020-01-01", "spec/examples/construction.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--valid-until 2020-01-01T23:59:59Z is before the credential's validFrom 2026-06-15T09:00:00Z"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--valid-until with a day means the end of that day in UTC")
    func validUntilEndOfDay() throws {
        let result = try CLI.run(["issue", "--key", "keys-example/issuer.key", "--valid-until", "2031-06-30", "spec/examples/construction.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any]
        #expect(object?["validUntil"] as? String == "2031-06-30T23:59:59Z")
        let help = try CLI.run(["issue", "--help"])
        #expect(help.stdout.contains("end of that day"))
    }

    @Test("--at with a day means the start of that day in UTC, and says so in --help")
    func atStartOfDay() throws {
        let folder = try CLI.temporaryDirectory()
        let issued = try CLI.run(["issue", "--key", CLI.exampleKey, "--valid-until", "2031-06-30",
                                  CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path, "--out", "vc.json"], in: folder)
        #expect(issued.status == 0)
        // The last day is included whole: 2031-06-30 at 00:00:00Z is still valid...
        #expect(try CLI.run(["verify", "--at", "2031-06-30", "vc.json"], in: folder).status == 0)
        #expect(try CLI.run(["verify", "--at", "2031-06-30T23:59:59Z", "vc.json"], in: folder).status == 0)
        // ...and the next day is not.
        #expect(try CLI.run(["verify", "--at", "2031-07-01", "vc.json"], in: folder).status == 1)
        let help = try CLI.run(["verify", "--help"])
        #expect(help.stdout.contains("start of that day"))
    }

    @Test("a date option without a time zone is a usage error")
    func optionWithoutZone() throws {
        let result = try CLI.run(["issue", "--key", "keys-example/issuer.key", "--valid-until", "2031-06-30T12:00:00", "spec/examples/construction.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no time zone"))
    }

    @Test("issue refuses a template whose validFrom or validUntil has no time zone, naming the pointer",
          arguments: ["validFrom", "validUntil"])
    func templateWithoutZone(field: String) throws {
        let folder = try CLI.temporaryDirectory()
        var template = try CLI.template("construction")
        template[field] = "2027-06-15T09:00:00"
        let path = try CLI.writeJSON(template, "t.json", in: folder)
        let result = try CLI.run(["issue", "--key", CLI.exampleKey, path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("/\(field): must name its time zone"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--allow-incomplete signs and names each missing Annex I element as a warning")
    func allowIncompleteWarns() throws {
        let result = try CLI.run(["issue", "--allow-incomplete", "--key", "keys-example/issuer.key", "spec/examples/incomplete.json"])
        #expect(result.status == 0)
        // (The permission warning about the example key, as cloned, is not one of them.)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("mcred: warning: ") && !$0.contains("can be read by other users") }
        #expect(warnings.count == 3, "\(result.stderr)")
        for pointer in ["/issuer/address/addressCountryCode", "/credentialSubject/achievement/eqfLevel",
                        "/credentialSubject/achievement/participationForm"] {
            #expect(warnings.contains { $0.contains(pointer + ": missing") }, "\(pointer)")
        }
        let complete = try CLI.run(["issue", "--allow-incomplete", "--key", "keys-example/issuer.key", "spec/examples/construction.json"])
        #expect(!complete.stderr.contains(": missing"))
    }

    @Test("the permission warning is given for a readable private key only")
    func keyPermissionWarning() throws {
        let folder = try CLI.temporaryDirectory()
        try CLI.run(["keygen", "--out", "k.key"], in: folder)
        let key = folder.appendingPathComponent("k.key").path
        #expect(try CLI.run(["did", "k.key"], in: folder).stderr.isEmpty)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let exposed = try CLI.run(["did", "k.key"], in: folder)
        #expect(exposed.stderr.contains("k.key can be read by other users; run: chmod 600 k.key"))
        let issued = try CLI.run(["issue", "--key", "k.key", CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path], in: folder)
        #expect(issued.stderr.contains("can be read by other users"))
        // Every command that reads a private key warns, not only issue.
        for arguments in [
            ["status", "create", "--key", "k.key", "--url", "https://example.org/s", "--purpose", "revocation", "--out", "s.json"],
            ["trust", "create", "--key", "k.key", "--name", "Agency", "--out", "t.json"],
            ["wallet", "init", "--holder-key", "k.key", "--out", "w.json"],
        ] {
            let run = try CLI.run(arguments, in: folder)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("k.key can be read by other users"), "\(arguments[0]) \(arguments[1])")
        }
        // The demo's bundled public test key, which a clone may leave readable, gets none.
        let demo = try CLI.run(["demo"], in: CLI.packageRoot)
        #expect(demo.status == 0)
        #expect(!demo.stderr.contains("can be read by other users"))
        // A public key, garbage, a folder: no warning, only the error.
        let publicKey = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PUBLIC KEY-----

            """
        try Data(publicKey.utf8).write(to: folder.appendingPathComponent("pub.pem"))
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("junk.key"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.key"), withIntermediateDirectories: false)
        for name in ["pub.pem", "junk.key", "dir.key"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(name).path)
            let shown = try CLI.run(["did", name], in: folder)
            #expect(!shown.stderr.contains("can be read by other users"), "\(name)")
            let signing = try CLI.run(["issue", "--key", name, "t.json"], in: folder)
            #expect(signing.status == 2)
            #expect(!signing.stderr.contains("can be read by other users"), "\(name)")
        }
        #expect(try CLI.run(["did", "pub.pem"], in: folder).status == 0)
    }

    @Test("inspect shows co-awarding bodies, ESCO alignments and the description")
    func inspectShowsEverything() throws {
        let sustainable = try CLI.run(["inspect", "spec/examples/sustainable-management.signed.json"])
        #expect(sustainable.status == 0)
        #expect(sustainable.stdout.contains("Co-awarded by:       Haute École de la Transition Écologique de Namur (https://hete-namur.example/)"))
        let agri = try CLI.run(["inspect", "spec/examples/agri-food.signed.json"])
        #expect(agri.stdout.contains("  - [ESCO] food hygiene rules <http://data.europa.eu/esco/skill/791fa659-3382-49f8-a8dd-505226d0da48>"))
        #expect(agri.stdout.contains("Description:"))
        #expect(agri.stdout.contains("food-waste reduction"))
        // The optional Annex I elements the printable page shows are shown here too.
        #expect(agri.stdout.contains("Supervision:"))
        #expect(try CLI.run(["inspect", "spec/examples/construction.signed.json"]).stdout.contains("Further information: Part of the MASTERY"))
        // A region is not the mandatory country code: without the code, the country is missing.
        let incomplete = try CLI.run(["inspect", "spec/examples/incomplete.json"])
        #expect(incomplete.stdout.contains("Country:             missing (region: Aragón)"), "\(incomplete.stdout)")
    }

    @Test("inspect says missing for each absent mandatory element")
    func inspectMissing() throws {
        let result = try CLI.run(["inspect", "spec/examples/incomplete.json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        for label in ["EQF level", "Participation"] {
            #expect(lines.contains { $0.hasPrefix(label + ":") && $0.hasSuffix(" missing") }, "\(label)")
        }
        #expect(lines.contains { $0.hasPrefix("Country:") && $0.contains("Aragón") })
        let folder = try CLI.temporaryDirectory()
        var template = try CLI.template("construction")
        var subject = template["credentialSubject"] as? [String: Any] ?? [:]
        var achievement = subject["achievement"] as? [String: Any] ?? [:]
        achievement["learningOutcomes"] = nil
        subject["achievement"] = achievement
        template["credentialSubject"] = subject
        try CLI.writeJSON(template, "t.json", in: folder)
        #expect(try CLI.run(["inspect", "t.json"], in: folder).stdout.contains("Learning outcomes: missing"))
    }

    @Test("inspect refuses a document that is not a credential with exit 2")
    func inspectNonCredential() throws {
        let result = try CLI.run(["inspect", "-"], stdin: Array("{\"n\":1}".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("mcred: <stdin>: not a verifiable credential"))
        let array = try CLI.run(["inspect", "-"], stdin: Array("[1]".utf8))
        #expect(array.status == 2)
    }
}
