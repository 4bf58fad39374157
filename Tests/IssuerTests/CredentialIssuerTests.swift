import CredentialCore
import Foundation
import Signing
import Testing
import Verifier
@testable import Issuer

@Suite("CredentialIssuer")
struct CredentialIssuerTests {
    let key: Ed25519.PrivateKey
    let issuer: CredentialIssuer
    let issuedAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    init() throws {
        key = try Ed25519.PrivateKey(seed: testSeed)
        issuer = try CredentialIssuer(key: key)
    }

    @Test("issuing fills issuer id, id, validFrom and name, then signs with the issuer's key")
    func fillsAndSigns() throws {
        let signed = try issuer.issue(microCredentialTemplate(), issuedAt: issuedAt)
        #expect(signed["issuer"]?["id"]?.stringValue == issuer.issuerDID.did)
        #expect(signed["issuer"]?.objectValue?.keys.first == "id")
        let id = try #require(signed["id"]?.stringValue)
        #expect(id.hasPrefix("urn:uuid:"))
        #expect(id.count == 45)
        #expect(Array(id)[23] == "4")
        #expect(signed["validFrom"] == .string(XSDDateTime.format(issuedAt)))
        #expect(signed["name"] == "Energy-efficient retrofitting")
        #expect(signed["proof"]?["proofPurpose"] == "assertionMethod")
        #expect(signed["proof"]?["verificationMethod"]?.stringValue == issuer.issuerDID.verificationMethodID)
        let report = CredentialVerifier(at: issuedAt).verify(signed)
        #expect(report.checks.allSatisfy { $0.result != .fail }, "\(report.checks)")
        #expect(report[.profile]?.result == .pass)
        #expect(report[.signature]?.result == .pass)
    }

    @Test("two issues of the same template get different ids")
    func distinctIDs() throws {
        let first = try issuer.issue(microCredentialTemplate(), issuedAt: issuedAt)
        let second = try issuer.issue(microCredentialTemplate(), issuedAt: issuedAt)
        #expect(first["id"] != second["id"])
    }

    @Test("values the template gives are kept")
    func keepsTemplateValues() throws {
        var template = microCredentialTemplate()
        template["id"] = "urn:uuid:11111111-2222-4333-8444-555555555555"
        template["validFrom"] = "2026-03-01T09:00:00Z"
        template["name"] = "Retrofit micro-credential"
        let signed = try issuer.issue(template, issuedAt: issuedAt)
        #expect(signed["id"] == "urn:uuid:11111111-2222-4333-8444-555555555555")
        #expect(signed["validFrom"] == "2026-03-01T09:00:00Z")
        #expect(signed["name"] == "Retrofit micro-credential")
    }

    @Test("validUntil from the option is written into the credential")
    func validUntilOption() throws {
        let limited = try CredentialIssuer(key: key, validUntil: "2031-06-30T23:59:59Z")
        let signed = try limited.issue(microCredentialTemplate(), issuedAt: issuedAt)
        #expect(signed["validUntil"] == "2031-06-30T23:59:59Z")
        #expect(throws: IssuerError(.invalidOption, "")) { try CredentialIssuer(key: key, validUntil: "next year") }
    }

