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
            mcred fills issuer.id from the key, id (urn:uuid:…) and validFrom when absent, checks the \
            VC 2.0 structure and the EU Annex I elements, and adds an eddsa-jcs-2022 proof. A \
            micro-credential that lacks a mandatory element is refused with every missing field named \
            (exit 1) unless --allow-incomplete is given.

            Examples:
              mcred issue --key keys-example/issuer.key spec/examples/construction.json --out construction.vc.json
              mcred issue --key issuer.key --batch templates.jsonl --out signed.jsonl --jobs 2
              mcred issue --key issuer.key --status-list status.json template.json --out vc.json
            """
    )

    @Option(help: ArgumentHelp("The issuer's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the signed credential (default: standard output; - too).", valueName: "file"))
    var out: String = "-"

    @Flag(help: "Replace --out if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Set validUntil on every credential (2031-06-30 or 2031-06-30T23:59:59Z).", valueName: "date"))
    var validUntil: String?

    @Flag(help: "Sign a micro-credential even when EU Annex I elements are missing.")
    var allowIncomplete = false

    @Option(help: ArgumentHelp("Issue every line of a JSON Lines file; writes JSON Lines in input order.", valueName: "in.jsonl"))
    var batch: String?

    @OptionGroup var batchOptions: BatchOptions

    @OptionGroup(title: "Status") var statusOptions: StatusOptions

    @Argument(help: ArgumentHelp("The unsigned credential template (JSON; - for standard input).", valueName: "template"))
    var template: String?

    func validate() throws {
        if batch == nil && template == nil { throw ValidationError("give a template file, or --batch IN.jsonl") }
        if batch != nil && template != nil { throw ValidationError("give either a template or --batch, not both") }
        if let validUntil { _ = try parseDateOption(validUntil, option: "--valid-until") }
    }

    func run() throws {
        if KeyFile.isReadableByOthers(key) {
            Terminal.error("warning: \(key) can be read by other users; run: chmod 600 \(key)")
        }
        let signingKey = try KeyFile.readPrivateKey(at: key)
        let until = try validUntil.map { try parseDateOption($0, option: "--valid-until").text }
        let issuer = try CredentialIssuer(key: signingKey, validUntil: until, allowIncomplete: allowIncomplete)
        if let batch {
            try runBatch(issuer, input: batch)
        } else if let template {
            try runSingle(issuer, template: template)
        }
    }

    func runSingle(_ issuer: CredentialIssuer, template: String) throws {
        let bytes = try FileIO.read(template)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw error.inFile(template == "-" ? "<stdin>" : template)
        }
        let status = try statusOptions.allocate(count: 1)
        let signed: JSONValue
        do {
            signed = try issuer.issue(document, status: status.first)
            try FileIO.write(Array(signed.prettyPrinted().utf8), to: out, overwrite: force)
        } catch let error as IssuerError {
            statusOptions.release(status)
            throw IssuerError(error.code, "\(template): \(error.message)", problems: error.problems)
        } catch {
            statusOptions.release(status)
            throw error
        }
        if out != "-" {
            Terminal.note("signed \(signed["id"]?.stringValue ?? "credential") as \(issuer.issuerDID.did) → \(out)")
        }
    }

    func runBatch(_ issuer: CredentialIssuer, input: String) throws {
        let bytes = try FileIO.read(input)
        let total = JSONLines.split(bytes).count
        let progress = Progress(verb: "issued", total: total)
        let status = try statusOptions.allocate(count: total)
        let items = issuer.issueBatch(bytes, jobs: batchOptions.jobs, statusEntries: status) { done, total in
            progress.report(done, total)
        }
        var output: [UInt8] = []
        output.reserveCapacity(items.count * 2500)
        var failures = 0
        for item in items {
            switch item.result {
            case .success(let line):
                output += line
                output.append(0x0A)
            case .failure(let error):
                failures += 1
                Terminal.error("\(input):\(item.line): \(error.description)")
            }
        }
        // Indices of refused lines were never written: return them to the pool.
        statusOptions.release(zip(items, status).compactMap { item, entry in
            if case .failure = item.result { return entry } else { return nil }
        })
        do {
            try FileIO.write(output, to: out, overwrite: force)
        } catch {
            statusOptions.release(zip(items, status).compactMap { item, entry in
                if case .success = item.result { return entry } else { return nil }
            })
            throw error
        }
        Terminal.note("issued \(items.count - failures) of \(items.count) credentials\(failures > 0 ? ", \(failures) refused" : "")"
            + (out == "-" ? "" : " → \(out)"))
        if failures > 0 { throw ExitCode(1) }
    }
}
