/// The error thrown by the `mcred` command itself: output that cannot be written, input that is not
/// what a command needs. `MCred.exitCode(for:)` maps it, like every other error, to an exit code.
///
/// Equality compares the `code` only.
struct CLIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable name.
        let name: String
        /// Creates a code.
        init(_ name: String) { self.name = name }
        var description: String { name }

        /// Standard output could not be written (a full disk, `/dev/full`, an I/O error).
        static let outputFailed = Code("outputFailed")
        /// The reader of standard output went away (`| head -1`); the command stops quietly.
        static let outputClosed = Code("outputClosed")
        /// The file is JSON but not the kind of document the command needs.
        static let wrongDocument = Code("wrongDocument")
    }

    /// What went wrong.
    var code: Code
    /// A one-line explanation (empty for `outputClosed`, which prints nothing).
    var message: String

    /// Creates an error.
    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    static func == (lhs: CLIError, rhs: CLIError) -> Bool { lhs.code == rhs.code }

    var description: String { message }
}
