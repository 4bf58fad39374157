import CredentialCore
import Foundation
import Signing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real command line on a generated batch: `mcred issue --batch` and `mcred verify --batch`
/// per CPU-second of the child process (user + sys, so helper threads count), beside
/// `openssl speed ed25519` measured in the same run (DESIGN.md §10 goals: sign ≥ 0.65 and
/// verify ≥ 0.85 of OpenSSL with one job; ×1.6 or more in wall time with two).
enum CLISection {
    /// Lines in the generated batch.
    static let batchSize = 20_000

    static func run(_ bench: inout Bench) {
        guard bench.only == nil || "cli".contains(bench.only ?? "") else { return }
        guard let mcred = siblingExecutable("mcred") else {
            print("cli     the mcred binary is not beside mcred-bench; build it: swift build -c release")
            return
        }
        guard let openssl = Self.onPath("openssl") else {
            print("cli     the openssl command is absent; nothing to compare with")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
              let key = try? Ed25519.PrivateKey(seed: Array(repeating: 7, count: 32)),
              (try? KeyFile.write(key, to: folder + "/issuer.key", overwrite: true)) != nil else {
            print("cli     cannot prepare the batch folder")
            return
        }
        let did = DIDKey(publicKey: key.publicKey).did
        var batch: [UInt8] = []
        for index in 0 ..< batchSize {
            var credential = CredentialCorpus.credential(index)
            credential["issuer"]?["id"] = .string(did)
            credential["id"] = .string("urn:uuid:00000000-0000-4000-8000-\(String(100_000_000_000 + index))")
            CredentialCorpus.writeCompact(credential, into: &batch)
            batch.append(0x0A)
        }
        guard FileManager.default.createFile(atPath: folder + "/in.jsonl", contents: Data(batch)) else {
            print("cli     cannot write the batch")
            return
        }
        let seconds = max(1, Int(bench.seconds.rounded()))
        let label = "\(batchSize) lines, \(batch.count / batchSize) B avg"
        let issueArguments = ["issue", "--key", folder + "/issuer.key", "--batch", folder + "/in.jsonl", "--out", folder + "/out.jsonl", "--force"]
        let verifyArguments = ["verify", "--batch", folder + "/out.jsonl"]
        // Each one-job run is paired with `openssl speed` just before and just after it: on a shared
        // machine the speed of a core drifts by tens of percent within a minute, so only rates taken
        // together compare.
        let commands: [(name: String, arguments: [String], operation: String, rate: KeyPath<Speed, Double>, goal: String)] = [
            ("issue", issueArguments, "sign", \.sign, "0.65"),
            ("verify", verifyArguments, "verify", \.verify, "0.85"),
        ]
        for command in commands {
            guard let one = paired(mcred, command.arguments + ["--jobs", "1"], openssl: openssl, seconds: seconds, rate: command.rate) else {
                print("cli     mcred \(command.name) --batch or openssl speed failed")
                return
            }
            row("openssl speed ed25519 \(command.operation)", "64 bytes", rate: one.openSSL, note: "per CPU-second (user), around the run below")
            row("\(command.name) --batch --jobs 1", label, rate: one.run.perCPUSecond,
                note: "\(Bench.ratio(one.run.perCPUSecond, of: one.openSSL)) of openssl \(command.operation) (goal ≥ \(command.goal))")
            if let two = pairedScaling(mcred, command.arguments) {
                row("\(command.name) --batch --jobs 2", label, rate: two.two.perWallSecond, note: scaling(two.two, over: two.one))
            }
        }
    }

    /// OpenSSL's rates, sign and verify, per CPU-second.
    struct Speed {
        var sign: Double
        var verify: Double
    }

    /// The best of three rounds of `openssl speed`, the command, `openssl speed`: the round whose
    /// command ran fastest against the mean of the two OpenSSL rates around it.
    static func paired(
        _ executable: String, _ arguments: [String], openssl: String, seconds: Int, rate: KeyPath<Speed, Double>
    ) -> (run: Run, openSSL: Double)? {
        var best: (run: Run, openSSL: Double)?
        for _ in 0 ..< 3 {
            guard let before = openSSLSpeed(openssl, seconds: seconds),
                  let run = measure(executable, arguments),
                  let after = openSSLSpeed(openssl, seconds: seconds) else { return nil }
            let reference = (before[keyPath: rate] + after[keyPath: rate]) / 2
            if best.map({ run.perCPUSecond / reference > $0.run.perCPUSecond / $0.openSSL }) ?? true {
                best = (run, reference)
            }
        }
        return best
    }

    /// Rates of one run of the command line.
    struct Run {
        var perCPUSecond: Double
        var perWallSecond: Double
        /// CPU seconds per wall second: how many cores the run actually had.
        var coresUsed: Double
    }

    /// The wall-time speed-up of two jobs over one, with what it cost per CPU-second. On a machine
    /// shared with other work the speed-up says little; the cores used and the rate per CPU-second
    /// (which stays near one job's when the work parallelises well) tell why.
    static func scaling(_ two: Run, over one: Run) -> String {
        "×\(Bench.ratio(two.perWallSecond, of: one.perWallSecond)) of one job in wall time (goal ≥ ×1.6) using "
            + "\(Bench.ratio(two.coresUsed, of: 1)) cores; \(Int(two.perCPUSecond.rounded())) per CPU-second = "
            + "\(Bench.ratio(two.perCPUSecond, of: one.perCPUSecond)) of one job's"
    }

    /// Three rounds of the command with one job then two; the round with the best speed-up in wall
    /// time (runs taken together, as for `paired`).
    static func pairedScaling(_ executable: String, _ arguments: [String]) -> (one: Run, two: Run)? {
        var best: (one: Run, two: Run)?
        for _ in 0 ..< 3 {
            guard let one = measure(executable, arguments + ["--jobs", "1"]),
                  let two = measure(executable, arguments + ["--jobs", "2"]) else { return nil }
            if best.map({ two.perWallSecond / one.perWallSecond > $0.two.perWallSecond / $0.one.perWallSecond }) ?? true {
                best = (one, two)
            }
        }
        return best
    }

    /// Runs the command once; rates are lines per CPU-second of the child and per wall second.
    static func measure(_ executable: String, _ arguments: [String]) -> Run? {
        let before = childCPUSeconds()
        let clock = ContinuousClock()
        let start = clock.now
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let wall = clock.now - start
        guard process.terminationStatus == 0 else { return nil }
        let cpu = childCPUSeconds() - before
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        guard cpu > 0, wallSeconds > 0 else { return nil }
        return Run(perCPUSecond: Double(batchSize) / cpu, perWallSecond: Double(batchSize) / wallSeconds, coresUsed: cpu / wallSeconds)
    }

    /// User + system CPU seconds of every child that has finished (getrusage RUSAGE_CHILDREN).
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let children = RUSAGE_CHILDREN.rawValue
        #else
        let children = RUSAGE_CHILDREN
        #endif
        guard getrusage(children, &usage) == 0 else { return 0 }
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Sign and verify rates from `openssl speed -seconds N ed25519` (the last two numbers of its Ed25519 row).
    static func openSSLSpeed(_ openssl: String, seconds: Int) -> Speed? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["speed", "-seconds", String(seconds), "ed25519"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Ed25519") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { return nil }
        return Speed(sign: numbers[numbers.count - 2], verify: numbers[numbers.count - 1])
    }

    static func row(_ operation: String, _ input: String, rate: Double, note: String) {
        let ops = String(Int(rate.rounded()))
        print(pad("cli", 8) + pad(operation, 30) + pad(input, 30) + String(repeating: " ", count: 10)
            + String(repeating: " ", count: max(1, 12 - ops.count)) + ops + "  " + note)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// An executable in the same folder as this benchmark (SwiftPM builds both there).
    static func siblingExecutable(_ name: String) -> String? {
        guard let me = Bundle.main.executableURL else { return nil }
        let path = me.deletingLastPathComponent().appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The first executable called `name` on PATH.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
