import CredentialCore
import Foundation
import Signing
import Testing
@testable import Verifier

@Suite("CredentialVerifier")
struct CredentialVerifierTests {
    let verifier = CredentialVerifier(at: fixtureTime)

    func failing(_ report: CredentialReport) -> [CheckID] { report.failingChecks(strict: false).map(\.check) }

    @Test("a JSON Lines file given as one document is an error that points to --batch; other trailing data is not")
    func jsonLinesHint() {
        let lines = verifier.verifyDocument(Array("{\"a\":1}\n{\"b\":2}\n".utf8), file: "batch.jsonl")
        #expect(lines.error?.hasSuffix("(a JSON Lines file, one credential per line, is checked with mcred verify --batch)") == true)
        let sameLine = verifier.verifyDocument(Array("{\"a\":1} {\"b\":2}".utf8), file: "x.json")
        #expect(sameLine.error?.contains("--batch") == false)
    }

    @Test("the W3C eddsa-jcs-2022 credential fails only on its https issuer not owning the did:key")
    func w3cVector() throws {
        let report = verifier.verify(try vectorJSON("w3c-signedJCS"))
        #expect(failing(report) == [.signature])
        let signature = try #require(report[.signature])
        #expect(signature.message.contains("is not the issuer's"))
        #expect(signature.message.contains("https://vc.example/issuers/5678"))
        #expect(signature.pointer == "/issuer")
        #expect(report[.schema]?.result == .pass)
        #expect(report[.validity]?.result == .pass)
        #expect(report[.profile]?.result == .skip)
    }

    @Test("the W3C proof itself verifies with the cryptosuite")
    func w3cProofVerifies() throws {
        let result = try EddsaJcs2022.verify(try vectorJSON("w3c-signedJCS"))
        #expect(result.isVerified)
    }

    @Test("the generated did:key credential passes its signature and every other check it can")
    func generatedCredentialPasses() throws {
        let report = verifier.verify(try vectorJSON("vc-signed"))
        #expect(report[.signature]?.result == .pass)
        #expect(report[.schema]?.result == .pass)
        #expect(report[.validity]?.result == .pass)
        #expect(report[.status]?.result == .unknown)
        #expect(report.passes(strict: false))
        #expect(!report.passes(strict: true))
    }

    static let negativeCases: [(file: String, failing: [CheckID], fileFailing: [CheckID])] = [
        ("vc-context-reordered", [.schema, .signature], []),  // v2 is no longer the first context
        ("vc-cryptosuite-changed", [.signature], []),
        ("vc-proofPurpose-changed", [.signature], []),
        ("vc-signature-bitflip", [.signature], []),
        ("vc-tampered-subject", [.signature], []),
        ("vc-validUntil-extended", [.signature], []),
        ("vc-wrong-key", [.signature], []),
        ("vp-challenge-changed", [], [.presentation]),
        ("vp-embedded-vc-tampered", [.signature], [.presentation]),
    ]

    @Test("every negative fixture fails on the right check and no other", arguments: negativeCases)
    func negativeFixture(_ testCase: (file: String, failing: [CheckID], fileFailing: [CheckID])) throws {
        let report = verifier.verifyDocument(try vector(testCase.file, in: "Vectors/negative"), file: testCase.file)
        #expect(report.verdict(strict: false) == .fail)
        #expect(report.checks.filter { $0.result == .fail }.map(\.check) == testCase.fileFailing, "\(testCase.file)")
        for credential in report.credentials {
            #expect(failing(credential) == testCase.failing, "\(testCase.file)")
        }
    }

    @Test("every file of the negative vector folder is in the table")
    func negativeFolderCovered() throws {
        let folder = try #require(Bundle.module.resourceURL?.appendingPathComponent("Vectors/negative"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == Self.negativeCases.map(\.file).sorted())
    }

    @Test("the signed presentation passes the holder check when challenge and domain match")
    func presentationPasses() throws {
        let matching = CredentialVerifier(at: fixtureTime, challenge: "c0ae1c8e-c7e7-469f-b252-86e6a0e7387e", domain: "verifier.example")
        let report = matching.verifyDocument(try vector("vp-signed"), file: "vp-signed.json")
        #expect(report.kind == .presentation)
        #expect(report.checks.map(\.check) == [.presentation])
        #expect(report.checks.first?.result == .pass)
        let credential = try #require(report.credentials.first)
        #expect(credential.pointer == "/verifiableCredential/0")
        #expect(credential[.holder]?.result == .pass)
        #expect(credential[.signature]?.result == .pass)
    }

