import CredentialCore
import Foundation
import Signing
import Testing

/// mcred's PEM files against the `openssl` command; skipped when no `openssl` is on PATH.
@Suite("PEM interoperability with the openssl command", .enabled(if: OpenSSLTool.isAvailable))
struct PEMInteroperabilityTests {
    @Test("openssl reads a key written by mcred and derives the same SPKI public key")
    func opensslReadsMcred() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("key.pem")
        let key = try Ed25519.PrivateKey()
        try KeyFile.write(key, to: path, overwrite: false)
        let check = try OpenSSLTool.run(["pkey", "-in", path, "-noout"])
        #expect(check.status == 0, "\(check.standardError)")
        let publicKey = try OpenSSLTool.run(["pkey", "-in", path, "-pubout"])
        #expect(publicKey.status == 0, "\(publicKey.standardError)")
        #expect(String(decoding: publicKey.standardOutput, as: UTF8.self) == key.publicKey.pemRepresentation)
    }

    @Test("a key from openssl genpkey loads byte for byte, and openssl verifies what mcred signs")
    func mcredReadsOpenSSL() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = directory.file("key.pem")
        let generate = try OpenSSLTool.run(["genpkey", "-algorithm", "ed25519", "-out", keyPath])
        try #require(generate.status == 0, "\(generate.standardError)")
        let key = try KeyFile.readPrivateKey(at: keyPath)
        #expect(Array(key.pemRepresentation.utf8) == (try FileIO.read(keyPath)))

        let publicPath = directory.file("pub.pem")
        let export = try OpenSSLTool.run(["pkey", "-in", keyPath, "-pubout", "-out", publicPath])
        try #require(export.status == 0, "\(export.standardError)")
        #expect(try KeyFile.readPublicKey(at: publicPath) == key.publicKey)
        #expect(try KeyFile.readPublicKey(at: keyPath) == key.publicKey)

        let messagePath = directory.file("msg")
        let signaturePath = directory.file("sig")
        let message = Array("a micro-credential".utf8)
        try FileIO.write(message, to: messagePath, overwrite: false)
        try FileIO.write(try key.signature(for: message), to: signaturePath, overwrite: false)
        let verify = try OpenSSLTool.run([
            "pkeyutl", "-verify", "-pubin", "-inkey", publicPath, "-rawin", "-in", messagePath, "-sigfile", signaturePath,
        ])
        #expect(verify.status == 0, "\(verify.standardError)")

        // And the other way: openssl signs, mcred verifies.
        let opensslSignaturePath = directory.file("openssl.sig")
        let sign = try OpenSSLTool.run(["pkeyutl", "-sign", "-inkey", keyPath, "-rawin", "-in", messagePath, "-out", opensslSignaturePath])
        try #require(sign.status == 0, "\(sign.standardError)")
        #expect(try key.publicKey.isValidSignature(try FileIO.read(opensslSignaturePath), for: message))
    }

    @Test("RSA, EC and X25519 keys are refused as not Ed25519", arguments: [
        ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"],
        ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ["-algorithm", "X25519"],
    ])
    func otherAlgorithms(options: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = directory.file("other.pem")
        let generate = try OpenSSLTool.run(["genpkey"] + options + ["-out", keyPath])
        try #require(generate.status == 0, "\(generate.standardError)")
        let error = #expect(throws: SigningError(.notEd25519, "")) { try KeyFile.readPrivateKey(at: keyPath) }
        #expect(error?.description.hasPrefix(keyPath + ": not an Ed25519 PKCS#8 PEM private key (found a") == true)

        let publicPath = directory.file("other-pub.pem")
        let export = try OpenSSLTool.run(["pkey", "-in", keyPath, "-pubout", "-out", publicPath])
        try #require(export.status == 0, "\(export.standardError)")
        #expect(throws: SigningError(.notEd25519, "")) { try KeyFile.readPublicKey(at: publicPath) }
    }

    @Test("an EC key in the traditional SEC1 PEM form is refused as not Ed25519")
    func traditionalEC() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = directory.file("ec.pem")
        let generate = try OpenSSLTool.run(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", keyPath])
        try #require(generate.status == 0, "\(generate.standardError)")
        #expect(throws: SigningError(.notEd25519, "")) { try KeyFile.readPrivateKey(at: keyPath) }
    }

    @Test("an encrypted PKCS#8 key is refused without prompting for a passphrase")
    func encrypted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keyPath = directory.file("encrypted.pem")
        let generate = try OpenSSLTool.run(["genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:secret", "-out", keyPath])
        try #require(generate.status == 0, "\(generate.standardError)")
        let error = #expect(throws: SigningError(.invalidPEM, "")) { try KeyFile.readPrivateKey(at: keyPath) }
        #expect(error?.message.contains("encrypted keys are not supported") == true)
    }
}
