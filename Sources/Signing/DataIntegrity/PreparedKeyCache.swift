import CredentialCore
import Synchronization

/// Prepared Ed25519 verifiers by public key, and parsed verification methods by their exact bytes,
/// shared by the copies of one `EddsaJcs2022.Verifier`.
///
/// Owned by the verifier its caller keeps, never global. A lock guards the table; the OpenSSL work
/// of a verification runs outside it, so threads verifying at once do not wait for each other.
final class PreparedKeyCache: Sendable {
    /// The most keys kept; 0 keeps none.
    let capacity: Int
    /// The prepared keys.
    private let verifiers: Mutex<[Ed25519.PublicKey: Ed25519.Verifier]>
    /// Verification methods already parsed, by their bytes (never by `==`, which would let a
    /// canonically equivalent spelling stand for the real one).
    private let methods: Mutex<[ScalarKey: DIDKey]>

    /// Creates an empty cache of up to `capacity` keys.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
        self.verifiers = Mutex([:])
        self.methods = Mutex([:])
    }

    /// The key of a `did:key:z6Mk…#z6Mk…` verification method, parsed (base58 and the public-key
    /// checks) once per method and kept, when there is room: a batch from one issuer names one.
    /// - Throws: every error of `DIDKey(verificationMethod:)`; a method that fails is not kept.
    func didKey(forMethod method: String) throws(SigningError) -> DIDKey {
        guard capacity > 0 else { return try DIDKey(verificationMethod: method) }
        let name = ScalarKey(string: method)
        if let cached = methods.withLock({ $0[name] }) { return cached }
        let key = try DIDKey(verificationMethod: method)
        methods.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[name] = key
        }
        return key
    }

    /// The prepared verifier of `key`, made (and kept, when there is room) on first use.
    /// - Throws: `openSSLFailure` when OpenSSL cannot make the key object.
    func verifier(for key: Ed25519.PublicKey) throws(SigningError) -> Ed25519.Verifier {
        guard capacity > 0 else { return try Ed25519.Verifier(publicKey: key) }
        if let cached = verifiers.withLock({ $0[key] }) { return cached }
        let prepared = try Ed25519.Verifier(publicKey: key)
        insert(prepared)
        return prepared
    }

    /// Keeps `verifier` for its key, dropping every other key first when the cache is full.
    func insert(_ verifier: Ed25519.Verifier) {
        guard capacity > 0 else { return }
        verifiers.withLock { table in
            if table[verifier.publicKey] == nil, table.count >= capacity {
                table.removeAll(keepingCapacity: true)
            }
            table[verifier.publicKey] = verifier
        }
    }

    /// How many keys are prepared.
    var count: Int { verifiers.withLock { $0.count } }
}
