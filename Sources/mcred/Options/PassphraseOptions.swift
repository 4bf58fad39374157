#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CredentialCore
import Foundation

/// Where a backup passphrase comes from: a prompt without echo on the terminal, or the first line
/// of a file. Never from an argument value, which other users can read in the process list.
struct PassphraseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read the passphrase from the first line of this file instead of prompting (keep the file private).",
        valueName: "file"))
    var passphraseFile: String?

    /// The passphrase as bytes (UTF-8, without the line ending).
    /// - Parameter confirm: prompt twice and require the same answer (for a new backup).
    func passphrase(confirm: Bool) throws -> [UInt8] {
        let passphrase = try read(confirm: confirm)
        // PBKDF2 slows each guess; it cannot make a short passphrase hard to guess.
        if confirm, String(decoding: passphrase, as: UTF8.self).count < Self.advisedLength {
            Terminal.note("warning: a passphrase shorter than \(Self.advisedLength) characters is easy to guess; anyone with the backup file can try")
        }
        return passphrase
    }

    /// The length below which a new backup's passphrase gets a warning.
    static let advisedLength = 12

    private func read(confirm: Bool) throws -> [UInt8] {
        if let passphraseFile {
            let bytes = try FileIO.read(passphraseFile, limit: 64 * 1024)
            let line = Array(bytes.prefix { $0 != 0x0A && $0 != 0x0D })
            guard !line.isEmpty else { throw ValidationError("\(passphraseFile): the first line (the passphrase) is empty") }
            return line
        }
        let first = try Self.prompt("Passphrase: ")
        guard !first.isEmpty else { throw ValidationError("the passphrase must not be empty") }
        if confirm {
            let second = try Self.prompt("Passphrase again: ")
            guard first == second else { throw ValidationError("the two passphrases differ; nothing was written") }
        }
        return first
    }

    /// Reads one line from the controlling terminal with echo turned off.
    static func prompt(_ text: String) throws -> [UInt8] {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ValidationError("no terminal to ask for the passphrase on; give --passphrase-file")
        }
        defer { close(descriptor) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        handle.write(Data(text.utf8))
        var saved = termios()
        let hasTerminal = tcgetattr(descriptor, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(descriptor, TCSAFLUSH, &quiet)
        }
        defer {
            if hasTerminal { _ = tcsetattr(descriptor, TCSAFLUSH, &saved) }
            handle.write(Data("\n".utf8))
        }
        var line: [UInt8] = []
        while let byte = (try? handle.read(upToCount: 1))?.first, byte != 0x0A, byte != 0x0D {
            line.append(byte)
            if line.count > 64 * 1024 { break }
        }
        return line
    }
}
