import ArgumentParser
import CredentialCore
import Signing

/// `mcred trust show`: list the keys of a trust list.
struct TrustShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a trust list: its anchor, date, signature and every issuer key.",
        discussion: """
            Example:
              mcred trust show --list trust.json
            """
    )

    @Option(help: ArgumentHelp("The trust list file.", valueName: "file"))
    var list: String

    func run() throws {
        let document = try FileIO.readJSON(list)
        let trust: TrustList
        do {
            trust = try TrustList(document)
        } catch {
            throw error.inFile(list)
        }
        let signature: String
        switch try EddsaJcs2022.verify(document) {
        case .verified(let key, _):
            signature = key.did.utf8.elementsEqual(trust.anchor.utf8) ? "valid, by the anchor" : "valid, but by \(key.did), not the anchor"
        case .failed(let failure):
            signature = "INVALID: \(failure.message)"
        }
        try Terminal.out(TerminalSafe.escape("\(trust.name ?? "(unnamed)") — anchor \(trust.anchor), dated \(trust.validFromText ?? "(no validFrom)")"))
        try Terminal.out("signature: \(TerminalSafe.escape(signature))")
        try Terminal.out("\(trust.entries.count) issuer key\(trust.entries.count == 1 ? "" : "s")")
        for entry in trust.entries {
            var fields = [entry.issuer, "org \(entry.organization)", entry.name, entry.country]
            if let accreditation = entry.accreditation { fields.append("accredited by \(accreditation)") }
            fields.append("window \(entry.windowDescription)")
            try Terminal.out("  " + TerminalSafe.escape(fields.joined(separator: " | ")))
        }
    }
}
