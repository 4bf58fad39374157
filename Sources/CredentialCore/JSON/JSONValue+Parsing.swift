extension JSONValue {
    /// Parses UTF-8 bytes strictly: RFC 8259 JSON that is also I-JSON (RFC 7493), within `limits`.
    ///
    /// Rejects duplicate member names, invalid UTF-8, lone surrogates and noncharacters (also as
    /// escapes), numbers that overflow a double, raw control characters in strings, a byte order
    /// mark and trailing data.
    /// - Throws: `unexpectedCharacter`, `unexpectedEnd`, `invalidNumber`, `numberOutOfRange`,
    ///   `invalidEscape`, `controlCharacter`, `invalidUTF8`, `loneSurrogate`, `noncharacter`, `duplicateKey`,
    ///   `trailingData`, `tooLarge`, `tooDeep`, `stringTooLong`; each with line, column and pointer
    ///   (except `tooLarge`).
    public init(parsing bytes: [UInt8], limits: JSONLimits = .default) throws(CredentialError) {
        var parser = JSONParser(bytes: bytes, limits: limits)
        self = try parser.parse()
    }

    /// Parses a string's UTF-8 strictly; see `init(parsing:limits:)` for bytes.
    /// - Throws: the codes of `init(parsing:limits:)` for bytes.
    public init(parsing text: String, limits: JSONLimits = .default) throws(CredentialError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// Parses as `init(parsing:limits:)` does, and notes whether the text is already its own
    /// RFC 8785 canonical form: an object with no whitespace, no escape, members in canonical
    /// order and numbers written as ECMAScript writes them (mcred's JSON Lines output is).
    ///
    /// A verifier then takes the canonical form of the document without its proof from the text
    /// itself instead of serialising the parsed value again. The test is strict and one-sided:
    /// `canonical` is nil for some canonical texts (any escape), never set for a text that is not.
    /// - Throws: the codes of `init(parsing:limits:)`.
    public static func parsingNotingCanonicalForm(
        _ bytes: [UInt8], limits: JSONLimits = .default
    ) throws(CredentialError) -> (value: JSONValue, canonical: CanonicalText?) {
        var parser = JSONParser(bytes: bytes, limits: limits)
        parser.tracksCanonical = true
        let value = try parser.parse()
        guard parser.isCanonical, case .object(let object) = value, object.count == parser.topMemberRanges.count else {
            return (value, nil)
        }
        return (value, CanonicalText(bytes: bytes, memberRanges: parser.topMemberRanges))
    }
}
