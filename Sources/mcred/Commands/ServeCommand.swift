import ArgumentParser
import CredentialCore
import Foundation
import Verifier
import VerifierServer

/// `mcred serve`: the local verifier page for people without a terminal.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local verifier page: drop a file in a browser and see every check.",
        discussion: """
            Opens http://127.0.0.1:8080/ (loopback only unless --host says otherwise). The page \
            checks credentials, presentations, wallets and printable credential pages with exactly \
            the checks of `mcred verify`, and can make a fresh challenge for a presentation. \
            POST /api/verify answers the JSON report (spec/serve.md). Nothing is stored; one access \
            line per request (method, path, status, bytes) goes to standard error. Ctrl-C stops it.

            --status, --trust and --anchor work as for `mcred verify`: the lists are read once at \
            start; restart the server to use newer ones.

            Examples:
              mcred serve
              mcred serve --port 9000 --domain hr.example.com
              mcred serve --status status.json --trust trust.json --anchor did:key:z6Mk…
            """
    )

    @Option(help: ArgumentHelp("The address to listen on (an IP address or localhost); other machines can reach anything but loopback.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: ArgumentHelp("The TCP port (0 picks a free one).", valueName: "port"))
    var port: UInt16 = 8080

    @Option(help: ArgumentHelp("The domain presentations must be made for (default: the host the page is opened under, e.g. 127.0.0.1:8080).", valueName: "domain"))
    var domain: String?

    @Option(help: ArgumentHelp("Check validity at this time instead of the time of each request (2030-01-01 or 2030-01-01T12:00:00Z).", valueName: "date"))
    var at: String?

    @OptionGroup(title: "Status and trust") var evidence: EvidenceOptions

    func validate() throws {
        if let at { _ = try parseDateOption(at, option: "--at") }
    }

    func run() throws {
        let checkingTime = try at.map { try parseDateOption($0, option: "--at").date }
        // The status lists and trust lists are read and checked once, as `verify` does, and every
        // request starts from this verifier.
        var verifier = CredentialVerifier()
        try evidence.configure(&verifier)
        let service = VerifierService(verifier: verifier, checkingTime: checkingTime, domain: domain)
        let server = try VerifierServer(host: host, port: port, service: service) { line in Terminal.note(line) }
        if !VerifierServer.isLoopback(host) {
            Terminal.error("warning: listening on \(TerminalSafe.escape(host)), not on loopback: anyone who can reach this machine can use the page")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        Task {
            do {
                try await server.run()
            } catch {
                Terminal.error("cannot listen on " + TerminalSafe.escape("\(shownHost):\(port): \(error.localizedDescription)"))
                Foundation.exit(2)
            }
        }
        Task {
            guard let bound = try? await server.waitUntilListening() else { return }
            Terminal.note("Verifier page: http://\(shownHost):\(bound)/  (Ctrl-C to stop)")
        }
        dispatchMain()
    }
}
