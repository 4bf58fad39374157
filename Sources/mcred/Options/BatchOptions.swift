import ArgumentParser
import CredentialCore

/// Options shared by the batch modes of `issue` and `verify`.
struct BatchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Worker threads for --batch (default: every core).", valueName: "n"))
    var jobs: Int = ParallelMap.defaultJobs

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}
