import CredentialCore
import Foundation
import Signing
import Testing

/// `Decodable` mirror of `Vectors/jwe-pbes2/cases.json` (made with jwcrypto; see its SOURCE.md).
struct JWECasesFile: Decodable {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let passphrase: String
        let jwe: String
        let plaintext: String?
        let valid: Bool
        var testDescription: String { name }
    }
    let cases: [Case]

    static func load() throws -> [Case] {
        try Vectors.load(JWECasesFile.self, "cases.json", in: "jwe-pbes2").cases
    }
}

@Suite("JWE PBES2-HS512+A256KW / A256GCM")
struct JWETests {
    static let passphrase = Array("correct horse battery staple".utf8)

    /// The parts of a compact JWE.
    static func parts(_ compact: String) -> [String] {
        compact.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The protected header of a compact JWE as a JSON object.
    static func header(_ compact: String) throws -> JSONObject {
        let bytes = try #require(Base64URL.decode(parts(compact)[0]))
        return try #require(try JSONValue(parsing: bytes).objectValue)
    }

    /// `compact` with its protected header replaced by `header` (so its AAD no longer matches).
    static func replacingHeader(_ compact: String, with header: String) -> String {
        ([Base64URL.encode(Array(header.utf8))] + parts(compact).dropFirst()).joined(separator: ".")
    }

    /// The first case of the vector file (1,000 iterations), for header surgery.
    static func smallCase() throws -> JWECasesFile.Case {
        try #require(try JWECasesFile.load().first { $0.valid && $0.name.hasPrefix("small payload") })
    }

    // MARK: Vectors from jwcrypto

    @Test("the vector file holds two valid and four invalid cases")
    func vectorCount() throws {
        let cases = try JWECasesFile.load()
        #expect(cases.filter(\.valid).count == 2)
        #expect(cases.filter { !$0.valid }.count == 4)
    }

    @Test("each jwcrypto vector decrypts to its plaintext, or fails as decryptionFailed", arguments: try JWECasesFile.load())
    func vector(_ testCase: JWECasesFile.Case) throws {
        let passphrase = Array(testCase.passphrase.utf8)
        if testCase.valid {
            let plaintext = try JWE.decrypt(testCase.jwe, passphrase: passphrase)
            #expect(plaintext == Array(try #require(testCase.plaintext).utf8))
        } else {
            let error = try #require(throws: SigningError.self) { try JWE.decrypt(testCase.jwe, passphrase: passphrase) }
            #expect(error.code == .decryptionFailed)
            #expect(error.message.hasPrefix("cannot decrypt: "))
        }
    }

    // MARK: Round trip

    @Test("encrypt then decrypt gives the plaintext back", arguments: [0, 1, 17, 100_000])
    func roundTrip(length: Int) throws {
        let plaintext = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let compact = try JWE.encrypt(plaintext, passphrase: Self.passphrase)
        #expect(try JWE.decrypt(compact, passphrase: Self.passphrase) == plaintext)
    }

    @Test("the header names the algorithms, p2c, a 16-byte p2s and cty; each encryption is fresh")
    func header() throws {
        let plaintext = Array("{\"wallet\":true}".utf8)
        let first = try JWE.encrypt(plaintext, passphrase: Self.passphrase, iterations: 250_000, contentType: "json")
        let second = try JWE.encrypt(plaintext, passphrase: Self.passphrase, iterations: 250_000, contentType: "json")
        let header = try Self.header(first)
        #expect(header["alg"]?.stringValue == "PBES2-HS512+A256KW")
        #expect(header["enc"]?.stringValue == "A256GCM")
        #expect(header["p2c"]?.intValue == 250_000)
        #expect(header["cty"]?.stringValue == "json")
        #expect(Base64URL.decode(try #require(header["p2s"]?.stringValue))?.count == 16)
        #expect(Set(header.keys) == ["alg", "enc", "p2c", "p2s", "cty"])
        #expect(Self.parts(first).count == 5)
        #expect(Base64URL.decode(Self.parts(first)[1])?.count == 40)
        #expect(Base64URL.decode(Self.parts(first)[2])?.count == 12)
        #expect(Base64URL.decode(Self.parts(first)[4])?.count == 16)
        // Fresh salt, content key and IV every time.
        for index in 0 ..< 4 { #expect(Self.parts(first)[index] != Self.parts(second)[index]) }
        #expect(try Self.header(JWE.encrypt(plaintext, passphrase: Self.passphrase))["cty"] == nil)
        #expect(try Self.header(JWE.encrypt(plaintext, passphrase: Self.passphrase))["p2c"]?.intValue == 210_000)
    }

    @Test("encrypt refuses fewer than 210,000 iterations and more than the decryption cap", arguments: [0, 1000, 209_999, 10_000_001])
    func encryptIterations(iterations: Int) {
        #expect(throws: SigningError(.invalidJWE, "")) {
            try JWE.encrypt([1, 2, 3], passphrase: Self.passphrase, iterations: iterations)
        }
    }

    @Test("a wrong passphrase fails as decryptionFailed, naming the passphrase")
    func wrongPassphrase() throws {
        let compact = try Self.smallCase().jwe
        for wrong in ["", "correct horse battery stapler", "Correct horse battery staple"] {
            let error = try #require(throws: SigningError.self) { try JWE.decrypt(compact, passphrase: Array(wrong.utf8)) }
            #expect(error.code == .decryptionFailed)
            #expect(error.message.contains("wrong passphrase"))
        }
    }

    @Test("altering any byte of the encrypted key, IV, ciphertext or tag fails as decryptionFailed", arguments: [1, 2, 3, 4])
    func tampering(part: Int) throws {
        let compact = try Self.smallCase().jwe
        #expect(try JWE.decrypt(compact, passphrase: Self.passphrase).count > 0)
        var parts = Self.parts(compact)
        var bytes = try #require(Base64URL.decode(parts[part]))
        for position in [0, bytes.count - 1] {
            bytes[position] ^= 0x01
            parts[part] = Base64URL.encode(bytes)
            let error = try #require(throws: SigningError.self) {
                try JWE.decrypt(parts.joined(separator: "."), passphrase: Self.passphrase)
            }
            #expect(error.code == .decryptionFailed)
            bytes[position] ^= 0x01
        }
    }

