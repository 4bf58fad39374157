import Foundation
import Testing

/// Hostile inputs, each with the exact exit code and the first words mcred must answer with.
@Suite("Bad-input catalogue", .serialized)
struct BadInputCatalogueTests {
    /// One hostile input: the file's bytes, the command run on it, what must come back.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var status: Int32
        /// The start of standard error (or of standard output when `onStandardOutput`).
        var prefix: String
        var onStandardOutput = false
        var testDescription: String { name }
    }

    static let signed = CLI.packageRoot.appendingPathComponent("spec/examples/construction.signed.json")

    /// Writes the catalogue's input files into `folder`.
    static func makeInputs(in folder: URL) throws {
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let credential = try [UInt8](Data(contentsOf: signed))
        try write("empty.json", [])
        try write("binary.json", [0x00, 0xFF, 0xFE, 0x01, 0x80, 0x7F] + Array(repeating: 0xC3, count: 64))
        try write("bom.json", [0xEF, 0xBB, 0xBF] + credential)
        try write("truncated.json", Array(credential.prefix(500)))
        try write("deep.json", Array(repeating: 0x5B, count: 1_000_000) + Array(repeating: 0x5D, count: 1_000_000))
        try write("duplicate.json", Array("{\"id\":\"a\",\"id\":\"b\"}".utf8))
        try write("surrogate.json", Array("{\"name\":\"\\ud800\"}".utf8))
        try write("huge-number.json", Array("{\"ectsCredits\":1e400}".utf8))
        try write("not-credential.json", Array("{\"n\":1}".utf8))
        // Built as text: the signed credential with its proof object repeated, or its method replaced.
        let text = String(decoding: credential, as: UTF8.self)
        let proofStart = try #require(text.range(of: "\"proof\": {"))
        let proofEnd = try #require(text.range(of: "}", range: proofStart.upperBound..<text.endIndex))
        let proof = String(text[text.index(before: proofStart.upperBound)..<proofEnd.upperBound])
        let repeated = Array(repeating: proof, count: 100_000).joined(separator: ",")
        let proofArray = text[..<proofStart.lowerBound] + "\"proof\": [" + repeated + "]" + text[proofEnd.upperBound...]
        try write("proof-array.json", Array(proofArray.utf8))
        let method = try #require(proof.range(of: "did:key:z6Mk[^\"]*", options: .regularExpression))
        let longProof = proof.replacingCharacters(in: method, with: "did:key:z" + String(repeating: "6", count: 100_000))
        let longMethod = text[..<proofStart.lowerBound] + "\"proof\": " + longProof + text[proofEnd.upperBound...]
        try write("long-method.json", Array(longMethod.utf8))
        var template = try CLI.template("construction")
        template["validFrom"] = "2027-01-01T00:00:00"
        try CLI.writeJSON(template, "zoneless.json", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
    }

    static let cases: [Case] = [
        Case(name: "empty file", arguments: ["verify", "empty.json"], status: 2,
             prefix: "mcred: empty.json:1:1: (root): expected a value, found the end of the input"),
        Case(name: "binary bytes", arguments: ["verify", "binary.json"], status: 2, prefix: "mcred: binary.json:1:1: (root): "),
        Case(name: "byte order mark", arguments: ["verify", "bom.json"], status: 2,
             prefix: "mcred: bom.json:1:1: (root): the text starts with a byte order mark"),
        Case(name: "truncated credential", arguments: ["verify", "truncated.json"], status: 2,
             prefix: "mcred: truncated.json:18:44: /issuer/name: the input ends inside a string"),
        Case(name: "10⁶-deep nesting", arguments: ["verify", "deep.json"], status: 2, prefix: "mcred: deep.json:1:129: /0/0/0/"),
        Case(name: "10⁶-deep nesting, canonicalize", arguments: ["canonicalize", "deep.json"], status: 2, prefix: "mcred: deep.json:1:129: "),
        Case(name: "duplicate keys", arguments: ["verify", "duplicate.json"], status: 2,
             prefix: "mcred: duplicate.json:1:11: /id: duplicate member name \"id\""),
        Case(name: "lone surrogate", arguments: ["verify", "surrogate.json"], status: 2,
             prefix: "mcred: surrogate.json:1:10: /name: \\ud800 is a high surrogate"),
        Case(name: "1e400", arguments: ["verify", "huge-number.json"], status: 2,
             prefix: "mcred: huge-number.json:1:16: /ectsCredits: 1e400 is beyond the range"),
        Case(name: "a proof array of 10⁵ entries", arguments: ["verify", "proof-array.json"], status: 1,
             prefix: "FAIL proof-array.json (1 credential, 1 check failed)", onStandardOutput: true),
        Case(name: "a 10⁵-character verificationMethod", arguments: ["verify", "long-method.json"], status: 1,
             prefix: "FAIL long-method.json (1 credential, 1 check failed)", onStandardOutput: true),
        Case(name: "not a credential, inspect", arguments: ["inspect", "not-credential.json"], status: 2,
             prefix: "mcred: not-credential.json: not a verifiable credential"),
        Case(name: "a folder given as the file", arguments: ["verify", "folder.json"], status: 2,
             prefix: "mcred: folder.json: is a directory, not a file"),
        Case(name: "a missing file", arguments: ["verify", "absent.json"], status: 2, prefix: "mcred: absent.json: no such file"),
        Case(name: "a template without time zone", arguments: ["issue", "--key", CLI.exampleKey, "zoneless.json"], status: 1,
             prefix: "mcred: zoneless.json: the template is not a valid VC 2.0 credential"),
        Case(name: "--force onto a folder", arguments: ["issue", "--key", CLI.exampleKey, "--force", "--out", "folder.json",
                                                        CLI.packageRoot.appendingPathComponent("spec/examples/construction.json").path],
             status: 2, prefix: "mcred: folder.json: is a directory; only a regular file is ever replaced"),
        Case(name: "keygen --force onto a folder", arguments: ["keygen", "--force", "--out", "folder.json"], status: 2,
             prefix: "mcred: folder.json: is a directory; only a regular file is ever replaced"),
        Case(name: "a key file that is a credential", arguments: ["did", "bom.json"], status: 2, prefix: "mcred: bom.json: "),
        Case(name: "a date option without a zone", arguments: ["verify", "--at", "2030-01-01T00:00:00", "bom.json"], status: 2,
             prefix: "mcred: Error: --at \"2030-01-01T00:00:00\" has no time zone"),
    ]

    /// The inputs, written once for the whole table.
    static let inputs: Result<URL, any Error> = Result {
        let folder = try CLI.temporaryDirectory()
        try makeInputs(in: folder)
        return folder
    }

    @Test("each hostile input gets its exit code and message, and no crash or hang", arguments: cases)
    func catalogue(_ entry: Case) throws {
        let folder = try Self.inputs.get()
        let result = try CLI.run(entry.arguments, in: folder, killAfter: 120)
        #expect(!result.signalled, "crashed or hung")
        #expect(result.status == entry.status, "\(result.stderr)")
        // The example key may be readable by others after a clone; that warning is not the answer.
        let stderr = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("can be read by other users") }.joined(separator: "\n")
        let text = entry.onStandardOutput ? result.stdout : stderr
        #expect(text.hasPrefix(entry.prefix), "\(text.prefix(300))")
    }
}