    @Test("a micro-credential missing Annex I elements is refused, naming each one")
    func refusesIncomplete() throws {
        var template = microCredentialTemplate()
        template["credentialSubject"]?["achievement"]?["eqfLevel"] = nil
        template["credentialSubject"]?["achievement"]?["participationForm"] = nil
        template["issuer"]?["address"] = nil
        do {
            _ = try issuer.issue(template, issuedAt: issuedAt)
            Issue.record("an incomplete micro-credential was signed")
        } catch {
            #expect(error.code == .incomplete)
            #expect(Set(error.problems.map(\.pointer.description)) == [
                "/credentialSubject/achievement/eqfLevel",
                "/credentialSubject/achievement/participationForm",
                "/issuer/address/addressCountryCode",
            ])
        }
        let lenient = try CredentialIssuer(key: key, allowIncomplete: true)
        let signed = try lenient.issue(template, issuedAt: issuedAt)
        let report = CredentialVerifier(at: issuedAt).verify(signed)
        #expect(report[.signature]?.result == .pass)
        #expect(report[.profile]?.result == .fail)
    }

    @Test("a template that names another issuer key or carries a proof is refused")
    func refusesContradictions() throws {
        var other = microCredentialTemplate()
        other["issuer"]?["id"] = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT"
        #expect(throws: IssuerError(.invalidTemplate, "")) { try issuer.issue(other, issuedAt: issuedAt) }
        let signed = try issuer.issue(microCredentialTemplate(), issuedAt: issuedAt)
        #expect(throws: IssuerError(.invalidTemplate, "")) { try issuer.issue(signed, issuedAt: issuedAt) }
        #expect(throws: IssuerError(.invalidTemplate, "")) { try issuer.issue([1, 2], issuedAt: issuedAt) }
    }

    @Test("a template whose issuer id writes K as U+212A KELVIN SIGN is refused: ids compare by bytes")
    func refusesLookalikeIssuer() throws {
        // RFC 8032 TEST 2's key: its did:key contains a K.
        let seed: [UInt8] = [
            0x4c, 0xcd, 0x08, 0x9b, 0x28, 0xff, 0x96, 0xda, 0x9d, 0xb6, 0xc3, 0x46, 0xec, 0x11, 0x4e, 0x0f,
            0x5b, 0x8a, 0x31, 0x9f, 0x35, 0xab, 0xa6, 0x24, 0xda, 0x8c, 0xf6, 0xed, 0x4f, 0xb8, 0xa6, 0xfb,
        ]
        let issuer = try CredentialIssuer(key: try Ed25519.PrivateKey(seed: seed))
        let did = issuer.issuerDID.did
        try #require(did.contains("K"), "the test key's did:key must contain a K")
        let lookalike = did.replacingOccurrences(of: "K", with: "\u{212A}")
        for asString in [true, false] {
            var template = microCredentialTemplate()
            if asString { template["issuer"] = .string(lookalike) } else { template["issuer"]?["id"] = .string(lookalike) }
            #expect(throws: IssuerError(.invalidTemplate, "")) { try issuer.issue(template, issuedAt: issuedAt) }
        }
        var genuine = microCredentialTemplate()
        genuine["issuer"]?["id"] = .string(did)
        _ = try issuer.issue(genuine, issuedAt: issuedAt)
    }

    @Test("an achievementType one slip from MicroCredential is refused with did-you-mean, even with allowIncomplete")
    func refusesMisspelledType() throws {
        var template = microCredentialTemplate()
        template["credentialSubject"]?["achievement"]?["achievementType"] = "Microcredential"
        for allowIncomplete in [false, true] {
            let issuer = try CredentialIssuer(key: key, allowIncomplete: allowIncomplete)
            do {
                _ = try issuer.issue(template, issuedAt: issuedAt)
                Issue.record("a misspelled achievementType was signed")
            } catch {
                #expect(error.code == .incomplete)
                #expect(error.message.contains("did you mean MicroCredential?"))
                // The template lacks no other element: no "lacks 0", and the option is named.
                #expect(error.message.contains("--allow-incomplete does not cover a misspelt type"))
                #expect(!error.message.contains("lacks"))
                #expect(error.problems.first?.pointer == "/credentialSubject/achievement/achievementType")
            }
        }
        // A credential that really is something else is signed.
        template["credentialSubject"]?["achievement"]?["achievementType"] = "Course"
        _ = try issuer.issue(template, issuedAt: issuedAt)
    }

    @Test("a template that breaks VC 2.0 structure is refused even with allowIncomplete")
    func refusesInvalidStructure() throws {
        var template = microCredentialTemplate()
        template["@context"] = ["https://example.org/other"]
        let lenient = try CredentialIssuer(key: key, allowIncomplete: true)
        #expect(throws: IssuerError(.invalidCredential, "")) { try lenient.issue(template, issuedAt: issuedAt) }
    }

    @Test("a batch of 10,000 templates issues and verifies in order, with bad lines reported by number")
    func batchOfTenThousand() throws {
        var lines: [String] = []
        for index in 0..<10_000 {
            lines.append(microCredentialTemplate(learner: "Learner \(index)", ects: Double(index % 7)).canonicalString)
        }
        lines.insert("{\"broken\": ", at: 5000)
        lines.insert("", at: 10)
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        let items = issuer.issueBatch(input, jobs: 2, issuedAt: issuedAt)
        #expect(items.count == 10_001)
        let failures = items.filter { if case .failure = $0.result { true } else { false } }
        #expect(failures.map(\.line) == [5002])
        var output: [UInt8] = []
        for item in items {
            if case .success(let bytes) = item.result { output += bytes + [0x0A] }
        }
        let report = CredentialVerifier(at: issuedAt).verifyLines(output, file: "out.jsonl", jobs: 2)
        #expect(report.credentials.count == 10_000)
        #expect(report.credentials.allSatisfy { $0.passes(strict: false) })
        let names = try JSONLines.split(output).map { try JSONValue(parsing: $0.bytes)["credentialSubject"]?["name"]?.stringValue ?? "" }
        #expect(names == (0..<10_000).map { "Learner \($0)" })
    }
}
