import CredentialCore
import Signing
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("known answers for the empty string and \"abc\" (FIPS 180-4 examples)", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownAnswer(input: String, digest: String) {
        #expect(SHA256.hash(Array(input.utf8)).hex == digest)
    }
}

@Suite("Secure random bytes")
struct SecureRandomTests {
    @Test("gives the count asked for", arguments: [0, 1, 32, 1000])
    func count(count: Int) throws {
        #expect(try SecureRandom.bytes(count: count).count == count)
    }

    @Test("two draws differ")
    func distinct() throws {
        #expect(try SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
    }

    @Test("a negative count is refused")
    func negative() {
        #expect(throws: SigningError(.randomFailure, "")) { try SecureRandom.bytes(count: -1) }
    }

    @Test("a challenge is 16 random bytes in base64url that never starts with '-' (a command line would read it as an option)")
    func challenge() throws {
        // One plain draw in 64 starts with "-": among 5,000 about 78 would.
        var seen = Set<String>()
        var firstCharacters = Set<Character>()
        for _ in 0 ..< 5000 {
            let challenge = try SecureRandom.challenge()
            #expect(challenge.count == 22)
            #expect(Base64URL.decode(challenge)?.count == 16, "\(challenge)")
            #expect(!challenge.hasPrefix("-"), "\(challenge)")
            seen.insert(challenge)
            firstCharacters.insert(challenge.first ?? " ")
        }
        #expect(seen.count == 5000)
        // The 63 other first characters all still occur (each about 79 times).
        #expect(firstCharacters.count == 63)
    }
}

@Suite("SHA256.hash(each:)")
struct SHA256EachTests {
    @Test("hashing several inputs at once gives each input's own digest, empty input included")
    func each() {
        let inputs: [[UInt8]] = [[], Array("abc".utf8), Array(repeating: 0x61, count: 10_000), Array("abc".utf8)]
        #expect(SHA256.hash(each: inputs) == inputs.map(SHA256.hash))
        #expect(SHA256.hash(each: []).isEmpty)
    }
}
