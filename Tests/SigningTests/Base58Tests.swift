import CredentialCore
import Signing
import Testing

/// A byte string and its base58btc text.
struct Base58Example: CustomTestStringConvertible, Sendable {
    let bytes: [UInt8]
    let text: String
    var testDescription: String { "\"\(text)\"" }

    /// Examples from draft-msporny-base58 §5 plus edge cases.
    static let all: [Base58Example] = [
        .init(bytes: [], text: ""),
        .init(bytes: [0], text: "1"),
        .init(bytes: [0, 0, 0], text: "111"),
        .init(bytes: [57], text: "z"),
        .init(bytes: [58], text: "21"),
        .init(bytes: [0xff], text: "5Q"),
        .init(bytes: Array("Hello World!".utf8), text: "2NEpo7TZRRrLZSi2U"),
        .init(
            bytes: Array("The quick brown fox jumps over the lazy dog.".utf8),
            text: "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"
        ),
        .init(bytes: [0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd], text: "11233QC4"),
    ]
}

@Suite("Base58 and multibase base58btc")
struct Base58Tests {
    @Test("known values encode and decode", arguments: Base58Example.all)
    func known(example: Base58Example) {
        #expect(Base58.encode(example.bytes) == example.text)
        #expect(Base58.decode(example.text) == example.bytes)
    }

    @Test("random bytes with leading zeros round-trip")
    func roundTrip() throws {
        for length in 0 ..< 80 {
            for zeros in [0, 1, 3] {
                let bytes = [UInt8](repeating: 0, count: zeros) + (try SecureRandom.bytes(count: length))
                let text = Base58.encode(bytes)
                #expect(text.prefix { $0 == "1" }.count >= zeros)
                #expect(Base58.decode(text) == bytes)
            }
        }
    }

    @Test("characters outside the bitcoin alphabet are refused", arguments: ["0", "O", "I", "l", "+", "/", " ", "é", "2NEpo7TZRRrLZSi2U\n"])
    func badCharacters(text: String) {
        #expect(Base58.decode(text) == nil)
        #expect(Base58.decode("2N" + text) == nil)
    }

    @Test("multibase base58btc is z + base58 and decoding checks the prefix")
    func multibase() throws {
        #expect(Multibase.base58btc(Array("Hello World!".utf8)) == "z2NEpo7TZRRrLZSi2U")
        #expect(try Multibase.decodeBase58btc("z2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
        #expect(try Multibase.decodeBase58btc("z") == [])
        for bad in ["", "2NEpo7TZRRrLZSi2U", "f48656c6c6f", "z0", "zO"] {
            #expect(throws: SigningError(.invalidMultibase, "")) { try Multibase.decodeBase58btc(bad) }
        }
        let error = #expect(throws: SigningError.self) { try Multibase.decodeBase58btc("z2NEp0") }
        #expect(error?.message.contains("\"0\" is not in the base58btc alphabet") == true)
    }
}

@Suite("Base58 against a digit-at-a-time reference")
struct Base58ReferenceTests {
    /// The textbook conversion, one base-58 digit at a time (draft-msporny-base58 §3).
    static func reference(_ bytes: [UInt8]) -> String {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [Int] = []
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for index in digits.indices {
                carry += digits[index] * 256
                digits[index] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        return String(repeating: "1", count: zeros) + String(digits.reversed().map { alphabet[$0] })
    }

    @Test("random inputs of every length up to 100 bytes, with and without leading zeros, match and round-trip")
    func randomInputs() {
        var generator = SystemRandomNumberGenerator()
        for length in 0 ... 100 {
            for leading in [0, 1, 3] where leading <= length {
                var bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
                for index in 0 ..< leading { bytes[index] = 0 }
                if leading < length && bytes[leading] == 0 { bytes[leading] = 1 }
                let text = Base58.encode(bytes)
                #expect(text == Self.reference(bytes), "\(bytes)")
                #expect(Base58.decode(text) == bytes)
            }
        }
        #expect(Base58.encode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == Self.reference([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]))
    }

    @Test("a multibase value longer than the bytes accepted is refused by its length, before decoding")
    func lengthBound() throws {
        // 4096 bytes, leading zeros included, still decode under the default bound.
        var bytes = [UInt8](repeating: 0, count: 8) + (0 ..< 4088).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(try Multibase.decodeBase58btc(Multibase.base58btc(bytes)) == bytes)
        bytes = [UInt8](repeating: 0xFF, count: Multibase.maxDecodedBytes)
        #expect(try Multibase.decodeBase58btc(Multibase.base58btc(bytes)) == bytes)
        // A megabyte of base58 (which took minutes to decode) is refused at once, naming its length.
        let huge = "z" + String(repeating: "2", count: 1_048_000)
        let error = #expect(throws: SigningError.self) { try Multibase.decodeBase58btc(huge) }
        #expect(error?.code == .invalidMultibase)
        #expect(error?.message.contains("is 1048001 characters long") == true)
        // A caller's own bound: a 64-byte signature.
        let signature = Multibase.base58btc([UInt8](repeating: 0xAB, count: 64))
        #expect(try Multibase.decodeBase58btc(signature, maxBytes: 64).count == 64)
        #expect(throws: SigningError.self) { try Multibase.decodeBase58btc(signature + String(repeating: "2", count: 60), maxBytes: 64) }
    }

    @Test("each reader bounds what it decodes: a did:key to 1,024 bytes, a digest to 256, a proofValue to 512")
    func readerBounds() throws {
        // The bound is on characters, at twice the bytes: values past it by a third are refused unread.
        func encoded(_ count: Int) -> String { Multibase.base58btc([UInt8](repeating: 0xFF, count: count)) }
        let did = #expect(throws: SigningError.self) { try DIDKey(parsing: "did:key:" + encoded(1_600)) }
        #expect(did?.message.contains("base58btc takes for the 1024 bytes accepted here") == true, "\(did?.message ?? "")")
        let digest = #expect(throws: SigningError.self) { try DigestMultibase.decode(encoded(400)) }
        #expect(digest?.message.contains("base58btc takes for the 256 bytes accepted here") == true, "\(digest?.message ?? "")")
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 5, count: 32))
        var signed = try EddsaJcs2022.sign(
            ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]], with: key,
            options: .init(proofPurpose: "assertionMethod", created: "2026-01-01T00:00:00Z"))
        signed["proof"]?["proofValue"] = .string(encoded(800))
        let verification = try EddsaJcs2022.Verifier().verify(signed)
        guard case .failed(let failure) = verification else {
            Issue.record("an 800-byte proofValue was not refused: \(verification)")
            return
        }
        #expect(failure.message.contains("base58btc takes for the 512 bytes accepted here"), "\(failure.message)")
    }
}
