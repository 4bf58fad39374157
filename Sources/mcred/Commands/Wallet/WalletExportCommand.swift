import ArgumentParser
import CredentialCore
import Signing
import Wallet

/// `mcred wallet export`: an encrypted backup.
struct WalletExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an encrypted backup of a wallet (JWE, PBES2-HS512+A256KW / A256GCM).",
        discussion: """
            The backup is a JWE compact serialisation (RFC 7516) that other JOSE tools can open: the \
            key is derived from your passphrase with PBKDF2-HMAC-SHA512 (210,000 iterations, random \
            salt), and the wallet is encrypted with AES-256-GCM. With --include-key the holder's \
            private key travels inside it too (as a JWK), so the backup alone restores everything. \
            The passphrase is asked for twice without echo, or read from --passphrase-file.

            Example:
              mcred wallet export wallet.json --include-key learner.key \\
                --out wallet-backup.jwe
            """
    )

    @Argument(help: ArgumentHelp("The wallet file.", valueName: "wallet.json"))
    var wallet: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the backup (mode 0600).", valueName: "backup.jwe"))
    var out: String

    @Option(help: ArgumentHelp("Also back up this holder key (must be the wallet's holder).", valueName: "key-file"))
    var includeKey: String?

    @OptionGroup var passphraseOptions: PassphraseOptions

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        try OutputOptions.refuse(out, [
            ("the wallet", wallet), ("the --include-key file", includeKey),
            ("the --passphrase-file", passphraseOptions.passphraseFile),
        ])
        let held = try WalletFile.read(wallet)
        let key = try includeKey.map { try KeyPermissions.readPrivateKey(at: $0) }
        let passphrase = try passphraseOptions.passphrase(confirm: true)
        let backup = try held.encryptedBackup(passphrase: passphrase, including: key)
        try OutputOptions.write(Array((backup + "\n").utf8), to: out, mode: 0o600, force: force)
        if out != "-" {
            Terminal.note("encrypted \(held.credentials.count) credential\(held.credentials.count == 1 ? "" : "s")"
                + (key == nil ? "" : " and the holder key") + " → \(out)")
        }
    }
}
