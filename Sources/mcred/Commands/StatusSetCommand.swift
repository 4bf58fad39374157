import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing

/// `mcred status set`: set or clear one bit of a status list.
struct StatusSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Revoke or suspend a credential (set its bit), or lift a suspension (--clear).",
        discussion: """
            Edits the list in place: re-signs it with a new validFrom and validUntil (--valid-for), \
            writes it atomically and keeps the previous version as LIST.json.bak. Clearing a bit of a \
            revocation list is refused (exit 1): revocation is final. Setting a bit that is already \
            set just renews the list.

            Examples:
              mcred status set --key issuer.key --list status.json --credential vc.json
              mcred status set --key issuer.key --list suspension.json --index 94567 \\
                --clear
            """
    )

    @Option(help: ArgumentHelp("The list issuer's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The status list file to edit.", valueName: "file"))
    var list: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The index of the bit.", valueName: "n"))
    var index: Int?

    @Option(help: ArgumentHelp("A credential whose credentialStatus names this list.", valueName: "file"))
    var credential: String?

    @Flag(help: "Clear the bit instead of setting it (suspension lists only).")
    var clear = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Days until the renewed list's validUntil (1 to 3660).", valueName: "days"))
    var validFor: Int = StatusListIssuer.defaultValidDays

    func validate() throws {
        if (index == nil) == (credential == nil) { throw ValidationError("give exactly one of --index N or --credential FILE") }
        if let index, index < 0 { throw ValidationError("--index must be 0 or more") }
    }

    func run() throws {
        let issuer = StatusListIssuer(key: try KeyPermissions.readPrivateKey(at: key))
        // One editor at a time; the allocation of indices takes the same lock (LIST.json.lock).
        var changed = ""
        let updated = try ListFile.edit(list) { document in
            let view = try issuer.ownList(document)
            let bit = try index ?? entryIndex(in: credential ?? "", list: view)
            changed = "\(clear ? "cleared" : "set") bit \(bit) of \(view.id) (\(view.statusPurposes.joined(separator: ", ")))"
            return try issuer.update(document, index: bit, value: !clear, validDays: validFor)
        }
        Terminal.note("\(changed); list valid until "
            + "\(updated["validUntil"]?.stringValue ?? "?") → \(list) (previous: \(list).bak)")
    }

    /// The index of the credential's entry that names this list.
    func entryIndex(in file: String, list: StatusListCredential) throws -> Int {
        let credential = try Credential(FileIO.readJSON(file))
        var named: [String] = []
        for result in StatusListEntry.entries(in: credential) {
            guard case .success(let entry) = result else { continue }
            if entry.statusListCredential.utf8.elementsEqual(list.id.utf8) && list.serves(entry.statusPurpose) {
                return entry.statusListIndex
            }
            named.append("\(entry.statusListCredential) (\(entry.statusPurpose))")
        }
        let names = named.isEmpty ? "no BitstringStatusListEntry" : named.joined(separator: ", ")
        throw IssuerError(.invalidOption, "\(file): its credentialStatus names \(names), not this list \(list.id) (\(list.statusPurposes.joined(separator: ", ")))")
    }
}
