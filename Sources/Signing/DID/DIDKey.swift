import CredentialCore

/// A `did:key` identifier of an Ed25519 public key (W3C CCG did:key method, Ed25519 section).
///
/// The method-specific identifier is multibase base58btc of the multicodec `ed25519-pub` (0xed, written
/// as the varint `0xed 0x01`) followed by the 32 key bytes, so every such DID starts with `did:key:z6Mk`.
public struct DIDKey: Sendable, Hashable, CustomStringConvertible {
    /// The DID's public key.
    public let publicKey: Ed25519.PublicKey
    /// `z6Mk…`: multibase base58btc of 0xed 0x01 and the 32 key bytes (computed once: base58 is
    /// quadratic, and verifiers compare DIDs for every credential).
    public let publicKeyMultibase: String

    /// The did:key method prefix.
    static let scheme = "did:key:"
    /// The multicodec code of `ed25519-pub`.
    static let ed25519Codec: UInt64 = 0xed
    /// The unsigned-varint encoding of `ed25519-pub`: 0xed 0x01.
    static let ed25519Prefix: [UInt8] = [0xed, 0x01]

    /// The DID of a public key.
    public init(publicKey: Ed25519.PublicKey) {
        self.publicKey = publicKey
        self.publicKeyMultibase = Multibase.base58btc(Self.ed25519Prefix + publicKey.rawRepresentation)
    }

    /// Parses `did:key:z6Mk…`, applying the public-key checks to the key it holds.
    /// - Throws: `invalidDIDKey` when the text is not `did:key:` + multibase, `invalidMultibase`,
    ///   `unsupportedMulticodec` for a key type other than Ed25519, `invalidKeyLength`,
    ///   `nonCanonicalPublicKey`, `smallOrderPublicKey`.
    public init(parsing did: String) throws(SigningError) {
        // Quoted only when an error needs it: verifiers parse a DID for every credential.
        func shown() -> String { Multibase.quoted(did) }
        // did:key method: did-key-format := did:key:MULTIBASE(base58-btc, MULTICODEC(public-key-type, raw-public-key-bytes))
        guard did.hasPrefix(Self.scheme) else {
            throw SigningError(.invalidDIDKey, "\(shown()) is not a did:key: it does not start with \"did:key:\"")
        }
        let identifier = String(did.dropFirst(Self.scheme.count))
        guard !identifier.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
            throw SigningError(.invalidDIDKey, "\(shown()) is not a bare did:key: it has a path, query or fragment")
        }
        let bytes: [UInt8]
        do {
            // Bounded well above any key type's did:key (an RSA-4096 key takes about 550 bytes).
            bytes = try Multibase.decodeBase58btc(identifier, maxBytes: 1024)
        } catch {
            throw SigningError(.invalidMultibase, "\(shown()): \(error.message)")
        }
        guard let (codec, length) = Self.varint(bytes) else {
            throw SigningError(.invalidDIDKey, "\(shown()) does not start with a multicodec prefix")
        }
        let prefixHex = bytes[..<length].map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        guard codec == Self.ed25519Codec else {
            let name = Self.codecNames[codec] ?? "not Ed25519"
            throw SigningError(.unsupportedMulticodec, "\(shown()): multicodec 0x\(prefixHex) is \(name), mcred needs an Ed25519 key (0xed01)")
        }
        let key = Array(bytes[length...])
        guard key.count == OpenSSLBackend.keyLength else {
            throw SigningError(.invalidKeyLength, "\(shown()): an Ed25519 did:key holds 32 key bytes after 0xed01, found \(key.count)")
        }
        do {
            self.publicKey = try Ed25519.PublicKey(rawRepresentation: key)
        } catch {
            throw SigningError(error.code, "\(shown()): \(error.message)")
        }
        // Base58 has one spelling per byte string, so the identifier is the key's multibase form.
        self.publicKeyMultibase = identifier
    }

    /// Parses a verification method `did:key:z6Mk…#z6Mk…`, whose fragment must repeat the multibase key.
    /// - Throws: `invalidDIDKey` when there is no fragment or it differs from the key, and every error of
    ///   `init(parsing:)`.
    public init(verificationMethod: String) throws(SigningError) {
        func shown() -> String { Multibase.quoted(verificationMethod) }
        guard let hash = verificationMethod.utf8.firstIndex(of: UInt8(ascii: "#")) else {
            throw SigningError(.invalidDIDKey, "\(shown()) is not a did:key verification method: it has no \"#\" fragment")
        }
        try self.init(parsing: String(verificationMethod[..<hash]))
        // did:key method, "Create the verification method": the fragment is the multibase value itself.
        let fragment = verificationMethod[verificationMethod.index(after: hash)...]
        // By bytes: `==` would accept a canonically equivalent fragment (U+212A KELVIN SIGN for "K").
        guard fragment.hasSameBytes(as: publicKeyMultibase) else {
            throw SigningError(.invalidDIDKey, "\(shown()): the fragment does not match the key, expected \"#\(publicKeyMultibase)\"")
        }
    }

    /// `did:key:z6Mk…`.
    public var did: String { Self.scheme + publicKeyMultibase }

    /// `did:key:z6Mk…#z6Mk…`, the key's verification method.
    public var verificationMethodID: String {
        let multibase = publicKeyMultibase
        return Self.scheme + multibase + "#" + multibase
    }

    /// The DID, `did:key:z6Mk…`.
    public var description: String { did }

    /// Decodes the unsigned varint (multiformats unsigned-varint, at most 9 bytes) at the start of `bytes`.
    static func varint(_ bytes: [UInt8]) -> (value: UInt64, length: Int)? {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(9).enumerated() {
            value |= UInt64(byte & 0x7f) << (7 * UInt64(index))
            if byte & 0x80 == 0 {
                // unsigned-varint: the shortest encoding only.
                guard byte != 0 || index == 0 else { return nil }
                return (value, index + 1)
            }
        }
        return nil
    }

    /// Names of multicodec key types that a did:key may hold, for messages.
    static let codecNames: [UInt64: String] = [
        0xec: "X25519",
        0xe7: "secp256k1",
        0x1200: "P-256",
        0x1201: "P-384",
        0x1202: "P-521",
        0x1205: "RSA",
        0x1300: "an Ed25519 private key",
        0xeb: "BLS12-381 G2",
    ]
}
