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

    @OptionGroup var target: TrustEditOptions

    func run() throws {
        let anchor = TrustListIssuer(key: try KeyPermissions.readPrivateKey(at: target.key))
        _ = try ListFile.edit(target.list) { document in try anchor.remove(issuer: target.issuer, from: document) }
        Terminal.note("removed \(target.issuer) → \(target.list) (previous: \(target.list).bak)")
    }
}
