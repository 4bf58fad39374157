import ArgumentParser
import Signing
import Wallet

/// `mcred wallet init`: create an empty wallet.
struct WalletInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty wallet for the holder of a key.",
        discussion: """
            The wallet names the key's did:key as its holder; presentations made from it are signed \
            with that key. The key itself is not stored in the wallet.

            Example:
              mcred wallet init --holder-key learner.key --out wallet.json
            """
    )

    @Option(help: ArgumentHelp("The learner's private key (PKCS#8 PEM); its did:key becomes the holder.", valueName: "key-file"))
    var holderKey: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the wallet.", valueName: "wallet.json"))
    var out: String

    @Flag(help: "Replace the file if it exists (its content is lost).")
    var force = false

    func validate() throws {
        if out == "-" { throw ValidationError("--out must name a file: a wallet is a file you keep") }
    }

    func run() throws {
        try OutputOptions.refuse(out, [("the --holder-key file", holderKey)])
        let key = try KeyPermissions.readPrivateKey(at: holderKey)
        let holder = DIDKey(publicKey: key.publicKey)
        try WalletFile.create(Wallet(holder: holder), at: out, overwrite: force)
        Terminal.note("created an empty wallet for \(holder.did) → \(out)")
    }
}
