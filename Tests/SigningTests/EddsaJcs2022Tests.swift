import CredentialCore
import Foundation
import Testing
@testable import Signing

/// One eddsa-jcs-2022 signing vector with every intermediate value.
struct JCSVector: Sendable, CustomStringConvertible {
    let name: String
    let seed: [UInt8]
    let unsigned: JSONValue
    let options: EddsaJcs2022.ProofOptions
    let canonicalProofConfig: String
    let canonicalDocument: String
    let proofHashHex: String
    let documentHashHex: String
    let hashDataHex: String
    let signatureHex: String
    let proofValue: String
    let signed: JSONValue
    var description: String { name }
}

enum JCSVectors {
    static func text(_ name: String, in folder: String) throws -> String {
        let file = name as NSString
        let url = try #require(Bundle.module.url(
            forResource: file.deletingPathExtension, withExtension: file.pathExtension, subdirectory: "Vectors/" + folder))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func json(_ name: String, in folder: String) throws -> JSONValue {
        try JSONValue(parsing: try text(name, in: folder))
    }

    /// The official W3C vc-di-eddsa vector (issuer key from keyPair.json).
    static func w3c() throws -> JCSVector {
        let folder = "w3c-vc-di-eddsa/eddsa-jcs-2022"
        func trimmed(_ name: String) throws -> String { try text(name, in: folder).trimmingCharacters(in: .whitespacesAndNewlines) }
        let keyPair = try json("keyPair.json", in: "w3c-vc-di-eddsa")
        // privateKeyMultibase = z + base58btc(0x80 0x26 ‖ seed): multicodec ed25519-priv.
        let secret = try Multibase.decodeBase58btc(try #require(keyPair["privateKeyMultibase"]?.stringValue))
        #expect(Array(secret.prefix(2)) == [0x80, 0x26])
        let proofConfig = try json("proofConfigJCS.json", in: folder)
        let combined = try trimmed("combinedHashJCS.txt")
        return JCSVector(
            name: "W3C vc-di-eddsa eddsa-jcs-2022",
            seed: Array(secret.dropFirst(2)),
            unsigned: try json("unsigned.json", in: "w3c-vc-di-eddsa"),
            options: .init(proofPurpose: "assertionMethod", created: proofConfig["created"]?.stringValue),
            canonicalProofConfig: try trimmed("proofCanonJCS.txt"),
            canonicalDocument: try trimmed("canonDocJCS.txt"),
            proofHashHex: try trimmed("proofHashJCS.txt"),
            documentHashHex: try trimmed("docHashJCS.txt"),
            hashDataHex: combined,
            signatureHex: try trimmed("sigHexJCS.txt"),
            proofValue: try trimmed("sigBTC58JCS.txt"),
            signed: try json("signedJCS.json", in: folder))
    }

    /// The generated did:key credential and presentation vectors.
    static func generated(_ kind: String) throws -> JCSVector {
        let folder = "generated-jcs-fixtures"
        let keys = try json("keys.json", in: folder)
        let role = kind == "vc" ? "issuer" : "holder"
        let intermediate = try json("\(kind)-intermediate.json", in: folder)
        let signed = try json("\(kind)-signed.json", in: folder)
        let proof = try #require(signed["proof"])
        func field(_ name: String) throws -> String { try #require(intermediate[name]?.stringValue) }
        return JCSVector(
            name: "generated \(kind)",
            seed: [UInt8](hex: try #require(keys[role]?["seedHex"]?.stringValue)),
            unsigned: try json("\(kind)-unsigned.json", in: folder),
            options: .init(
                proofPurpose: try #require(proof["proofPurpose"]?.stringValue), created: proof["created"]?.stringValue,
                challenge: proof["challenge"]?.stringValue, domain: proof["domain"]?.stringValue),
            canonicalProofConfig: try field("canonicalProofConfig"),
            canonicalDocument: try field("canonicalDocument"),
            proofHashHex: try field("proofConfigHashHex"),
            documentHashHex: try field("documentHashHex"),
            hashDataHex: try field("hashDataHex"),
            signatureHex: try field("signatureHex"),
            proofValue: try field("proofValue"),
            signed: signed)
    }

    static func all() throws -> [JCSVector] { [try w3c(), try generated("vc"), try generated("vp")] }
}

@Suite("eddsa-jcs-2022 cryptosuite")
struct EddsaJcs2022Tests {
    @Test("every intermediate value of each vector is reproduced", arguments: try JCSVectors.all())
    func intermediates(_ vector: JCSVector) throws {
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        let unsigned = try #require(vector.unsigned.objectValue)
        let method = DIDKey(publicKey: key.publicKey).verificationMethodID
        #expect(vector.signed["proof"]?["verificationMethod"]?.stringValue == method)
        // Proof configuration carries the document's @context (vc-di-eddsa §3.3.5).
        let config = EddsaJcs2022.proofConfiguration(options: vector.options, verificationMethod: method, context: unsecuredContext(unsigned))
        #expect(JSONValue.object(config).canonicalString == vector.canonicalProofConfig)
        #expect(JSONValue.object(unsigned).canonicalString == vector.canonicalDocument)
        #expect(SHA256.hash(Array(vector.canonicalProofConfig.utf8)).hex == vector.proofHashHex)
        #expect(SHA256.hash(Array(vector.canonicalDocument.utf8)).hex == vector.documentHashHex)
        let hashData = EddsaJcs2022.hashData(proofConfiguration: config, unsecuredDocument: unsigned)
        #expect(hashData.hex == vector.hashDataHex)
        let signature = try key.signature(for: hashData)
        #expect(signature.hex == vector.signatureHex)
        #expect(Multibase.base58btc(signature) == vector.proofValue)
    }

    func unsecuredContext(_ document: JSONObject) -> JSONValue? { document["@context"] }

    @Test("signing the unsigned document gives exactly the signed vector", arguments: try JCSVectors.all())
    func signReproduces(_ vector: JCSVector) throws {
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        let signed = try EddsaJcs2022.sign(vector.unsigned, with: key, options: vector.options)
        #expect(signed == vector.signed)
    }

    @Test("the spliced canonical form of a signed document equals serialising it again", arguments: try JCSVectors.all())
    func splicedCanonicalForm(_ vector: JCSVector) throws {
        let signer = EddsaJcs2022.Signer(key: try Ed25519.PrivateKey(seed: vector.seed))
        let result = try signer.signWithCanonicalForm(vector.unsigned, options: vector.options)
        #expect(result.canonical == result.signed.canonicalBytes)
        #expect(result.canonical == vector.signed.canonicalBytes)
    }

    @Test("each signed vector verifies and names its key", arguments: try JCSVectors.all())
    func verifies(_ vector: JCSVector) throws {
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        guard case .verified(let signer, _) = try EddsaJcs2022.verify(vector.signed) else {
            Issue.record("\(vector.name) did not verify")
            return
        }
        #expect(signer.publicKey == key.publicKey)
    }

    static let malformed: [(field: String, value: JSONValue?, pointer: String, kind: EddsaJcs2022.Failure.Kind)] = [
        ("proofValue", nil, "/proof/proofValue", .malformed),
        ("proofValue", "u2HnFSSPP", "/proof/proofValue", .malformed),
        ("proofValue", "z2HnFSSPP", "/proof/proofValue", .malformed),
        ("proofValue", "z0OIl", "/proof/proofValue", .malformed),
        ("type", "Ed25519Signature2020", "/proof/type", .malformed),
        ("cryptosuite", "eddsa-rdfc-2022", "/proof/cryptosuite", .malformed),
        ("verificationMethod", nil, "/proof/verificationMethod", .malformed),
        ("verificationMethod", "https://vc.example/keys/1", "/proof/verificationMethod", .malformed),
        ("created", "yesterday", "/proof/created", .malformed),
        ("@context", ["https://www.w3.org/ns/credentials/examples/v2"], "/proof/@context", .invalidSignature),
        ("proofPurpose", "authentication", "/proof/proofValue", .invalidSignature),
    ]

    @Test("a malformed or altered proof fails with the field it concerns", arguments: malformed)
    func malformedProof(_ testCase: (field: String, value: JSONValue?, pointer: String, kind: EddsaJcs2022.Failure.Kind)) throws {
        var document = try JCSVectors.w3c().signed
        document["proof"]?[testCase.field] = testCase.value
        guard case .failed(let failure) = try EddsaJcs2022.verify(document) else {
            Issue.record("verified despite \(testCase.field) = \(String(describing: testCase.value))")
            return
        }
        #expect(failure.pointer == JSONPointer(stringLiteral: testCase.pointer))
        #expect(failure.kind == testCase.kind)
    }

    @Test("a proof whose @context is a prefix of the document's still verifies (vc-di-eddsa §3.3.2 step 4)")
    func contextPrefix() throws {
        let vector = try JCSVectors.w3c()
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        let signed = try EddsaJcs2022.sign(vector.unsigned, with: key, options: vector.options)
        var extended = signed
        extended["@context"] = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2", "https://w3id.org/mcred/v1"]
        #expect(try EddsaJcs2022.verify(extended).isVerified)
        var reordered = signed
        reordered["@context"] = ["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]
        #expect(try !EddsaJcs2022.verify(reordered).isVerified)
    }

    @Test("sign refuses a document that is not an object or already has a proof")
    func signRefuses() throws {
        let vector = try JCSVectors.w3c()
        let key = try Ed25519.PrivateKey(seed: vector.seed)
        #expect(throws: SigningError(.invalidDocument, "")) { try EddsaJcs2022.sign([1], with: key, options: vector.options) }
        #expect(throws: SigningError(.invalidDocument, "")) { try EddsaJcs2022.sign(vector.signed, with: key, options: vector.options) }
    }

    @Test("a proof set of one verifies; larger sets are refused as unsupported")
    func proofSets() throws {
        var document = try JCSVectors.w3c().signed
        let proof = try #require(document["proof"])
        document["proof"] = [proof]
        #expect(try EddsaJcs2022.verify(document).isVerified)
        document["proof"] = [proof, proof]
        #expect(try !EddsaJcs2022.verify(document).isVerified)
    }
}
