import ArgumentParser

/// `mcred trust`: keep an issuer trust list.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Create, edit and show signed issuer trust lists (for trust anchors).",
        discussion: """
            A trust list is a credential signed by a trust anchor (an accreditation agency, a \
            ministry) listing the issuer keys it vouches for, each with a validity window. \
            Verifiers use it with: mcred verify --trust TRUST.json --anchor ANCHOR-DID. \
            spec/trust-list.md describes the format.

            Example:
              mcred trust create --key agency.key --name "Accredited providers" \\
                --out trust.json
              mcred trust add --key agency.key --list trust.json --issuer did:key:z6Mk… \\
                --name "Centro Verde" --country ES
            """,
        subcommands: [TrustCreateCommand.self, TrustAddCommand.self, TrustRemoveCommand.self, TrustShowCommand.self]
    )
}
