import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The result of running the built `mcred` binary.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
    /// True when the process was ended by a signal (a crash, or SIGTERM) rather than by `exit`.
    var signalled = false

    /// Standard error without the warning that a key file can be read by others, which the bundled
    /// test keys get in a fresh clone (git keeps no file modes but the executable bit).
    var stderrWithoutKeyWarnings: String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("can be read by other users; run: chmod 600") }.joined(separator: "\n")
    }
}

/// Runs the built `mcred` executable, which SwiftPM places beside the test bundle.
enum CLI {
    static var binary: URL {
        let products = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
        return products.appendingPathComponent("mcred")
    }

    /// The package's root folder, for the bundled examples and keys.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `mcred` to completion. `standardOutput` replaces the captured standard output (a
    /// `FileHandle` for `/dev/full`, a `Pipe` whose reader is gone); `stdout` is then empty.
    @discardableResult
    static func run(
        _ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil, standardOutput: Any? = nil,
        killAfter seconds: Double = 300
    ) throws -> CLIResult {
        let process = makeProcess(arguments, in: directory)
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = input
        if let closedPipe = standardOutput as? Pipe {
            // Nobody will ever read: the child's writes meet a pipe without a reader (EPIPE).
            try closedPipe.fileHandleForReading.close()
        }
        try process.run()
        // A hang guard, not a timing assertion: a process still running this long is killed,
        // which the caller sees as `signalled`.
        let pid = process.processIdentifier
        let guardItem = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: guardItem)
        defer { guardItem.cancel() }
        if let closedPipe = standardOutput as? Pipe { try? closedPipe.fileHandleForWriting.close() }
        if let stdin { try input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            stdoutBytes: [UInt8](outData),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// A `mcred` process set up to run in `directory` (the package root by default), without colour.
    static func makeProcess(_ arguments: [String], in directory: URL? = nil) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        return process
    }

    /// The example issuer key, as an absolute path.
    static var exampleKey: String { packageRoot.appendingPathComponent("keys-example/issuer.key").path }

    /// A bundled template parsed as a JSON object (for tests that change one field).
    static func template(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Writes a JSON object to `name` in `folder` and returns its path.
    @discardableResult
    static func writeJSON(_ object: Any, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
        return url.path
    }

    /// Runs mcred and samples its peak resident memory (VmHWM, which only grows) until it exits;
    /// returns the exit status, the peak in bytes and what it wrote on standard error.
    static func peakMemory(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, peak: Int, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? packageRoot
        let errors = try temporaryDirectory().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        try process.run()
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
                peak = max(peak, kilobytes * 1024)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
        try? FileManager.default.removeItem(at: errors.deletingLastPathComponent())
        return (process.terminationStatus, peak, stderr)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The path of an `openssl` executable on PATH, if any.
    static let openssl: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `openssl` with arguments; returns its exit status and standard output.
    static func runOpenSSL(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl ?? "openssl")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

