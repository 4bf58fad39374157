import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing

/// `mcred issue`: sign credential templates.
struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Sign a micro-credential template (or a JSON Lines batch of them) with an issuer key.",
        discussion: """
            mcred fills issuer.id from the key, id (a new random urn:uuid:…) and validFrom when \
            absent, checks the VC 2.0 structure and the EU Annex I elements, and adds an \
            eddsa-jcs-2022 proof. A micro-credential that lacks a mandatory element is refused with \
            every missing field named (exit 1) unless --allow-incomplete is given, which signs it and \
            prints each missing element as a warning. validFrom and validUntil must carry a time \
            zone (Z or ±hh:mm); --valid-until 2031-06-30 means 2031-06-30T23:59:59Z.

            Examples:
              mcred issue --key keys-example/issuer.key spec/examples/construction.json \\
                --out construction.vc.json
              mcred issue --key issuer.key --valid-until 2031-06-30 template.json
              mcred issue --key issuer.key --batch templates.jsonl --out signed.jsonl \\
                --jobs 2
              mcred issue --key issuer.key --status-list status.json template.json \\
                --out vc.json

            A batch is read in windows, so its size is not limited; each line may hold up to 64 MiB. \
            Every bad line is named as FILE:LINE on standard error (consecutive lines refused for the \
            same reason as one FILE:FIRST-LAST entry), and then no output file is written (an \
            existing one is left untouched). Template ids must not repeat within a batch. With \
            --out - the signed lines go to standard output as they are made, so the batch cannot be \
            all or nothing: it stops at the first bad line, and what was printed before it stays printed.
            """
    )

    @OptionGroup var keyOptions: KeyOptions

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp(
        "Set validUntil on every credential: a dateTime with a time zone, or a day, which means the end of that day in UTC (2031-06-30 is 2031-06-30T23:59:59Z).",
        valueName: "date"))
    var validUntil: String?

    @Flag(help: "Sign a micro-credential even when EU Annex I elements are missing; each is printed as a warning.")
    var allowIncomplete = false

    @Option(help: ArgumentHelp(
        "Issue every line of a JSON Lines file (- for standard input) in input order, all or nothing: --out is written only when every line was signed. With --out - lines stream to standard output and the first bad line stops the batch (exit 1).",
        valueName: "in.jsonl"))
    var batch: String?

    @OptionGroup var batchOptions: BatchOptions

    @OptionGroup(title: "Status") var statusOptions: StatusOptions

    @Argument(help: ArgumentHelp("The unsigned credential template (JSON; - for standard input).", valueName: "template"))
    var template: String?

    func validate() throws {
        if batch == nil && template == nil { throw ValidationError("give a template file, or --batch IN.jsonl") }
        if batch != nil && template != nil { throw ValidationError("give either a template or --batch, not both") }
        if let validUntil { _ = try parseDateOption(validUntil, option: "--valid-until", bound: .end) }
        try output.refuseInputs([
            ("the --key file", keyOptions.key), ("the template", template), ("the --batch input", batch),
            ("the --status-list file", statusOptions.statusList),
        ])
    }

    func run() throws {
        let signingKey = try keyOptions.readPrivateKey()
        let until = try validUntil.map { try parseDateOption($0, option: "--valid-until", bound: .end).text }
        let issuer = try CredentialIssuer(key: signingKey, validUntil: until, allowIncomplete: allowIncomplete)
        if let batch {
            try runBatch(issuer, input: batch)
        } else if let template {
            try runSingle(issuer, template: template)
        }
    }

    func runSingle(_ issuer: CredentialIssuer, template: String) throws {
        let name = template == "-" ? "<stdin>" : template
        let bytes = try FileIO.read(template)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw error.inFile(name)
        }
        let status = try statusOptions.allocate(count: 1)
        let signed: JSONValue
        do {
            signed = try issuer.issue(document, status: status.first)
            try output.write(Array(signed.prettyPrinted().utf8))
        } catch let error as IssuerError {
            statusOptions.release(status)
            throw IssuerError(error.code, "\(name): \(error.message)", problems: error.problems)
        } catch {
            statusOptions.release(status)
            throw error
        }
        if allowIncomplete { warnAboutMissingElements(in: signed, file: name) }
        if let out = output.out, out != "-" {
            let id = TerminalSafe.escape(signed["id"]?.stringValue) ?? "credential"
            Terminal.note("signed \(id) as \(issuer.issuerDID.did) → \(TerminalSafe.escape(out))")
        }
    }

    /// credential.md §5.4: with `--allow-incomplete`, every missing Annex I element is still named,
    /// one warning line each, on standard error.
    func warnAboutMissingElements(in signed: JSONValue, file: String) {
        guard let credential = try? Credential(signed), credential.isMicroCredential else { return }
        for problem in MicroCredentialProfile.problems(in: credential) {
            Terminal.error("warning: \(TerminalSafe.escape(file)): " + TerminalSafe.escape(problem.description))
        }
    }

    func runBatch(_ issuer: CredentialIssuer, input: String) throws {
        let reader = try JSONLinesReader(path: input)
        let name = TerminalSafe.escape(input == "-" ? "<stdin>" : input)
        // All or nothing: the output is staged beside its destination and renamed into place only
        // when every line was signed. Standard output cannot be taken back: there the first bad
        // line stops the batch. A destination that is refused (it exists, it is a folder) is
        // refused before any status index is taken.
        let staged = output.isStandardOutput ? nil : try StagedFile(destination: output.out ?? "-", overwrite: output.force)
        // Indices are allocated (and recorded) for every line before anything is signed.
        let status: [StatusListEntry]
        do {
            status = try statusOptions.allocate(count: statusOptions.statusList == nil ? 0 : StatusOptions.countLines(input))
        } catch {
            staged?.discard()
            throw error
        }
        let progress = ProgressLine(verb: "issued", totalBytes: reader.fileSize)
        var refusals = RefusalPrinter(name: name)
        let summary: CredentialIssuer.BatchSummary
        do {
            defer { refusals.finish() }
            summary = try issuer.issueBatch(
                from: reader, jobs: batchOptions.jobs, stopAtFirstFailure: staged == nil,
                write: { bytes throws(CredentialError) in
                    if let staged { try staged.write(bytes) } else { try Terminal.outBytesChecked(bytes) }
                },
                onFailure: { error in refusals.report(error) },
                progress: { lines, bytesRead in progress.report(lines: lines, bytesRead: bytesRead) },
                statusEntries: status)
        } catch {
            progress.finish()
            staged?.discard()
            // Nothing reached the output file; what reached standard output keeps its indices.
            if staged != nil { statusOptions.release(status) }
            throw error
        }
        progress.finish()
        let total = summary.issued + summary.failed
        if summary.failed > 0 {
            staged?.discard()
            // Only the lines written keep their indices: none for a file, the first ones on standard output.
            statusOptions.release(Array(status.dropFirst(staged == nil ? summary.issued : 0)))
            if staged == nil {
                Terminal.note("stopped at the first refused line after \(summary.issued) credential\(summary.issued == 1 ? "" : "s") on standard output")
            } else {
                let out = output.out ?? "-"
                Terminal.note("refused \(summary.failed) of \(total) lines; nothing written"
                    + (FileManager.default.fileExists(atPath: out) ? " (\(TerminalSafe.escape(out)) left as it was)" : ""))
            }
            throw ExitCode(1)
        }
        try staged?.commit()
        Terminal.note("issued \(summary.issued) credential\(summary.issued == 1 ? "" : "s")" + (output.isStandardOutput ? "" : " → " + TerminalSafe.escape(output.out ?? "-")))
    }
}
