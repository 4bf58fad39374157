import ArgumentParser
import CredentialCore
import Foundation
import Verifier
import Wallet

/// `mcred wallet list`: what the wallet holds.
struct WalletListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the credentials in a wallet.",
        discussion: """
            One line per credential: id, title, issuer, ECTS, EQF level, date of issue, and its \
            status as last known from the status lists the wallet holds, then each check that \
            fails now (FAILS validity: an expiry passed while it was held; FAILS signature: the \
            entry was changed). A stacked credential is followed by its parts.

            Example:
              mcred wallet list wallet.json
              mcred wallet list wallet.json --json
            """
    )

    @Argument(help: ArgumentHelp("The wallet file.", valueName: "wallet.json"))
    var wallet: String

    @Flag(help: "Print one JSON document: an array with one object per credential.")
    var json = false

    func run() throws {
        let held = try WalletFile.read(wallet)
        let report = CredentialVerifier().verify(CheckedDocument(held.jsonValue, kind: .wallet), file: wallet)
        let entries = zip(held.credentials, report.credentials).map(WalletEntry.init)
        if json {
            try Terminal.out(JSONValue.array(entries.map(\.jsonValue)).prettyPrinted().trimmingCharacters(in: .newlines))
            return
        }
        try Terminal.out(TerminalSafe.escape(wallet) + ": \(entries.count) credential\(entries.count == 1 ? "" : "s") held by " + TerminalSafe.escape(held.holder))
        let partIDs = Set(entries.flatMap(\.parts).map { Array($0.utf8) })
        for entry in entries where !partIDs.contains(Array((entry.id ?? "").utf8)) {
            try Terminal.out("  " + TerminalSafe.escape(entry.line))
            for part in entry.parts {
                let match = entries.first { $0.id.hasSameBytes(as: part) }
                try Terminal.out("      part: " + TerminalSafe.escape(match?.line ?? "\(part) (not in the wallet)"))
            }
        }
    }
}

/// One credential of a wallet, as `wallet list` shows it.
struct WalletEntry {
    let id: String?
    let title: String?
    let issuer: String?
    let ects: String?
    let eqf: String?
    let issued: String?
    let status: CheckOutcome?
    let parts: [String]
    /// The checks other than `status` that fail now (an expiry passed while it was held, an
    /// entry edited by hand, a stack whose part was removed).
    let failing: [CheckOutcome]

    init(_ document: JSONValue, _ report: CredentialReport) {
        let credential = try? Credential(document)
        let achievement = credential?.achievement
        id = credential?.id
        title = credential?.title
        issuer = credential?.issuerName ?? credential?.issuerID
        ects = achievement?["ectsCredits"].map(\.canonicalString)
        eqf = achievement?["eqfLevel"].map(\.canonicalString)
        issued = credential?.validFrom
        status = report[.status]
        parts = credential.flatMap(StackedCredential.init)?.components.map(\.id) ?? []
        failing = report.checks.filter { [.schema, .signature, .validity, .stack].contains($0.check) && $0.result == .fail }
    }

    var statusText: String {
        guard let status else { return "status not checked" }
        switch status.result {
        case .skip: return "no status list"
        case .pass: return "not revoked"
        case .fail:
            // One reason per status entry, joined by "; ": revoked, suspended, or both.
            let reasons = status.message.components(separatedBy: "; ")
            let states = [("revoked", "REVOKED"), ("suspended", "SUSPENDED")].filter { word, _ in
                reasons.contains { $0.hasPrefix(word + ":") }
            }.map(\.1)
            return states.isEmpty ? "REVOKED/SUSPENDED" : states.joined(separator: ", ")
        case .unknown, .warn: return "status unknown"
        }
    }

    var line: String {
        var text = (id ?? "(no id)") + " \"" + (title ?? "untitled") + "\""
        text += " — " + (issuer ?? "unknown issuer")
        if let ects { text += ", \(ects) ECTS" }
        if let eqf { text += ", EQF \(eqf)" }
        if let issued { text += ", issued \(issued)" }
        text += ", " + statusText
        for check in failing { text += ", FAILS \(check.check): \(check.message)" }
        return text
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        object["id"] = id.map(JSONValue.string) ?? .null
        object["title"] = title.map(JSONValue.string) ?? .null
        object["issuer"] = issuer.map(JSONValue.string) ?? .null
        object["ectsCredits"] = ects.flatMap(Double.init).map(JSONValue.number) ?? .null
        object["eqfLevel"] = eqf.flatMap(Double.init).map(JSONValue.number) ?? .null
        object["validFrom"] = issued.map(JSONValue.string) ?? .null
        object["status"] = status.map { .string($0.result.rawValue) } ?? .null
        object["statusMessage"] = status.map { .string($0.message) } ?? .null
        object["parts"] = .array(parts.map(JSONValue.string))
        object["failing"] = .array(failing.map { .object(["check": .string($0.check.rawValue), "message": .string($0.message)]) })
        return .object(object)
    }
}
