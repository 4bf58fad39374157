import CredentialCore
import Testing

@Suite("Base64url without padding")
struct Base64URLTests {
    @Test("RFC 4648 §10 test vectors, without padding", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648(text: String, encoded: String) {
        #expect(Base64URL.encode(Array(text.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(text.utf8))
    }

    @Test("uses - and _ where base64 uses + and /")
    func urlAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xfb, 0xff, 0xbf])
    }

    @Test("every byte string of up to 300 bytes round-trips")
    func roundTrip() {
        var bytes: [UInt8] = []
        for length in 0 ... 300 {
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
            bytes.append(UInt8(truncatingIfNeeded: length &* 151 &+ 17))
        }
    }

    @Test("refuses padding, the base64 alphabet, whitespace, a lone final character and non-zero pad bits", arguments: [
        "Zg==", "Zm8=", "+w", "/w", "Zm 9v", "Zm9v\n", "A", "Zm9vY", "Zh", "Zm9", "Zm9vYmF", "é",
    ])
    func refuses(text: String) {
        // "Zm9" and "Zh" differ from the canonical "Zm8" ("fo") and "Zg" ("f") only in pad bits.
        #expect(Base64URL.decode(text) == nil, "\(text)")
    }
}
