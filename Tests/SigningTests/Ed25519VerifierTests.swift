import CredentialCore
@testable import Signing
import Testing

@Suite("Ed25519.Verifier: prepared keys and \"could not check\"")
struct Ed25519VerifierTests {
    static let key: Ed25519.PrivateKey? = try? Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
    static let message = Array("a credential's hash data".utf8)

    @Test("a prepared verifier gives the one-shot verdicts, call after call")
    func sameVerdicts() throws {
        let key = try #require(Self.key)
        let other = try Ed25519.PrivateKey(seed: [UInt8](repeating: 8, count: 32))
        let signature = try key.signature(for: Self.message)
        let verifier = try Ed25519.Verifier(publicKey: key.publicKey)
        #expect(verifier.publicKey == key.publicKey)
        for _ in 0 ..< 3 {
            #expect(try verifier.isValidSignature(signature, for: Self.message))
            #expect(try !verifier.isValidSignature(signature, for: Self.message + [0]))
            #expect(try !verifier.isValidSignature(try other.signature(for: Self.message), for: Self.message))
            #expect(try !verifier.isValidSignature(Array(signature.prefix(63)), for: Self.message))
        }
    }

    @Test("an empty message verifies with a prepared key (RFC 8032 §7.1 TEST 1 signs zero bytes)")
    func emptyMessage() throws {
        let key = try #require(Self.key)
        let verifier = try Ed25519.Verifier(publicKey: key.publicKey)
        #expect(try verifier.isValidSignature(try key.signature(for: []), for: []))
    }

