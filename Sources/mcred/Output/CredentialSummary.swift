import CredentialCore

/// The rows `mcred inspect` prints: what a credential says, every value escaped for the terminal.
struct CredentialSummary {
    let credential: Credential

    init(_ credential: Credential) { self.credential = credential }

    /// What an absent mandatory element shows.
    static let missing = "missing"

    var lines: [String] {
        let subject = credential.subject
        let achievement = credential.achievement
        let address = credential.object["issuer"]?["address"]
        // The Annex I elements are mandatory for an achievement credential (credential.md §5.2):
        // an absent one is shown as missing rather than left out.
        let isAchievement = achievement != nil
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String?, mandatory: Bool = false) {
            if let value, !value.isEmpty {
                rows.append((label, value))
            } else if mandatory && isAchievement {
                rows.append((label, Self.missing))
            }
        }
        func joined(_ parts: [String?], _ separator: String) -> String? {
            let present = parts.compactMap { $0 }
            return present.isEmpty ? nil : present.joined(separator: separator)
        }
        add("Title", text(achievement?["name"]) ?? text(credential.object["name"]), mandatory: true)
        add("Type", Self.safe(credential.types.joined(separator: ", ")) + (credential.isMicroCredential ? " (EU micro-credential)" : ""))
        add("Credential id", text(credential.object["id"]))
        add("Description", text(achievement?["description"]) ?? text(credential.object["description"]))
        add("Learner", joined([text(subject?["name"]), text(subject?["id"]).map { "(\($0))" }], " "), mandatory: true)
        add("Issuer", joined([text(credential.object["issuer"]?["name"]), Self.safe(credential.issuerID).map { "(\($0))" }], " "), mandatory: true)
        if let bodies = credential.object["awardingBodies"]?.arrayValue {
            for body in bodies {
                add("Co-awarded by", joined([text(body["name"]), text(body["id"]).map { "(\($0))" }], " ") ?? Self.safe(body.canonicalString))
            }
        }
        // The country code is the mandatory element; a region alone does not stand in for it.
        let region = text(address?["addressRegion"])
        if let country = text(address?["addressCountryCode"]) {
            add("Country", joined([country, region], ", "))
        } else if isAchievement {
            add("Country", Self.missing + (region.map { " (region: \($0))" } ?? ""))
        } else {
            add("Country", region.map { "region: \($0)" })
        }
        add("Workload", joined([
            text(achievement?["ectsCredits"]).map { "\($0) ECTS" },
            text(achievement?["workloadHours"]).map { "\($0) hours" },
        ], ", "), mandatory: true)
        add("EQF level", text(achievement?["eqfLevel"]), mandatory: true)
        add("NQF level", text(achievement?["nqfLevel"]))
        add("Assessment", text(achievement?["assessmentType"]), mandatory: true)
        add("Participation", text(achievement?["participationForm"]), mandatory: true)
        add("Quality assurance", text(achievement?["qualityAssurance"]), mandatory: true)
        add("Prerequisites", text(achievement?["prerequisites"]))
        add("Supervision", text(achievement?["supervision"]))
        add("Grade", text(subject?["grade"]))
        add("Stacking", text(achievement?["stacking"]))
        add("Further information", text(achievement?["furtherInformation"]))
        add("Valid from", text(credential.object["validFrom"]), mandatory: true)
        add("Valid until", text(credential.object["validUntil"]) ?? (credential.validFrom == nil ? nil : "no expiry"))
        if let status = credential.object["credentialStatus"] {
            add("Status list", text((status.arrayValue?.first ?? status)["statusListCredential"]))
        }
        let proof = credential.object["proof"].map { $0.arrayValue?.first ?? $0 }
        add("Proof", proof.map { proof in
            joined([
                text(proof["cryptosuite"]), text(proof["verificationMethod"]).map { "by \($0)" },
                text(proof["created"]).map { "created \($0)" },
            ], " ") ?? "present, unreadable"
        } ?? "none (unsigned)")
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { label, value in
            label + ":" + String(repeating: " ", count: width - label.count + 1) + value
        }
        if let outcomes = achievement?["learningOutcomes"]?.arrayValue, !outcomes.isEmpty {
            lines.append("Learning outcomes:")
            lines += outcomes.map { "  - " + (text($0) ?? Self.safe($0.canonicalString)) }
        } else if isAchievement {
            lines.append("Learning outcomes: " + Self.missing)
        }
        if let alignments = achievement?["alignment"]?.arrayValue, !alignments.isEmpty {
            lines.append("Aligned skills:")
            lines += alignments.map { alignment in
                let framework = text(alignment["targetFramework"]).map { "[\($0)] " } ?? ""
                let name = text(alignment["targetName"]) ?? "(no name)"
                return "  - " + framework + name + (text(alignment["targetUrl"]).map { " <\($0)>" } ?? "")
            }
        }
        if let stack = StackedCredential(credential) {
            lines.append("Stacked from \(stack.components.count) components, total \(stack.total.map { "\($0) ECTS" } ?? "not stated"):")
            lines += stack.components.map { "  - " + Self.safe($0.id) + " (digest " + Self.safe($0.digestMultibase) + ")" }
        }
        lines.append("(not verified: run mcred verify to check the signature, dates and status)")
        return lines
    }

    /// A scalar value as escaped text; nil for absent values, objects and arrays.
    private func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: Self.safe(text)
        case .number?: value?.canonicalString
        case .bool(let flag)?: String(flag)
        default: nil
        }
    }

    private static func safe(_ text: String) -> String { TerminalSafe.escape(text) }

    private static func safe(_ text: String?) -> String? { TerminalSafe.escape(text) }
}
