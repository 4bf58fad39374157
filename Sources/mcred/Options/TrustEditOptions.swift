import ArgumentParser

/// What `trust add` and `trust remove` both take: the anchor's key, the list to edit and the
/// issuer key the entry is for.
struct TrustEditOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The trust anchor's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The trust list file to edit.", valueName: "file"))
    var list: String

    @Option(help: ArgumentHelp("The issuer key's did:key.", valueName: "did"))
    var issuer: String
}
