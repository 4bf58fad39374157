public import CredentialCore

/// The `eddsa-jcs-2022` cryptosuite of W3C vc-di-eddsa: Data Integrity proofs over RFC 8785
/// canonical JSON, signed with Ed25519.
///
/// Each step of the W3C algorithm is a function of its own (proof configuration, transformation,
/// hashing, serialisation, verification). A malformed proof and a checked, invalid signature are
/// `.failed` results; an OpenSSL failure, when the signature could not be checked at all, is a
/// thrown `SigningError` and never reads as "invalid".
public enum EddsaJcs2022 {
    /// The cryptosuite identifier, `eddsa-jcs-2022`.
    public static let cryptosuite = "eddsa-jcs-2022"
    /// The proof type, `DataIntegrityProof`.
    public static let proofType = "DataIntegrityProof"

    /// The options of a new proof (vc-data-integrity §2.1 proof properties).
    public struct ProofOptions: Sendable {
        /// `assertionMethod` for credentials, `authentication` for presentations.
        public var proofPurpose: String
        /// The `created` timestamp (XML Schema dateTime), or nil to leave it out.
        public var created: String?
        /// A presentation's `challenge` (nonce given by the verifier).
        public var challenge: String?
        /// A presentation's `domain` (the verifier's identifier).
        public var domain: String?
        /// An optional `expires` timestamp of the proof.
        public var expires: String?

        /// Creates proof options.
        public init(
            proofPurpose: String, created: String?, challenge: String? = nil,
            domain: String? = nil, expires: String? = nil
        ) {
            self.proofPurpose = proofPurpose
            self.created = created
            self.challenge = challenge
            self.domain = domain
            self.expires = expires
        }
    }

    /// Why a proof did not verify. `malformed` means it could not be checked at all.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The failure's kind.
        public enum Kind: String, Sendable {
            /// The proof is missing, of another suite, or not well formed: it could not be checked.
            case malformed
            /// The proof was checked and the signature is not valid for this document and key.
            case invalidSignature
        }
        /// The failure's kind.
        public var kind: Kind
        /// A one-line explanation.
        public var message: String
        /// The JSON Pointer of the field concerned, relative to the secured document.
        public var pointer: JSONPointer

        /// Creates a failure.
        public init(_ kind: Kind, _ message: String, pointer: JSONPointer) {
            self.kind = kind
            self.message = message
            self.pointer = pointer
        }

