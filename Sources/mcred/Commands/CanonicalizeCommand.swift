import ArgumentParser
import CredentialCore

/// `mcred canonicalize`: print the RFC 8785 form of a JSON document.
struct CanonicalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Write the RFC 8785 canonical form of a JSON document to standard output.",
        discussion: """
            These are the bytes an eddsa-jcs-2022 proof signs. No trailing newline is written. \
            Reads standard input when no file (or -) is given.

            Example:
              echo '{"b":1,"a":[1.50,"\\u00e9"]}' | mcred canonicalize
              {"a":[1.5,"é"],"b":1}
            """
    )

    @Argument(help: ArgumentHelp("The JSON file (default: standard input).", valueName: "file"))
    var file: String = "-"

    func run() throws {
        let name = file == "-" ? "<stdin>" : file
        let bytes = try FileIO.read(file)
        let canonical: [UInt8]
        do {
            canonical = try JSONValue(parsing: bytes).canonicalBytes
        } catch {
            throw error.inFile(name)
        }
        try Terminal.outBytes(canonical)
    }
}
