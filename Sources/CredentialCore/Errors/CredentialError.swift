/// The error thrown by `CredentialCore`: bad JSON, a limit exceeded, a file that cannot be read or written.
///
/// Equality compares the `code` only, so tests and callers match on what went wrong, not on wording.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as an extensible set of codes.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name, used in JSON reports.
        public let name: String
        /// Creates a code with a stable name.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        // JSON syntax and I-JSON rules.
        public static let unexpectedCharacter = Code("unexpectedCharacter")
        public static let unexpectedEnd = Code("unexpectedEnd")
        public static let invalidNumber = Code("invalidNumber")
        public static let numberOutOfRange = Code("numberOutOfRange")
        public static let invalidString = Code("invalidString")
        public static let invalidEscape = Code("invalidEscape")
        public static let controlCharacter = Code("controlCharacter")
        public static let invalidUTF8 = Code("invalidUTF8")
        public static let loneSurrogate = Code("loneSurrogate")
        /// A Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) in a string, raw or escaped.
        public static let noncharacter = Code("noncharacter")
        public static let duplicateKey = Code("duplicateKey")
        public static let trailingData = Code("trailingData")
        // Limits (DESIGN.md §9).
        public static let tooDeep = Code("tooDeep")
        public static let tooLarge = Code("tooLarge")
        public static let stringTooLong = Code("stringTooLong")
        /// The document holds more JSON values than `JSONLimits.maxValues`.
        public static let tooManyValues = Code("tooManyValues")
        // Documents and files.
        public static let invalidPointer = Code("invalidPointer")
        public static let invalidValue = Code("invalidValue")
        public static let missingValue = Code("missingValue")
        public static let fileUnreadable = Code("fileUnreadable")
        public static let fileExists = Code("fileExists")
        public static let fileUnwritable = Code("fileUnwritable")
        /// The destination is a directory, FIFO, device, socket or symbolic link: never replaced.
        public static let notRegularFile = Code("notRegularFile")
        /// Another process holds the advisory lock of a file and did not release it in time.
        public static let fileLocked = Code("fileLocked")
        /// The reader of standard output went away (a closed pipe): the command ends quietly.
        public static let outputClosed = Code("outputClosed")
        // Compression (status lists).
        /// Data that should be gzip (RFC 1952) is corrupt, truncated or followed by other bytes.
        public static let invalidCompression = Code("invalidCompression")
        /// zlib could not compress or start decompressing (an internal failure).
        public static let compressionFailed = Code("compressionFailed")
    }

    /// What went wrong.
    public var code: Code
    /// A one-line explanation for people.
    public var message: String
    /// The JSON Pointer of the value concerned, when the error is about data.
    public var pointer: JSONPointer?
    /// 1-based line of the offending byte, for syntax errors.
    public var line: Int?
    /// 1-based column (in bytes) of the offending byte, for syntax errors.
    public var column: Int?
    /// The file the data came from, when known; set by whoever read the file.
    public var file: String?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, pointer: JSONPointer? = nil,
        line: Int? = nil, column: Int? = nil, file: String? = nil
    ) {
        self.code = code
        self.message = message
        self.pointer = pointer
        self.line = line
        self.column = column
        self.file = file
    }

    /// Returns a copy that names the file the data came from.
    public func inFile(_ file: String) -> CredentialError {
        var copy = self
        copy.file = file
        return copy
    }

    public static func == (lhs: CredentialError, rhs: CredentialError) -> Bool { lhs.code == rhs.code }

    /// `file:line:column: pointer: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = ""
        if let file { location += file }
        if let line {
            location += location.isEmpty ? "line \(line)" : ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = location.isEmpty ? "" : location + ": "
        if let pointer { text += (pointer.description.isEmpty ? "(root)" : pointer.description) + ": " }
        return text + message
    }

    /// `column N: pointer: message`, for an error in one line of a JSON Lines batch, which the
    /// caller names as `FILE:LINE` (a JSON Lines record has no line breaks, so its line is 1).
    public var descriptionWithinLine: String {
        var copy = self
        copy.file = nil
        guard copy.line == 1, let column = copy.column else { return copy.description }
        copy.line = nil
        copy.column = nil
        return "column \(column): " + copy.description
    }
}
