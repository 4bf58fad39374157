public import CredentialCore
public import Verifier
import Foundation

extension Wallet {
    /// A document offered to `add`, with the file it came from.
    public struct Incoming: Sendable {
        /// The file name, for messages.
        public var file: String
        /// The parsed document: a credential or a status-list credential.
        public var document: JSONValue

        /// Creates an incoming document.
        public init(file: String, document: JSONValue) {
            self.file = file
            self.document = document
        }
    }

    /// What `add` did with one incoming document.
    public struct AddOutcome: Sendable {
        /// What happened.
        public enum Action: String, Sendable {
            /// The credential was added.
            case added
            /// The same credential (byte for byte, in canonical form) was already in the wallet.
            case alreadyHeld = "already held"
            /// The status list was kept as the newest snapshot of its list.
            case statusListKept = "status list kept"
            /// An as-new or newer snapshot of that status list was already in the wallet.
            case statusListNotNewer = "status list not newer"
        }

        /// The file it came from.
        public var file: String
        /// The credential's or list's `id`.
        public var id: String?
        /// What happened.
        public var action: Action
        /// Reservations worth telling the learner (a bearer credential, a stack missing parts, …).
        public var notes: [String]
    }

    /// The checks whose failure makes `add` refuse a credential: a credential that is not well formed,
    /// not signed by its issuer, outside its validity period, or revoked.
    static let refusingChecks: [CheckID] = [.schema, .signature, .validity, .status]

