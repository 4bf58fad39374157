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
        let did = DIDKey(publicKey: try KeyFile.readPublicKey(at: keyFile))
        // Only a private key is a secret: a public key may be readable by anyone.
        if (try? KeyFile.readPrivateKey(at: keyFile)) != nil { KeyPermissions.warnIfExposed(keyFile) }
        try Terminal.out(verificationMethod ? did.verificationMethodID : did.did)
    }
}
