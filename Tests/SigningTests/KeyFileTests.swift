import CredentialCore
import Foundation
import Signing
import Testing

@Suite("Key files")
struct KeyFileTests {
    @Test("write makes a 0600 file that reads back, leaving no temporary file")
    func writeAndRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("key.pem")
        let key = try Ed25519.PrivateKey()
        try KeyFile.write(key, to: path, overwrite: false)
        #expect(FileIO.permissions(of: path) == 0o600)
        #expect(!KeyFile.isReadableByOthers(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["key.pem"])
        #expect(try KeyFile.readPrivateKey(at: path).seed == key.seed)
        #expect(try KeyFile.readPublicKey(at: path) == key.publicKey)
    }

    @Test("write refuses an existing file unless asked to overwrite")
    func overwrite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("key.pem")
        let first = try Ed25519.PrivateKey()
        let second = try Ed25519.PrivateKey()
        try KeyFile.write(first, to: path, overwrite: false)
        let error = #expect(throws: SigningError(.keyFileExists, "")) {
            try KeyFile.write(second, to: path, overwrite: false)
        }
        #expect(error?.description.contains("key.pem") == true)
        #expect(try KeyFile.readPrivateKey(at: path).seed == first.seed)
        try KeyFile.write(second, to: path, overwrite: true)
        #expect(try KeyFile.readPrivateKey(at: path).seed == second.seed)
        #expect(FileIO.permissions(of: path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["key.pem"])
    }

    @Test("write into a missing directory fails as unwritable")
    func unwritable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try Ed25519.PrivateKey()
        #expect(throws: SigningError(.keyFileUnwritable, "")) {
            try KeyFile.write(key, to: directory.file("missing/key.pem"), overwrite: false)
        }
    }

    @Test("a key file readable by group or others is reported", arguments: [(0o600, false), (0o400, false), (0o640, true), (0o604, true), (0o644, true)])
    func readableByOthers(mode: Int, expected: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("key.pem")
        try KeyFile.write(try Ed25519.PrivateKey(), to: path, overwrite: false)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        #expect(KeyFile.isReadableByOthers(path) == expected)
    }

    @Test("reading a private key names the file and what is wrong")
    func readPrivateKeyErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try Ed25519.PrivateKey()
        let publicPath = directory.file("public.pem")
        try FileIO.write(Array(key.publicKey.pemRepresentation.utf8), to: publicPath, overwrite: false)
        let garbagePath = directory.file("garbage.pem")
        try FileIO.write(Array("not a key\n".utf8), to: garbagePath, overwrite: false)
        let missingPath = directory.file("missing.pem")

        let fromPublic = #expect(throws: SigningError(.invalidPEM, "")) { try KeyFile.readPrivateKey(at: publicPath) }
        #expect(fromPublic?.file == publicPath)
        #expect(fromPublic?.description == publicPath + ": not an Ed25519 PKCS#8 PEM private key (found \"-----BEGIN PUBLIC KEY-----\")")
        let fromGarbage = #expect(throws: SigningError(.invalidPEM, "")) { try KeyFile.readPrivateKey(at: garbagePath) }
        #expect(fromGarbage?.description.hasPrefix(garbagePath + ": ") == true)
        let fromMissing = #expect(throws: SigningError(.keyFileUnreadable, "")) { try KeyFile.readPrivateKey(at: missingPath) }
        #expect(fromMissing?.description.hasPrefix(missingPath + ": ") == true)
        #expect(throws: SigningError(.keyFileUnreadable, "")) { try KeyFile.readPrivateKey(at: directory.path) }
    }

    @Test("readPublicKey takes an SPKI public key PEM as well as a private key")
    func readPublicKey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try Ed25519.PrivateKey()
        let publicPath = directory.file("public.pem")
        try FileIO.write(Array(key.publicKey.pemRepresentation.utf8), to: publicPath, overwrite: false)
        #expect(try KeyFile.readPublicKey(at: publicPath) == key.publicKey)
        #expect(throws: SigningError(.keyFileUnreadable, "")) { try KeyFile.readPublicKey(at: directory.file("none.pem")) }
    }
}

@Suite("Ed25519.PrivateKey redaction")
struct PrivateKeyRedactionTests {
    @Test("printing, dumping or interpolating a private key never shows its secret")
    func redacted() throws {
        let seed: [UInt8] = Array(repeating: 0xAB, count: 32)
        let key = try Ed25519.PrivateKey(seed: seed)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [String(describing: key), String(reflecting: key), "\(key)", dumped] {
            #expect(!text.contains("171"))
            #expect(!text.lowercased().contains("abab"))
            #expect(text.contains("did:key:z6Mk") || text.contains("publicKey"))
        }
    }
}