        public var description: String { "\(pointer): \(message)" }
    }

    /// The outcome of verifying one proof.
    public enum Verification: Sendable {
        /// The signature is valid; `key` is the did:key that signed, `proof` the proof object.
        case verified(key: DIDKey, proof: JSONObject)
        /// The proof could not be checked, or was checked and is invalid.
        case failed(Failure)

        /// True when the proof verified.
        public var isVerified: Bool {
            if case .verified = self { return true }
            return false
        }
    }

    // MARK: - Create

    /// A signing key prepared for many proofs: its did:key, verification method and OpenSSL key
    /// object are made once. It may be shared between threads.
    public struct Signer: Sendable {
        /// The signing key.
        public let key: Ed25519.PrivateKey
        /// The key's did:key.
        public let did: DIDKey
        /// `did:key:z6Mk…#z6Mk…`, written into every proof.
        public let verificationMethod: String
        /// The OpenSSL key object every signature uses, or nil when OpenSSL could not make it at
        /// init; each signature then makes its own and throws OpenSSL's error if that fails too.
        let keyObject: OpenSSLKey?

        /// Prepares `key` for signing.
        public init(key: Ed25519.PrivateKey) {
            self.key = key
            self.did = DIDKey(publicKey: key.publicKey)
            self.verificationMethod = did.verificationMethodID
            self.keyObject = try? OpenSSLKey.ed25519KeyPair(seed: key.seed, publicKey: key.publicKey.rawRepresentation)
        }

        /// Signs `document` (which must not already carry a `proof`) and returns it with the proof added.
        /// - Throws: `SigningError` with `invalidDocument` when the document is not an object, already
        ///   has a proof, or holds a number JSON cannot represent; `openSSLFailure`.
        public func sign(_ document: JSONValue, options: ProofOptions) throws(SigningError) -> JSONValue {
            try signWithCanonicalForm(document, options: options).signed
        }

        /// Signs `document` and also returns the signed document's RFC 8785 canonical bytes, made by
        /// splicing the proof into the canonical form that was hashed (no second serialisation).
        /// - Throws: as `sign(_:options:)`.
        public func signWithCanonicalForm(
            _ document: JSONValue, options: ProofOptions
        ) throws(SigningError) -> (signed: JSONValue, canonical: [UInt8]) {
            guard case .object(var secured) = document else {
                throw SigningError(.invalidDocument, "a document to sign must be a JSON object, found \(document.typeName)")
            }
            guard secured["proof"] == nil else {
                throw SigningError(.invalidDocument, "the document already has a proof; mcred adds exactly one")
            }
            let (proof, splice, canonicalProof) = try proofAndSplice(for: secured, options: options)
            secured["proof"] = .object(proof)
            return (.object(secured), splice.with(canonicalValue: canonicalProof))
        }

        /// vc-di-eddsa §3.3.1 Create Proof (eddsa-jcs-2022): returns the proof object for `unsecured`.
        /// - Throws: `SigningError` (`invalidDocument`, `openSSLFailure`).
        public func createProof(for unsecured: JSONObject, options: ProofOptions) throws(SigningError) -> JSONObject {
            try proofAndSplice(for: unsecured, options: options).proof
        }

        /// Create Proof, keeping the document's canonical members and the proof's canonical form for
        /// writing the signed document.
        func proofAndSplice(
            for unsecured: JSONObject, options: ProofOptions
        ) throws(SigningError) -> (proof: JSONObject, splice: CanonicalSplice, canonicalProof: [UInt8]) {
            // Steps 1–2: proof = clone of options; copy the document's @context into it.
            var proof = proofConfiguration(
                options: options, verificationMethod: verificationMethod, context: unsecured["@context"])
            // Steps 3–5: configuration, transformation (RFC 8785, without any proof member), hashing.
            // A number JSON cannot hold (NaN, infinity) in a document built in code is refused.
            let splice: CanonicalSplice
            let configuration: CanonicalSplice
            do {
                splice = try CanonicalSplice(unsecured, around: "proof")
                // The proof configuration is hashed without proofValue and written with it: one
                // serialisation split around that member gives both forms.
                configuration = try CanonicalSplice(proof, around: "proofValue")
            } catch {
                throw SigningError(.invalidDocument, error.description)
            }
            let hashData = EddsaJcs2022.hashData(canonicalProofConfiguration: configuration.withoutKey, canonicalDocument: splice.withoutKey)
            // Step 6: proof serialisation = Ed25519 over the 64 bytes.
            let signature: [UInt8]
            if let keyObject {
                signature = try OpenSSLBackend.ed25519Sign(hashData, key: keyObject)
            } else {
                signature = try key.signature(for: hashData)
            }
            // Step 7: proofValue = multibase base58btc.
            let proofValue = JSONValue.string(Multibase.base58btc(signature))
            proof["proofValue"] = proofValue
            return (proof, splice, configuration.with(canonicalValue: proofValue.canonicalBytes))
        }
    }

    /// Signs `document` with `key`; see `Signer.sign(_:options:)`, which is faster for many documents.
    /// - Throws: `SigningError` (`invalidDocument`, `openSSLFailure`).
    public static func sign(
        _ document: JSONValue, with key: Ed25519.PrivateKey, options: ProofOptions
    ) throws(SigningError) -> JSONValue {
        try Signer(key: key).sign(document, options: options)
    }

    /// vc-di-eddsa §3.3.1 Create Proof (eddsa-jcs-2022) with `key`; see `Signer.createProof(for:options:)`.
    /// - Throws: `SigningError` (`invalidDocument`, `openSSLFailure`).
    public static func createProof(
        for unsecured: JSONObject, with key: Ed25519.PrivateKey, options: ProofOptions
    ) throws(SigningError) -> JSONObject {
        try Signer(key: key).createProof(for: unsecured, options: options)
    }

    /// vc-di-eddsa §3.3.5 Proof Configuration: the proof options with the document's `@context`.
    static func proofConfiguration(
        options: ProofOptions, verificationMethod: String, context: JSONValue?
    ) -> JSONObject {
        var proof = JSONObject()
        proof["type"] = .string(proofType)
        proof["cryptosuite"] = .string(cryptosuite)
        if let created = options.created { proof["created"] = .string(created) }
        if let expires = options.expires { proof["expires"] = .string(expires) }
        proof["verificationMethod"] = .string(verificationMethod)
        proof["proofPurpose"] = .string(options.proofPurpose)
        if let challenge = options.challenge { proof["challenge"] = .string(challenge) }
        if let domain = options.domain { proof["domain"] = .string(domain) }
        if let context { proof["@context"] = context }
        return proof
    }

    /// vc-di-eddsa §3.3.4 Hashing: SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)).
    static func hashData(proofConfiguration: JSONObject, unsecuredDocument: JSONObject) -> [UInt8] {
        // §3.3.3 Transformation: the document's canonical form (RFC 8785).
        hashData(proofConfiguration: proofConfiguration, canonicalDocument: JSONValue.object(unsecuredDocument).canonicalBytes)
    }

    /// Hashing over a document already in canonical form.
    static func hashData(proofConfiguration: JSONObject, canonicalDocument: [UInt8]) -> [UInt8] {
        hashData(canonicalProofConfiguration: JSONValue.object(proofConfiguration).canonicalBytes, canonicalDocument: canonicalDocument)
    }

    /// §3.3.4 Hashing: SHA-256 of the canonical proof configuration, then of the canonical document.
    static func hashData(canonicalProofConfiguration: [UInt8], canonicalDocument: [UInt8]) -> [UInt8] {
        SHA256.hash(each: [canonicalProofConfiguration, canonicalDocument]).flatMap { $0 }
    }

    // MARK: - Verify

    /// vc-di-eddsa §3.3.2 Verify Proof for a secured document carrying one `proof` object; see
    /// `Verifier.verify(_:)`, which is faster for many documents.
    /// - Throws: `openSSLFailure` only when the signature could not be checked; a malformed proof
    ///   or an invalid signature is a `.failed` result.
    public static func verify(_ secured: JSONValue) throws(SigningError) -> Verification {
        try Verifier(cacheCapacity: 0).verify(secured)
    }

    /// vc-di-eddsa §3.3.2 Verify Proof: checks one `proof` of `document` (which may still contain it);
    /// see `Verifier.verifyProof(_:in:pointer:)`.
    /// - Throws: as `verify(_:)`.
    public static func verifyProof(
        _ proof: JSONObject, in document: JSONObject, pointer: JSONPointer = "/proof"
    ) throws(SigningError) -> Verification {
        try Verifier(cacheCapacity: 0).verifyProof(proof, in: document, pointer: pointer)
    }

    /// True when `prefix` lists the first values of `context`, in order (vc-di-eddsa §3.3.2 step 4).
    static func isPrefix(_ prefix: JSONValue, of context: JSONValue?) -> Bool {
        let prefixItems = prefix.arrayValue ?? [prefix]
        guard let context else { return false }
        let contextItems = context.arrayValue ?? [context]
        guard prefixItems.count <= contextItems.count else { return false }
        return zip(prefixItems, contextItems).allSatisfy { $0 == $1 }
    }
}
