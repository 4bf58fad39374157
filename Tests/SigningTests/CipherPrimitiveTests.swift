@testable import Signing
import Testing

/// Known answers for the OpenSSL primitives under `JWE`.
@Suite("PBKDF2, AES key wrap and AES-GCM through OpenSSL")
struct CipherPrimitiveTests {
    @Test("PBKDF2-HMAC-SHA512 of \"password\" and \"salt\", 1 iteration, 64 bytes")
    func pbkdf2() throws {
        let key = try OpenSSLBackend.pbkdf2HMACSHA512(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 64)
        #expect(key.hex == "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce")
    }

    @Test("PBKDF2 takes an empty password and refuses zero iterations")
    func pbkdf2Edges() throws {
        #expect(try OpenSSLBackend.pbkdf2HMACSHA512(password: [], salt: [1], iterations: 2, keyLength: 32).count == 32)
        #expect(throws: SigningError(.openSSLFailure, "")) {
            try OpenSSLBackend.pbkdf2HMACSHA512(password: [1], salt: [1], iterations: 0, keyLength: 32)
        }
    }

    static let kek = [UInt8](hex: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    static let keyData = [UInt8](hex: "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f")
    static let wrapped = [UInt8](hex: "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21")

    @Test("RFC 3394 §4.6: 256 bits of key data wrapped with a 256-bit KEK, and unwrapped")
    func keyWrap() throws {
        #expect(try OpenSSLBackend.aes256KeyWrap(Self.keyData, kek: Self.kek) == Self.wrapped)
        #expect(try OpenSSLBackend.aes256KeyUnwrap(Self.wrapped, kek: Self.kek) == Self.keyData)
    }

    @Test("unwrapping with another KEK or altered bytes fails its integrity check (RFC 3394 §2.2.3)")
    func keyUnwrapIntegrity() throws {
        var otherKEK = Self.kek
        otherKEK[0] ^= 1
        #expect(throws: SigningError(.decryptionFailed, "")) { try OpenSSLBackend.aes256KeyUnwrap(Self.wrapped, kek: otherKEK) }
        var altered = Self.wrapped
        altered[20] ^= 0x80
        #expect(throws: SigningError(.decryptionFailed, "")) { try OpenSSLBackend.aes256KeyUnwrap(altered, kek: Self.kek) }
    }

    static let gcmKey = [UInt8](hex: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
    static let gcmIV = [UInt8](hex: "cafebabefacedbaddecaf888")
    static let gcmAAD = [UInt8](hex: "feedfacedeadbeeffeedfacedeadbeefabaddad2")
    static let gcmPlaintext = [UInt8](hex: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    static let gcmCiphertext = [UInt8](hex: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662")
    static let gcmTag = [UInt8](hex: "76fc6ece0f4e1768cddf8853bb2d551b")

    @Test("AES-256-GCM with AAD: test case 16 of the GCM specification (McGrew–Viega)")
    func gcm() throws {
        let sealed = try OpenSSLBackend.aes256GCMSeal(Self.gcmPlaintext, key: Self.gcmKey, iv: Self.gcmIV, aad: Self.gcmAAD)
        #expect(sealed.ciphertext == Self.gcmCiphertext)
        #expect(sealed.tag == Self.gcmTag)
        #expect(try OpenSSLBackend.aes256GCMOpen(Self.gcmCiphertext, key: Self.gcmKey, iv: Self.gcmIV, aad: Self.gcmAAD, tag: Self.gcmTag) == Self.gcmPlaintext)
    }

    @Test("AES-256-GCM of nothing: test case 13 (zero key and IV, empty input) gives only a tag")
    func gcmEmpty() throws {
        let sealed = try OpenSSLBackend.aes256GCMSeal([], key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 12), aad: [])
        #expect(sealed.ciphertext.isEmpty)
        #expect(sealed.tag.hex == "530f8afbc74536b9a963b4f1c4cb738b")
        #expect(try OpenSSLBackend.aes256GCMOpen([], key: [UInt8](repeating: 0, count: 32), iv: [UInt8](repeating: 0, count: 12), aad: [], tag: sealed.tag).isEmpty)
    }

    @Test("an altered tag, ciphertext or AAD fails as decryptionFailed (NIST SP 800-38D §7.2)", arguments: ["tag", "ciphertext", "aad"])
    func gcmTampering(field: String) throws {
        var ciphertext = Self.gcmCiphertext
        var tag = Self.gcmTag
        var aad = Self.gcmAAD
        switch field {
        case "tag": tag[15] ^= 1
        case "ciphertext": ciphertext[0] ^= 1
        default: aad[0] ^= 1
        }
        #expect(throws: SigningError(.decryptionFailed, "")) {
            try OpenSSLBackend.aes256GCMOpen(ciphertext, key: Self.gcmKey, iv: Self.gcmIV, aad: aad, tag: tag)
        }
    }
}
