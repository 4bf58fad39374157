import ArgumentParser
import CredentialCore

/// `mcred inspect`: a readable summary of a credential, with no verification claims.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarise a credential for people: learner, title, issuer, workload, level, outcomes, dates.",
        discussion: """
            Shows what the credential says; it does not check it (use mcred verify for that). A \
            mandatory EU Annex I element that is absent is shown as "missing". Text from the \
            credential is shown with control and bidi characters escaped (\\u{1B}, \\u{202E}). A \
            file that is not a verifiable credential is exit 2.

            Example:
              mcred inspect spec/examples/construction.signed.json
            """
    )

    @Argument(help: ArgumentHelp("A credential file, or a printable page from mcred render (- for standard input).", valueName: "file"))
    var file: String

    func run() throws {
        let name = file == "-" ? "<stdin>" : file
        let document: JSONValue
        do {
            // A printable page from `mcred render` is read through the credential it embeds, as `verify` reads it.
            let bytes = try FileIO.read(file)
            document = try PrintableCredential.isHTML(bytes) ? PrintableCredential.parseCredential(inPage: bytes) : JSONValue(parsing: bytes)
        } catch {
            throw error.inFile(name)
        }
        let credential: Credential
        do {
            credential = try Credential(document)
        } catch {
            throw error.inFile(name)
        }
        guard credential.types.contains(where: { $0.utf8.elementsEqual("VerifiableCredential".utf8) }) else {
            throw CLIError(.wrongDocument, "\(name): not a verifiable credential (its type does not include VerifiableCredential)")
        }
        for line in CredentialSummary(credential).lines { try Terminal.out(line) }
    }
}
