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
            template are caught. Run it from the package folder. The signed files go to a temporary \
            folder that is removed at the end, or to --out FOLDER, where existing files are replaced \
            only with --force.

            Example:
              swift run mcred demo
            """
    )

    @Option(help: ArgumentHelp("The folder of unsigned templates.", valueName: "folder"))
    var examples = "spec/examples"

    @Option(help: ArgumentHelp("The issuer key to sign with (a public test key by default).", valueName: "key-file"))
    var key = "keys-example/issuer.key"

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the signed credentials and keep them (default: a temporary folder, removed at the end).", valueName: "folder"))
    var out: String?

    @Flag(help: "Replace files of the same names in --out.")
    var force = false

    func run() throws {
        // The public test key a clone may leave readable by others needs no warning; a key of the
        // user's own does.
        let signingKey = key == "keys-example/issuer.key"
            ? try KeyFile.readPrivateKey(at: key) : try KeyPermissions.readPrivateKey(at: key)
        let issuer = try CredentialIssuer(key: signingKey)
        if let out {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try show(issuer, folder: out)
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try show(issuer, folder: folder)
    }

    /// The walk-through, writing into `folder`.
    func show(_ issuer: CredentialIssuer, folder: String) throws {
        let colour = Terminal.usesColour
        let replace = force
        let shownFolder = TerminalSafe.escape(folder)
        let shownExamples = TerminalSafe.escape(examples)
        let names = try FileManager.default.contentsOfDirectory(atPath: examples)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".signed.json") && $0 != "incomplete.json" }
            .sorted()
        guard !names.isEmpty else {
            throw ValidationError("no templates (*.json) in \(shownExamples); run the demo from the package folder")
        }
        try Terminal.out("Issuer key \(TerminalSafe.escape(key)) is \(issuer.issuerDID.did) (a public test key: never use it for real credentials)")
        try Terminal.out("")
        try Terminal.out("1. Sign \(names.count) micro-credential templates from \(shownExamples) into \(shownFolder)")
        let verifier = CredentialVerifier()
        let printer = ReportPrinter(colour: colour, strict: false)
        var signedPaths: [String] = []
        for name in names {
            let template = try JSONValue(parsing: try FileIO.read("\(examples)/\(name)"))
            let signed = try issuer.issue(template)
            let path = "\(folder)/\(name.replacingOccurrences(of: ".json", with: ".vc.json"))"
            try FileIO.write(Array(signed.prettyPrinted().utf8), to: path, overwrite: replace)
            signedPaths.append(path)
            let credential = try Credential(signed)
            let ects = credential.achievement?["ectsCredits"].map { $0.canonicalString + " ECTS, " } ?? ""
            let eqf = credential.achievement?["eqfLevel"].map { "EQF " + $0.canonicalString } ?? ""
            try Terminal.out("   signed  \(TerminalSafe.escape(credential.title ?? name)) (\(ects)\(eqf)) → " + TerminalSafe.escape(path))
        }
        try Terminal.out("")
        try Terminal.out("2. Verify them offline: mcred verify \(shownFolder)/*.vc.json")
        for path in signedPaths {
            let report = verifier.verifyFile(path)
            try Terminal.out("   " + (printer.lines(for: report).first ?? ""))
        }
        try Terminal.out("")
        try Terminal.out("   The full report of the first one:")
        if let first = signedPaths.first {
            for line in printer.lines(for: verifier.verifyFile(first)) {
                try Terminal.out("   " + line)
            }
        }
        try Terminal.out("")
        if let first = signedPaths.first {
            let tamperedPath = "\(folder)/tampered.vc.json"
            var document = try JSONValue(parsing: try FileIO.read(first))
            let pointer: JSONPointer = "/credentialSubject/achievement/ectsCredits"
            try document.setValue(.number((document.value(at: pointer)?.doubleValue ?? 0) + 10), at: pointer)
            try FileIO.write(Array(document.prettyPrinted().utf8), to: tamperedPath, overwrite: replace)
            try Terminal.out("3. Change the ECTS credits of one credential and verify again:")
            for line in printer.lines(for: verifier.verifyFile(tamperedPath)) {
                try Terminal.out("   " + line)
            }
            try Terminal.out("")
        }
        let incomplete = "\(examples)/incomplete.json"
        if FileManager.default.fileExists(atPath: incomplete) {
            try Terminal.out("4. Try to sign \(TerminalSafe.escape(incomplete)), which lacks EU Annex I elements:")
            let template = try JSONValue(parsing: try FileIO.read(incomplete))
            let refusal: IssuerError?
            do throws(IssuerError) {
                _ = try issuer.issue(template)
                refusal = nil
            } catch {
                refusal = error
            }
            if let refusal {
                try Terminal.out("   refused: " + TerminalSafe.escape(refusal.message))
                for problem in refusal.problems { try Terminal.out("     - " + TerminalSafe.escape(problem.description)) }
            } else {
                try Terminal.out("   unexpectedly signed")
            }
            try Terminal.out("")
        }
        try Terminal.out("Next: mcred keygen --out issuer.key, then mcred issue --key issuer.key YOUR-TEMPLATE.json --out vc.json")
    }
}
