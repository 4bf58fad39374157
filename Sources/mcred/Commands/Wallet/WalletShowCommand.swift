import ArgumentParser
import CredentialCore
import Foundation
import Wallet

/// `mcred wallet show`: print one credential as held.
struct WalletShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one credential of a wallet, as issued.",
        discussion: """
            Prints the credential's JSON exactly as it was added (pretty-printed); exit 1 when the \
            wallet holds no credential with that id.

            Example:
              mcred wallet show wallet.json \\
                urn:uuid:b366f656-0b43-4117-9630-210724acd20f > copy.json
            """
    )

    @Argument(help: ArgumentHelp("The wallet file.", valueName: "wallet.json"))
    var wallet: String

    @Argument(help: ArgumentHelp("The credential's id (as `wallet list` shows it).", valueName: "id"))
    var id: String

    func run() throws {
        let credential: JSONValue
        do {
            credential = try WalletFile.read(wallet).credential(withID: id)
        } catch {
            throw error.naming(wallet)
        }
        try Terminal.out(credential.prettyPrinted(terminalSafe: true).trimmingCharacters(in: .newlines))
    }
}
