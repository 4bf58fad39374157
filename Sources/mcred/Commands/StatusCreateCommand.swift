import ArgumentParser
import CredentialCore
import Issuer
import Signing

/// `mcred status create`: make a new signed status list.
struct StatusCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a signed status list with every bit 0.",
        discussion: """
            The list's id is --url: credentials name it as statusListCredential, and verifiers match \
            lists by it. The list is valid from now for --valid-for days; renew it with status set \
            before then, or verifiers report the status as unknown.

            Example:
              mcred status create --key issuer.key --url https://example.org/status/1 \\
                --purpose revocation --out status.json
            """
    )

    @Option(help: ArgumentHelp("The issuer's private key (PKCS#8 PEM); the same key that signs the credentials.", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The list's URL (its id).", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("revocation (final) or suspension (reversible).", valueName: "purpose"))
    var purpose: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of bits, a multiple of 8, from 131072 to 134217728.", valueName: "bits"))
    var size: Int = BitstringStatusList.minimumCount

    @Option(parsing: .unconditional, help: ArgumentHelp("Days until the list's validUntil (1 to 3660).", valueName: "days"))
    var validFor: Int = StatusListIssuer.defaultValidDays

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the list.", valueName: "file"))
    var out: String

    @Flag(help: "Replace --out if it exists (its allocation record is kept; delete it yourself if the list is new).")
    var force = false

    func validate() throws {
        guard StatusListIssuer.purposes.contains(purpose) else {
            throw ValidationError("--purpose must be revocation or suspension")
        }
        guard out != "-" else { throw ValidationError("--out must name a file: status set edits it later") }
    }

    func run() throws {
        let signingKey = try KeyPermissions.readPrivateKey(at: key)
        let list = try StatusListIssuer(key: signingKey).create(url: url, purpose: purpose, size: size, validDays: validFor)
        try OutputOptions.write(Array(list.prettyPrinted().utf8), to: out, force: force)
        Terminal.note("\(purpose) list \(url) with \(size) bits, valid until \(list["validUntil"]?.stringValue ?? "?") → \(out)")
    }
}
