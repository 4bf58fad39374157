import Foundation

/// Runs `python3` for interoperability tests against independent Python implementations.
enum PythonTool {
    /// The `python3` executable found on PATH, or nil.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.lazy
            .map { String($0) + "/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True when `python3 -c "import jwcrypto"` succeeds; tests that need jwcrypto are skipped otherwise.
    static let hasJWCrypto: Bool = {
        guard path != nil, let result = try? run(["-c", "import jwcrypto"], input: []) else { return false }
        return result.status == 0
    }()

    /// The result of one run.
    struct Result {
        let status: Int32
        let standardOutput: [UInt8]
        let standardError: String
    }

    /// Runs `python3 arguments…` with `input` on its standard input and waits for it.
    static func run(_ arguments: [String], input: [UInt8]) throws -> Result {
        guard let path else { throw Vectors.VectorError(message: "no python3 on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let standardInput = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = standardInput
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // The inputs are small (well under a pipe buffer), so writing before reading cannot block.
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: [UInt8](outputData),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}
