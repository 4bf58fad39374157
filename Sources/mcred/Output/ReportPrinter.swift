import Foundation
import CredentialCore
import Verifier

/// The human form of a verification report (`spec/report.md`): the verdict first, then one line
/// per check.
struct ReportPrinter {
    let colour: Bool
    let strict: Bool

    func print(_ report: VerificationReport) {
        for file in report.files {
            for line in lines(for: file) { Terminal.out(line) }
        }
    }

    func lines(for file: FileReport) -> [String] {
        if let error = file.error {
            return [paintVerdict(.error) + " " + error]
        }
        let count = file.credentials.count
        let failed = file.failingCheckCount(strict: strict)
        var summary = "\(count) credential\(count == 1 ? "" : "s")"
        switch file.kind {
        case .presentation?: summary = "presentation, " + summary
        case .wallet?: summary = "wallet, " + (count == 0 ? "empty" : summary)
        default: break
        }
        if failed > 0 { summary += ", \(failed) check\(failed == 1 ? "" : "s") failed" }
        var lines = [paintVerdict(file.verdict(strict: strict)) + " \(file.file) (\(summary))"]
        lines += checkLines(file.checks, indent: "  ")
        for credential in file.credentials {
            lines.append("  " + describe(credential))
            lines += checkLines(credential.checks, indent: "    ")
        }
        return lines
    }

    func checkLines(_ checks: [CheckOutcome], indent: String) -> [String] {
        var lines: [String] = []
        for check in checks {
            let result = check.result.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let id = check.check.rawValue
            let name = id.padding(toLength: max(10, id.count + 1), withPad: " ", startingAt: 0)
            lines.append(indent + paint(result, check.result) + name + check.message)
            if check.problems.count > 1 {
                for problem in check.problems { lines.append(indent + String(repeating: " ", count: 9) + "- \(problem)") }
            }
        }
        return lines
    }

    /// One line of `verify --batch`: the verdict, and the first failing check when there is one.
    func batchLine(_ credential: CredentialReport) -> String {
        let passes = credential.passes(strict: strict)
        var line = "line \(credential.line ?? 0): " + verdict(passes) + " " + (credential.id ?? "(no id)")
        if let first = credential.failingChecks(strict: strict).first {
            line += " \(first.check.rawValue): \(first.message)"
        }
        return line
    }

    func describe(_ credential: CredentialReport) -> String {
        var text = "credential " + (credential.id ?? "(no id)")
        if !credential.pointer.tokens.isEmpty { text += " at \(credential.pointer)" }
        if let name = credential.name { text += " \"\(name)\"" }
        if let issuer = credential.issuer {
            text += " issued by " + (credential.issuerName.map { "\($0) (\(issuer))" } ?? issuer)
        }
        return text
    }

    func verdict(_ passes: Bool) -> String { paintVerdict(passes ? .pass : .fail) }

    func paintVerdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: Terminal.paint("PASS", .green, enabled: colour)
        case .fail: Terminal.paint("FAIL", .red, enabled: colour)
        case .error: Terminal.paint("ERROR", .red, enabled: colour)
        }
    }

    func paint(_ text: String, _ result: CheckResult) -> String {
        switch result {
        case .pass: Terminal.paint(text, .green, enabled: colour)
        case .fail: Terminal.paint(text, .red, enabled: colour)
        case .warn, .unknown: Terminal.paint(text, .yellow, enabled: colour)
        case .skip: Terminal.paint(text, .dim, enabled: colour)
        }
    }
}
