import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing
import Wallet

/// The `mcred` command: issue, hold and verify signed micro-credentials.
@main
struct MCred: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcred",
        abstract: "Issue, hold and verify signed EU micro-credentials (W3C VC 2.0, eddsa-jcs-2022, did:key).",
        discussion: """
            Exit codes: 0 success (every check passed), 1 a verdict (a check failed, a template was \
            refused), 2 the input could not be processed (usage error, unreadable file, invalid JSON, \
            bad key file).

            Start with:  mcred keygen --out issuer.key
            """,
        version: "0.1.0",
        subcommands: [
            KeygenCommand.self, DidCommand.self, IssueCommand.self, VerifyCommand.self,
            InspectCommand.self, CanonicalizeCommand.self, WalletCommand.self, PresentCommand.self,
            ChallengeCommand.self, StackCommand.self, DemoCommand.self, StatusCommand.self, TrustCommand.self,
        ]
    )

    /// Parses, runs, and maps every outcome to the documented exit codes (0 / 1 / 2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(handle(error))
        }
    }

    /// Prints what `error` means for a user and returns the exit code.
    static func handle(_ error: any Error) -> Int32 {
        switch error {
        case let code as ExitCode:
            return code.rawValue
        case let error as CredentialError:
            Terminal.error(error.description)
            return 2
        case let error as SigningError:
            Terminal.error(error.description)
            return 2
        case let error as WalletError:
            Terminal.error(error.description)
            return error.isVerdict ? 1 : 2
        case let error as IssuerError:
            Terminal.error(error.description)
            return error.isRefusal ? 1 : 2
        default:
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            if !message.isEmpty { Terminal.error(message) }
            // swift-argument-parser's usage errors (64) are mcred's exit 2.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
