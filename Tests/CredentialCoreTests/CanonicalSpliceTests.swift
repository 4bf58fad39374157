import Testing
@testable import CredentialCore

@Suite("CanonicalSplice")
struct CanonicalSpliceTests {
    static let objects: [JSONValue] = [
        [:],
        ["proof": 1],
        ["a": 1],
        ["z": 1],
        ["a": 1, "z": [true, nil]],
        ["@context": ["x"], "id": "urn:1", "type": ["VerifiableCredential"], "validFrom": "2026", "proof": ["old": 1]],
        ["proofs": 1, "proo": 2, "Proof": 3, "é": 4, "\u{1F600}": 5, "\u{FB01}": 6, "pro\u{00F6}f": 7],
    ]

    @Test("without the key it equals the canonical form of the object minus that member", arguments: objects)
    func withoutKey(_ value: JSONValue) throws {
        var object = try #require(value.objectValue)
        let splice = try CanonicalSplice(object, around: "proof")
        object.removeValue(forKey: "proof")
        #expect(splice.withoutKey == JSONValue.object(object).canonicalBytes)
    }

    @Test("with a value it equals the canonical form of the object with that member", arguments: objects)
    func withValue(_ value: JSONValue) throws {
        var object = try #require(value.objectValue)
        let splice = try CanonicalSplice(object, around: "proof")
        let proof: JSONValue = ["type": "DataIntegrityProof", "n": 1.5]
        object["proof"] = proof
        #expect(splice.with(canonicalValue: proof.canonicalBytes) == JSONValue.object(object).canonicalBytes)
    }

    @Test("a non-finite number is refused with its pointer")
    func nonFinite() throws {
        let object: JSONObject = ["a": ["b": .number(.infinity)]]
        #expect(throws: CredentialError(.invalidValue, "")) { try CanonicalSplice(object, around: "proof") }
        do {
            _ = try CanonicalSplice(object, around: "proof")
        } catch {
            #expect(error.pointer == "/a/b")
        }
    }
}
