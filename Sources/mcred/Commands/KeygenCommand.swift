import ArgumentParser
import Signing

/// `mcred keygen`: make an Ed25519 key pair.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate an Ed25519 private key and print its did:key.",
        discussion: """
            The key is written as PKCS#8 PEM (the format of `openssl genpkey -algorithm ed25519`) \
            with mode 0600 to the file --out names (required). The private key is never printed.

            Example:
              mcred keygen --out issuer.key
              did:key:z6Mk…
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write the private key to (mode 0600).", valueName: "file"))
    var out: String

    @Flag(help: "Replace --out if it is an existing regular file (never a folder, device, FIFO or symbolic link).")
    var force = false

    func validate() throws {
        if out == "-" {
            throw ValidationError("--out must name a file: a private key is never written to standard output")
        }
    }

    func run() throws {
        let key = try Ed25519.PrivateKey()
        try KeyFile.write(key, to: out, overwrite: force)
        try Terminal.out(DIDKey(publicKey: key.publicKey).did)
    }
}