    @Test("a header changed but still acceptable fails as decryptionFailed (it is the AAD and salts the key)")
    func headerTampering() throws {
        let compact = try JWE.encrypt([42], passphrase: Self.passphrase, contentType: "json")
        var header = try Self.header(compact)
        header["cty"] = "text"
        let altered = Self.replacingHeader(compact, with: JSONValue.object(header).canonicalString)
        #expect(throws: SigningError(.decryptionFailed, "")) { try JWE.decrypt(altered, passphrase: Self.passphrase) }
    }

    @Test("a trailing newline, as a file ends, is accepted")
    func trailingNewline() throws {
        let compact = try JWE.encrypt([1, 2, 3], passphrase: Self.passphrase)
        #expect(try JWE.decrypt(compact + "\n", passphrase: Self.passphrase) == [1, 2, 3])
    }

    // MARK: Refused before any key is derived

    static let refusedHeaders: [(name: String, header: String, code: SigningError.Code)] = [
        ("p2c above the cap", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":10000001,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("p2c below 1000", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":999,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("p2c not an integer", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":1000.5,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("p2c missing", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("p2s shorter than 8 bytes", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":1000,"p2s":"AAAAAAAAAA"}"#, .invalidJWE),
        ("p2s not base64url", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG/BS5NG7x2uA=="}"#, .invalidJWE),
        ("another alg", #"{"alg":"PBES2-HS256+A128KW","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .unsupportedJWE),
        ("alg dir", #"{"alg":"dir","enc":"A256GCM"}"#, .unsupportedJWE),
        ("alg differing only in case", #"{"alg":"pbes2-hs512+a256kw","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .unsupportedJWE),
        ("another enc", #"{"alg":"PBES2-HS512+A256KW","enc":"A128CBC-HS256","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .unsupportedJWE),
        ("crit", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA","crit":["exp"],"exp":1}"#, .unsupportedJWE),
        ("zip", #"{"alg":"PBES2-HS512+A256KW","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA","zip":"DEF"}"#, .unsupportedJWE),
        ("alg missing", #"{"enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("duplicate alg", #"{"alg":"PBES2-HS512+A256KW","alg":"dir","enc":"A256GCM","p2c":1000,"p2s":"3vZkmx7drYG_BS5NG7x2uA"}"#, .invalidJWE),
        ("an array", #"["PBES2-HS512+A256KW"]"#, .invalidJWE),
        ("not JSON", "alg=PBES2", .invalidJWE),
    ]

    @Test("headers mcred does not accept are refused with the right code", arguments: refusedHeaders)
    func refusedHeader(_ testCase: (name: String, header: String, code: SigningError.Code)) throws {
        let compact = Self.replacingHeader(try Self.smallCase().jwe, with: testCase.header)
        let error = try #require(throws: SigningError.self) { try JWE.decrypt(compact, passphrase: Self.passphrase) }
        #expect(error.code == testCase.code, "\(testCase.name): \(error.message)")
    }

    @Test("maxIterations lowers the accepted p2c")
    func maxIterations() throws {
        let small = try Self.smallCase()
        let passphrase = Array(small.passphrase.utf8)
        #expect(try JWE.decrypt(small.jwe, passphrase: passphrase, maxIterations: 1000).count > 0)
        #expect(throws: SigningError(.invalidJWE, "")) { try JWE.decrypt(small.jwe, passphrase: passphrase, maxIterations: 999) }
    }

    static let malformed: [(name: String, compact: String, code: SigningError.Code)] = [
        ("empty", "", .invalidJWE),
        ("four parts", "eyJhbGciOiJkaXIifQ.a.b.c", .invalidJWE),
        ("six parts", "eyJhbGciOiJkaXIifQ.a.b.c.d.e", .invalidJWE),
        ("padding", "eyJhbGciOiJkaXIifQ==.AA.AA.AA.AA", .invalidJWE),
        ("a space", "eyJhbGciOiJkaXIifQ.AA .AA.AA.AA", .invalidJWE),
        ("JSON serialisation", #"{"protected":"eyJhbGciOiJkaXIifQ"}"#, .unsupportedJWE),
        ("JSON serialisation with only a ciphertext", #"{"ciphertext":"AA","credential":{"protected":1}}"#, .unsupportedJWE),
        // Another JSON document (a wallet given in place of its backup), even one that mentions the member names.
        ("a wallet", #"{"type":["VerifiablePresentation","LearnerWallet"],"name":"\"protected\" \"ciphertext\""}"#, .invalidJWE),
    ]

    @Test("text that is not a compact JWE is refused", arguments: malformed)
    func malformedCompact(_ testCase: (name: String, compact: String, code: SigningError.Code)) throws {
        let error = try #require(throws: SigningError.self) { try JWE.decrypt(testCase.compact, passphrase: Self.passphrase) }
        #expect(error.code == testCase.code, "\(testCase.name): \(error.message)")
    }

    @Test("parts of the wrong size are refused before decrypting", arguments: [(1, 39), (1, 48), (2, 16), (4, 12)])
    func partSizes(part: Int, length: Int) throws {
        var parts = Self.parts(try Self.smallCase().jwe)
        parts[part] = Base64URL.encode([UInt8](repeating: 0x41, count: length))
        let error = try #require(throws: SigningError.self) {
            try JWE.decrypt(parts.joined(separator: "."), passphrase: Self.passphrase)
        }
        #expect(error.code == .invalidJWE)
    }

    // MARK: Interoperability

    /// Decrypts or encrypts with Python jwcrypto, raising its p2c cap (16,384 by default).
    static let jwcryptoScript = """
        import sys, json
        from jwcrypto import jwe, jwk, jwa
        jwa.default_max_pbkdf2_iterations = 10_000_000
        request = json.load(sys.stdin)
        key = jwk.JWK.from_password(request["passphrase"])
        if request["mode"] == "decrypt":
            token = jwe.JWE()
            token.deserialize(request["jwe"], key=key)
            sys.stdout.write(token.payload.hex())
        else:
            header = {"alg": "PBES2-HS512+A256KW", "enc": "A256GCM", "p2c": 210000, "cty": "json"}
            token = jwe.JWE(bytes.fromhex(request["plaintext"]), protected=json.dumps(header))
            token.add_recipient(key)
            sys.stdout.write(token.serialize(compact=True))
        """

    /// Runs the jwcrypto script with a JSON request and returns its standard output.
    static func jwcrypto(_ request: [String: String]) throws -> String {
        let input = try JSONSerialization.data(withJSONObject: request)
        let result = try PythonTool.run(["-c", jwcryptoScript], input: [UInt8](input))
        #expect(result.status == 0, "jwcrypto: \(result.standardError)")
        return String(decoding: result.standardOutput, as: UTF8.self)
    }

    static let interopPassphrase = "Grüne Fähigkeiten 2026 ✓"
    static let interopPlaintext = Array(#"{"type":["VerifiablePresentation","LearnerWallet"],"name":"Émilie Dubois"}"#.utf8)

    @Test("jwcrypto decrypts what mcred encrypts", .enabled(if: PythonTool.hasJWCrypto, "needs python3 with jwcrypto"))
    func jwcryptoDecrypts() throws {
        let compact = try JWE.encrypt(Self.interopPlaintext, passphrase: Array(Self.interopPassphrase.utf8), contentType: "json")
        let output = try Self.jwcrypto(["mode": "decrypt", "jwe": compact, "passphrase": Self.interopPassphrase])
        #expect(output == Self.interopPlaintext.hex)
    }

    @Test("mcred decrypts what jwcrypto encrypts", .enabled(if: PythonTool.hasJWCrypto, "needs python3 with jwcrypto"))
    func mcredDecrypts() throws {
        let compact = try Self.jwcrypto(["mode": "encrypt", "plaintext": Self.interopPlaintext.hex, "passphrase": Self.interopPassphrase])
        #expect(try JWE.decrypt(compact, passphrase: Array(Self.interopPassphrase.utf8)) == Self.interopPlaintext)
    }
}
