import ArgumentParser
import CredentialCore
import Foundation
import Verifier

/// `mcred render`: a printable page of one credential that still verifies.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write a printable HTML page of a signed credential that embeds the credential itself.",
        discussion: """
            The page shows the title, learner, awarding body, the EU Annex I elements, learning \
            outcomes, stack parts and identifiers, prints well, loads nothing and runs no script. It \
            embeds the exact signed JSON in <script type="application/vc">, so the saved page verifies \
            by itself: `mcred verify CRED.html` or the `mcred serve` page. On paper it is a readable \
            record only. A printable page is read through the credential it embeds and rendered \
            again. A credential whose schema or signature check fails is not rendered (exit 1); a \
            wallet, presentation or anything else is refused (exit 2).

            Example:
              mcred render construction.vc.json --out construction.html
              mcred render construction.vc.json > construction.html
            """
    )

    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The signed credential (- for standard input).", valueName: "credential.json"))
    var credential: String

    func run() throws {
        try output.refuseInputs([("the credential", credential)])
        let bytes = try FileIO.read(credential)
        let report = CredentialVerifier().verifyDocument(bytes, file: credential)
        if let error = report.error {
            Terminal.error(TerminalSafe.escape(error))
            throw ExitCode(2)
        }
        // Another kind of document is input render cannot use (exit 2), not a verdict on a credential.
        guard report.kind == .credential, let first = report.credentials.first else {
            let found = report.kind?.rawValue ?? "document"
            let hint = report.kind == .wallet
                ? "; take one out with mcred wallet show \(credential) ID > credential.json" : ""
            Terminal.error(TerminalSafe.escape("\(credential): render takes one signed credential, found a \(found)\(hint)"))
            throw ExitCode(2)
        }
        let broken = first.checks.filter { ($0.check == .schema || $0.check == .signature) && $0.result == .fail }
        guard broken.isEmpty else {
            for outcome in broken { Terminal.error(TerminalSafe.escape("\(credential): not rendered: \(outcome.check) \(outcome.message)")) }
            throw ExitCode(1)
        }
        try output.write(Array(try PrintableCredential.render(bytes).utf8))
        if let out = output.out, !output.isStandardOutput {
            Terminal.note(TerminalSafe.escape("wrote \(out): the saved page carries the signed credential; check it with mcred verify \(out)"))
        }
    }
}
