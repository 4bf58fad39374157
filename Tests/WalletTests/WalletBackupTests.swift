import CredentialCore
import Foundation
import Signing
import Testing
import Verifier
@testable import Wallet

@Suite("Wallet backup")
struct WalletBackupTests {
    let passphrase = Array("correct horse battery".utf8)

    func filledWallet() throws -> Wallet {
        var wallet = Wallet(holder: DIDKey(publicKey: try exampleKey("learner").publicKey))
        _ = try wallet.add(
            try ["construction", "agri-food"].map { Wallet.Incoming(file: $0, document: try example($0)) },
            verifier: CredentialVerifier(at: exampleTime))
        return wallet
    }

    @Test("export then import gives the same wallet, and the key when it was included")
    func roundTrip() throws {
        let wallet = try filledWallet()
        let key = try exampleKey("learner")
        let backup = try wallet.encryptedBackup(passphrase: passphrase, including: key)
        #expect(backup.split(separator: ".").count == 5)
        let header = try JSONValue(parsing: try #require(Base64URL.decode(backup.split(separator: ".")[0])))
        #expect(header["alg"] == "PBES2-HS512+A256KW")
        #expect(header["enc"] == "A256GCM")
        #expect((header["p2c"]?.doubleValue ?? 0) >= 210_000)
        #expect(Base64URL.decode(header["p2s"]?.stringValue ?? "")?.count == 16)
        let (restored, restoredKey) = try Wallet.openBackup(backup, passphrase: passphrase, file: "b.jwe")
        #expect(restored.jsonValue.canonicalBytes == wallet.jsonValue.canonicalBytes)
        #expect(restoredKey?.seed == key.seed)
        let (withoutKey, none) = try Wallet.openBackup(
            try wallet.encryptedBackup(passphrase: passphrase), passphrase: passphrase, file: "b.jwe")
        #expect(withoutKey.credentials == wallet.credentials)
        #expect(none == nil)
    }

    @Test("a wrong passphrase or a tampered backup fails cleanly")
    func wrongPassphraseAndTampering() throws {
        let backup = try filledWallet().encryptedBackup(passphrase: passphrase)
        #expect(throws: WalletError(.backupFailure, "")) { try Wallet.openBackup(backup, passphrase: Array("wrong".utf8), file: "b") }
        var parts = backup.split(separator: ".").map(String.init)
        // Flip one character of the ciphertext: AES-GCM's tag catches it.
        let ciphertext = Array(parts[3])
        parts[3] = String(ciphertext.dropLast()) + (ciphertext.last == "A" ? "B" : "A")
        #expect(throws: WalletError(.backupFailure, "")) { try Wallet.openBackup(parts.joined(separator: "."), passphrase: passphrase, file: "b") }
        #expect(throws: WalletError(.backupFailure, "")) { try Wallet.openBackup("not a jwe", passphrase: passphrase, file: "b") }
    }

    @Test("only the holder's key can go into the backup")
    func wrongKey() throws {
        #expect(throws: WalletError(.wrongHolder, "")) {
            try filledWallet().encryptedBackup(passphrase: passphrase, including: try exampleKey("issuer"))
        }
    }

    @Test("an independent JWE implementation (Python jwcrypto) opens the backup", .enabled(if: Self.hasJWCrypto))
    func jwcryptoOpensIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backupURL = folder.appendingPathComponent("b.jwe")
        try Data(try filledWallet().encryptedBackup(passphrase: passphrase).utf8).write(to: backupURL)
        let script = """
            import sys, json
            import jwcrypto.jwa as A
            from jwcrypto import jwe, jwk
            A.default_max_pbkdf2_iterations = 10**7  # jwcrypto caps p2c at 16384 by default
            token = jwe.JWE(); token.deserialize(open(sys.argv[1]).read().strip())
            token.decrypt(jwk.JWK.from_password(sys.argv[2]))
            wallet = json.loads(token.payload)
            print(wallet["type"][1], len(wallet["verifiableCredential"]))
            """
        let output = try Self.python(["-c", script, backupURL.path, "correct horse battery"])
        #expect(output.status == 0)
        #expect(output.stdout == "LearnerWallet 2\n")
    }

    static let hasJWCrypto: Bool = (try? python(["-c", "import jwcrypto"]).status == 0) ?? false

    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