    @Test("a presentation made for another challenge or domain fails the presentation check")
    func presentationWrongChallenge() throws {
        let challenge = "c0ae1c8e-c7e7-469f-b252-86e6a0e7387e"
        for (challenge, domain, field) in [
            ("other", "verifier.example", "challenge"), (challenge, "evil.example", "domain"),
        ] {
            let strict = CredentialVerifier(at: fixtureTime, challenge: challenge, domain: domain)
            let report = strict.verifyDocument(try vector("vp-signed"), file: "vp-signed.json")
            let check = try #require(report.checks.first)
            #expect(check.check == .presentation)
            #expect(check.result == .fail)
            #expect(check.pointer == JSONPointer(tokens: ["proof", field]))
            #expect(report.credentials.first?[.holder]?.result == .pass)
        }
    }

    @Test("without an expected challenge the presentation check warns that it was not compared")
    func presentationWithoutChallenge() throws {
        let report = verifier.verifyDocument(try vector("vp-signed"), file: "vp-signed.json")
        let check = try #require(report.checks.first)
        #expect(check.result == .warn)
        #expect(check.message.contains("--challenge"))
        #expect(report.verdict(strict: false) == .pass)
        #expect(report.verdict(strict: true) == .fail)
    }

    @Test("changing any single value of a signed credential fails the signature")
    func tamperEveryLeaf() throws {
        let original = try vectorJSON("vc-signed")
        let pointers = leafPointers(of: original)
        #expect(pointers.count > 15)
        for pointer in pointers {
            var tampered = original
            try tampered.setValue(altered(try #require(original.value(at: pointer))), at: pointer)
            let report = verifier.verify(tampered)
            #expect(report[.signature]?.result == .fail, "changing \(pointer) went unnoticed")
        }
    }

    @Test("reordering keys and reformatting whitespace keep the signature valid")
    func reformattingIsHarmless() throws {
        let original = try vectorJSON("vc-signed")
        let reordered = reversedKeys(original)
        #expect(reordered.prettyPrinted() != original.prettyPrinted())
        #expect(verifier.verify(reordered)[.signature]?.result == .pass)
        let compact = try JSONValue(parsing: original.canonicalString)
        #expect(verifier.verify(compact)[.signature]?.result == .pass)
        let spaced = try JSONValue(parsing: "  \n\t" + original.prettyPrinted() + "\n\n")
        #expect(verifier.verify(spaced)[.signature]?.result == .pass)
    }

    @Test("validity fails before validFrom and after validUntil")
    func validityWindow() throws {
        let document = try vectorJSON("vc-signed")
        let early = CredentialVerifier(at: try #require(XSDDateTime.parse("2024-12-31T23:59:59Z"))).verify(document)
        #expect(failing(early) == [.validity])
        #expect(early[.validity]?.pointer == "/validFrom")
        let late = CredentialVerifier(at: try #require(XSDDateTime.parse("2030-01-15T00:00:01Z"))).verify(document)
        #expect(failing(late) == [.validity])
        #expect(late[.validity]?.pointer == "/validUntil")
    }

    @Test("an unsigned credential fails the signature check as unsigned")
    func unsignedCredential() throws {
        var document = try vectorJSON("vc-signed")
        document["proof"] = nil
        let report = verifier.verify(document)
        #expect(failing(report) == [.signature])
        #expect(report[.signature]?.message.contains("not signed") == true)
    }

    @Test("a file that is not JSON gets verdict error naming its position")
    func notJSON() throws {
        let report = verifier.verifyDocument(Array("{\"a\": tru}".utf8), file: "broken.json")
        #expect(report.verdict(strict: false) == .error)
        #expect(report.kind == nil)
        #expect(report.error?.hasPrefix("broken.json:1:") == true)
        let array = verifier.verifyDocument(Array("[1]".utf8), file: "array.json")
        #expect(array.verdict(strict: false) == .error)
        let missing = verifier.verifyFile("no-such-file.json")
        #expect(missing.verdict(strict: false) == .error)
        #expect(missing.error?.contains("no-such-file.json") == true)
    }

    @Test("batch verification keeps input order and reports bad lines by number")
    func batchLines() throws {
        let good = try vectorJSON("vc-signed").canonicalString
        let bad = try vectorJSON("vc-tampered-subject", in: "Vectors/negative").canonicalString
        let text = [good, "", bad, "{not json", good].joined(separator: "\n") + "\n"
        let report = verifier.verifyLines(Array(text.utf8), file: "in.jsonl", jobs: 2)
        #expect(report.credentials.map(\.line) == [1, 3, 4, 5])
        #expect(report.credentials.map { $0.passes(strict: false) } == [true, false, false, true])
        #expect(report.credentials[2][.schema]?.message.hasPrefix("not valid JSON") == true)
        // The position is the column within its line (the line is named as the batch line), and the
        // failed schema check lists its problem, as for any other schema failure.
        #expect(report.credentials[2][.schema]?.message.hasPrefix("not valid JSON: column 2: ") == true)
        #expect(report.credentials[2][.schema]?.problems.count == 1)
    }

    @Test("batch lines verify alike whether their text is canonical (hashed as written) or not (serialised again)")
    func batchCanonicalAndOtherText() throws {
        let signed = try vectorJSON("vc-signed")
        #expect(try JSONValue.parsingNotingCanonicalForm(signed.canonicalBytes).canonical != nil)
        let texts = [
            signed.canonicalString,
            String(signed.prettyPrinted().filter { $0 != "\n" }),
            String(reversedKeys(signed).prettyPrinted().filter { $0 != "\n" }),
        ]
        let report = verifier.verifyLines(Array((texts.joined(separator: "\n") + "\n").utf8), file: "in.jsonl", jobs: 1)
        #expect(report.credentials.map { $0.passes(strict: false) } == [true, true, true])
    }

    @Test("a canonical batch line whose proof @context is a strict prefix of the document's is hashed with the proof's context")
    func batchCanonicalProofContextPrefix() throws {
        // Signed with the base context only, then given a second context: vc-di-eddsa §3.3.2 step 4
        // checks the document with the proof's context, so the proof still verifies; the text
        // cannot be hashed as written, since its @context differs from the one signed.
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 3, count: 32))
        var unsigned = try vectorJSON("vc-signed")
        unsigned["proof"] = nil
        unsigned["issuer"] = .string(DIDKey(publicKey: key.publicKey).did)
        let contexts = try #require(unsigned["@context"]?.arrayValue)
        unsigned["@context"] = .array([contexts[0]])
        var signed = try EddsaJcs2022.sign(
            unsigned, with: key, options: .init(proofPurpose: "assertionMethod", created: "2026-01-01T00:00:00Z"))
        signed["@context"] = .array(contexts)
        let line = signed.canonicalBytes
        #expect(try JSONValue.parsingNotingCanonicalForm(line).canonical != nil)
        let report = verifier.verifyLines(line + [0x0A], file: "in.jsonl", jobs: 1)
        #expect(report.credentials.first?[.signature]?.result == .pass)
    }

    @Test("batch lines in canonical text fail the signature when any value is changed")
    func batchCanonicalTamperEveryLeaf() throws {
        let original = try vectorJSON("vc-signed")
        var lines: [String] = []
        for pointer in leafPointers(of: original) {
            var tampered = original
            try tampered.setValue(altered(try #require(original.value(at: pointer))), at: pointer)
            lines.append(tampered.canonicalString)
        }
        let report = verifier.verifyLines(Array((lines.joined(separator: "\n") + "\n").utf8), file: "in.jsonl", jobs: 2)
        #expect(report.credentials.count == lines.count)
        #expect(report.credentials.allSatisfy { $0[.signature]?.result == .fail })
    }

    @Test("the JSON report has the documented shape")
    func jsonReport() throws {
        let report = VerificationReport(
            checkedAt: fixtureTime, strict: false,
            files: [verifier.verifyDocument(try vector("w3c-signedJCS"), file: "w3c.json")])
        let json = report.jsonValue
        #expect(json["mcredReport"] == 2)
        #expect(json["verdict"] == "fail")
        #expect(json["checkedAt"] == "2026-01-01T00:00:00Z")
        let credential = try #require(json["files"]?[0]?["credentials"]?[0])
        #expect(credential["pointer"] == "")
        #expect(
            credential["checks"]?.arrayValue?.map { $0["check"]?.stringValue ?? "" }
                == ["schema", "profile", "signature", "validity", "trust", "status", "stack", "holder"])
        #expect(json["files"]?[0]?["checks"] == .array([]))
        #expect(json["files"]?[0]?["kind"] == "credential")
        #expect(credential["checks"]?[2]?["result"] == "fail")
        #expect(credential["checks"]?[2]?["pointer"] == "/issuer")
    }
}
