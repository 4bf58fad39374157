import ArgumentParser
import Signing

/// `mcred challenge`: a fresh nonce for a verifier to send to a learner.
struct ChallengeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenge",
        abstract: "Print a fresh random challenge (128 bits, base64url) to send to a learner.",
        discussion: """
            Send it to the learner with your domain; they run `mcred present --challenge … --domain …` \
            and you check the file with `mcred verify --challenge … --domain …`. A presentation made \
            for another challenge fails, so an old one cannot be replayed. A challenge never \
            starts with `-`, so it can follow `--challenge` as it is (one from elsewhere that \
            does is written `--challenge=-…`).

            Example:
              mcred challenge
              Qm9_2kz8rTqA1xYhV3cW0g
            """
    )

    func run() throws {
        try Terminal.out(try SecureRandom.challenge())
    }
}
