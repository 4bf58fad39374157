import ArgumentParser

@main
struct MCred: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcred",
        abstract: "Issue, hold and verify signed micro-credentials.",
        version: "0.1.0"
    )
}
