import CredentialCore
import Foundation
import Issuer
import Signing
import Testing
import Verifier

@Suite("README library example")
struct ReadmeExampleTests {
    @Test("the Swift example of the README signs and verifies a bundled template")
    func readmeExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let key = try KeyFile.readPrivateKey(at: root.appendingPathComponent("keys-example/issuer.key").path)
        let issuer = try CredentialIssuer(key: key)
        let template = try JSONValue(parsing: FileIO.read(root.appendingPathComponent("spec/examples/construction.json").path))
        let signed = try issuer.issue(template)
        let report = CredentialVerifier().verify(signed)
        #expect(report.passes(strict: false))
        #expect(report[.signature]?.message.hasPrefix("eddsa-jcs-2022 proof by the issuer's key") == true)
        #expect(try JSONValue(parsing: signed.prettyPrinted()) == signed)
    }
}
