import Foundation
import Signing
import Testing

/// RFC 8032 §7.1 vectors, `Decodable` mirror of `rfc8032-7.1-ed25519.json`.
struct RFC8032File: Decodable {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let secretKey: String
        let publicKey: String
        let message: String
        let signature: String
        var testDescription: String { name }
    }
    let vectors: [Vector]

    static func load() throws -> [Vector] {
        try Vectors.load(RFC8032File.self, "rfc8032-7.1-ed25519.json", in: "ed25519-rfc8032").vectors
    }
}

@Suite("Ed25519 keys, signing and verification")
struct Ed25519Tests {
    @Test("the RFC 8032 §7.1 file holds its five vectors")
    func rfc8032Count() throws {
        #expect(try RFC8032File.load().map(\.name) == ["TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"])
    }

    @Test("an RFC 8032 §7.1 seed gives its public key, its signature, and the signature verifies", arguments: try RFC8032File.load())
    func rfc8032(vector: RFC8032File.Vector) throws {
        let key = try Ed25519.PrivateKey(seed: [UInt8](hex: vector.secretKey))
        #expect(key.seed.hex == vector.secretKey)
        #expect(key.publicKey.rawRepresentation.hex == vector.publicKey)
        let message = [UInt8](hex: vector.message)
        let signature = try key.signature(for: message)
        #expect(signature.hex == vector.signature)
        let publicKey = try Ed25519.PublicKey(rawRepresentation: [UInt8](hex: vector.publicKey))
        #expect(publicKey == key.publicKey)
        #expect(try publicKey.isValidSignature(signature, for: message))
        var tampered = message
        tampered.append(0)
        #expect(try !publicKey.isValidSignature(signature, for: tampered))
    }

    @Test("a generated key signs and verifies, also the empty message")
    func generated() throws {
        let key = try Ed25519.PrivateKey()
        let other = try Ed25519.PrivateKey()
        #expect(key.seed.count == 32)
        #expect(key.seed != other.seed)
        for message in [[], Array("a credential".utf8)] as [[UInt8]] {
            let signature = try key.signature(for: message)
            #expect(signature.count == 64)
            #expect(try key.publicKey.isValidSignature(signature, for: message))
            #expect(try !other.publicKey.isValidSignature(signature, for: message))
        }
    }

    @Test("a signature that is not exactly 64 bytes is invalid", arguments: [0, 63, 65, 128])
    func signatureLength(length: Int) throws {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
        let message = Array("hello".utf8)
        let signature = try key.signature(for: message)
        let resized = Array((signature + signature).prefix(length))
        #expect(try !key.publicKey.isValidSignature(resized, for: message))
    }

    @Test("a seed or public key that is not 32 bytes is refused", arguments: [0, 31, 33, 64])
    func keyLength(length: Int) {
        let bytes = [UInt8](repeating: 9, count: length)
        #expect(throws: SigningError(.invalidKeyLength, "")) { try Ed25519.PrivateKey(seed: bytes) }
        #expect(throws: SigningError(.invalidKeyLength, "")) { try Ed25519.PublicKey(rawRepresentation: bytes) }
    }

    @Test("the private key PEM is the PKCS#8 that openssl genpkey writes (RFC 8410 §7)")
    func privateKeyPEMFormat() throws {
        let seed = [UInt8](hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let key = try Ed25519.PrivateKey(seed: seed)
        // PrivateKeyInfo { version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
        let der = [UInt8](hex: "302e020100300506032b657004220420") + seed
        let expected = "-----BEGIN PRIVATE KEY-----\n" + Data(der).base64EncodedString() + "\n-----END PRIVATE KEY-----\n"
        #expect(key.pemRepresentation == expected)
        let publicDER = [UInt8](hex: "302a300506032b6570032100") + key.publicKey.rawRepresentation
        let expectedPublic = "-----BEGIN PUBLIC KEY-----\n" + Data(publicDER).base64EncodedString() + "\n-----END PUBLIC KEY-----\n"
        #expect(key.publicKey.pemRepresentation == expectedPublic)
    }

    @Test("private and public key PEM round-trip")
    func pemRoundTrip() throws {
        let key = try Ed25519.PrivateKey()
        let read = try Ed25519.PrivateKey(pemRepresentation: key.pemRepresentation)
        #expect(read.seed == key.seed)
        #expect(read.publicKey == key.publicKey)
        #expect(try Ed25519.PublicKey(pemRepresentation: key.publicKey.pemRepresentation) == key.publicKey)
    }

    @Test("PEM text of the wrong kind is refused and the message says what was found")
    func wrongPEM() throws {
        let key = try Ed25519.PrivateKey()
        let fromPublic = #expect(throws: SigningError(.invalidPEM, "")) {
            try Ed25519.PrivateKey(pemRepresentation: key.publicKey.pemRepresentation)
        }
        #expect(fromPublic?.message == "not an Ed25519 PKCS#8 PEM private key (found \"-----BEGIN PUBLIC KEY-----\")")
        let fromPrivate = #expect(throws: SigningError(.invalidPEM, "")) {
            try Ed25519.PublicKey(pemRepresentation: key.pemRepresentation)
        }
        #expect(fromPrivate?.message == "not an Ed25519 SPKI PEM public key (found \"-----BEGIN PRIVATE KEY-----\")")
        let garbage = #expect(throws: SigningError(.invalidPEM, "")) {
            try Ed25519.PrivateKey(pemRepresentation: "hello")
        }
        #expect(garbage?.message.contains("no \"-----BEGIN\" line") == true)
        #expect(throws: SigningError(.invalidPEM, "")) { try Ed25519.PrivateKey(pemRepresentation: "") }
        let corrupt = key.pemRepresentation.replacingOccurrences(of: "MC4CAQAw", with: "MC4CAQA!")
        #expect(throws: SigningError(.invalidPEM, "")) { try Ed25519.PrivateKey(pemRepresentation: corrupt) }
    }

    @Test("a public key PEM holding a small-order point is refused")
    func smallOrderPEM() throws {
        let der = [UInt8](hex: "302a300506032b6570032100") + [UInt8](repeating: 0, count: 32)
        let pem = "-----BEGIN PUBLIC KEY-----\n" + Data(der).base64EncodedString() + "\n-----END PUBLIC KEY-----\n"
        #expect(throws: SigningError(.smallOrderPublicKey, "")) { try Ed25519.PublicKey(pemRepresentation: pem) }
    }
}
