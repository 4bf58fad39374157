import CredentialCore
public import Signing
import Foundation

extension Wallet {
    /// The member of a backup's payload that carries the holder key, when asked for (an RFC 8037
    /// OKP JWK). It never appears in a wallet file.
    public static let backupKeyMember = "holderKey"

    /// The content type written into a backup's JWE header (`cty`).
    public static let backupContentType = "application/vp+json"

    /// An encrypted backup of the wallet: a JWE compact serialisation (RFC 7516) with
    /// PBES2-HS512+A256KW (`p2c` ≥ 210,000, random 16-byte `p2s`) and A256GCM, whose payload is the
    /// wallet JSON, with the holder's private key as a JWK in `holderKey` only when `key` is given.
    /// - Throws: `wrongHolder` when `key` is not the holder's; `backupFailure` when encryption fails.
    public func encryptedBackup(passphrase: [UInt8], including key: Ed25519.PrivateKey? = nil, iterations: Int = JWE.minimumEncryptionIterations) throws(WalletError) -> String {
        guard case .object(var payload) = jsonValue else {
            throw WalletError(.backupFailure, "the wallet is not a JSON object")
        }
        if let key {
            let did = DIDKey(publicKey: key.publicKey).did
            guard did.hasSameBytes(as: holder) else {
                throw WalletError(.wrongHolder, "the key's did:key \(did) is not the wallet's holder \(holder)")
            }
            // RFC 8037 §2: an Ed25519 private key as an OKP JWK (x = public key, d = seed).
            payload[Self.backupKeyMember] = [
                "kty": "OKP", "crv": "Ed25519",
                "x": .string(Base64URL.encode(key.publicKey.rawRepresentation)),
                "d": .string(Base64URL.encode(key.seed)),
            ]
        }
        do {
            return try JWE.encrypt(
                JSONValue.object(payload).canonicalBytes, passphrase: passphrase, iterations: iterations,
                contentType: Self.backupContentType)
        } catch {
            throw WalletError(.backupFailure, "cannot encrypt the backup: \(error.message)")
        }
    }

    /// Opens an encrypted backup: the wallet, and the holder key when the backup carries one.
    /// - Throws: `backupFailure` for a wrong passphrase, a tampered or foreign file (nothing is
    ///   decrypted in part); `invalidWallet` when the payload is not a wallet or its key is not the
    ///   holder's.
    public static func openBackup(
        _ compact: String, passphrase: [UInt8], file: String, maxIterations: Int = JWE.defaultMaxIterations
    ) throws(WalletError) -> (wallet: Wallet, key: Ed25519.PrivateKey?) {
        let plaintext: [UInt8]
        do {
            plaintext = try JWE.decrypt(
                compact.trimmingCharacters(in: .whitespacesAndNewlines), passphrase: passphrase, maxIterations: maxIterations)
        } catch {
            throw WalletError(.backupFailure, error.message, file: file)
        }
        let document: JSONValue
        do throws(CredentialError) {
            document = try JSONValue(parsing: plaintext)
        } catch {
            throw WalletError(.invalidWallet, "the decrypted backup is not JSON: \(error.description)", file: file)
        }
        guard case .object(var object) = document else {
            throw WalletError(.invalidWallet, "the decrypted backup is not a wallet", file: file)
        }
        let jwk = object.removeValue(forKey: backupKeyMember)
        let wallet = try Wallet(.object(object), file: file)
        guard let jwk else { return (wallet, nil) }
        guard jwk["kty"]?.stringValue == "OKP", jwk["crv"]?.stringValue == "Ed25519",
            let d = jwk["d"]?.stringValue.flatMap(Base64URL.decode), let key = try? Ed25519.PrivateKey(seed: d)
        else {
            throw WalletError(.invalidWallet, "/\(backupKeyMember): not an Ed25519 OKP JWK with a 32-byte d", file: file)
        }
        if let x = jwk["x"]?.stringValue, Base64URL.decode(x) != key.publicKey.rawRepresentation {
            throw WalletError(.invalidWallet, "/\(backupKeyMember)/x: does not match its private key", file: file)
        }
        guard DIDKey(publicKey: key.publicKey).did.hasSameBytes(as: wallet.holder) else {
            throw WalletError(.invalidWallet, "/\(backupKeyMember): the key is not the wallet holder's", file: file)
        }
        return (wallet, key)
    }
}
