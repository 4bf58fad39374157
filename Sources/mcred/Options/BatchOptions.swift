import ArgumentParser
import CredentialCore

/// Options shared by the batch modes of `issue` and `verify`.
struct BatchOptions: ParsableArguments {
    // Optional, so that the help says "every core" rather than this machine's count as a fixed default.
    @Option(name: .customLong("jobs"), parsing: .unconditional, help: ArgumentHelp("Worker threads for --batch (default: every core).", valueName: "n"))
    var requestedJobs: Int?

    /// The worker threads to use: `--jobs`, else every core.
    var jobs: Int { requestedJobs ?? ParallelMap.defaultJobs }

    func validate() throws {
        if let requestedJobs, requestedJobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
