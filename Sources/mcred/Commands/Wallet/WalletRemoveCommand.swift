import ArgumentParser
import Wallet

/// `mcred wallet remove`: drop one credential.
struct WalletRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove one credential from a wallet.",
        discussion: """
            Edits the wallet in place; the previous version is kept as WALLET.json.bak. Status lists \
            no remaining credential refers to are dropped too. Exit 1 when the wallet holds no \
            credential with that id.

            Example:
              mcred wallet remove wallet.json \\
                urn:uuid:b366f656-0b43-4117-9630-210724acd20f
            """
    )

    @Argument(help: ArgumentHelp("The wallet file, edited in place.", valueName: "wallet.json"))
    var wallet: String

    @Argument(help: ArgumentHelp("The credential's id (as `wallet list` shows it).", valueName: "id"))
    var id: String

    func validate() throws {
        if wallet == "-" { throw ValidationError(WalletCommand.notStandardInput) }
    }

    func run() throws {
        try WalletFile.update(wallet) { (held: inout Wallet) throws(WalletError) in try held.remove(id: id) }
        Terminal.note("removed \(id) from \(wallet) (previous version: \(wallet).bak)")
    }
}
