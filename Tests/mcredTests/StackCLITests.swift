import Foundation
import Testing

@Suite("mcred stack", .serialized)
struct StackCLITests {
    let parts = ["spec/examples/construction.signed.json", "spec/examples/wood-furniture.signed.json", "spec/examples/agri-food.signed.json"]
    let template = "spec/examples/stack/pathway.json"

    func text(_ path: String) throws -> String {
        try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// A wallet document that embeds `credentials` exactly as written.
    func wallet(_ credentials: [String]) -> String {
        #"{"type":["VerifiablePresentation","LearnerWallet"],"holder":"did:key:z6MkjLoQ4oowp69DRutToP8DRbporbwg91tGJFZoW3rizcAa","verifiableCredential":["#
            + credentials.joined(separator: ",") + "]}"
    }

    /// Stacks the three bundled components into `folder/stack.json`.
    func stackThree(in folder: URL) throws -> CLIResult {
        try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", template, "--out", folder.appendingPathComponent("stack.json").path] + parts)
    }

    @Test("stacking three of one learner's credentials exits 0; the stack verifies beside them and fails alone")
    func stacksAndVerifies() throws {
        let folder = try CLI.temporaryDirectory()
        let result = try stackThree(in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("stacked 3 components (9.5 ECTS)"))
        let stack = try String(contentsOf: folder.appendingPathComponent("stack.json"), encoding: .utf8)
        #expect(stack.contains("\"StackedCredential\""))
        #expect(stack.contains("\"ectsCredits\": 9.5"))
        try wallet(try parts.map(text) + [stack]).write(to: folder.appendingPathComponent("wallet.json"), atomically: true, encoding: .utf8)
        let verified = try CLI.run(["verify", "wallet.json"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("pass    stack     3 components present, unaltered and verified; 9.5 ECTS credits add up"))
        let alone = try CLI.run(["verify", "stack.json"], in: folder)
        #expect(alone.status == 1)
        #expect(alone.stdout.contains("fail    stack     3 of 3 components are not in the file: urn:uuid:b366f656-0b43-4117-9630-210724acd20f"))
    }

    @Test("a component edited after stacking makes the stack fail, naming it")
    func editedComponent() throws {
        let folder = try CLI.temporaryDirectory()
        #expect(try stackThree(in: folder).status == 0)
        let stack = try String(contentsOf: folder.appendingPathComponent("stack.json"), encoding: .utf8)
        var components = try parts.map(text)
        components[0] = components[0].replacingOccurrences(of: "Apto (pass)", with: "Apto (distinction)")
        try wallet(components + [stack]).write(to: folder.appendingPathComponent("wallet.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["verify", "wallet.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("fail    stack     component urn:uuid:b366f656-0b43-4117-9630-210724acd20f at /verifiableCredential/0 does not match its digest"))
    }

    @Test("the bundled stack example verifies in its wallet")
    func bundledExample() throws {
        let result = try CLI.run(["verify", "spec/examples/stack/wallet.json"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("pass    stack"))
        let inspect = try CLI.run(["inspect", "spec/examples/stack/pathway.signed.json"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("Stacked from 3 components, total 9.5 ECTS:"))
        #expect(inspect.stdout.contains("  - urn:uuid:b366f656-0b43-4117-9630-210724acd20f (digest zQm"))
    }

    @Test("the same component twice is refused with exit 1, naming it, and nothing is written")
    func duplicate() throws {
        let folder = try CLI.temporaryDirectory()
        let out = folder.appendingPathComponent("stack.json")
        let result = try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", template, "--out", out.path] + parts + [parts[0]])
        #expect(result.status == 1)
        #expect(result.stderr.contains("spec/examples/construction.signed.json (urn:uuid:b366f656-0b43-4117-9630-210724acd20f) is given twice"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a stack given beside one of its own components is refused with exit 1: the credits would count twice")
    func nestedOverlap() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try stackThree(in: folder).status == 0)
        let stack = folder.appendingPathComponent("stack.json").path
        let again = folder.appendingPathComponent("again.json")
        let result = try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", template, "--out", again.path] + parts + [stack])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is given twice: component 4 (\(stack)) already binds it, so its credits would count twice"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: again.path))
    }

    @Test("a template that states another total is refused with exit 1")
    func wrongTotal() throws {
        let folder = try CLI.temporaryDirectory()
        let stated = try text(template).replacingOccurrences(of: "\"workloadHours\": 246,", with: "\"workloadHours\": 246, \"ectsCredits\": 12,")
        try stated.write(to: folder.appendingPathComponent("t.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["stack", "--key", CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path, "--template", "t.json"]
            + parts.map { CLI.packageRoot.appendingPathComponent($0).path }, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("mcred: t.json: /credentialSubject/achievement/ectsCredits: the template states 12 ECTS credits, but the components total 9.5"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a component of another learner is refused with exit 1, naming it")
    func otherLearner() throws {
        let folder = try CLI.temporaryDirectory()
        // The construction example re-issued for another learner by the same issuer.
        let other = try text("spec/examples/construction.json").replacingOccurrences(
            of: "did:key:z6MkjLoQ4oowp69DRutToP8DRbporbwg91tGJFZoW3rizcAa", with: "did:key:z6MkekzG4uaHL9u3ETexvozdqcmWmsia8uKEu83T9mj1qNXq")
        try other.write(to: folder.appendingPathComponent("other.json"), atomically: true, encoding: .utf8)
        let key = CLI.packageRoot.appendingPathComponent("keys-example/issuer.key").path
        #expect(try CLI.run(["issue", "--key", key, "--out", "other.signed.json", "other.json"], in: folder).status == 0)
        let result = try CLI.run(["stack", "--key", key, "--template", CLI.packageRoot.appendingPathComponent(template).path,
            CLI.packageRoot.appendingPathComponent(parts[1]).path, "other.signed.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("other.signed.json ("))
        #expect(result.stderr.contains("belongs to did:key:z6MkekzG4uaHL9u3ETexvozdqcmWmsia8uKEu83T9mj1qNXq"))
    }

    @Test("unreadable inputs exit 2 naming the file; no component is a usage error")
    func unusableInput() throws {
        let missing = try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", template, parts[0], "no-such.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such.json"))
        let badKey = try CLI.run(["stack", "--key", "README.md", "--template", template] + parts)
        #expect(badKey.status == 2)
        #expect(badKey.stderr.contains("README.md"))
        let notJSON = try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", "README.md"] + parts)
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("README.md"))
        let none = try CLI.run(["stack", "--key", "keys-example/issuer.key", "--template", template])
        #expect(none.status == 2)
        #expect(none.stderr.contains("Missing expected argument '<component.json> ...'"))
    }

    @Test("--help explains the command with an example")
    func help() throws {
        let result = try CLI.run(["stack", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--template spec/examples/stack/pathway.json --out pathway.signed.json"))
        #expect(result.stdout.contains("digestMultibase"))
        #expect(try CLI.run(["--help"]).stdout.contains("stack"))
    }

    @Test("the bound digest is the SHA-256 that openssl computes over mcred canonicalize's bytes", .enabled(if: CLI.openssl != nil))
    func digestMatchesOpenSSL() throws {
        let folder = try CLI.temporaryDirectory()
        let canonical = try CLI.run(["canonicalize", parts[0]])
        try Data(canonical.stdoutBytes).write(to: folder.appendingPathComponent("c.json"))
        let (status, output) = try CLI.runOpenSSL(["dgst", "-sha256", "-r", folder.appendingPathComponent("c.json").path])
        #expect(status == 0)
        let expected = String(output.prefix(64))
        let stack = try text("spec/examples/stack/pathway.signed.json")
        let digest = try #require(stack.firstMatch(of: /"digestMultibase": "z([1-9A-HJ-NP-Za-km-z]+)"/)?.1)
        let multihash = try #require(Self.base58(String(digest)))
        #expect(multihash.prefix(2) == [0x12, 0x20])
        #expect(multihash.dropFirst(2).map { String(format: "%02x", $0) }.joined() == expected)
    }

    /// A plain base58btc decoder for the test (big-endian bytes, one digit at a time).
    static func base58(_ text: String) -> [UInt8]? {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        var bytes: [UInt8] = []
        for character in text {
            guard let digit = alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for index in bytes.indices.reversed() {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xff)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xff), at: 0)
                carry >>= 8
            }
        }
        return Array(repeating: 0, count: text.prefix { $0 == "1" }.count) + bytes
    }
}
