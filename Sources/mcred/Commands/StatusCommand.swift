import ArgumentParser

/// `mcred status`: keep a Bitstring Status List.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Create, edit and show signed status lists (W3C Bitstring Status List).",
        discussion: """
            A status list is a signed credential with one bit per issued credential: 1 means revoked \
            (purpose revocation) or suspended (purpose suspension). spec/status.md describes the files.

            Example:
              mcred status create --key issuer.key --url https://example.org/status/1 \\
                --purpose revocation --out status.json
              mcred issue --key issuer.key --status-list status.json template.json \\
                --out vc.json
              mcred status set --key issuer.key --list status.json --credential vc.json
            """,
        subcommands: [StatusCreateCommand.self, StatusSetCommand.self, StatusShowCommand.self]
    )
}
