import ArgumentParser
import CredentialCore
import Foundation
import Verifier
import Wallet

/// `mcred wallet add`: verify credentials and keep them.
struct WalletAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Verify credentials (and status lists) and add them to a wallet.",
        discussion: """
            Each credential is verified first, together with what the wallet holds and the other \
            files of the same call, so a stacked credential and its parts can arrive in any order. \
            A credential whose schema, signature or validity check fails, or that is revoked, is \
            refused; so is one whose credentialSubject.id is someone else (unless \
            --allow-other-subject). If any file is refused, nothing is written (exit 1). The same \
            credential twice is a no-op. A status-list credential is kept as a snapshot, the newest \
            per list and signer, when a credential of the wallet (or of the same call) names it; \
            one that no credential names, or that is expired or dated in the future, is refused. \
            A list signed by another key than the issuer's is kept with a note: it displaces \
            nothing, and verifiers count it only through a trust list.

            Example:
              mcred wallet add wallet.json construction.vc.json agri-food.vc.json
            """
    )

    @Argument(help: ArgumentHelp("The wallet file, edited in place (the previous version is kept as .bak).", valueName: "wallet.json"))
    var wallet: String

    @Argument(help: ArgumentHelp("Credential or status-list files to add.", valueName: "file"))
    var files: [String]

    @Flag(help: "Keep credentials whose subject is not the wallet's holder.")
    var allowOtherSubject = false

    @Option(help: ArgumentHelp("Check validity at this time instead of now: a dateTime with a time zone (2030-01-01T12:00:00Z), or a day, which means the start of that day in UTC.", valueName: "date"))
    var at: String?

    func validate() throws {
        if wallet == "-" { throw ValidationError(WalletCommand.notStandardInput) }
        if files.isEmpty { throw ValidationError("give at least one credential file to add") }
        if let at { _ = try parseDateOption(at, option: "--at") }
    }

    func run() throws {
        let checkingTime = try at.map { try parseDateOption($0, option: "--at").date } ?? Date()
        var incoming: [Wallet.Incoming] = []
        for file in files {
            let bytes = try FileIO.read(file)
            do throws(CredentialError) {
                incoming.append(Wallet.Incoming(file: file, document: try JSONValue(parsing: bytes)))
            } catch {
                throw error.inFile(file)
            }
        }
        let verifier = CredentialVerifier(at: checkingTime)
        let outcomes = try WalletFile.update(wallet) { (held: inout Wallet) throws(WalletError) in
            try held.add(incoming, verifier: verifier, allowOtherSubject: allowOtherSubject)
        }
        for outcome in outcomes {
            try Terminal.out("\(outcome.action.rawValue): " + TerminalSafe.escape(outcome.file) + " (" + (TerminalSafe.escape(outcome.id) ?? "no id") + ")")
            for note in outcome.notes { try Terminal.out("  note: " + TerminalSafe.escape(note)) }
        }
    }
}
