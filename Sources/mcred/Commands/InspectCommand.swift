import ArgumentParser
import CredentialCore

/// `mcred inspect`: a readable summary of a credential, with no verification claims.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarise a credential for people: learner, title, issuer, workload, level, outcomes, dates.",
        discussion: """
            Shows what the credential says; it does not check it (use mcred verify for that).

            Example:
              mcred inspect spec/examples/construction.signed.json
            """
    )

    @Argument(help: ArgumentHelp("A credential file (- for standard input).", valueName: "file"))
    var file: String

    func run() throws {
        let name = file == "-" ? "<stdin>" : file
        let document: JSONValue
        do {
            document = try JSONValue(parsing: try FileIO.read(file))
        } catch {
            throw error.inFile(name)
        }
        let credential: Credential
        do {
            credential = try Credential(document)
        } catch {
            throw error.inFile(name)
        }
        for line in CredentialSummary(credential).lines { Terminal.out(line) }
    }
}

/// The rows `mcred inspect` prints.
struct CredentialSummary {
    let credential: Credential

    init(_ credential: Credential) { self.credential = credential }

    var lines: [String] {
        let subject = credential.subject
        let achievement = credential.achievement
        let address = credential.object["issuer"]?["address"]
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { rows.append((label, value)) }
        }
        func text(_ value: JSONValue?) -> String? {
            switch value {
            case .string(let text)?: text
            case .number?: value?.canonicalString
            case .bool(let flag)?: String(flag)
            default: nil
            }
        }
        add("Title", credential.title)
        add("Type", credential.types.joined(separator: ", ") + (credential.isMicroCredential ? " (EU micro-credential)" : ""))
        add("Credential id", credential.id)
        add("Learner", [text(subject?["name"]), text(subject?["id"]).map { "(\($0))" }].compactMap { $0 }.joined(separator: " "))
        add("Issuer", [credential.issuerName, credential.issuerID.map { "(\($0))" }].compactMap { $0 }.joined(separator: " "))
        add("Country", [text(address?["addressCountryCode"]), text(address?["addressRegion"])].compactMap { $0 }.joined(separator: ", "))
        add("Workload", [
            text(achievement?["ectsCredits"]).map { "\($0) ECTS" },
            text(achievement?["workloadHours"]).map { "\($0) hours" },
        ].compactMap { $0 }.joined(separator: ", "))
        add("EQF level", text(achievement?["eqfLevel"]))
        add("NQF level", text(achievement?["nqfLevel"]))
        add("Assessment", text(achievement?["assessmentType"]))
        add("Participation", text(achievement?["participationForm"]))
        add("Quality assurance", text(achievement?["qualityAssurance"]))
        add("Grade", text(subject?["grade"]))
        add("Stacking", text(achievement?["stacking"]))
        add("Valid from", credential.validFrom)
        add("Valid until", credential.validUntil ?? (credential.validFrom == nil ? nil : "no expiry"))
        if let status = credential.object["credentialStatus"] {
            add("Status list", text((status.arrayValue?.first ?? status)["statusListCredential"]))
        }
        let proof = credential.object["proof"].map { $0.arrayValue?.first ?? $0 }
        add("Proof", proof.map { proof in
            [text(proof["cryptosuite"]), text(proof["verificationMethod"]).map { "by \($0)" }, text(proof["created"]).map { "created \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        } ?? "none (unsigned)")
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { label, value in
            label + ":" + String(repeating: " ", count: width - label.count + 1) + value
        }
        if let outcomes = achievement?["learningOutcomes"]?.arrayValue, !outcomes.isEmpty {
            lines.append("Learning outcomes:")
            lines += outcomes.map { "  - " + (text($0) ?? $0.canonicalString) }
        }
        if let stack = StackedCredential(credential) {
            lines.append("Stacked from \(stack.components.count) components, total \(stack.total.map { "\($0) ECTS" } ?? "not stated"):")
            lines += stack.components.map { "  - \($0.id) (digest \($0.digestMultibase))" }
        }
        lines.append("(not verified: run mcred verify to check the signature, dates and status)")
        return lines
    }
}
