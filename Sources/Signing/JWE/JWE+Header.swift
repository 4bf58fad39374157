import CredentialCore

extension JWE {
    /// The JOSE protected header of a PBES2-HS512+A256KW / A256GCM JWE (RFC 7516 §4, RFC 7518 §4.8.1).
    struct Header {
        /// `p2c`, the PBKDF2 iteration count.
        let iterations: Int
        /// `p2s`, the salt input.
        let saltInput: [UInt8]
        /// `cty`, the content type, when present.
        let contentType: String?

        /// A header for a new JWE.
        init(iterations: Int, saltInput: [UInt8], contentType: String?) {
            self.iterations = iterations
            self.saltInput = saltInput
            self.contentType = contentType
        }

        /// BASE64URL(UTF8(header JSON)), the members in RFC 8785 order.
        var encoded: String {
            var object = JSONObject()
            object["alg"] = .string(JWE.algorithm)
            object["enc"] = .string(JWE.encryption)
            object["p2c"] = .number(Double(iterations))
            object["p2s"] = .string(Base64URL.encode(saltInput))
            if let contentType { object["cty"] = .string(contentType) }
            return Base64URL.encode(JSONValue.object(object).canonicalBytes)
        }

        /// Reads and checks an encoded protected header (RFC 7516 §5.2 steps 3–5).
        /// - Throws: `invalidJWE`, `unsupportedJWE`.
        init(decoding encoded: Substring) throws(SigningError) {
            guard let bytes = Base64URL.decode(encoded) else {
                throw SigningError(.invalidJWE, "the JWE protected header is not unpadded base64url")
            }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: bytes)
            } catch {
                throw SigningError(.invalidJWE, "the JWE protected header is not I-JSON: \(error.description)")
            }
            guard case .object(let object) = value else {
                throw SigningError(.invalidJWE, "the JWE protected header must be a JSON object, found \(value.typeName)")
            }
            // Algorithm names are compared as bytes (RFC 7515 §4.1.1: case-sensitive strings).
            try Self.require(object, "alg", JWE.algorithm)
            try Self.require(object, "enc", JWE.encryption)
            // RFC 7515 §4.1.11: a `crit` extension that is not understood makes the JWE invalid.
            if object["crit"] != nil {
                throw SigningError(.unsupportedJWE, "the JWE header lists critical extensions (crit); mcred understands none")
            }
            // RFC 7516 §4.1.3: mcred does not compress, so it cannot decompress either.
            if object["zip"] != nil {
                throw SigningError(.unsupportedJWE, "the JWE plaintext is compressed (zip); mcred does not support compression")
            }
            // RFC 7518 §4.8.1.1: p2s is base64url of at least 8 bytes.
            guard case .string(let p2s)? = object["p2s"], let saltInput = Base64URL.decode(p2s) else {
                throw SigningError(.invalidJWE, "the JWE header needs p2s, the PBES2 salt input in base64url")
            }
            guard saltInput.count >= 8 else {
                throw SigningError(.invalidJWE, "p2s must hold at least 8 bytes (RFC 7518 §4.8.1.1), found \(saltInput.count)")
            }
            // RFC 7518 §4.8.1.2: p2c is a positive integer.
            guard let iterations = object["p2c"]?.intValue, iterations > 0 else {
                throw SigningError(.invalidJWE, "the JWE header needs p2c, a positive integer count of PBKDF2 iterations")
            }
            var contentType: String?
            if let cty = object["cty"] {
                guard case .string(let text) = cty else {
                    throw SigningError(.invalidJWE, "cty must be a string, found \(cty.typeName)")
                }
                contentType = text
            }
            self.init(iterations: iterations, saltInput: saltInput, contentType: contentType)
        }

        /// Throws unless `object[name]` is the string `expected`, compared as UTF-8 bytes.
        private static func require(_ object: JSONObject, _ name: String, _ expected: String) throws(SigningError) {
            guard case .string(let found)? = object[name] else {
                throw SigningError(.invalidJWE, "the JWE header needs \(name) \"\(expected)\"")
            }
            guard Array(found.utf8) == Array(expected.utf8) else {
                throw SigningError(.unsupportedJWE, "\(name) is \(Multibase.quoted(found)); mcred opens only \(name) \"\(expected)\"")
            }
        }
    }
}
