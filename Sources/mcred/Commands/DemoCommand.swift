import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing
import Verifier

/// `mcred demo`: the issuer → verifier walk-through on the bundled examples.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Sign the bundled example micro-credentials and verify them, showing each step.",
        discussion: """
            Signs every template in spec/examples with the public test key keys-example/issuer.key, \
            verifies each signed credential, then shows that a tampered copy and an incomplete \
            template are caught. Run it from the package folder.

            Example:
              swift run mcred demo
            """
    )

    @Option(help: ArgumentHelp("The folder of unsigned templates.", valueName: "folder"))
    var examples = "spec/examples"

    @Option(help: ArgumentHelp("The issuer key to sign with (a public test key by default).", valueName: "key-file"))
    var key = "keys-example/issuer.key"

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the signed credentials (default: a new temporary folder).", valueName: "folder"))
    var out: String?

    func run() throws {
        let colour = Terminal.usesColour
        let signingKey = try KeyFile.readPrivateKey(at: key)
        let issuer = try CredentialIssuer(key: signingKey)
        let folder = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("mcred-demo-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: examples)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".signed.json") && $0 != "incomplete.json" }
            .sorted()
        guard !names.isEmpty else {
            throw ValidationError("no templates (*.json) in \(examples); run the demo from the package folder")
        }
        Terminal.out("Issuer key \(key) is \(issuer.issuerDID.did) (a public test key: never use it for real credentials)")
        Terminal.out("")
        Terminal.out("1. Sign \(names.count) micro-credential templates from \(examples) into \(folder)")
        let verifier = CredentialVerifier()
        let printer = ReportPrinter(colour: colour, strict: false)
        var signedPaths: [String] = []
        for name in names {
            let template = try JSONValue(parsing: try FileIO.read("\(examples)/\(name)"))
            let signed = try issuer.issue(template)
            let path = "\(folder)/\(name.replacingOccurrences(of: ".json", with: ".vc.json"))"
            try FileIO.write(Array(signed.prettyPrinted().utf8), to: path, overwrite: true)
            signedPaths.append(path)
            let credential = try Credential(signed)
            let ects = credential.achievement?["ectsCredits"].map { $0.canonicalString + " ECTS, " } ?? ""
            let eqf = credential.achievement?["eqfLevel"].map { "EQF " + $0.canonicalString } ?? ""
            Terminal.out("   signed  \(credential.title ?? name) (\(ects)\(eqf)) → \(path)")
        }
        Terminal.out("")
        Terminal.out("2. Verify them offline: mcred verify \(folder)/*.vc.json")
        for path in signedPaths {
            let report = verifier.verifyFile(path)
            Terminal.out("   " + (printer.lines(for: report).first ?? ""))
        }
        Terminal.out("")
        Terminal.out("   The full report of the first one:")
        if let first = signedPaths.first {
            for line in printer.lines(for: verifier.verifyFile(first)) {
                Terminal.out("   " + line)
            }
        }
        Terminal.out("")
        if let first = signedPaths.first {
            let tamperedPath = "\(folder)/tampered.vc.json"
            var document = try JSONValue(parsing: try FileIO.read(first))
            let pointer: JSONPointer = "/credentialSubject/achievement/ectsCredits"
            try document.setValue(.number((document.value(at: pointer)?.doubleValue ?? 0) + 10), at: pointer)
            try FileIO.write(Array(document.prettyPrinted().utf8), to: tamperedPath, overwrite: true)
            Terminal.out("3. Change the ECTS credits of one credential and verify again:")
            for line in printer.lines(for: verifier.verifyFile(tamperedPath)) {
                Terminal.out("   " + line)
            }
            Terminal.out("")
        }
        let incomplete = "\(examples)/incomplete.json"
        if FileManager.default.fileExists(atPath: incomplete) {
            Terminal.out("4. Try to sign \(incomplete), which lacks EU Annex I elements:")
            let template = try JSONValue(parsing: try FileIO.read(incomplete))
            do throws(IssuerError) {
                _ = try issuer.issue(template)
                Terminal.out("   unexpectedly signed")
            } catch {
                Terminal.out("   refused: " + error.message)
                for problem in error.problems { Terminal.out("     - \(problem)") }
            }
            Terminal.out("")
        }
        Terminal.out("Next: mcred keygen --out issuer.key, then mcred issue --key issuer.key YOUR-TEMPLATE.json --out vc.json")
    }
}
