import ArgumentParser
import CredentialCore
import Issuer
import Signing

/// `mcred trust create`: make a new, empty trust list.
struct TrustCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an empty trust list signed by the anchor key.",
        discussion: """
            Example:
              mcred trust create --key agency.key --name "Accredited providers" \\
                --out trust.json
            """
    )

    @Option(help: ArgumentHelp("The trust anchor's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The list's name.", valueName: "name"))
    var name: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the list.", valueName: "file"))
    var out: String

    @Flag(help: "Replace --out if it exists.")
    var force = false

    func validate() throws {
        guard out != "-" else { throw ValidationError("--out must name a file: trust add edits it later") }
    }

    func run() throws {
        let list = try TrustListIssuer(key: KeyPermissions.readPrivateKey(at: key)).create(name: name)
        try OutputOptions.write(Array(list.prettyPrinted().utf8), to: out, force: force)
        Terminal.note("trust list \(list["id"]?.stringValue ?? "") by \(list["issuer"]?.stringValue ?? "") → \(out)")
    }
}
