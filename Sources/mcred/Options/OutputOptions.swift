import ArgumentParser
import CredentialCore

/// `--out` and `--force`: where a command writes its result, shared by the commands that write files.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - is standard output.", valueName: "file"))
    var out: String?

    @Flag(help: "Replace --out if it is an existing regular file (never a folder, device, FIFO or symbolic link).")
    var force = false

    /// True when the result goes to standard output (no `--out`, or `--out -`).
    var isStandardOutput: Bool { out == nil || out == "-" }

    /// Refuses an `--out` that is one of the command's own inputs (`--force` would replace the key
    /// or the list being used with the result).
    /// - Throws: `ValidationError` (exit 2) naming the option whose file `--out` would replace.
    func refuseInputs(_ inputs: [(name: String, path: String?)]) throws {
        try Self.refuse(out, inputs)
    }

    /// `refuseInputs` for a command whose output option is not this group's.
    static func refuse(_ out: String?, _ inputs: [(name: String, path: String?)], option: String = "--out") throws {
        guard let out, out != "-" else { return }
        for input in inputs {
            if let path = input.path, FileIO.isSameFile(out, path) {
                throw ValidationError("\(option) \(TerminalSafe.escape(out)) is \(input.name); mcred never writes its result over a file it reads")
            }
        }
    }

    /// Writes `bytes` atomically to `--out`, or to standard output.
    /// - Throws: `CLIError` for standard output; `CredentialError` `fileExists`, `notRegularFile`,
    ///   `fileUnwritable` for a file.
    func write(_ bytes: [UInt8], mode: UInt16 = 0o644) throws {
        try Self.write(bytes, to: out, mode: mode, force: force)
    }

    /// `write(_:mode:)` for a command whose output option is not this group's. Standard output goes
    /// through `Terminal`, so a closed pipe ends the command quietly and a full disk is one message.
    static func write(_ bytes: [UInt8], to out: String?, mode: UInt16 = 0o644, force: Bool) throws {
        guard let out, out != "-" else {
            try Terminal.outBytes(bytes)
            return
        }
        try FileIO.write(bytes, to: out, mode: mode, overwrite: force)
    }
}
