import ArgumentParser
import Signing

/// `mcred did`: print the did:key of a key file.
struct DidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Print the did:key of a private or public key file.",
        discussion: """
            Accepts a PKCS#8 private key or an SPKI public key, both PEM.

            Example:
              mcred did keys-example/issuer.key
              mcred did --verification-method issuer-public.pem
            """
    )

    @Argument(help: ArgumentHelp("A private key or public key PEM file.", valueName: "key-file"))
    var keyFile: String

    @Flag(help: "Print the verification method id (did:key:z6Mk…#z6Mk…) instead of the DID.")
    var verificationMethod = false

    func run() throws {
        if KeyFile.isReadableByOthers(keyFile) {
            Terminal.error("warning: \(keyFile) can be read by other users; run: chmod 600 \(keyFile)")
        }
        let did = DIDKey(publicKey: try KeyFile.readPublicKey(at: keyFile))
        Terminal.out(verificationMethod ? did.verificationMethodID : did.did)
    }
}
