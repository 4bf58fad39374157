import CredentialCore
import Foundation
import Signing
import Testing

@Suite("Base64URL for digests")
struct Base64URLDigestTests {
    @Test("RFC 4648 §10 test vectors, unpadded", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(text: String, encoded: String) {
        #expect(Base64URL.encode(Array(text.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(text.utf8))
    }

    @Test("uses - and _ rather than + and /")
    func urlAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
        #expect(Base64URL.decode("+/8") == nil)
    }

    @Test("refuses padding, impossible lengths and non-zero trailing bits", arguments: ["Zg==", "Z", "Zm9vY", "Zh", "Zm9"])
    func refuses(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}

@Suite("DigestMultibase")
struct DigestMultibaseTests {
    let abcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test("the sha2-256 multihash is 0x12 0x20 followed by the SHA-256 digest")
    func multihash() {
        let multihash = Multihash(sha256Of: Array("abc".utf8))
        #expect(multihash.bytes.count == 34)
        #expect(multihash.bytes.prefix(2) == [0x12, 0x20])
        #expect(multihash.digest.hex == abcDigest)
    }

    @Test("written as base58btc (z…), read from base58btc and base64url (u…)")
    func encodings() throws {
        let bytes = Array("abc".utf8)
        let written = DigestMultibase.encode(bytes)
        #expect(written.hasPrefix("zQm"))
        let base64 = Multibase.base64url(Multihash(sha256Of: bytes).bytes)
        #expect(base64.hasPrefix("uEiC"))
        for text in [written, base64] {
            #expect(try DigestMultibase.decode(text).digest.hex == abcDigest)
            #expect(DigestMultibase.matches(text, bytes: bytes))
            #expect(!DigestMultibase.matches(text, bytes: Array("abd".utf8)))
        }
    }

    @Test("refuses other multibases and other multihashes")
    func refuses() {
        let digest = SHA256.hash(Array("abc".utf8))
        #expect(throws: SigningError(.invalidMultibase, "")) { try DigestMultibase.decode("m" + "EiC") }
        #expect(throws: SigningError(.invalidMultibase, "")) { try DigestMultibase.decode("u+/8") }
        #expect(throws: SigningError(.invalidMultihash, "")) { try DigestMultibase.decode(Multibase.base58btc([0x11, 0x20] + digest)) }
        #expect(throws: SigningError(.invalidMultihash, "")) { try DigestMultibase.decode(Multibase.base58btc([0x12, 0x20] + digest.dropLast())) }
        #expect(throws: SigningError(.invalidMultihash, "")) { try DigestMultibase.decode(Multibase.base58btc(digest)) }
        #expect(!DigestMultibase.matches("not a digest", bytes: []))
    }

    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test("the digest of a bundled example equals Python hashlib's over its canonical bytes", .enabled(if: python != nil))
    func independentComputation() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = root.appendingPathComponent("spec/examples/construction.signed.json")
        let document = try JSONValue(parsing: [UInt8](try Data(contentsOf: example)))
        let canonical = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-digest-\(UUID().uuidString).json")
        try Data(document.canonicalBytes).write(to: canonical)
        defer { try? FileManager.default.removeItem(at: canonical) }
        // An independent multihash and base58btc / base64url: Python's hashlib and a plain big-integer base58.
        let script = """
            import base64, hashlib, sys
            data = open(sys.argv[1], 'rb').read()
            mh = bytes([0x12, 0x20]) + hashlib.sha256(data).digest()
            alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
            n, text = int.from_bytes(mh, 'big'), ''
            while n:
                n, r = divmod(n, 58)
                text = alphabet[r] + text
            print('z' + text)
            print('u' + base64.urlsafe_b64encode(mh).decode().rstrip('='))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", script, canonical.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == DigestMultibase.of(document))
        #expect(lines.last == Multibase.base64url(Multihash(sha256Of: document.canonicalBytes).bytes))
        #expect(lines.first == "zQmceSJpbK7hFqR64mrSncvPc2vpJ1P5TdfsUcY43apa2ux")
    }
}
