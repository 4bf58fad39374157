import ArgumentParser

/// `mcred wallet`: the learner's wallet file.
struct WalletCommand: ParsableCommand {
    /// The usage error of a command that edits the wallet in place, given `-`.
    static let notStandardInput = "the wallet is edited in place, so it must be a file, not - (standard input)"

    static let configuration = CommandConfiguration(
        commandName: "wallet",
        abstract: "Keep every credential you hold in one wallet file you own.",
        discussion: """
            A wallet is one JSON file (spec/wallet.md): your did:key as holder, your credentials as \
            issued, and the status lists you have seen. Every change is atomic, made under a lock, \
            and keeps the previous version as WALLET.json.bak.

            Example:
              mcred keygen --out learner.key
              mcred wallet init --holder-key learner.key --out wallet.json
              mcred wallet add wallet.json construction.vc.json
              mcred wallet list wallet.json
              mcred present --wallet wallet.json --key learner.key --challenge C \\
                --domain employer.example --out share.json
            """,
        subcommands: [
            WalletInitCommand.self, WalletAddCommand.self, WalletListCommand.self, WalletShowCommand.self,
            WalletRemoveCommand.self, WalletExportCommand.self, WalletImportCommand.self,
        ]
    )
}
