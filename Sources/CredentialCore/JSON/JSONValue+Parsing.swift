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
}
