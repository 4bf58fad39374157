import Signing
import Testing

/// `Decodable` mirror of did-method-key `ed25519-x25519.json`: entries keyed by DID.
struct DIDKeyVector: CustomTestStringConvertible, Sendable {
    let did: String
    let seed: String
    let verificationKeyID: String
    /// base58btc of the raw key (Ed25519VerificationKey2018); absent in the JsonWebKey2020 entry.
    let publicKeyBase58: String?
    var testDescription: String { did }

    private struct Entry: Decodable {
        struct KeyPair: Decodable {
            let id: String
            let publicKeyBase58: String?
        }
        let seed: String
        let verificationKeyPair: KeyPair
    }

    static func load() throws -> [DIDKeyVector] {
        let entries = try Vectors.load([String: Entry].self, "ed25519-x25519.json", in: "did-key-ed25519")
        return entries.map { did, entry in
            DIDKeyVector(
                did: did, seed: entry.seed, verificationKeyID: entry.verificationKeyPair.id,
                publicKeyBase58: entry.verificationKeyPair.publicKeyBase58
            )
        }.sorted { $0.seed < $1.seed }
    }
}

/// `Decodable` mirror of vc-di-eddsa `keyPair.json`.
struct MultibaseKeyPair: Decodable {
    let publicKeyMultibase: String
    let privateKeyMultibase: String
}

/// A malformed did:key or verification method and the code it must throw.
struct BadDIDKey: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let isVerificationMethod: Bool
    let code: SigningError.Code
    var testDescription: String { name }

    static let valid = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
    static let validMultibase = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"

    static let all: [BadDIDKey] = [
        .init(name: "another DID method", text: "did:web:example.com", isVerificationMethod: false, code: .invalidDIDKey),
        .init(name: "no did: scheme", text: validMultibase, isVerificationMethod: false, code: .invalidDIDKey),
        .init(name: "empty", text: "", isVerificationMethod: false, code: .invalidDIDKey),
        .init(name: "a fragment on a bare DID", text: valid + "#" + validMultibase, isVerificationMethod: false, code: .invalidDIDKey),
        .init(name: "not base58btc multibase", text: "did:key:u7QGtpp", isVerificationMethod: false, code: .invalidMultibase),
        .init(name: "a character outside base58btc", text: "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0", isVerificationMethod: false, code: .invalidMultibase),
        .init(name: "X25519 multicodec 0xec01", text: "did:key:" + Multibase.base58btc([0xec, 0x01] + [UInt8](repeating: 9, count: 32)), isVerificationMethod: false, code: .unsupportedMulticodec),
        .init(name: "P-256 multicodec 0x8024", text: "did:key:" + Multibase.base58btc([0x80, 0x24] + [UInt8](repeating: 2, count: 33)), isVerificationMethod: false, code: .unsupportedMulticodec),
        .init(name: "31 key bytes", text: "did:key:" + Multibase.base58btc([0xed, 0x01] + [UInt8](repeating: 9, count: 31)), isVerificationMethod: false, code: .invalidKeyLength),
        .init(name: "33 key bytes", text: "did:key:" + Multibase.base58btc([0xed, 0x01] + [UInt8](repeating: 9, count: 33)), isVerificationMethod: false, code: .invalidKeyLength),
        .init(name: "no multicodec varint", text: "did:key:z", isVerificationMethod: false, code: .invalidDIDKey),
        .init(name: "a small-order key", text: "did:key:" + Multibase.base58btc([0xed, 0x01] + [0x01] + [UInt8](repeating: 0, count: 31)), isVerificationMethod: false, code: .smallOrderPublicKey),
        .init(name: "a non-canonical key", text: "did:key:" + Multibase.base58btc([0xed, 0x01] + [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f]), isVerificationMethod: false, code: .nonCanonicalPublicKey),
        .init(name: "a verification method without fragment", text: valid, isVerificationMethod: true, code: .invalidDIDKey),
        .init(name: "a fragment that is another key", text: valid + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", isVerificationMethod: true, code: .invalidDIDKey),
        .init(name: "an empty fragment", text: valid + "#", isVerificationMethod: true, code: .invalidDIDKey),
        .init(name: "a key-N fragment", text: valid + "#key-1", isVerificationMethod: true, code: .invalidDIDKey),
    ]
}

@Suite("did:key identifiers")
struct DIDKeyTests {
    @Test("a did-method-key seed gives the public key, the DID and its verification method", arguments: try DIDKeyVector.load())
    func vector(vector: DIDKeyVector) throws {
        let key = try Ed25519.PrivateKey(seed: [UInt8](hex: vector.seed))
        if let publicKeyBase58 = vector.publicKeyBase58 {
            #expect(Base58.encode(key.publicKey.rawRepresentation) == publicKeyBase58)
        }
        let didKey = DIDKey(publicKey: key.publicKey)
        #expect(didKey.did == vector.did)
        #expect(didKey.description == vector.did)
        #expect(didKey.publicKeyMultibase.hasPrefix("z6Mk"))
        // The file writes the key's id relative ("#z6Mk…") or, in the JsonWebKey2020 entry, absolute.
        let expectedID = vector.verificationKeyID.hasPrefix("#") ? vector.did + vector.verificationKeyID : vector.verificationKeyID
        #expect(didKey.verificationMethodID == expectedID)
        #expect(didKey.verificationMethodID == vector.did + "#" + didKey.publicKeyMultibase)
        let parsed = try DIDKey(parsing: vector.did)
        #expect(parsed == didKey)
        #expect(parsed.publicKey == key.publicKey)
        #expect(try DIDKey(verificationMethod: didKey.verificationMethodID) == didKey)
    }

    @Test("the did-method-key file holds five Ed25519 did:keys")
    func vectorCount() throws {
        #expect(try DIDKeyVector.load().count == 5)
    }

    @Test("the vc-di-eddsa key pair: the private key's public key is publicKeyMultibase")
    func vcDIEdDSAKeyPair() throws {
        let pair = try Vectors.load(MultibaseKeyPair.self, "keyPair.json", in: "w3c-vc-di-eddsa")
        let privateBytes = try Multibase.decodeBase58btc(pair.privateKeyMultibase)
        // 0x80 0x26 is the varint of multicodec ed25519-priv (0x1300).
        #expect(privateBytes.prefix(2) == [0x80, 0x26])
        let key = try Ed25519.PrivateKey(seed: Array(privateBytes.dropFirst(2)))
        let didKey = DIDKey(publicKey: key.publicKey)
        #expect(didKey.publicKeyMultibase == pair.publicKeyMultibase)
        #expect(try DIDKey(parsing: "did:key:" + pair.publicKeyMultibase).publicKey == key.publicKey)
    }

    @Test("a malformed did:key is refused with the right code", arguments: BadDIDKey.all)
    func bad(input: BadDIDKey) {
        #expect(throws: SigningError(input.code, "")) {
            if input.isVerificationMethod {
                _ = try DIDKey(verificationMethod: input.text)
            } else {
                _ = try DIDKey(parsing: input.text)
            }
        }
    }

    @Test("an X25519 did:key says what it is and what mcred needs")
    func x25519Message() throws {
        let did = "did:key:" + Multibase.base58btc([0xec, 0x01] + [UInt8](repeating: 9, count: 32))
        let error = #expect(throws: SigningError(.unsupportedMulticodec, "")) { try DIDKey(parsing: did) }
        #expect(error?.message == "\"\(did)\": multicodec 0xec01 is X25519, mcred needs an Ed25519 key (0xed01)")
    }
}
