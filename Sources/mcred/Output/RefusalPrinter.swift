import CredentialCore
import Issuer

/// Names the refused lines of a batch on standard error, one entry per run of consecutive lines
/// refused for the same reason.
///
/// Every refused line is named, but a run such as a whole batch signed with the wrong key is one
/// entry (`in.jsonl:1-150000 (150000 lines): …`), not 150,000 identical ones. Lines are reported in
/// input order; a run continues only while each line number follows the previous one, so a blank
/// line between two refused lines ends it.
struct RefusalPrinter {
    /// The input's name as it is shown (already escaped).
    let name: String
    /// Where entries go (standard error unless a test collects them), and the problem lines under one.
    let emit: (String) -> Void
    let emitProblem: (String) -> Void

    /// The run not yet written: its first and last line, and what they share.
    private var run: (first: Int, last: Int, message: String, problems: [String])?

    init(
        name: String, emit: @escaping (String) -> Void = { Terminal.error($0) },
        emitProblem: @escaping (String) -> Void = { Terminal.note($0) }
    ) {
        self.name = name
        self.emit = emit
        self.emitProblem = emitProblem
    }

    /// Adds one refused line; writes the run before it when this line does not continue it.
    mutating func report(_ error: IssuerError) {
        let line = error.line ?? 0
        let message = TerminalSafe.escape(error.message)
        let problems = error.problems.map { "  " + TerminalSafe.escape($0.description) }
        if var current = run, line == current.last + 1, current.message == message, current.problems == problems {
            current.last = line
            run = current
            return
        }
        finish()
        run = (line, line, message, problems)
    }

    /// Writes the run in progress, if any.
    mutating func finish() {
        guard let current = run else { return }
        run = nil
        let lines = current.last == current.first
            ? "\(current.first)" : "\(current.first)-\(current.last) (\(current.last - current.first + 1) lines)"
        emit("\(name):\(lines): " + current.message)
        for problem in current.problems { emitProblem(problem) }
    }
}
