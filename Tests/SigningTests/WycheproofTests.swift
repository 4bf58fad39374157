import Signing
import Testing

/// `Decodable` mirror of Wycheproof `ed25519_test.json` (schema `eddsa_verify_schema_v1.json`).
struct WycheproofFile: Decodable {
    struct Group: Decodable {
        struct Key: Decodable { let pk: String }
        let publicKey: Key
        let tests: [Test]
    }
    struct Test: Decodable {
        let tcId: Int
        let comment: String
        let msg: String
        let sig: String
        let result: String
        let flags: [String]
    }
    /// One test with its group's public key.
    struct Case: CustomTestStringConvertible, Sendable {
        let tcId: Int
        let comment: String
        let publicKey: String
        let message: String
        let signature: String
        let isValid: Bool
        var testDescription: String { "tcId \(tcId) (\(comment.isEmpty ? "no comment" : comment))" }
    }
    let numberOfTests: Int
    let testGroups: [Group]

    static func cases() throws -> [Case] {
        let file = try Vectors.load(WycheproofFile.self, "ed25519_test.json", in: "ed25519-wycheproof")
        return file.testGroups.flatMap { group in
            group.tests.map { test in
                Case(
                    tcId: test.tcId, comment: test.comment, publicKey: group.publicKey.pk,
                    message: test.msg, signature: test.sig, isValid: test.result == "valid"
                )
            }
        }
    }
}

@Suite("Wycheproof Ed25519 verification")
struct WycheproofTests {
    @Test("the file has 151 cases: 88 valid and 63 invalid")
    func counts() throws {
        let file = try Vectors.load(WycheproofFile.self, "ed25519_test.json", in: "ed25519-wycheproof")
        let tests = file.testGroups.flatMap(\.tests)
        #expect(file.numberOfTests == 151)
        #expect(tests.count == 151)
        #expect(tests.filter { $0.result == "valid" }.count == 88)
        #expect(tests.filter { $0.result == "invalid" }.count == 63)
        #expect(tests.allSatisfy { $0.result == "valid" || $0.result == "invalid" })
    }

    @Test("each case gets its expected verdict", arguments: try WycheproofFile.cases())
    func verdict(testCase: WycheproofFile.Case) throws {
        // No Wycheproof key is small-order or non-canonical, so every key loads.
        let key = try Ed25519.PublicKey(rawRepresentation: [UInt8](hex: testCase.publicKey))
        let isValid = try key.isValidSignature([UInt8](hex: testCase.signature), for: [UInt8](hex: testCase.message))
        #expect(isValid == testCase.isValid)
    }
}