    @Test("an OpenSSL failure inside verification throws openSSLFailure; it is not reported as an invalid signature")
    func openSSLFailureThrows() throws {
        let key = try #require(Self.key)
        let signature = try key.signature(for: Self.message)
        // An X25519 key object cannot verify: EVP_DigestVerifyInit fails inside OpenSSL.
        let broken = Ed25519.Verifier(
            publicKey: key.publicKey, keyObject: try OpenSSLKey.x25519PublicKey(key.publicKey.rawRepresentation))
        let error = try #require(throws: SigningError.self) {
            try broken.isValidSignature(signature, for: Self.message)
        }
        #expect(error.code == .openSSLFailure)
        #expect(error.message.contains("EVP_DigestVerifyInit"))
        // The failure leaves nothing queued that a later check on this thread could mistake for its own.
        #expect(try Ed25519.Verifier(publicKey: key.publicKey).isValidSignature(signature, for: Self.message))
    }

    @Test("one prepared verifier is shared by concurrent tasks")
    func concurrentUse() async throws {
        let key = try #require(Self.key)
        let signature = try key.signature(for: Self.message)
        let verifier = try Ed25519.Verifier(publicKey: key.publicKey)
        let verdicts = await withTaskGroup(of: Bool.self) { group in
            for index in 0 ..< 64 {
                group.addTask {
                    let message = index.isMultiple(of: 2) ? Self.message : Self.message + [UInt8(index)]
                    return (try? verifier.isValidSignature(signature, for: message)) == index.isMultiple(of: 2)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(verdicts.count == 64)
        #expect(verdicts.allSatisfy { $0 })
    }

    @Test("a prepared key object gives each RFC 8032 signature and verdict, call after call, on re-initialised contexts",
          arguments: try RFC8032File.load())
    func reusedContexts(vector: RFC8032File.Vector) throws {
        let seed = [UInt8](hex: vector.secretKey)
        let publicKey = [UInt8](hex: vector.publicKey)
        let message = [UInt8](hex: vector.message)
        let signing = try OpenSSLKey.ed25519KeyPair(seed: seed, publicKey: publicKey)
        let verifier = try Ed25519.Verifier(publicKey: try Ed25519.PublicKey(rawRepresentation: publicKey))
        // The first call initialises a context; the next ones reset and reuse it, also after a
        // signature that does not verify.
        for _ in 0 ..< 3 {
            let signature = try OpenSSLBackend.ed25519Sign(message, key: signing)
            #expect(signature.hex == vector.signature)
            #expect(try verifier.isValidSignature(signature, for: message))
            #expect(try !verifier.isValidSignature(signature, for: message + [0]))
        }
    }

    @Test("a prepared signer keeps its OpenSSL key object and signs as the key does")
    func preparedSigner() throws {
        let key = try #require(Self.key)
        let signer = EddsaJcs2022.Signer(key: key)
        let keyObject = try #require(signer.keyObject)
        #expect(try OpenSSLBackend.ed25519Sign(Self.message, key: keyObject) == key.signature(for: Self.message))
    }
}

@Suite("EddsaJcs2022.Verifier")
struct EddsaJcs2022VerifierTests {
    /// The W3C vector's document, signed again by a key made from `seed`.
    static func signed(seed: UInt8) throws -> (document: JSONValue, key: Ed25519.PrivateKey) {
        let vector = try JCSVectors.w3c()
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: seed, count: 32))
        return (try EddsaJcs2022.sign(vector.unsigned, with: key, options: vector.options), key)
    }

    @Test("verdicts equal the one-shot verify for valid, altered and malformed proofs")
    func sameVerdicts() throws {
        let verifier = EddsaJcs2022.Verifier()
        let valid = try JCSVectors.w3c().signed
        var altered = valid
        altered["credentialSubject"]?["alumniOf"] = "Another University"
        var malformed = valid
        malformed["proof"]?["proofValue"] = "z0OIl"
        for document in [valid, altered, malformed] {
            let prepared = try verifier.verify(document)
            let oneShot = try EddsaJcs2022.verify(document)
            #expect(prepared.isVerified == oneShot.isVerified)
            if case .failed(let preparedFailure) = prepared, case .failed(let oneShotFailure) = oneShot {
                #expect(preparedFailure == oneShotFailure)
            }
        }
        #expect(try verifier.verify(valid).isVerified)
        #expect(try !verifier.verify(altered).isVerified)
    }

    @Test("each signing key is prepared once and reused for the next proofs")
    func keysPreparedOnce() throws {
        let verifier = EddsaJcs2022.Verifier()
        let first = try Self.signed(seed: 1)
        let second = try Self.signed(seed: 2)
        #expect(verifier.keys.count == 0)
        for _ in 0 ..< 3 { #expect(try verifier.verify(first.document).isVerified) }
        #expect(verifier.keys.count == 1)
        #expect(try verifier.verify(second.document).isVerified)
        #expect(verifier.keys.count == 2)
        // Copies share the prepared keys.
        let copy = verifier
        #expect(try copy.verify(first.document).isVerified)
        #expect(copy.keys.count == 2)
    }

    @Test("the cache never holds more keys than its capacity, and capacity 0 holds none")
    func capacity() throws {
        let one = EddsaJcs2022.Verifier(cacheCapacity: 1)
        let none = EddsaJcs2022.Verifier(cacheCapacity: 0)
        for seed in [UInt8(1), 2, 3, 1] {
            let document = try Self.signed(seed: seed).document
            #expect(try one.verify(document).isVerified)
            #expect(try none.verify(document).isVerified)
            #expect(one.keys.count == 1)
            #expect(none.keys.count == 0)
        }
    }

    @Test("a verification method is kept by its bytes: a canonically equivalent spelling is refused, cached or not")
    func methodCacheComparesBytes() throws {
        // A seed whose did:key holds an uppercase K, which U+212A KELVIN SIGN is canonically equivalent to.
        let did = try #require((1 ... 64).lazy.compactMap { seed in
            (try? Ed25519.PrivateKey(seed: [UInt8](repeating: UInt8(seed), count: 32))).map { DIDKey(publicKey: $0.publicKey) }
        }.first { $0.publicKeyMultibase.contains("K") })
        let method = did.verificationMethodID
        let kelvin = did.did + "#" + String(did.publicKeyMultibase.map { $0 == "K" ? "\u{212A}" : $0 })
        #expect(kelvin == method)  // equal as Swift strings, not as bytes
        let error = try #require(throws: SigningError.self) { try DIDKey(verificationMethod: kelvin) }
        #expect(error.code == .invalidDIDKey)
        let verifier = EddsaJcs2022.Verifier(cacheCapacity: 4)
        #expect(try verifier.keys.didKey(forMethod: method) == did)
        #expect(throws: SigningError.self) { try verifier.keys.didKey(forMethod: kelvin) }
        #expect(try verifier.keys.didKey(forMethod: method) == did)
    }

    @Test("an OpenSSL failure while checking the signature throws instead of failing the proof")
    func openSSLFailureThrows() throws {
        let (document, key) = try Self.signed(seed: 5)
        let verifier = EddsaJcs2022.Verifier()
        // The issuer's key, prepared as a key object OpenSSL cannot verify with (X25519).
        verifier.keys.insert(Ed25519.Verifier(
            publicKey: key.publicKey, keyObject: try OpenSSLKey.x25519PublicKey(key.publicKey.rawRepresentation)))
        let error = try #require(throws: SigningError.self) { try verifier.verify(document) }
        #expect(error.code == .openSSLFailure)
        // A proof that is malformed is still a verdict: it fails before any OpenSSL call.
        var malformed = document
        malformed["proof"]?["proofValue"] = "not multibase"
        guard case .failed(let failure) = try verifier.verify(malformed) else {
            Issue.record("a malformed proof verified")
            return
        }
        #expect(failure.kind == .malformed)
        // The one-shot path prepares its own key object and verifies.
        #expect(try EddsaJcs2022.verify(document).isVerified)
    }

    @Test("one verifier checks proofs from concurrent tasks")
    func concurrentUse() async throws {
        let verifier = EddsaJcs2022.Verifier(cacheCapacity: 2)
        let documents = try [1, 2, 3].map { try Self.signed(seed: UInt8($0)).document }
        let verdicts = await withTaskGroup(of: Bool.self) { group in
            for index in 0 ..< 48 {
                group.addTask { (try? verifier.verify(documents[index % 3]))?.isVerified == true }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(verdicts.count == 48)
        #expect(verdicts.allSatisfy { $0 })
        #expect(verifier.keys.count <= 2)
    }
}
