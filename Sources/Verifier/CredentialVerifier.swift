public import CredentialCore
public import Foundation
public import Signing

/// Runs the checks of DESIGN.md §6 on every credential of a file and reports each one; a verdict
/// is never thrown.
///
/// A credential is parsed once and its proof verified once (`CheckedCredential`); the checks share
/// that work through `VerificationContext`.
public struct CredentialVerifier: Sendable {
    /// The instant validity is checked against (`--at`, default now).
    public var checkingTime: Date
    /// The challenge a presentation's proof must answer (`--challenge`), when the verifier gave one.
    public var expectedChallenge: String?
    /// The domain a presentation's proof must name (`--domain`), when the verifier gave one.
    public var expectedDomain: String?
    /// The checks run on each credential, in report order.
    public var checks: [any CredentialCheck] = CredentialVerifier.standardChecks
    /// The file-level checks, in report order.
    public var documentChecks: [any DocumentCheck] = CredentialVerifier.standardDocumentChecks
    /// Verifies proofs, keeping each issuer key prepared for the next credential; copies share it.
    public let proofVerifier = EddsaJcs2022.Verifier()
    /// Status lists the verifier has at hand for every file (`--status`), decoded once per run.
    public var statusLists: [StatusListEvidence] = []
    /// Trust lists and the anchors the verifier trusts (`--trust`, `--anchor`).
    public var trust = TrustEvaluator()
    /// Status lists older than this are no evidence (`--max-status-age`).
    public var maxStatusAge: TimeInterval?

    /// Creates a verifier that checks validity at `checkingTime` and, for presentations, the
    /// challenge and domain the verifier handed to the holder.
    public init(at checkingTime: Date = Date(), challenge: String? = nil, domain: String? = nil) {
        self.checkingTime = checkingTime
        self.expectedChallenge = challenge
        self.expectedDomain = domain
    }

    /// The most bytes the status lists one document carries may decode to, all together: four
    /// lists of the largest size, or thousands of the usual 16 KiB ones.
    public static let carriedStatusListBudget = 64 * 1024 * 1024

    /// The context shared by the checks of one document.
    ///
    /// Status lists carried in the document's `statusListCredentials` are decoded here, once per
    /// document: only those a credential of the document points to, and within
    /// `carriedStatusListBudget` decoded bytes in all. A list decodes to up to 16 MiB before its
    /// proof can say anything, so a file carrying thousands of them must not cost gigabytes.
    public func context(for document: CheckedDocument) -> VerificationContext {
        var referenced: Set<ScalarKey> = []
        for checked in document.credentials {
            for case .success(let entry) in StatusListEntry.entries(in: checked.credential) {
                referenced.insert(ScalarKey(string: entry.statusListCredential))
            }
        }
        var budget = Self.carriedStatusListBudget
        var carried: [StatusListEvidence] = []
        for (index, list) in (document.presentation?.statusLists ?? []).enumerated() {
            guard let id = list["id"]?.stringValue, referenced.contains(ScalarKey(string: id)) else { continue }
            let source = "/\(Presentation.statusListsMember)/\(index)"
            guard budget >= BitstringStatusList.minimumCount / 8 else {
                carried.append(StatusListEvidence(
                    notDecoded: list, source: source,
                    problem: "not decoded: the status lists this file carries decode to more than \(Self.carriedStatusListBudget / (1024 * 1024)) MiB in all"))
                continue
            }
            let evidence = StatusListEvidence(list, source: source, byteLimit: min(BitstringStatusList.defaultByteLimit, budget))
            budget -= (evidence.list?.list.count ?? 0) / 8
            carried.append(evidence)
        }
        return VerificationContext(
            checkingTime: checkingTime, expectedChallenge: expectedChallenge, expectedDomain: expectedDomain,
            documentKind: document.kind, presenter: document.presenter, fileCredentials: document.credentials,
            statusLists: statusLists + carried, trust: trust, maxStatusAge: maxStatusAge)
    }

    /// Checks one parsed credential on its own (not inside a presentation); `pointer` and `line`
    /// say where it sits in its file.
    public func verify(_ document: JSONValue, pointer: JSONPointer = .root, line: Int? = nil) -> CredentialReport {
        verify(document, pointer: pointer, line: line, canonical: nil)
    }

    /// `verify(_:pointer:line:)` for a document parsed with `JSONValue.parsingNotingCanonicalForm`:
    /// `canonical` is its text when that text is canonical (a line of a batch, as issued).
    func verify(_ document: JSONValue, pointer: JSONPointer, line: Int?, canonical: CanonicalText?) -> CredentialReport {
        guard let credential = try? Credential(document) else {
            return notACredential(found: document.typeName, pointer: pointer, line: line)
        }
        let checked = CheckedCredential(credential, pointer: pointer, line: line, verifier: proofVerifier, canonical: canonical)
        let context = VerificationContext(
            checkingTime: checkingTime, expectedChallenge: expectedChallenge, expectedDomain: expectedDomain,
            statusLists: statusLists, trust: trust, maxStatusAge: maxStatusAge)
        return report(for: checked, in: context)
    }

    /// Checks a prepared document: its file-level checks, then every credential in it.
    public func verify(_ document: CheckedDocument, file: String) -> FileReport {
        let context = context(for: document)
        let fileChecks = documentChecks.filter { $0.applies(to: document.kind, in: context) }.map { $0.evaluate(document, in: context) }
        let credentials = document.items.map { item -> CredentialReport in
            switch item {
            case .credential(let checked):
                return report(for: checked, in: context)
            case .notACredential(let pointer, let found):
                return notACredential(found: found, pointer: pointer, line: nil)
            }
        }
        var fileReport = FileReport(file: file, kind: document.kind, checks: fileChecks, credentials: credentials)
        fileReport.error = document.verificationError ?? credentials.lazy.compactMap(\.error).first
        return fileReport
    }

    /// Runs every check on one prepared credential.
    func report(for checked: CheckedCredential, in context: VerificationContext) -> CredentialReport {
        let credential = checked.credential
        var credentialReport = CredentialReport(
            pointer: checked.pointer, line: checked.line, id: credential.id, issuer: credential.issuerID,
            issuerName: credential.issuerName, name: credential.title,
            checks: checks.map { $0.evaluate(checked, in: context).relative(to: checked.pointer) })
        credentialReport.error = checked.verificationError
        return credentialReport
    }

    func notACredential(found: String, pointer: JSONPointer, line: Int?) -> CredentialReport {
        .notACredential(
            "a credential must be a JSON object, found \(found)", pointer: pointer, failurePointer: pointer, line: line,
            skipMessage: "not checked: the document is not a credential", checkIDs: checks.map(\.id))
    }
}
