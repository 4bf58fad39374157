import Foundation

/// Runs the `openssl` command-line tool for interoperability tests.
enum OpenSSLTool {
    /// The `openssl` executable found on PATH, or nil; tests that need it are skipped without it.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.lazy
            .map { String($0) + "/openssl" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// True when an `openssl` executable is on PATH.
    static var isAvailable: Bool { path != nil }

    /// The result of one run.
    struct Result {
        let status: Int32
        let standardOutput: [UInt8]
        let standardError: String
    }

    /// Runs `openssl arguments…` and waits for it.
    static func run(_ arguments: [String]) throws -> Result {
        guard let path else { throw Vectors.VectorError(message: "no openssl on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
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

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mcred-signing-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Deletes the directory and everything in it.
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
