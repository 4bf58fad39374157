import ArgumentParser
import CredentialCore
import Foundation
import Signing
import Verifier
import Wallet

/// `mcred present`: share part of a wallet, signed by the holder.
struct PresentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Make a presentation of chosen wallet credentials, signed with your holder key for one verifier.",
        discussion: """
            The presentation carries the credentials you select (all without --select), the parts of \
            any stacked credential you select, and the status lists they need, and is signed with \
            your key (eddsa-jcs-2022, proof purpose authentication) for the verifier's challenge and \
            domain, so it cannot be replayed to another verifier. One file to share.

            Example:
              mcred present --wallet wallet.json --key learner.key --challenge 3q2-7w \\
                --domain hr.example.com \\
                --select urn:uuid:b366f656-0b43-4117-9630-210724acd20f --out share.json
            """
    )

    @Option(help: ArgumentHelp("The wallet to present from.", valueName: "wallet.json"))
    var wallet: String

    @Option(help: ArgumentHelp("The holder's private key (PKCS#8 PEM); must be the wallet's holder.", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The challenge the verifier gave you (see `mcred challenge`).", valueName: "nonce"))
    var challenge: String

    @Option(help: ArgumentHelp("The verifier's domain, as the verifier gave it.", valueName: "domain"))
    var domain: String

    @Option(help: ArgumentHelp("A credential id to include; repeat for several (default: every credential).", valueName: "id"))
    var select: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the presentation (- for standard output).", valueName: "share.json"))
    var out: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        if challenge.isEmpty { throw ValidationError("--challenge must not be empty") }
        if domain.isEmpty { throw ValidationError("--domain must not be empty") }
    }

    /// Checks what is about to be shared as the verifier will: a credential whose signature or
    /// structure fails (changed since it was added) is refused, since every verifier would reject it;
    /// one that fails another check (expired while held, revoked, a stack missing a part) is named
    /// on standard error and shared, since the holder may still mean to show it.
    /// - Throws: `WalletError` `refused` (exit 1), naming each credential.
    static func checkBeforeSharing(_ presentation: JSONValue, wallet: String) throws {
        let report = CredentialVerifier().verify(CheckedDocument(presentation, kind: .presentation), file: wallet)
        var refusals: [String] = []
        for credential in report.credentials {
            let name = credential.id ?? credential.pointer.description
            for check in credential.checks where check.result == .fail && check.check != .holder {
                if check.check == .schema || check.check == .signature {
                    refusals.append("\(name): \(check.check): \(check.message)")
                } else {
                    Terminal.error("warning: \(TerminalSafe.escape(name)) fails \(check.check): \(TerminalSafe.escape(check.message))")
                }
            }
        }
        guard refusals.isEmpty else {
            throw WalletError(
                .refused, "\(refusals.count) credential\(refusals.count == 1 ? "" : "s") would fail for any verifier; nothing was written (remove \(refusals.count == 1 ? "it" : "them") from the wallet or leave \(refusals.count == 1 ? "it" : "them") out with --select)",
                file: wallet, details: refusals)
        }
    }

    func run() throws {
        try OutputOptions.refuse(out, [("the --wallet file", wallet), ("the --key file", key)])
        let holderKey = try KeyPermissions.readPrivateKey(at: key)
        let held = try WalletFile.read(wallet)
        let presentation: JSONValue
        do {
            presentation = try held.presentation(selecting: select, key: holderKey, challenge: challenge, domain: domain)
        } catch {
            throw error.naming(wallet)
        }
        try Self.checkBeforeSharing(presentation, wallet: wallet)
        // It holds what the wallet holds (names, grades): private to its owner, as the wallet is.
        try OutputOptions.write(Array((presentation.prettyPrinted() + "\n").utf8), to: out, mode: 0o600, force: force)
        if out != "-" {
            let count = presentation["verifiableCredential"]?.arrayValue?.count ?? 0
            Terminal.note("presented \(count) credential\(count == 1 ? "" : "s") for \(domain) → \(out)")
        }
    }
}
