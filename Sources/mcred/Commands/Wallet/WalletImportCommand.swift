import ArgumentParser
import CredentialCore
import Signing
import Wallet

/// `mcred wallet import`: restore a wallet from an encrypted backup.
struct WalletImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Restore a wallet (and its holder key) from an encrypted backup.",
        discussion: """
            Decrypts a backup made by `mcred wallet export` (or any JWE PBES2-HS512+A256KW / A256GCM \
            whose payload is a wallet). A wrong passphrase or an altered file is exit 2 and nothing \
            is written. When the backup holds the holder key, --key-out writes it (PKCS#8 PEM, mode \
            0600).

            Example:
              mcred wallet import wallet-backup.jwe --out wallet.json \\
                --key-out learner.key
            """
    )

    @Argument(help: ArgumentHelp("The backup file.", valueName: "backup.jwe"))
    var backup: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the restored wallet.", valueName: "wallet.json"))
    var out: String

    @Option(help: ArgumentHelp("Where to write the holder key, when the backup holds one.", valueName: "key-file"))
    var keyOut: String?

    @OptionGroup var passphraseOptions: PassphraseOptions

    @Flag(help: "Replace existing output files.")
    var force = false

    func validate() throws {
        if out == "-" { throw ValidationError("--out must name a file") }
    }

    func run() throws {
        let inputs = [("the backup", backup), ("the --passphrase-file", passphraseOptions.passphraseFile)]
        try OutputOptions.refuse(out, inputs)
        if let keyOut {
            try OutputOptions.refuse(keyOut, inputs, option: "--key-out")
            if FileIO.isSamePath(keyOut, out) {
                throw ValidationError("--key-out and --out name one file, \(TerminalSafe.escape(out)); the key and the wallet need two")
            }
        }
        let text = String(decoding: try FileIO.read(backup, limit: 256 * 1024 * 1024), as: UTF8.self)
        let passphrase = try passphraseOptions.passphrase(confirm: false)
        let (wallet, key) = try Wallet.openBackup(text, passphrase: passphrase, file: backup)
        // Both destinations are checked before either is written: never a restored key beside a
        // wallet that could not be written.
        try FileIO.checkDestination(out, overwrite: force)
        if let keyOut { try FileIO.checkDestination(keyOut, overwrite: force) }
        if let keyOut {
            guard let key else { throw ValidationError("\(backup) holds no holder key; leave out --key-out") }
            try KeyFile.write(key, to: keyOut, overwrite: force)
        } else if key != nil {
            Terminal.note("note: the backup also holds the holder key; give --key-out FILE to restore it")
        }
        try WalletFile.create(wallet, at: out, overwrite: force)
        Terminal.note("restored \(wallet.credentials.count) credential\(wallet.credentials.count == 1 ? "" : "s") for \(wallet.holder) → \(out)"
            + (keyOut.map { " (key → \($0))" } ?? ""))
    }
}
