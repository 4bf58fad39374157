import CredentialCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error, with colour only on a terminal and without `NO_COLOR`.
enum Terminal {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes raw bytes to standard output.
    static func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes raw bytes to standard output, turning a failed write (a closed pipe, a full disk) into an error.
    static func outBytesChecked(_ bytes: [UInt8]) throws(CredentialError) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(bytes))
        } catch {
            throw CredentialError(.fileUnwritable, "cannot write to standard output: \(error.localizedDescription)")
        }
    }

    /// Writes a diagnostic line to standard error, prefixed with `mcred: `.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("mcred: " + text + "\n").utf8))
    }

    /// Writes a note (progress, warnings) to standard error as is.
    static func note(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
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
