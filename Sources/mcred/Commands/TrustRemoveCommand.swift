import ArgumentParser
import CredentialCore
import Issuer
import Signing

/// `mcred trust remove`: stop vouching for an issuer key.
struct TrustRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an issuer key from a trust list.",
        discussion: """
            Edits the list in place (atomically, previous version kept as TRUST.json.bak). To keep \
            the credentials a key signed in the past valid, end its window with trust add --until \
            instead.

            Example:
              mcred trust remove --key agency.key --list trust.json --issuer did:key:z6Mk…
            """
    )

    @Option(help: ArgumentHelp("The trust anchor's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The trust list file to edit.", valueName: "file"))
    var list: String

    @Option(help: ArgumentHelp("The issuer key's did:key.", valueName: "did"))
    var issuer: String

    func run() throws {
        let anchor = TrustListIssuer(key: try KeyPermissions.readPrivateKey(at: key))
        _ = try ListFile.edit(list) { document in try anchor.remove(issuer: issuer, from: document) }
        Terminal.note("removed \(issuer) → \(list) (previous: \(list).bak)")
    }
}
