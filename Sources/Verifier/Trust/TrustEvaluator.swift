public import CredentialCore
public import Foundation

/// Decides the `trust` check from the trust lists at hand and the anchors the verifier names
/// (DESIGN.md §7, spec/trust-list.md). Pure: the lists were parsed and verified once, before.
///
/// Only lists whose proof verifies, signed by their anchor, that anchor named with `--anchor`,
/// and valid at the checking time count; of each anchor's lists the newest (`validFrom`) decides,
/// so a holder cannot hide a removal behind an older list.
public struct TrustEvaluator: Sendable {
    /// The trust lists at hand.
    public let lists: [TrustListEvidence]
    /// The anchors the verifier trusts (`--anchor`), as DIDs.
    public let anchors: [String]

    /// An evaluator over `lists` for the named `anchors`.
    public init(lists: [TrustListEvidence] = [], anchors: [String] = []) {
        self.lists = lists
        self.anchors = anchors
    }

    /// True when the verifier gave neither a trust list nor an anchor: the check is skipped.
    public var isEmpty: Bool { lists.isEmpty && anchors.isEmpty }

    /// For each named anchor with a usable list: its newest lists (several when they share a date).
    public func currentLists(at date: Date) -> [(anchor: String, lists: [TrustList])] {
        anchors.compactMap { anchor in
            let usable = lists.compactMap { evidence -> TrustList? in
                guard evidence.problem == nil, let list = evidence.list, evidence.signer.hasSameBytes(as: anchor),
                      list.isValid(at: date) else { return nil }
                return list
            }
            guard !usable.isEmpty else { return nil }
            let newest = usable.map { $0.validFrom ?? .distantPast }.max() ?? .distantPast
            return (anchor, usable.filter { ($0.validFrom ?? .distantPast) == newest })
        }
    }

    /// Why no list of a named anchor can be used, one reason per list (or per anchor without one).
    func reasonsForNoList(at date: Date) -> [String] {
        anchors.map { anchor in
            let own = lists.filter { $0.list.map { $0.anchor.hasSameBytes(as: anchor) } ?? false }
            guard !own.isEmpty else { return "no trust list from anchor \(anchor) is at hand" }
            return own.map { evidence in
                if let problem = evidence.problem { return "\(evidence.source): \(problem)" }
                let until = evidence.list?.credential.validUntil ?? "open"
                let from = evidence.list?.validFromText ?? "open"
                return "\(evidence.source): not valid at \(XSDDateTime.format(date)) (valid \(from) – \(until))"
            }.joined(separator: "; ")
        }
    }

    /// The `trust` outcome for a credential issued by `issuer` and signed at `signedAt`
    /// (`proof.created`, else `validFrom`).
    public func evaluate(issuer: String?, signedAt: String?, at date: Date) -> CheckOutcome {
        guard !isEmpty else { return CheckOutcome(.trust, .skip, "no trust list given") }
        guard let issuer else { return CheckOutcome(.trust, .unknown, "the credential names no issuer", pointer: "/issuer") }
        let current = currentLists(at: date)
        guard !current.isEmpty else {
            return CheckOutcome(.trust, .unknown, "no valid trust list from a named anchor: " + reasonsForNoList(at: date).joined(separator: "; "))
        }
        let signingDate = signedAt.flatMap(XSDDateTime.parse)
        var refusals: [String] = []
        for (anchor, lists) in current {
            let dated = lists[0].validFromText ?? "(undated)"
            let entries = lists.map { $0.entry(for: issuer) }
            guard let first = entries[0], entries.allSatisfy({ $0 != nil }) else {
                refusals.append("anchor \(anchor)'s list dated \(dated) does not list \(issuer)")
                continue
            }
            let inWindow = entries.allSatisfy { entry in
                guard let entry else { return false }
                if let signingDate { return entry.covers(signingDate) }
                return entry.validFrom == nil && entry.validUntil == nil
            }
            guard inWindow else {
                let when = signedAt.map { "signed at \($0)" } ?? "without a signing time"
                refusals.append("anchor \(anchor)'s list dated \(dated) lists \(issuer) for \(first.windowDescription), but the credential was \(when)")
                continue
            }
            var vouched = "\(first.name) (\(first.country), org \(first.organization))"
            if let accreditation = first.accreditation { vouched += ", accredited by \(accreditation)" }
            return CheckOutcome(
                .trust, .pass,
                "\(vouched) is vouched for by anchor \(anchor) (list dated \(dated)); key window \(first.windowDescription)")
        }
        return CheckOutcome(.trust, .fail, refusals.joined(separator: "; "), pointer: "/issuer")
    }

    /// The organisation that `issuer` and `signer` both belong to in a current list of a named
    /// anchor, with `signer`'s key valid at `signedAt`; nil when there is none.
    public func sharedOrganisation(of issuer: String, and signer: String, signedAt: Date?, at date: Date) -> String? {
        for (anchor, lists) in currentLists(at: date) {
            let shared = lists.allSatisfy { list in
                guard let issuerEntry = list.entry(for: issuer), let signerEntry = list.entry(for: signer),
                      issuerEntry.organization.hasSameBytes(as: signerEntry.organization) else { return false }
                if let signedAt { return signerEntry.covers(signedAt) }
                return signerEntry.validFrom == nil && signerEntry.validUntil == nil
            }
            if shared, let organisation = lists[0].entry(for: issuer)?.organization {
                return "\(organisation) (anchor \(anchor))"
            }
        }
        return nil
    }
}
