import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing
import VerifierServer
import Wallet

/// The `mcred` command: issue, hold and verify signed micro-credentials.
@main
struct MCred: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcred",
        abstract: "Issue, hold and verify signed EU micro-credentials (W3C VC 2.0, eddsa-jcs-2022, did:key).",
        discussion: """
            Exit codes: 0 success (every check passed), 1 a verdict (a check failed, a template was \
            refused; in a --batch, also a line that is not valid JSON), 2 the input could not be \
            processed (usage error, unreadable file, invalid JSON, bad key file) or the output could \
            not be written.

            Start with:  mcred keygen --out issuer.key
            """,
        version: "0.1.0",
        subcommands: [
            KeygenCommand.self, DidCommand.self, IssueCommand.self, VerifyCommand.self,
            InspectCommand.self, CanonicalizeCommand.self, WalletCommand.self, PresentCommand.self,
            ChallengeCommand.self, StackCommand.self, StatusCommand.self, TrustCommand.self, RenderCommand.self,
            ServeCommand.self, DemoCommand.self,
        ]
    )

    /// Parses, runs, and maps every outcome to the documented exit codes (0 / 1 / 2).
    static func main() {
        Allocator.returnLargeBlocksToTheSystem()
        let handlers = Interruption.install()
        defer { withExtendedLifetime(handlers) {} }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            Foundation.exit(handle(error))
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // Raised while running, once the arguments parsed: the message alone, as for every other
            // runtime error (the parser would add the usage of the root command, not of this one).
            Terminal.error(TerminalSafe.escape(error.message))
            Foundation.exit(2)
        } catch {
            Foundation.exit(handle(error))
        }
    }

    /// Prints what `error` means for a user (on standard error, untrusted text escaped) and
    /// returns the exit code. Every error type is mapped here, and only here; an unknown one is 2.
    static func handle(_ error: any Error) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let error as CLIError:
            // A closed pipe ends the command quietly: whoever closed it wanted no more.
            if error.code != .outputClosed { Terminal.error(TerminalSafe.escape(error.message)) }
            return 2
        case let error as CredentialError:
            // A streamed batch whose reader closed the pipe ends quietly, as any other command does.
            if error.code != .outputClosed { Terminal.error(TerminalSafe.escape(error.description)) }
            return 2
        case let error as SigningError:
            Terminal.error(TerminalSafe.escape(error.description))
            return 2
        case let error as WalletError:
            // The message and each detail are escaped on their own: a line break inside one (from a
            // stranger's id or file name) is shown as an escape, never as a line of its own.
            Terminal.error(TerminalSafe.escape((error.file.map { $0 + ": " } ?? "") + error.message))
            for detail in error.details { Terminal.note("  " + TerminalSafe.escape(detail)) }
            return error.isVerdict ? 1 : 2
        case let error as VerifierServerError:
            Terminal.error(TerminalSafe.escape(error.description))
            return 2
        case let error as IssuerError:
            Terminal.error(TerminalSafe.escape(error.message))
            for problem in error.problems { Terminal.note("  " + TerminalSafe.escape(problem.description)) }
            return error.isRefusal ? 1 : 2
        default:
            return handleParserOutcome(error)
        }
    }

    /// swift-argument-parser's outcomes: help and version (exit 0, on standard output), usage errors
    /// (its 64 is mcred's 2), and anything unknown (2).
    static func handleParserOutcome(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            do {
                try Terminal.out(message)
                return 0
            } catch {
                return handle(error)
            }
        }
        if !message.isEmpty { Terminal.error(TerminalSafe.escapeLines(message)) }
        return code == .validationFailure || code == .failure ? 2 : code.rawValue
    }
}
