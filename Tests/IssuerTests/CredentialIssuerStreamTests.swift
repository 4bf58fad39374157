import CredentialCore
import Foundation
import Signing
import Testing
import Verifier
@testable import Issuer

@Suite("CredentialIssuer streamed batches")
struct CredentialIssuerStreamTests {
    let issuer: CredentialIssuer
    let issuedAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    init() throws {
        issuer = try CredentialIssuer(key: Ed25519.PrivateKey(seed: testSeed))
    }

    /// A JSON Lines file of templates; `id(n)` gives line n's template id, or nil for none.
    func batchFile(count: Int, id: (Int) -> String?, extra: [Int: String] = [:]) throws -> String {
        var bytes: [UInt8] = []
        for number in 1 ... count {
            if let line = extra[number] {
                bytes += Array(line.utf8) + [0x0A]
                continue
            }
            var template = microCredentialTemplate(learner: "Learner \(number)")
            if let value = id(number) { template["id"] = .string(value) }
            bytes += template.canonicalBytes + [0x0A]
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-batch-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs the batch and collects what it wrote and refused.
    func run(
        _ path: String, jobs: Int = 2, windowSize: Int = 8192, stop: Bool = false
    ) throws -> (summary: CredentialIssuer.BatchSummary, output: [UInt8], failures: [IssuerError]) {
        let reader = try JSONLinesReader(path: path, windowSize: windowSize)
        var output: [UInt8] = []
        var failures: [IssuerError] = []
        let summary = try issuer.issueBatch(
            from: reader, jobs: jobs, issuedAt: issuedAt, stopAtFirstFailure: stop,
            write: { output += $0 }, onFailure: { failures.append($0) })
        return (summary, output, failures)
    }

    @Test("output keeps input order across many small windows with two jobs, and every line verifies")
    func keepsOrder() throws {
        let path = try batchFile(count: 300, id: { "urn:example:credential:\($0)" })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path)
        #expect(result.summary.issued == 300)
        #expect(result.failures.isEmpty)
        let lines = result.output.split(separator: 0x0A)
        #expect(lines.count == 300)
        let verifier = CredentialVerifier(at: issuedAt)
        for (index, line) in lines.enumerated() {
            let signed = try JSONValue(parsing: Array(line))
            #expect(signed["id"]?.stringValue == "urn:example:credential:\(index + 1)")
            #expect(verifier.verify(signed)[.signature]?.result == .pass)
        }
    }

    @Test("a repeated template id is a bad line, named by number; nothing more is written after it")
    func duplicateIDs() throws {
        let path = try batchFile(count: 50, id: { $0 == 40 ? "urn:example:credential:7" : "urn:example:credential:\($0)" })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path)
        #expect(result.summary.failed == 1)
        #expect(result.summary.issued == 49)
        #expect(result.failures.map(\.line) == [40])
        #expect(result.failures.first?.code == .duplicateID)
        #expect(result.summary.distinctIDs == 49)
    }

    @Test("ids equal only under Unicode normalisation are different ids")
    func idsCompareAsBytes() throws {
        let path = try batchFile(count: 2, id: { $0 == 1 ? "urn:example:caf\u{E9}" : "urn:example:cafe\u{301}" })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path)
        #expect(result.failures.isEmpty)
        #expect(result.summary.issued == 2)
    }

    @Test("every bad line is reported in order, and the batch goes on to the end")
    func reportsEveryBadLine() throws {
        let path = try batchFile(count: 40, id: { _ in nil }, extra: [3: "[1, 2", 17: "{\"proof\":{}}", 39: "42"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path)
        #expect(result.failures.map(\.line) == [3, 17, 39])
        #expect(result.summary.issued == 37)
        #expect(!result.summary.stoppedEarly)
        // Only the lines before the first failure were handed on; the caller discards them.
        #expect(result.output.split(separator: 0x0A).count < 37)
    }

    @Test("after a bad line, later windows are still checked in full, repeated ids included")
    func checksAfterFailure() throws {
        let path = try batchFile(
            count: 60, id: { $0 == 55 ? "urn:example:credential:30" : "urn:example:credential:\($0)" },
            extra: [2: "{}", 48: "{\"@context\": 1}"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path)
        #expect(result.failures.map(\.line) == [2, 48, 55])
        #expect(result.failures.map(\.code) == [.invalidCredential, .invalidCredential, .duplicateID])
        #expect(result.output.isEmpty)
    }

    @Test("stopping at the first failure writes every line before it and nothing after")
    func stopsAtFirstFailure() throws {
        let path = try batchFile(count: 40, id: { _ in nil }, extra: [25: "[1, 2", 30: "nope"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(path, stop: true)
        #expect(result.summary.stoppedEarly)
        #expect(result.failures.map(\.line) == [25])
        #expect(result.output.split(separator: 0x0A).count == 24)
    }

    @Test("signed lines reach the output in order: small ones gathered into pieces of at most 1 MiB, a large one alone")
    func writePieces() throws {
        let limit = CredentialIssuer.writeChunkSize
        let sizes = [10, 300_000, 300_000, 300_000, 300_000, limit + 5, 20, limit - 1, 7]
        let lines = sizes.enumerated().map { index, size in
            [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: size - 1) + [0x0A]
        }
        var pieces: [[UInt8]] = []
        var chunk: [UInt8] = []
        try CredentialIssuer.write(lines, through: &chunk, to: { pieces.append($0) })
        #expect(pieces.flatMap { $0 } == lines.flatMap { $0 })
        #expect(pieces.map(\.count) == [10 + 3 * 300_000, 300_000, limit + 5, 20, limit - 1, 7])
        #expect(pieces.allSatisfy { $0.last == 0x0A })
        #expect(chunk.isEmpty)
        try CredentialIssuer.write([], through: &chunk, to: { pieces.append($0) })
        #expect(pieces.count == 6)
    }
}
