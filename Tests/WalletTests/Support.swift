import CredentialCore
import Foundation
import Signing
import Testing

/// The package's root folder, for the bundled examples and keys.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A time inside every bundled example's validity period.
let exampleTime = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

/// A bundled signed example, parsed.
func example(_ name: String) throws -> JSONValue {
    try JSONValue(parsing: [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/\(name).signed.json"))))
}

/// A bundled example key.
func exampleKey(_ name: String) throws -> Ed25519.PrivateKey {
    try KeyFile.readPrivateKey(at: packageRoot.appendingPathComponent("keys-example/\(name).key").path)
}

/// A fresh empty folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-wallet-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
