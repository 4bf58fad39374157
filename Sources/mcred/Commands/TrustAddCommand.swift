import ArgumentParser
import CredentialCore
import Issuer
import Signing

/// `mcred trust add`: vouch for an issuer key.
struct TrustAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an issuer key to a trust list, or replace its entry.",
        discussion: """
            Edits the list in place (atomically, previous version kept as TRUST.json.bak) and \
            re-signs it. Keys with the same --org belong to one organisation: give a rotated key \
            the same --org, end the old key's window with --until, and start the new one's with --from.

            Example:
              mcred trust add --key agency.key --list trust.json --issuer did:key:z6Mk… \\
                --name "Centro Verde" --country ES --org E-SEVILLA07 \\
                --accreditation "ANECA" --from 2026-01-01
            """
    )

    @OptionGroup var target: TrustEditOptions

    @Option(help: ArgumentHelp("The organisation's name.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("ISO 3166-1 alpha-2 country code, e.g. ES.", valueName: "cc"))
    var country: String

    @Option(help: ArgumentHelp("A stable organisation id, e.g. its Erasmus code (default: the DID).", valueName: "id"))
    var org: String?

    @Option(help: ArgumentHelp("The accreditation or quality-assurance body.", valueName: "text"))
    var accreditation: String?

    @Option(help: ArgumentHelp("Start of the key's window (2026-01-01 or a dateTime; default: open).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("End of the key's window (default: open); a day alone means its last second, 23:59:59Z.", valueName: "date"))
    var until: String?

    func validate() throws {
        let start = try from.map { try parseDateOption($0, option: "--from").date }
        let end = try until.map { try parseDateOption($0, option: "--until", bound: .end).date }
        if let start, let end, end < start {
            throw ValidationError("--until \(until ?? "") ends the window before --from \(from ?? "") starts it")
        }
    }

    func run() throws {
        let anchor = TrustListIssuer(key: try KeyPermissions.readPrivateKey(at: target.key))
        let validFrom = try from.map { try parseDateOption($0, option: "--from").text }
        let validUntil = try until.map { try parseDateOption($0, option: "--until", bound: .end).text }
        let entry: TrustListEntry
        do {
            entry = try TrustListEntry(
                issuer: target.issuer, organization: org, name: name, country: country, accreditation: accreditation,
                validFrom: validFrom, validUntil: validUntil)
        } catch {
            // The entry is made from options: name the option, not the member it would become.
            let options = ["id": "--issuer", "organization": "--org", "name": "--name", "country": "--country",
                           "validFrom": "--from", "validUntil": "--until"]
            throw ValidationError("\(error.pointer?.tokens.last.flatMap { options[$0] } ?? "trust add"): \(error.message)")
        }
        var replacing = false
        _ = try ListFile.edit(target.list) { document in
            replacing = try anchor.ownList(document).entry(for: target.issuer) != nil
            return try anchor.add(entry, to: document)
        }
        Terminal.note("\(replacing ? "replaced" : "added") \(target.issuer) (\(entry.windowDescription)) → \(target.list) (previous: \(target.list).bak)")
    }
}
