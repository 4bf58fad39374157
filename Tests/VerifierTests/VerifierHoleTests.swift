import CredentialCore
import Foundation
@testable import Signing
import Testing
@testable import Verifier

/// Cases a hostile sender would try: each one passed, or was not guarded by a test, before the
/// verifier was restructured.
@Suite("Verifier against hostile documents")
struct VerifierHoleTests {
    let verifier = CredentialVerifier(at: fixtureTime)

    static let holderSeed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"
    static let issuerSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"

    func key(_ seedHex: String) throws -> Ed25519.PrivateKey {
        var bytes: [UInt8] = []
        var index = seedHex.startIndex
        while index < seedHex.endIndex {
            let next = seedHex.index(index, offsetBy: 2)
            bytes.append(try #require(UInt8(seedHex[index..<next], radix: 16)))
            index = next
        }
        return try Ed25519.PrivateKey(seed: bytes)
    }

    /// The bundled credential without its proof, re-signed by `key` after `edit`.
    func signedCredential(
        by key: Ed25519.PrivateKey, purpose: String = "assertionMethod", created: String? = "2025-01-15T10:00:00Z",
        edit: (inout JSONValue) throws -> Void = { _ in }
    ) throws -> JSONValue {
        var document = try vectorJSON("vc-signed")
        document["proof"] = nil
        try edit(&document)
        return try EddsaJcs2022.sign(document, with: key, options: .init(proofPurpose: purpose, created: created))
    }

    func presentation(_ credentials: [JSONValue], holder: String) -> JSONValue {
        var object = JSONObject()
        object["@context"] = .array(["https://www.w3.org/ns/credentials/v2"])
        object["type"] = .array(["VerifiablePresentation"])
        object["holder"] = .string(holder)
        object["verifiableCredential"] = .array(credentials)
        return .object(object)
    }

    @Test("an empty presentation fails, also under --strict with a challenge")
    func emptyPresentation() throws {
        let bytes = Array(#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]}"#.utf8)
        for verifier in [verifier, CredentialVerifier(at: fixtureTime, challenge: "abc")] {
            let report = verifier.verifyDocument(bytes, file: "empty.json")
            #expect(report.kind == .presentation)
            #expect(report.credentials.isEmpty)
            #expect(report.checks.first?.result == .fail)
            #expect(report.checks.first?.message.contains("no credential") == true)
            #expect(report.verdict(strict: false) == .fail)
            #expect(report.verdict(strict: true) == .fail)
        }
    }

    @Test("an issuer id that writes K as U+212A KELVIN SIGN is not the signing key's did:key")
    func kelvinIssuer() throws {
        let signer = try key(Self.holderSeed)
        let did = DIDKey(publicKey: signer.publicKey).did
        #expect(did.contains("K"))
        let lookalike = did.replacingOccurrences(of: "K", with: "\u{212A}")
        #expect(lookalike == did)  // Swift's String == would let it through
        let document = try signedCredential(by: signer) { $0["issuer"] = .object(JSONObject([("id", .string(lookalike))])) }
        let report = verifier.verify(document)
        #expect(report[.signature]?.result == .fail)
        #expect(report[.signature]?.pointer == "/issuer/id")
        let genuine = try signedCredential(by: signer) { $0["issuer"] = .object(JSONObject([("id", .string(did))])) }
        #expect(verifier.verify(genuine)[.signature]?.result == .pass)
    }

    @Test("a valid proof made for authentication does not sign a credential")
    func credentialProofPurpose() throws {
        let issuer = try key(Self.issuerSeed)
        let report = verifier.verify(try signedCredential(by: issuer, purpose: "authentication"))
        #expect(report.failingChecks(strict: false).map(\.check) == [.signature])
        #expect(report[.signature]?.pointer == "/proof/proofPurpose")
        #expect(verifier.verify(try signedCredential(by: issuer))[.signature]?.result == .pass)
    }

    @Test("a proof past its expires fails; created and expires without a time zone are malformed")
    func proofDates() throws {
        let issuer = try key(Self.issuerSeed)
        var document = try vectorJSON("vc-signed")
        document["proof"] = nil
        func signed(created: String?, expires: String?) throws -> JSONValue {
            try EddsaJcs2022.sign(document, with: issuer, options: .init(proofPurpose: "assertionMethod", created: created, expires: expires))
        }
        let expired = verifier.verify(try signed(created: "2025-01-15T10:00:00Z", expires: "2025-01-16T00:00:00Z"))
        #expect(expired[.signature]?.result == .fail)
        #expect(expired[.signature]?.message == "the proof expired at 2025-01-16T00:00:00Z")
        #expect(expired[.signature]?.pointer == "/proof/expires")
        let current = verifier.verify(try signed(created: "2025-01-15T10:00:00Z", expires: "2099-01-01T00:00:00Z"))
        #expect(current[.signature]?.result == .pass)
        for (created, expires, field) in [("2025-01-15T10:00:00", nil, "created"), ("2025-01-15T10:00:00Z", "2099-01-01T00:00:00", "expires")] {
            let report = verifier.verify(try signed(created: created, expires: expires))
            #expect(report[.signature]?.result == .fail, "\(field)")
            #expect(report[.signature]?.message.contains("\(field) must be an XML Schema dateTimeStamp with a time zone") == true, "\(field)")
        }
    }

    @Test("a presentation whose proof is past its expires fails the presentation check")
    func presentationExpired() throws {
        let holder = try key(Self.holderSeed)
        let holderDID = DIDKey(publicKey: holder.publicKey).did
        let credential = try signedCredential(by: try key(Self.issuerSeed)) { $0["credentialSubject"]?["id"] = .string(holderDID) }
        for (expires, result) in [("2025-06-01T00:00:00Z", CheckResult.fail), ("2099-01-01T00:00:00Z", .pass)] {
            let signed = try EddsaJcs2022.sign(
                presentation([credential], holder: holderDID), with: holder,
                options: .init(proofPurpose: "authentication", created: "2025-05-01T00:00:00Z", challenge: "c", domain: "d", expires: expires))
            let report = CredentialVerifier(at: fixtureTime, challenge: "c", domain: "d").verifyDocument(signed.canonicalBytes, file: "vp.json")
            #expect(report.checks.first?.result == result, "\(expires): \(report.checks.first?.message ?? "")")
            if result == .fail { #expect(report.checks.first?.message == "the presentation's proof expired at \(expires)") }
        }
    }

    @Test("a presentation without a proof fails when a challenge was asked for and warns otherwise")
    func unsignedPresentation() throws {
        let holder = try key(Self.holderSeed)
        let document = presentation([try signedCredential(by: try key(Self.issuerSeed))], holder: DIDKey(publicKey: holder.publicKey).did)
        let bytes = Array(document.canonicalString.utf8)
        let relaxed = verifier.verifyDocument(bytes, file: "vp.json")
        #expect(relaxed.checks.first?.result == .warn)
        #expect(relaxed.credentials.first?[.holder]?.result == .unknown)
        #expect(relaxed.verdict(strict: false) == .pass)
        #expect(relaxed.verdict(strict: true) == .fail)
        for asked in [CredentialVerifier(at: fixtureTime, challenge: "abc"), CredentialVerifier(at: fixtureTime, domain: "example.org")] {
            let report = asked.verifyDocument(bytes, file: "vp.json")
            #expect(report.checks.first?.result == .fail)
            #expect(report.verdict(strict: false) == .fail)
        }
    }

    @Test("a credential whose subject is someone else fails holder; one without a subject id warns")
    func holderBinding() throws {
        let holder = try key(Self.holderSeed)
        let holderDID = DIDKey(publicKey: holder.publicKey).did
        let issuer = try key(Self.issuerSeed)
        let other = try signedCredential(by: issuer) { document in
            document["id"] = "urn:uuid:6f1d4c1e-0d7e-4c55-9a57-3f0b1d7c0a01"
            document["credentialSubject"]?["id"] = .string("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")
        }
        let bearer = try signedCredential(by: issuer) { document in
            document["id"] = "urn:uuid:6f1d4c1e-0d7e-4c55-9a57-3f0b1d7c0a02"
            guard case .object(var subject)? = document["credentialSubject"] else { return }
            subject.removeValue(forKey: "id")
            document["credentialSubject"] = .object(subject)
        }
        let own = try signedCredential(by: issuer)
        let unsigned = presentation([own, other, bearer], holder: holderDID)
        let signed = try EddsaJcs2022.sign(
            unsigned, with: holder, options: .init(proofPurpose: "authentication", created: nil, challenge: "abc", domain: "d.example"))
        let report = CredentialVerifier(at: fixtureTime, challenge: "abc", domain: "d.example")
            .verifyDocument(Array(signed.canonicalString.utf8), file: "vp.json")
        #expect(report.checks.first?.result == .pass)
        #expect(report.credentials.map { $0[.holder]?.result } == [.pass, .fail, .warn])
        #expect(report.credentials[2][.holder]?.message.contains("bearer") == true)
    }

    /// `unsigned` with an eddsa-jcs-2022 authentication proof whose `challenge` and `domain` are
    /// the values given (any JSON, as another implementation might write them), made from the primitives.
    func signed(_ unsigned: JSONValue, by key: Ed25519.PrivateKey, challenge: JSONValue, domain: JSONValue) throws -> JSONValue {
        let did = DIDKey(publicKey: key.publicKey)
        var configuration = JSONObject()
        configuration["type"] = "DataIntegrityProof"
        configuration["cryptosuite"] = "eddsa-jcs-2022"
        configuration["verificationMethod"] = .string(did.verificationMethodID)
        configuration["proofPurpose"] = "authentication"
        configuration["challenge"] = challenge
        configuration["domain"] = domain
        configuration["@context"] = unsigned["@context"]
        let hash = EddsaJcs2022.hashData(proofConfiguration: configuration, unsecuredDocument: try #require(unsigned.objectValue))
        configuration["proofValue"] = .string("z" + Base58.encode(try key.signature(for: hash)))
        var document = unsigned
        document["proof"] = .object(configuration)
        return document
    }

    @Test("a proof's domain may be a set of strings (vc-data-integrity §2.1); other shapes are named, not called none")
    func domainSet() throws {
        let holder = try key(Self.holderSeed)
        let unsigned = presentation([try signedCredential(by: try key(Self.issuerSeed))], holder: DIDKey(publicKey: holder.publicKey).did)
        let verifier = CredentialVerifier(at: fixtureTime, challenge: "abc", domain: "hr.example.com")
        let set = try signed(unsigned, by: holder, challenge: "abc", domain: ["hr.example.org", "hr.example.com"])
        #expect(verifier.verifyDocument(set.canonicalBytes, file: "vp").checks.first?.result == .pass)
        let other = try signed(unsigned, by: holder, challenge: "abc", domain: ["hr.example.org"])
        let refused = verifier.verifyDocument(other.canonicalBytes, file: "vp").checks.first
        #expect(refused?.result == .fail)
        #expect(refused?.message == #"the proof's domain is "hr.example.org", expected "hr.example.com""#)
        let arrayChallenge = try signed(unsigned, by: holder, challenge: ["abc"], domain: "hr.example.com")
        let named = verifier.verifyDocument(arrayChallenge.canonicalBytes, file: "vp").checks.first
        #expect(named?.result == .fail)
        #expect(named?.message.contains("challenge is an array (not a string)") == true, "\(named?.message ?? "")")
    }

    @Test("a presentation that lists one credential twice fails: whoever adds up what was shown would count it twice")
    func repeatedCredential() throws {
        let holder = try key(Self.holderSeed)
        let credential = try signedCredential(by: try key(Self.issuerSeed))
        let twice = try EddsaJcs2022.sign(
            presentation([credential, credential], holder: DIDKey(publicKey: holder.publicKey).did), with: holder,
            options: .init(proofPurpose: "authentication", created: nil, challenge: "abc", domain: "d.example"))
        let report = CredentialVerifier(at: fixtureTime, challenge: "abc", domain: "d.example").verifyDocument(twice.canonicalBytes, file: "vp")
        #expect(report.checks.first?.result == .fail)
        #expect(report.checks.first?.pointer == "/verifiableCredential/1/id")
        #expect(report.checks.first?.message.contains("more than one credential with the id") == true)
    }

    @Test("a signed presentation without the VC 2.0 @context fails the presentation check")
    func presentationContext() throws {
        let holder = try key(Self.holderSeed)
        for context: JSONValue? in [nil, ["https://www.w3.org/2018/credentials/v1"], "https://example.org/ctx"] {
            var unsigned = presentation([try signedCredential(by: try key(Self.issuerSeed))], holder: DIDKey(publicKey: holder.publicKey).did)
            unsigned["@context"] = context
            let vp = try EddsaJcs2022.sign(
                unsigned, with: holder, options: .init(proofPurpose: "authentication", created: nil, challenge: "abc", domain: "d"))
            let check = CredentialVerifier(at: fixtureTime, challenge: "abc", domain: "d").verifyDocument(vp.canonicalBytes, file: "vp").checks.first
            #expect(check?.result == .fail)
            #expect(check?.pointer == "/@context")
        }
    }

    @Test("challenge and domain are compared by bytes: U+212A KELVIN SIGN is not K")
    func kelvinChallenge() throws {
        let holder = try key(Self.holderSeed)
        let unsigned = presentation([try signedCredential(by: try key(Self.issuerSeed))], holder: DIDKey(publicKey: holder.publicKey).did)
        let signed = try EddsaJcs2022.sign(
            unsigned, with: holder, options: .init(proofPurpose: "authentication", created: nil, challenge: "Kx", domain: "Kd"))
        let bytes = Array(signed.canonicalString.utf8)
        #expect(CredentialVerifier(at: fixtureTime, challenge: "Kx", domain: "Kd").verifyDocument(bytes, file: "vp").checks.first?.result == .pass)
        for (challenge, domain) in [("\u{212A}x", "Kd"), ("Kx", "\u{212A}d")] {
            #expect(challenge == "Kx" && domain == "Kd")
            let report = CredentialVerifier(at: fixtureTime, challenge: challenge, domain: domain).verifyDocument(bytes, file: "vp")
            #expect(report.checks.first?.result == .fail)
        }
    }

    @Test("a presentation signed by a key other than its holder's fails the presentation check")
    func presentationSignedByAnotherKey() throws {
        let holderDID = DIDKey(publicKey: try key(Self.holderSeed).publicKey).did
        let signed = try EddsaJcs2022.sign(
            presentation([try signedCredential(by: try key(Self.issuerSeed))], holder: holderDID), with: try key(Self.issuerSeed),
            options: .init(proofPurpose: "authentication", created: nil, challenge: "abc", domain: "d.example"))
        let report = CredentialVerifier(at: fixtureTime, challenge: "abc", domain: "d.example")
            .verifyDocument(Array(signed.canonicalString.utf8), file: "vp.json")
        #expect(report.checks.first?.result == .fail)
        #expect(report.checks.first?.pointer == "/proof/verificationMethod")
        #expect(report.credentials.first?[.holder]?.result == .unknown)
    }

    @Test("an OpenSSL failure while verifying is an error verdict (exit 2), not a failed signature")
    func couldNotVerify() throws {
        let credential = try Credential(try vectorJSON("vc-signed"))
        let failure = SigningError(.openSSLFailure, "EVP_DigestVerifyInit failed")
        let checked = CheckedCredential(credential, pointer: .root, line: nil, proof: .couldNotVerify(failure))
        let report = verifier.report(for: checked, in: VerificationContext(checkingTime: fixtureTime))
        #expect(report[.signature]?.result == .unknown)
        #expect(report.failingChecks(strict: false).isEmpty)
        #expect(report.verdict(strict: false) == .error)
        #expect(report.error?.contains("EVP_DigestVerifyInit") == true)
        var file = FileReport(file: "x.json", kind: .credential, credentials: [report])
        file.error = report.error
        #expect(file.verdict(strict: false) == .error)
        #expect(VerificationReport(checkedAt: fixtureTime, strict: false, files: [file]).verdict == .error)
    }

    @Test("a credential whose achievementType is a likely misspelling gets a profile warning that names it")
    func misspelledType() throws {
        let document = try JSONValue(parsing: try vector("vc-signed"))
        var edited = document
        edited["proof"] = nil
        edited["credentialSubject"]?["achievement"]?["achievementType"] = "Microcredential"
        let signed = try EddsaJcs2022.sign(edited, with: try key(Self.issuerSeed), options: .init(proofPurpose: "assertionMethod", created: nil))
        let report = verifier.verify(signed)
        #expect(report[.profile]?.result == .warn)
        #expect(report[.profile]?.message.contains("did you mean MicroCredential?") == true)
        #expect(report[.profile]?.pointer == "/credentialSubject/achievement/achievementType")
        #expect((report[.profile]?.problems.count ?? 0) > 1)
    }

    @Test("a proof created well after the checking time is a validity warning")
    func proofFromTheFuture() throws {
        let issuer = try key(Self.issuerSeed)
        let report = verifier.verify(try signedCredential(by: issuer, created: "2026-01-01T00:10:00Z"))
        #expect(report[.validity]?.result == .warn)
        #expect(report[.validity]?.pointer == "/proof/created")
        let skewed = verifier.verify(try signedCredential(by: issuer, created: "2026-01-01T00:04:00Z"))
        #expect(skewed[.validity]?.result == .pass)
    }

    @Test("a wallet is checked credential by credential, and an empty one is reported as empty, not failed")
    func walletKind() throws {
        let empty = Array(#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation","LearnerWallet"],"verifiableCredential":[]}"#.utf8)
        let report = verifier.verifyDocument(empty, file: "wallet.json")
        #expect(report.kind == .wallet)
        #expect(report.checks.isEmpty)
        #expect(report.verdict(strict: true) == .pass)
    }

    @Test("DocumentKind tells the documents apart by type, compared by bytes")
    func documentKinds() throws {
        func kind(_ types: String) throws -> DocumentKind? {
            DocumentKind.detect(try JSONValue(parsing: Array(("{\"type\":" + types + "}").utf8)))
        }
        #expect(try kind(#"["VerifiableCredential"]"#) == .credential)
        #expect(try kind(#"["VerifiablePresentation"]"#) == .presentation)
        #expect(try kind(#""VerifiablePresentation""#) == .presentation)
        #expect(try kind(#"["VerifiablePresentation","LearnerWallet"]"#) == .wallet)
        #expect(try kind(#"["VerifiableCredential","BitstringStatusListCredential"]"#) == .statusList)
        #expect(try kind(#"["VerifiableCredential","IssuerTrustList"]"#) == .trustList)
        #expect(try kind(#"["VerifiablePresentatio\u006e"]"#) == .presentation)
        #expect(DocumentKind.detect(.array([])) == nil)
    }
}