    /// Adds credentials and status lists, all or nothing.
    ///
    /// Each credential is verified together with what the wallet holds and the other incoming
    /// documents, so a stacked credential and its parts may arrive in any order. A credential is
    /// refused when its `schema`, `signature` or `validity` check fails or its `status` check finds
    /// it revoked or suspended, when its `credentialSubject.id` is not the holder (unless
    /// `allowOtherSubject`), or when another credential with its `id` is already held. The same
    /// credential twice is a no-op with a note. Status lists are kept as snapshots, the newest per
    /// list.
    /// - Throws: `refused` (nothing changed) with one detail per refused document.
    public mutating func add(
        _ incoming: [Incoming], verifier: CredentialVerifier, allowOtherSubject: Bool = false
    ) throws(WalletError) -> [AddOutcome] {
        var refusals: [String] = []
        var outcomes: [AddOutcome] = []
        var candidates: [(incoming: Incoming, canonical: [UInt8])] = []
        var lists = statusLists
        var held = credentials.map { (id: $0["id"]?.stringValue, canonical: $0.canonicalBytes, file: String?.none) }
        let heldBefore = held.count
        // The same credential given twice in one call: named after the first one's outcome.
        var repeats: [AddOutcome] = []

        // Status lists are judged once every incoming credential is known: a list is kept only when
        // a credential (held or incoming) names it.
        var incomingLists: [(item: Incoming, id: String)] = []
        for item in incoming {
            let id = item.document["id"]?.stringValue
            switch DocumentKind.detect(item.document) {
            case .statusList?:
                let report = verifier.verify(item.document)
                if let failure = report.checks.first(where: { [.schema, .signature, .validity].contains($0.check) && $0.result == .fail }) {
                    refusals.append("\(item.file): status list refused: \(failure.check): \(failure.message)")
                    continue
                }
                guard let id else {
                    refusals.append("\(item.file): status list refused: it has no id")
                    continue
                }
                incomingLists.append((item, id))
            case .credential?:
                let canonical = item.document.canonicalBytes
                if let position = held.firstIndex(where: { $0.canonical == canonical }) {
                    let outcome = AddOutcome(file: item.file, id: id, action: .alreadyHeld, notes: [])
                    if position < heldBefore { outcomes.append(outcome) } else { repeats.append(outcome) }
                    continue
                }
                if let id, let position = held.firstIndex(where: { $0.id.hasSameBytes(as: id) }) {
                    refusals.append(position < heldBefore
                        ? "\(item.file): another credential with id \(id) is already in the wallet"
                        : "\(item.file): \(held[position].file ?? "another file") of this call has the same id \(id)")
                    continue
                }
                held.append((id, canonical, item.file))
                candidates.append((item, canonical))
            case let kind?:
                refusals.append("\(item.file): a \(kind.rawValue) is not a credential; wallet add takes credentials and status lists")
            case nil:
                refusals.append("\(item.file): not a JSON object")
            }
        }

        for (item, id) in incomingLists {
            let naming = (credentials + candidates.map(\.incoming.document)).filter { credential in
                Self.statusListIDs(of: credential).contains { $0.elementsEqual(id.utf8) }
            }
            guard !naming.isEmpty else {
                refusals.append("\(item.file): status list refused: no credential in the wallet or in this call names \(id)")
                continue
            }
            // Dated after the real time (reachable with --at): kept, it would outrank every genuine
            // renewal of its signer until that date.
            if let from = item.document["validFrom"]?.stringValue.flatMap(XSDDateTime.parse), from > Date() {
                refusals.append("\(item.file): status list refused: it is dated \(item.document["validFrom"]?.stringValue ?? ""), in the future")
                continue
            }
            // One snapshot per list and signer: a list signed by someone else never displaces the
            // issuer's, and verifiers use only the lists they can tie to a credential's issuer.
            let signer = Credential.issuerID(of: item.document) ?? ""
            var notes: [String] = []
            if !naming.contains(where: { Credential.issuerID(of: $0).hasSameBytes(as: signer) }) {
                let issuers = Set(naming.compactMap { Credential.issuerID(of: $0) }).sorted().joined(separator: ", ")
                notes.append("signed by \(signer), not by the issuer of the credentials that name it (\(issuers)): verifiers count it only with a trust list that puts both keys in one organisation")
            }
            let kept = Self.keepNewest(item.document, id: id, in: &lists)
            outcomes.append(AddOutcome(file: item.file, id: id, action: kept ? .statusListKept : .statusListNotNewer, notes: kept ? notes : []))
        }

        // Verify every candidate in the company of everything the wallet will hold.
        var combined = self
        combined.statusLists = lists
        combined.credentials += candidates.map(\.incoming.document)
        let report = verifier.verify(CheckedDocument(combined.jsonValue, kind: .wallet), file: "wallet")
        let candidateReports = report.credentials.suffix(candidates.count)
        for (candidate, credentialReport) in zip(candidates, candidateReports) {
            let file = candidate.incoming.file
            let id = candidate.incoming.document["id"]?.stringValue
            if let error = credentialReport.error {
                refusals.append("\(file): \(error)")
                continue
            }
            if let failure = credentialReport.checks.first(where: { Self.refusingChecks.contains($0.check) && $0.result == .fail }) {
                refusals.append("\(file): \(failure.check): \(failure.message)")
                continue
            }
            var notes: [String] = []
            let subject = (try? Credential(candidate.incoming.document))?.subjectID
            switch subject {
            case nil:
                notes.append("bearer credential: it names no credentialSubject.id, so it is not bound to you")
            case let subject? where !subject.hasSameBytes(as: holder):
                guard allowOtherSubject else {
                    refusals.append("\(file): its subject is \(subject), not the wallet's holder \(holder) (--allow-other-subject keeps it)")
                    continue
                }
                notes.append("its subject is \(subject), not you")
            default:
                break
            }
            for check in credentialReport.checks where !Self.refusingChecks.contains(check.check) && check.check != .holder {
                if check.result == .fail || check.result == .warn || check.result == .unknown {
                    notes.append("\(check.check) \(check.result): \(check.message)")
                }
            }
            outcomes.append(AddOutcome(file: file, id: id, action: .added, notes: notes))
        }
        guard refusals.isEmpty else {
            let count = refusals.count
            throw WalletError(
                .refused, "\(count) document\(count == 1 ? "" : "s") refused; the wallet was not changed", details: refusals)
        }
        credentials = combined.credentials
        statusLists = lists
        return outcomes + repeats
    }

    /// Keeps `list` in `lists` when no snapshot of the same `id` by the same signer is newer;
    /// returns whether it was kept.
    static func keepNewest(_ list: JSONValue, id: String, in lists: inout [JSONValue]) -> Bool {
        let date = list["validFrom"]?.stringValue.flatMap(XSDDateTime.parse)
        let signer = Credential.issuerID(of: list) ?? ""
        guard let index = lists.firstIndex(where: {
            ($0["id"]?.stringValue.hasSameBytes(as: id) ?? false) && Credential.issuerID(of: $0).hasSameBytes(as: signer)
        }) else {
            lists.append(list)
            return true
        }
        let heldDate = lists[index]["validFrom"]?.stringValue.flatMap(XSDDateTime.parse)
        if let heldDate, let date, heldDate > date { return false }
        if lists[index].canonicalBytes == list.canonicalBytes { return false }
        lists[index] = list
        return true
    }
}
