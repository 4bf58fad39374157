public import CredentialCore
public import Foundation
import Signing
public import Verifier

/// What the local verifier page answers, apart from HTTP: it verifies with `CredentialVerifier`
/// exactly as `mcred verify` does, and adds a readable summary (`spec/serve.md` §2).
///
/// Nothing is stored: each call verifies the bytes it is given and forgets them.
public struct VerifierService: Sendable {
    /// An answer of the API: HTTP status code and JSON body.
    public struct Answer: Sendable {
        /// 200 for a report with a verdict, 400 for a file that could not be checked, 413 for one over the limit.
        public var status: Int
        /// The JSON document sent as the body.
        public var body: JSONValue
    }

    /// The verifier each request starts from: its checks and whatever else it was configured with
    /// (trust anchors, status lists); the checking time, challenge and domain are set per request.
    /// Copies share its prepared issuer keys.
    public var verifier: CredentialVerifier
    /// The checking time (`--at`); nil checks each document at the time it arrives.
    public var checkingTime: Date?
    /// The domain a presentation must name (`--domain`); nil means the host the page was loaded from.
    public var domain: String?
    /// The largest accepted document in bytes (DESIGN.md §9).
    public var limit: Int

    /// Creates a service.
    public init(
        verifier: CredentialVerifier = CredentialVerifier(), checkingTime: Date? = nil, domain: String? = nil,
        limit: Int = JSONLimits.default.maxBytes
    ) {
        self.verifier = verifier
        self.checkingTime = checkingTime
        self.domain = domain
        self.limit = limit
    }

    /// The domain a presentation is checked against, for a page served under `host` (the request's
    /// `Host` header): `--domain` when given, else that host.
    public func effectiveDomain(host: String?) -> String? { domain ?? host }

    /// Verifies one uploaded document. With a `challenge`, a presentation must answer it for
    /// `effectiveDomain(host:)`; without one, only `--domain` (when given) is checked.
    ///
    /// The body is the v2 report (`spec/report.md`) with one extra member, `summary`.
    public func verify(_ bytes: [UInt8], file: String, challenge: String?, host: String?) -> Answer {
        let time = checkingTime ?? Date()
        let expectedDomain = challenge == nil ? domain : effectiveDomain(host: host)
        var verifier = self.verifier
        verifier.checkingTime = time
        verifier.expectedChallenge = challenge
        verifier.expectedDomain = expectedDomain
        let fileReport = verifier.verifyDocument(bytes, file: file)
        var body = VerificationReport(checkedAt: time, strict: false, files: [fileReport]).jsonValue
        body["summary"] = Self.summary(of: bytes, report: fileReport, challenge: challenge, domain: expectedDomain)
        return Answer(status: fileReport.kind == nil ? 400 : 200, body: body)
    }

    /// The answer for a body over `limit`: status 413 and a report with verdict `error` whose message
    /// is the one `mcred verify` gives for such a file.
    public func tooLarge(file: String) -> Answer {
        let error = CredentialError(.tooLarge, "the file is larger than the limit of \(limit) bytes", file: file)
        let report = VerificationReport(
            checkedAt: checkingTime ?? Date(), strict: false, files: [FileReport(file: file, error: error.description)])
        return Answer(status: 413, body: report.jsonValue)
    }

    /// A fresh challenge (128 random bits, base64url) and the domain a presentation must name.
    /// - Throws: `SigningError` when the system's random source fails.
    public func newChallenge(host: String?) throws -> Answer {
        var body = JSONObject()
        body["challenge"] = .string(try SecureRandom.challenge())
        body["domain"] = effectiveDomain(host: host).map(JSONValue.string) ?? .null
        return Answer(status: 200, body: .object(body))
    }

    /// The `summary` member: one readable summary per credential of the report, at the same
    /// pointers, plus the presentation's holder and what it was checked for.
    static func summary(of bytes: [UInt8], report: FileReport, challenge: String?, domain: String?) -> JSONValue {
        var summary = JSONObject()
        summary["challenge"] = challenge.map(JSONValue.string) ?? .null
        summary["domain"] = domain.map(JSONValue.string) ?? .null
        guard report.kind != nil,
              let json = try? (PrintableCredential.isHTML(bytes) ? PrintableCredential.parseCredential(inPage: bytes) : JSONValue(parsing: bytes))
        else {
            summary["credentials"] = .array([])
            return .object(summary)
        }
        if report.kind == .presentation || report.kind == .wallet, let presentation = try? Presentation(json) {
            summary["holder"] = presentation.holderID.map(JSONValue.string) ?? .null
        }
        let credentials = report.credentials.compactMap { credentialReport -> (JSONPointer, Credential)? in
            guard let value = json.value(at: credentialReport.pointer), let credential = try? Credential(value) else { return nil }
            return (credentialReport.pointer, credential)
        }
        // A stack part held in the same file (a wallet or presentation) is named by its title: the
        // first credential with that id, found through an index (a scan per part made a file of
        // many parts and many credentials take minutes).
        var titles: [ScalarKey: String?] = [:]
        for (_, credential) in credentials {
            if let id = credential.id, titles[ScalarKey(string: id)] == nil { titles[ScalarKey(string: id)] = .some(credential.title) }
        }
        summary["credentials"] = .array(credentials.compactMap { pointer, credential -> JSONValue? in
            var credentialSummary = CredentialSummary(credential)
            for index in credentialSummary.stackParts.indices where credentialSummary.stackParts[index].name == nil {
                guard let id = credentialSummary.stackParts[index].id, let title = titles[ScalarKey(string: id)] else { continue }
                credentialSummary.stackParts[index].name = title
            }
            guard case .object(var item) = credentialSummary.jsonValue else { return nil }
            item["pointer"] = .string(pointer.description)
            item["signed"] = credential.proof?.created.map(JSONValue.string) ?? .null
            return .object(item)
        })
        return .object(summary)
    }
}
