public import CredentialCore
public import Foundation

/// Decides the `status` check from the status lists at hand (DESIGN.md §7, spec/status.md).
/// Pure: each list was decoded and its proof verified once, before.
///
/// `pass` only with a usable list: its id is the entry's `statusListCredential`, its proof
/// verifies, it is signed by the credential's issuer (or by a key of the same organisation in a
/// current trust list of a named anchor), it serves the entry's purpose, it is valid at the
/// checking time and not older than the maximum age. Of several usable lists the newest decides;
/// between lists of the same date a set bit wins. Otherwise `unknown`, never `pass`.
public struct StatusEvaluator: Sendable {
    /// The lists at hand.
    public let lists: [StatusListEvidence]
    /// The trust lists, for status lists signed by another key of the issuer's organisation.
    public let trust: TrustEvaluator
    /// The checking time.
    public let checkingTime: Date
    /// Lists whose date is older than this before the checking time are no evidence.
    public let maxAge: TimeInterval?

    /// An evaluator over the lists at hand.
    public init(lists: [StatusListEvidence], trust: TrustEvaluator = TrustEvaluator(), checkingTime: Date, maxAge: TimeInterval? = nil) {
        self.lists = lists
        self.trust = trust
        self.checkingTime = checkingTime
        self.maxAge = maxAge
    }

    /// The `status` outcome of a credential: every entry is evaluated; the worst result wins.
    public func evaluate(_ credential: Credential) -> CheckOutcome {
        let entries = StatusListEntry.entries(in: credential)
        guard !entries.isEmpty else { return CheckOutcome(.status, .skip, "no credentialStatus") }
        var outcomes: [(result: CheckResult, message: String, pointer: JSONPointer)] = []
        for (position, parsed) in entries.enumerated() {
            let pointer: JSONPointer = credential.object["credentialStatus"]?.arrayValue != nil
                ? JSONPointer(tokens: ["credentialStatus", String(position)]) : "/credentialStatus"
            switch parsed {
            case .failure(let error):
                outcomes.append((.unknown, "cannot read the status entry: \(error.message)", error.pointer ?? pointer))
            case .success(let entry):
                let outcome = evaluate(entry, issuer: credential.issuerID)
                outcomes.append((outcome.result, outcome.message, pointer))
            }
        }
        let worst = outcomes.max { $0.result < $1.result } ?? outcomes[0]
        let message = outcomes.map(\.message).joined(separator: "; ")
        return CheckOutcome(.status, worst.result, message, pointer: worst.result == .pass ? nil : worst.pointer)
    }

    /// The outcome of one entry of a credential issued by `issuer`.
    public func evaluate(_ entry: StatusListEntry, issuer: String?) -> (result: CheckResult, message: String) {
        let url = entry.statusListCredential
        let index = entry.statusListIndex
        let candidates = lists.filter { $0.id.hasSameBytes(as: url) }
        guard !candidates.isEmpty else {
            return (.unknown, "\(entry.statusPurpose) not checked: status list \(url) is not at hand (no list date known)")
        }
        var usable: [(evidence: StatusListEvidence, list: StatusListCredential, via: String?)] = []
        var reasons: [String] = []
        for evidence in candidates {
            if let problem = evidence.problem {
                reasons.append("\(evidence.source) \(problem)")
                continue
            }
            guard let list = evidence.list, let signer = evidence.signer else { continue }
            var via: String?
            if !signer.hasSameBytes(as: issuer ?? "") {
                guard let issuer, let organisation = trust.sharedOrganisation(
                    of: issuer, and: signer, signedAt: evidence.signedAt ?? evidence.date, at: checkingTime) else {
                    reasons.append("\(evidence.source) is signed by \(signer), not by the credential's issuer \(issuer ?? "(none)"), and no trusted trust list puts both keys in one organisation")
                    continue
                }
                via = organisation
            }
            guard list.serves(entry.statusPurpose) else {
                reasons.append("\(evidence.source) is a \(list.statusPurposes.joined(separator: "/")) list, not \(entry.statusPurpose)")
                continue
            }
            if let from = list.validFrom, checkingTime < from {
                reasons.append("\(evidence.source) is not valid until \(evidence.dateText)")
                continue
            }
            if let until = list.validUntil, checkingTime > until {
                reasons.append("\(evidence.source) expired at \(list.credential.validUntil ?? "?")")
                continue
            }
            if let maxAge, checkingTime.timeIntervalSince(evidence.date ?? .distantPast) > maxAge {
                reasons.append("\(evidence.source) is older than --max-status-age")
                continue
            }
            guard list.list.contains(index) else {
                reasons.append("index \(index) is outside \(evidence.source)'s \(list.list.count) bits")
                continue
            }
            usable.append((evidence, list, via))
        }
        guard !usable.isEmpty else {
            let newest = candidates.max { ($0.date ?? .distantPast) < ($1.date ?? .distantPast) }
            // The first five reasons; a file carrying hundreds of lists must not make a line of megabytes.
            let shown = reasons.prefix(5).joined(separator: "; ") + (reasons.count > 5 ? "; and \(reasons.count - 5) more lists" : "")
            return (.unknown, "\(entry.statusPurpose) not known: " + shown
                + "; newest list seen dated \(newest?.dateText ?? "(undated)")")
        }
        // The newest list decides; among lists of that date a set bit wins.
        let newestDate = usable.map { $0.evidence.date ?? .distantPast }.max() ?? .distantPast
        let newest = usable.filter { ($0.evidence.date ?? .distantPast) == newestDate }
        let signedBy: ((list: StatusListCredential, via: String?)) -> String = { item in
            item.via.map { ", signed by a key of the issuer's organisation \($0)" } ?? ""
        }
        if let set = newest.first(where: { $0.list.list[index] }) {
            let state = entry.statusPurpose == "suspension" ? "suspended" : entry.statusPurpose == "revocation" ? "revoked" : "status set (\(entry.statusPurpose))"
            return (.fail, "\(state): bit \(index) is set in \(url) dated \(set.evidence.dateText)\(signedBy((set.list, set.via)))")
        }
        let chosen = newest[0]
        let state = entry.statusPurpose == "suspension" ? "not suspended" : entry.statusPurpose == "revocation" ? "not revoked" : "\(entry.statusPurpose) bit clear"
        let until = chosen.list.credential.validUntil.map { ", valid until \($0)" } ?? ""
        return (.pass, "\(state): bit \(index) is 0 in \(url) dated \(chosen.evidence.dateText)\(until)\(signedBy((chosen.list, chosen.via)))")
    }
}
