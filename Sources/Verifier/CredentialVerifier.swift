public import CredentialCore
public import Foundation
import Signing

/// Runs every check of DESIGN.md §6 on credentials and reports each one; never throws for a verdict.
///
/// A credential is parsed once and canonicalised once per proof; the checks share that work.
public struct CredentialVerifier: Sendable {
    /// The instant validity is checked against (`--at`, default now).
    public var checkingTime: Date
    /// The challenge a presentation's proof must answer (`--challenge`), when the verifier gave one.
    public var expectedChallenge: String?
    /// The domain a presentation's proof must name (`--domain`), when the verifier gave one.
    public var expectedDomain: String?
    /// Verifies proofs, keeping each issuer key prepared for the next credential; copies share it.
    let proofVerifier = EddsaJcs2022.Verifier()

    /// Creates a verifier that checks validity at `checkingTime` and, for presentations, the
    /// challenge and domain the verifier handed to the holder.
    public init(at checkingTime: Date = Date(), challenge: String? = nil, domain: String? = nil) {
        self.checkingTime = checkingTime
        self.expectedChallenge = challenge
        self.expectedDomain = domain
    }

    /// Checks one parsed credential; `pointer` says where it sits in its file.
    public func verify(_ document: JSONValue, pointer: JSONPointer = .root, line: Int? = nil) -> CredentialReport {
        guard let credential = try? Credential(document) else {
            return .notACredential(
                "a credential must be a JSON object, found \(document.typeName)", pointer: pointer,
                failurePointer: pointer, line: line, skipMessage: "not checked: the document is not a credential")
        }
        let checks = [
            schemaCheck(credential),
            profileCheck(credential),
            signatureCheck(credential),
            validityCheck(credential),
            CheckOutcome(.trust, .skip, "no trust list given"),
            statusCheck(credential),
            CheckOutcome(.stack, .skip, "not a stacked credential"),
            CheckOutcome(.holder, .skip, "not inside a presentation"),
        ]
        return CredentialReport(
            pointer: pointer, line: line, id: credential.id, issuer: credential.issuerID,
            issuerName: credential.issuerName, name: credential.title,
            checks: checks.map { $0.relative(to: pointer) })
    }

    func schemaCheck(_ credential: Credential) -> CheckOutcome {
        let problems = CredentialSchema.problems(in: credential)
        guard let first = problems.first else {
            return CheckOutcome(.schema, .pass, "VC 2.0 structure is valid")
        }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        return CheckOutcome(.schema, .fail, first.description + more, pointer: first.pointer, problems: problems)
    }

    func profileCheck(_ credential: Credential) -> CheckOutcome {
        guard credential.achievement != nil else {
            return CheckOutcome(.profile, .skip, "not an achievement credential: the EU micro-credential profile does not apply")
        }
        let problems = MicroCredentialProfile.problems(in: credential)
        guard let first = problems.first else {
            return CheckOutcome(.profile, .pass, "all EU Annex I mandatory elements are present")
        }
        let summary = problems.count == 1 ? first.description : "\(problems.count) Annex I problems, first \(first.description)"
        if credential.isMicroCredential {
            return CheckOutcome(.profile, .fail, summary, pointer: first.pointer, problems: problems)
        }
        return CheckOutcome(.profile, .warn, "not declared a MicroCredential; " + summary, pointer: first.pointer, problems: problems)
    }

    func signatureCheck(_ credential: Credential) -> CheckOutcome {
        guard credential.hasProof else {
            return CheckOutcome(.signature, .fail, "no proof: the credential is not signed", pointer: "/proof")
        }
        let verification: EddsaJcs2022.Verification
        do {
            verification = try proofVerifier.verify(credential.json)
        } catch {
            // OpenSSL failed: the signature could not be checked, which is not a verdict on it.
            return CheckOutcome(.signature, .fail, "could not verify: " + error.message, pointer: "/proof")
        }
        switch verification {
        case .failed(let failure):
            let prefix = failure.kind == .malformed ? "cannot check the proof: " : ""
            return CheckOutcome(.signature, .fail, prefix + failure.message, pointer: failure.pointer)
        case .verified(let key, let proof):
            guard proof["proofPurpose"]?.stringValue == "assertionMethod" else {
                let purposePointer: JSONPointer = credential.object["proof"]?.arrayValue != nil
                    ? "/proof/0/proofPurpose" : "/proof/proofPurpose"
                let found = proof["proofPurpose"]?.shortDescription ?? "nothing"
                return CheckOutcome(.signature, .fail, "proofPurpose must be \"assertionMethod\" for a credential, found \(found)", pointer: purposePointer)
            }
            guard let issuer = credential.issuerID else {
                return CheckOutcome(.signature, .fail, "the signature is valid but the credential names no issuer", pointer: "/issuer")
            }
            guard issuer == key.did else {
                let issuerPointer: JSONPointer = credential.object["issuer"]?.objectValue != nil ? "/issuer/id" : "/issuer"
                return CheckOutcome(
                    .signature, .fail,
                    "the signature is valid, but the signing key \(key.did) is not the issuer's (issuer is \(issuer))",
                    pointer: issuerPointer)
            }
            return CheckOutcome(.signature, .pass, "eddsa-jcs-2022 proof by the issuer's key \(key.did)")
        }
    }

    func validityCheck(_ credential: Credential) -> CheckOutcome {
        let from = credential.validFrom
        let until = credential.validUntil
        let fromDate = from.flatMap(XSDDateTime.parse)
        let untilDate = until.flatMap(XSDDateTime.parse)
        if let from, fromDate == nil {
            return CheckOutcome(.validity, .fail, "validFrom \"\(from)\" is not a dateTime", pointer: "/validFrom")
        }
        if let until, untilDate == nil {
            return CheckOutcome(.validity, .fail, "validUntil \"\(until)\" is not a dateTime", pointer: "/validUntil")
        }
        if let fromDate, let from, checkingTime < fromDate {
            return CheckOutcome(
                .validity, .fail, "not yet valid: valid from \(from), checked at \(XSDDateTime.format(checkingTime))",
                pointer: "/validFrom")
        }
        if let untilDate, let until, checkingTime > untilDate {
            return CheckOutcome(
                .validity, .fail, "expired: valid until \(until), checked at \(XSDDateTime.format(checkingTime))",
                pointer: "/validUntil")
        }
        let start = from.map { "valid from \($0)" } ?? "no validFrom"
        let end = until.map { "until \($0)" } ?? "no expiry"
        return CheckOutcome(.validity, .pass, "\(start), \(end)")
    }

    func statusCheck(_ credential: Credential) -> CheckOutcome {
        guard let status = credential.object["credentialStatus"] else {
            return CheckOutcome(.status, .skip, "no credentialStatus")
        }
        let list = (status.arrayValue?.first ?? status)["statusListCredential"]?.stringValue ?? "an unnamed list"
        return CheckOutcome(.status, .unknown, "status list \(list) is not at hand; revocation not checked", pointer: "/credentialStatus")
    }
}

extension CheckOutcome {
    /// The same outcome with its pointer (and problems) made relative to the file, not the credential.
    func relative(to base: JSONPointer) -> CheckOutcome {
        guard !base.tokens.isEmpty else { return self }
        var copy = self
        copy.pointer = pointer.map { JSONPointer(tokens: base.tokens + $0.tokens) }
        copy.problems = problems.map { Problem(JSONPointer(tokens: base.tokens + $0.pointer.tokens), $0.message) }
        return copy
    }
}
