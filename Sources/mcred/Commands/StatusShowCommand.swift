import ArgumentParser
import CredentialCore
import Foundation
import Signing

/// `mcred status show`: describe a status list.
struct StatusShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a status list: who signed it, its dates, and which bits are set.",
        discussion: """
            Example:
              mcred status show --list status.json --index 94567
            """
    )

    @Option(help: ArgumentHelp("The status list file.", valueName: "file"))
    var list: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Show only this index's bit.", valueName: "n"))
    var index: Int?

    func run() throws {
        let document = try FileIO.readJSON(list)
        let view: StatusListCredential
        do {
            view = try StatusListCredential(document)
        } catch {
            throw error.inFile(list)
        }
        if let index {
            guard view.list.contains(index) else {
                throw ValidationError("--index \(index) is outside the list's 0-\(view.list.count - 1)")
            }
            let state = view.list[index] ? "1 (\(view.statusPurposes.joined(separator: ", ")))" : "0"
            try Terminal.out("index \(index): \(state) in \(TerminalSafe.escape(view.id)) dated \(TerminalSafe.escape(view.validFromText ?? "(no validFrom)"))")
            return
        }
        let signature: String
        switch try EddsaJcs2022.verify(document) {
        case .verified(let key, _):
            signature = key.did.utf8.elementsEqual(view.issuerID.utf8) ? "valid, by the issuer" : "valid, but by \(key.did), not the issuer"
        case .failed(let failure):
            signature = "INVALID: \(failure.message)"
        }
        let set = view.list.setIndices
        let shown = set.prefix(50).map(String.init).joined(separator: " ") + (set.count > 50 ? " …" : "")
        for (label, value) in [
            ("list", view.id), ("issuer", view.issuerID), ("purpose", view.statusPurposes.joined(separator: ", ")),
            ("valid from", view.validFromText ?? "(none)"), ("valid until", view.credential.validUntil ?? "(none)"),
            ("signature", signature), ("size", "\(view.list.count) bits"),
            ("set", "\(set.count)" + (set.isEmpty ? "" : ": " + shown)),
        ] {
            try Terminal.out(label.padding(toLength: 12, withPad: " ", startingAt: 0) + TerminalSafe.escape(value))
        }
    }
}
