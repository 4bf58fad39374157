import ArgumentParser
import Foundation
import Signing

/// `mcred challenge`: a fresh nonce for a verifier to send to a learner.
struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge",
        abstract: "Print a fresh random challenge (128 bits, base64url) to send to a learner.",
        discussion: """
            Send it to the learner with your domain; they run `mcred present --challenge … --domain …` \
            and you check the file with `mcred verify --challenge … --domain …`. A presentation made \
            for another challenge fails, so an old one cannot be replayed.

            Example:
              mcred challenge
              Qm9_2kz8rTqA1xYhV3cW0g
            """
    )

    func run() throws {
        // RFC 4648 §5 base64url without padding.
        let text = Data(try SecureRandom.bytes(count: 16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        Terminal.out(text)
    }
}
