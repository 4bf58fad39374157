import CredentialCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one writer of standard output and standard error for every command.
///
/// Writes go straight to the file descriptors with `write(2)`, so a failure is seen: a failed write
/// to standard output throws `CLIError.outputFailed` (exit 2, one message), a closed pipe throws
/// `outputClosed` (a quiet exit; SIGPIPE is ignored in `MCred.main`). Diagnostics on standard error
/// are best effort. Colour only on a terminal and without `NO_COLOR`.
enum Terminal {
    /// Writes a line to standard output.
    /// - Throws: `outputFailed`, `outputClosed`.
    static func out(_ text: String) throws(CLIError) {
        try outBytes(Array((text + "\n").utf8))
    }

    /// Writes raw bytes to standard output.
    /// - Throws: `outputFailed`, `outputClosed`.
    static func outBytes(_ bytes: [UInt8]) throws(CLIError) {
        let failure = send(bytes, to: STDOUT_FILENO)
        switch failure {
        case 0:
            return
        case EPIPE:
            throw CLIError(.outputClosed, "")
        default:
            throw CLIError(.outputFailed, "cannot write to standard output: " + String(cString: strerror(failure)))
        }
    }

    /// Writes raw bytes to standard output for a library callback that reports `CredentialError`s
    /// (a streamed batch): a closed pipe becomes `outputClosed` (a quiet exit), a full disk
    /// `fileUnwritable`.
    static func outBytesChecked(_ bytes: [UInt8]) throws(CredentialError) {
        do {
            try outBytes(bytes)
        } catch {
            throw error.code == .outputClosed
                ? CredentialError(.outputClosed, "standard output was closed") : CredentialError(.fileUnwritable, error.message)
        }
    }

    /// Writes a diagnostic line to standard error, prefixed with `mcred: `; `text` must already be
    /// escaped where it holds untrusted text.
    static func error(_ text: String) {
        _ = send(Array(("mcred: " + text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes a one-line note (a summary, a warning) to standard error. Notes name files and
    /// values from the user's documents, so terminal controls in them are shown as escapes
    /// (`TerminalSafe`); text that is escaped already passes unchanged.
    static func note(_ text: String) {
        _ = send(Array((TerminalSafe.escape(text) + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes our own control sequence and text (the progress line's carriage return and erase)
    /// to standard error as is.
    static func redraw(_ text: String) {
        _ = send(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte to `descriptor`, retrying short writes and `EINTR`; returns 0 or the `errno`.
    private static func send(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let rest = offset == 0 ? bytes : Array(bytes[offset...])
            let written = write(descriptor, rest, rest.count)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// True when standard error is a terminal (progress lines are redrawn in place there).
    static var isErrorTTY: Bool { isatty(STDERR_FILENO) == 1 }

    /// True when standard output is a terminal and `NO_COLOR` is not set.
    static var usesColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// ANSI colours used for verdicts.
    enum Colour: String {
        case green = "32"
        case red = "31"
        case yellow = "33"
        case dim = "2"
    }

    /// `text` in `colour` when colour is on.
    static func paint(_ text: String, _ colour: Colour, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }
}
