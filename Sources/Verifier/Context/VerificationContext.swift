public import CredentialCore
public import Foundation

/// What the checks of one file share: the checking time, what the verifier asked for, and what the
/// file itself established (its kind, its holder, its other credentials).
public struct VerificationContext: Sendable {
    /// Who presented the credentials of a file.
    public enum Presenter: Sendable {
        /// The credential was not inside a presentation (a credential file or a batch line).
        case notPresented
        /// The credential is held in a learner's wallet (no holder proof is expected).
        case wallet(holder: String?)
        /// The presentation's proof verified: `holder` signed it.
        case proven(holder: String)
        /// The presentation's proof is missing or failed; `reason` says which.
        case unproven(reason: String)
    }

    /// The instant validity is checked against (`--at`, default now).
    public var checkingTime: Date
    /// The challenge a presentation's proof must answer (`--challenge`), when the verifier gave one.
    public var expectedChallenge: String?
    /// The domain a presentation's proof must name (`--domain`), when the verifier gave one.
    public var expectedDomain: String?
    /// What the file holds.
    public var documentKind: DocumentKind
    /// Who presented the file's credentials.
    public var presenter: Presenter
    /// Every credential of the same file, in file order (for checks that look across them).
    public var fileCredentials: [CheckedCredential] {
        didSet { fileCredentialPositions = Self.positionsByID(fileCredentials) }
    }
    /// Where each `id` sits in `fileCredentials`, so that finding a stack's components takes one
    /// lookup each, not a scan of the file (a stack of many components made the scan quadratic).
    private var fileCredentialPositions: [ScalarKey: [Int]]
    /// The status lists at hand: those the verifier gave (`--status`) and those the file carries,
    /// each decoded and verified once.
    public var statusLists: [StatusListEvidence]
    /// The trust lists and anchors the verifier gave (`--trust`, `--anchor`).
    public var trust: TrustEvaluator
    /// Status lists dated longer than this before the checking time are no evidence (`--max-status-age`).
    public var maxStatusAge: TimeInterval?

    /// Creates a context.
    public init(
        checkingTime: Date, expectedChallenge: String? = nil, expectedDomain: String? = nil,
        documentKind: DocumentKind = .credential, presenter: Presenter = .notPresented,
        fileCredentials: [CheckedCredential] = [], statusLists: [StatusListEvidence] = [],
        trust: TrustEvaluator = TrustEvaluator(), maxStatusAge: TimeInterval? = nil
    ) {
        self.checkingTime = checkingTime
        self.expectedChallenge = expectedChallenge
        self.expectedDomain = expectedDomain
        self.documentKind = documentKind
        self.presenter = presenter
        self.fileCredentials = fileCredentials
        self.fileCredentialPositions = Self.positionsByID(fileCredentials)
        self.statusLists = statusLists
        self.trust = trust
        self.maxStatusAge = maxStatusAge
    }

    /// The credentials of the file whose `id` has the same bytes as `id`, in file order.
    public func fileCredentials(withID id: String) -> [CheckedCredential] {
        (fileCredentialPositions[ScalarKey(string: id)] ?? []).map { fileCredentials[$0] }
    }

    static func positionsByID(_ credentials: [CheckedCredential]) -> [ScalarKey: [Int]] {
        var positions: [ScalarKey: [Int]] = [:]
        for (position, checked) in credentials.enumerated() {
            if let id = checked.credential.id { positions[ScalarKey(string: id), default: []].append(position) }
        }
        return positions
    }
}
