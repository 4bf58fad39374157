import ArgumentParser
import Signing

/// `--key`: the issuer's private key file, shared by the commands that sign.
struct KeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The issuer's private key (PKCS#8 PEM file; keys are never read from arguments).", valueName: "key-file"))
    var key: String

    /// Reads the private key, then warns when the file can be read by other users.
    /// - Throws: `SigningError` (exit 2) when the file is not an Ed25519 private key.
    func readPrivateKey() throws -> Ed25519.PrivateKey {
        try KeyPermissions.readPrivateKey(at: key)
    }
}
