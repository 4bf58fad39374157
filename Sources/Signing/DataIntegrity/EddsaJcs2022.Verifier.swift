public import CredentialCore

extension EddsaJcs2022 {
    /// A verifier prepared for many proofs: it keeps one OpenSSL key object per signing key it has
    /// met, so a batch from one issuer sets up the issuer's key once.
    ///
    /// Keep one for as long as documents arrive (a batch, a server); copies share the prepared keys,
    /// and it may be used from several threads at once. At most `cacheCapacity` keys are kept; when
    /// a new key would exceed that, the prepared keys are dropped and made again as needed.
    public struct Verifier: Sendable {
        /// The prepared keys, shared by copies of this verifier.
        let keys: PreparedKeyCache

        /// Creates a verifier that keeps up to `cacheCapacity` prepared keys (0 prepares a key per proof).
        public init(cacheCapacity: Int = 16) {
            self.keys = PreparedKeyCache(capacity: cacheCapacity)
        }

        /// vc-di-eddsa §3.3.2 Verify Proof for a secured document carrying one `proof` object.
        ///
        /// A `proof` array (a proof set) is verified only when it holds exactly one proof; use
        /// `verifyProof(_:in:pointer:)` to check each member of a larger set.
        /// - Throws: `openSSLFailure` only when the signature could not be checked ("could not verify");
        ///   a malformed proof or an invalid signature is a `.failed` result.
        public func verify(_ secured: JSONValue) throws(SigningError) -> Verification {
            try verify(secured, canonical: nil)
        }

        /// `verify(_:)` for a document parsed with `JSONValue.parsingNotingCanonicalForm`: when its
        /// text is canonical, the document's canonical form without the proof is cut from the text.
        /// `canonical` must be the text `secured` was parsed from (or nil).
        package func verify(_ secured: JSONValue, canonical: CanonicalText?) throws(SigningError) -> Verification {
            guard case .object(let document) = secured else {
                return .failed(Failure(.malformed, "a secured document must be a JSON object", pointer: .root))
            }
            switch document["proof"] {
            case .object(let proof)?:
                return try verifyProof(proof, in: document, pointer: JSONPointer(tokens: ["proof"]), canonical: canonical)
            case .array(let proofs)? where proofs.count == 1:
                guard case .object(let proof) = proofs[0] else {
                    return .failed(Failure(.malformed, "a proof must be a JSON object", pointer: "/proof/0"))
                }
                return try verifyProof(proof, in: document, pointer: JSONPointer(tokens: ["proof", "0"]), canonical: canonical)
            case .array?:
                return .failed(Failure(.malformed, "proof sets with several proofs are not supported", pointer: "/proof"))
            case nil:
                return .failed(Failure(.malformed, "no proof", pointer: "/proof"))
            case let other?:
                return .failed(Failure(.malformed, "a proof must be a JSON object, found \(other.typeName)", pointer: "/proof"))
            }
        }

        /// vc-di-eddsa §3.3.2 Verify Proof: checks one `proof` of `document` (which may still contain it).
        /// - Throws: as `verify(_:)`.
        public func verifyProof(
            _ proof: JSONObject, in document: JSONObject, pointer: JSONPointer = "/proof"
        ) throws(SigningError) -> Verification {
            try verifyProof(proof, in: document, pointer: pointer, canonical: nil)
        }

        /// `verifyProof(_:in:pointer:)`, taking the unsecured document's canonical form from
        /// `canonical` (the text `document` was parsed from) when it is canonical.
        func verifyProof(
            _ proof: JSONObject, in document: JSONObject, pointer: JSONPointer, canonical: CanonicalText?
        ) throws(SigningError) -> Verification {
            // Step 2: proof options = the proof without proofValue.
            var options = proof
            guard case .string(let proofValue)? = options.removeValue(forKey: "proofValue") else {
                return .failed(Failure(.malformed, "proofValue is missing or not a string", pointer: pointer.appending("proofValue")))
            }
            guard case .string(proofType)? = proof["type"] else {
                return .failed(Failure(.malformed, "proof type must be \"\(proofType)\"", pointer: pointer.appending("type")))
            }
            guard case .string(cryptosuite)? = proof["cryptosuite"] else {
                let found = proof["cryptosuite"]?.stringValue.map { "\"\($0)\"" } ?? "nothing"
                return .failed(Failure(
                    .malformed, "cryptosuite must be \"\(cryptosuite)\", found \(found)", pointer: pointer.appending("cryptosuite")))
            }
            guard case .string(let method)? = proof["verificationMethod"] else {
                return .failed(Failure(.malformed, "verificationMethod is missing", pointer: pointer.appending("verificationMethod")))
            }
            let key: DIDKey
            do {
                key = try keys.didKey(forMethod: method)
            } catch {
                return .failed(Failure(.malformed, error.message, pointer: pointer.appending("verificationMethod")))
            }
            // vc-data-integrity §2.1: created and expires, when present, are dateTimeStamps (with a time zone).
            for field in ["created", "expires"] {
                if let value = proof[field] {
                    guard case .string(let text) = value, XSDDateTime.parseWithTimeZone(text)?.hasTimeZone == true else {
                        return .failed(Failure(
                            .malformed, "\(field) must be an XML Schema dateTimeStamp with a time zone, such as 2026-01-31T09:00:00Z",
                            pointer: pointer.appending(field)))
                    }
                }
            }
            // Step 3: decode proofValue (multibase base58btc, 64 bytes).
            let signature: [UInt8]
            do {
                // Bounded well above any suite's signature, so that a huge value costs no time.
                signature = try Multibase.decodeBase58btc(proofValue, maxBytes: 512)
            } catch {
                return .failed(Failure(.malformed, error.message, pointer: pointer.appending("proofValue")))
            }
            guard signature.count == 64 else {
                return .failed(Failure(
                    .malformed, "proofValue must encode a 64-byte Ed25519 signature, found \(signature.count) bytes",
                    pointer: pointer.appending("proofValue")))
            }
            // Step 4: the proof's @context must be a prefix of the document's; the document is then
            // checked with the proof's context.
            let proofContext = options["@context"]
            if let proofContext {
                guard isPrefix(proofContext, of: document["@context"]) else {
                    return .failed(Failure(
                        .invalidSignature, "the proof's @context is not a prefix of the document's @context",
                        pointer: pointer.appending("@context")))
                }
            }
            // Steps 1 and 5–7: the unsecured document (the secured one without `proof`, with the
            // proof's context), transformation, proof configuration, hashing. When the text is
            // canonical and the context stays as it is, cutting the proof out of the text gives
            // the transformed document (RFC 8785 sorts members; removing one keeps the order).
            let hashData: [UInt8]
            if let canonical, canonical.memberRanges.count == document.count,
               let position = document.index(forKey: "proof"),
               proofContext == nil || proofContext == document["@context"] {
                hashData = EddsaJcs2022.hashData(proofConfiguration: options, canonicalDocument: canonical.removingMember(at: position))
            } else {
                var unsecured = document
                unsecured.removeValue(forKey: "proof")
                if let proofContext { unsecured["@context"] = proofContext }
                hashData = EddsaJcs2022.hashData(proofConfiguration: options, unsecuredDocument: unsecured)
            }
            // Step 8: Ed25519 verification. An OpenSSL failure throws: it is not a verdict.
            guard try keys.verifier(for: key.publicKey).isValidSignature(signature, for: hashData) else {
                return .failed(Failure(
                    .invalidSignature, "the Ed25519 signature does not match the document and key \(key.did)",
                    pointer: pointer.appending("proofValue")))
            }
            return .verified(key: key, proof: proof)
        }
    }
}
