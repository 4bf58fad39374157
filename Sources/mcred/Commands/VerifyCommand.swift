import ArgumentParser
import CredentialCore
import Foundation
import Verifier

/// `mcred verify`: check shared files offline.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check credentials offline and print one line per check.",
        discussion: """
            Checks each credential in each file: schema (VC 2.0), profile (EU Annex I), signature \
            (eddsa-jcs-2022 by the issuer's did:key), validity (dates), trust, status, stack, holder. \
            A presentation also gets the file-level check "presentation": it holds credentials and \
            is signed by its holder for your --challenge and --domain. A printable page from \
            `mcred render` is checked as the credential it embeds. \
            Exit 0 when every check passes (warn/unknown/skip allowed unless --strict), 1 when a \
            check fails, 2 when a file cannot be checked at all (every other file is still \
            reported). spec/report.md documents --json (report format 2).

            status passes only with a usable status list at hand (--status, or carried in the \
            file): signed by the issuer, not expired, the newest of its URL; without one it is \
            unknown, never pass. trust uses only trust lists of the anchors you name with --anchor \
            (spec/status.md, spec/trust-list.md).

            Examples:
              mcred verify construction.vc.json
              mcred verify --json --at 2030-01-01 a.json b.json
              mcred verify --batch signed.jsonl --jobs 2
              mcred verify --status status.json --trust trust.json \\
                --anchor did:key:z6Mk… vc.json
            """
    )

    @Flag(help: "Print the report as one JSON document (JSON Lines with --batch).")
    var json = false

    @Option(help: ArgumentHelp("Check validity at this time instead of now: a dateTime with a time zone (2030-01-01T12:00:00Z), or a day, which means the start of that day in UTC.", valueName: "date"))
    var at: String?

    @Option(help: ArgumentHelp("The challenge you gave the holder; a presentation must answer it.", valueName: "nonce"))
    var challenge: String?

    @Option(help: ArgumentHelp("Your domain; a presentation must be made for it.", valueName: "domain"))
    var domain: String?

    @Flag(help: "Count warn and unknown results as failures.")
    var strict = false

    @Option(help: ArgumentHelp("Verify one credential per line of a JSON Lines file (- for standard input), streamed, results in input order; with --json one report per line.", valueName: "in.jsonl"))
    var batch: String?

    @OptionGroup var batchOptions: BatchOptions

    @OptionGroup(title: "Status and trust") var evidence: EvidenceOptions

    @Argument(help: ArgumentHelp("Credential, presentation, wallet or printable page (mcred render) files (- for standard input).", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if batch == nil && files.isEmpty { throw ValidationError("give at least one file to verify, or --batch IN.jsonl") }
        if batch != nil && !files.isEmpty { throw ValidationError("give either files or --batch, not both") }
        if batch != nil && challenge != nil {
            throw ValidationError("--challenge is answered by a presentation; a batch of credentials cannot answer it")
        }
        if let at { _ = try parseDateOption(at, option: "--at") }
    }

    func run() throws {
        let checkingTime = try at.map { try parseDateOption($0, option: "--at").date } ?? Date()
        var verifier = CredentialVerifier(at: checkingTime, challenge: challenge, domain: domain)
        try evidence.configure(&verifier)
        if let batch {
            try runBatch(verifier, input: batch, checkingTime: checkingTime)
            return
        }
        // Every file is reported, also when another cannot be read: that one gets verdict
        // `error`, and the run exits 2 after printing the whole report.
        let report = VerificationReport(
            checkedAt: checkingTime, strict: strict, files: files.map { verifier.verifyFile($0) })
        if json {
            try Terminal.out(report.jsonValue.prettyPrinted().trimmingCharacters(in: .newlines))
        } else {
            try ReportPrinter(colour: Terminal.usesColour, strict: strict).print(report)
        }
        for file in report.files { if let error = file.error { Terminal.error(TerminalSafe.escape(error)) } }
        switch report.verdict {
        case .pass: return
        case .fail: throw ExitCode(1)
        case .error: throw ExitCode(2)
        }
    }

    func runBatch(_ verifier: CredentialVerifier, input: String, checkingTime: Date) throws {
        let reader = try JSONLinesReader(path: input)
        let progress = ProgressLine(verb: "verified", totalBytes: reader.fileSize)
        let printer = ReportPrinter(colour: Terminal.usesColour, strict: strict)
        var failed = 0
        var output: [UInt8] = []
        let count: Int
        do {
            // Each window's reports are written as soon as they are known (JSON Lines with --json),
            // so a million results never sit in memory.
            count = try verifier.verifyLines(
                from: reader, jobs: batchOptions.jobs,
                report: { reports throws(CredentialError) in
                    output.removeAll(keepingCapacity: true)
                    for credential in reports {
                        if !credential.passes(strict: strict) { failed += 1 }
                        if json {
                            credential.jsonValue(strict: strict).writeCanonical(into: &output)
                            output.append(0x0A)
                        } else {
                            output += Array((printer.batchLine(credential) + "\n").utf8)
                        }
                    }
                    try Terminal.outBytesChecked(output)
                },
                progress: { lines, bytesRead in progress.report(lines: lines, bytesRead: bytesRead) })
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        Terminal.note("\(count) credential\(count == 1 ? "" : "s"): \(count - failed) pass, \(failed) fail"
            + " (checked at \(XSDDateTime.format(checkingTime)))")
        if failed > 0 { throw ExitCode(1) }
    }
}
