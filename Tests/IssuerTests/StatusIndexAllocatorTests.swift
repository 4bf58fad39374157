import CredentialCore
import Foundation
import Signing
import Testing
@testable import Issuer

/// A deterministic generator (SplitMix64), so a failing allocation test can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("StatusIndexAllocator", .serialized)
struct StatusIndexAllocatorTests {
    let folder: URL
    let listPath: String
    let issuer: StatusListIssuer
    let url = "https://status.example/lists/alloc"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-alloc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        listPath = folder.appendingPathComponent("list.json").path
        issuer = StatusListIssuer(key: try Ed25519.PrivateKey(seed: testSeed))
        let list = try issuer.create(url: url, purpose: "revocation")
        try FileIO.write(Array(list.prettyPrinted().utf8), to: listPath, overwrite: false)
    }

    @Test("10,000 random allocations in many runs never repeat, and the record counts them all")
    func tenThousandNeverRepeat() throws {
        var seen = Set<Int>()
        var generator = SeededGenerator(state: 7)
        for run in 0..<20 {
            // A fresh allocator per run, as a fresh process would have.
            let entries = try StatusIndexAllocator(listPath: listPath).allocate(count: 500, range: nil, using: &generator)
            #expect(entries.count == 500)
            for entry in entries {
                #expect(seen.insert(entry.statusListIndex).inserted, "index \(entry.statusListIndex) repeated in run \(run)")
                #expect(entry.statusListCredential == url)
                #expect(entry.statusPurpose == "revocation")
            }
        }
        #expect(seen.count == 10_000)
        #expect(try StatusIndexAllocator(listPath: listPath).allocatedCount() == 10_000)
        // Random, not sequential: the indices spread over the list.
        #expect(seen.min()! < 1_000 && seen.max()! > 130_000)
        #expect(FileManager.default.fileExists(atPath: listPath + ".alloc"))
    }

    @Test("two allocators running at the same time never hand out the same index")
    func concurrentRuns() async throws {
        let path = listPath
        let results = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    var all: [Int] = []
                    for _ in 0..<10 { all += try StatusIndexAllocator(listPath: path).allocate(count: 100).map(\.statusListIndex) }
                    return all
                }
            }
            var all: [[Int]] = []
            for try await result in group { all.append(result) }
            return all
        }
        let combined = results.flatMap { $0 }
        #expect(combined.count == 2_000)
        #expect(Set(combined).count == 2_000)
        #expect(try StatusIndexAllocator(listPath: path).allocatedCount() == 2_000)
    }

    @Test("a range keeps indices inside it; a batch larger than the free range is refused before anything is recorded")
    func rangeAndCapacity() throws {
        let allocator = StatusIndexAllocator(listPath: listPath)
        let entries = try allocator.allocate(count: 90, range: 1000...1099)
        #expect(entries.allSatisfy { (1000...1099).contains($0.statusListIndex) })
        do {
            _ = try allocator.allocate(count: 11, range: 1000...1099)
            Issue.record("accepted")
        } catch {
            #expect(error.code == .capacityExceeded)
            #expect(error.message.contains("has 10 free of 100"))
        }
        #expect(try allocator.allocatedCount() == 90)
        // The last ten are all found, even though the range is nearly full.
        let rest = try allocator.allocate(count: 10, range: 1000...1099).map(\.statusListIndex)
        #expect(Set(rest + entries.map(\.statusListIndex)) == Set(1000...1099))
        #expect(throws: IssuerError(.invalidOption, "")) { try allocator.allocate(count: 1, range: 131_000...131_072) }
    }

    @Test("an explicit index is recorded once; a set bit counts as used; released indices return")
    func explicitIndex() throws {
        let allocator = StatusIndexAllocator(listPath: listPath)
        #expect(try allocator.allocate(index: 77).statusListIndex == 77)
        #expect(throws: IssuerError(.indexInUse, "")) { try allocator.allocate(index: 77) }
        // A bit set in the list (record lost or not) is never handed out.
        let list = try issuer.update(JSONValue(parsing: FileIO.read(listPath)), index: 78, value: true)
        try FileIO.write(Array(list.prettyPrinted().utf8), to: listPath, overwrite: true)
        #expect(throws: IssuerError(.indexInUse, "")) { try allocator.allocate(index: 78) }
        try allocator.release([77])
        #expect(try allocator.allocate(index: 77).statusListIndex == 77)
    }

    @Test("a record written for another list is refused")
    func foreignRecord() throws {
        let allocator = StatusIndexAllocator(listPath: listPath)
        _ = try allocator.allocate(count: 1)
        let other = try issuer.create(url: "https://status.example/other", purpose: "revocation")
        try FileIO.write(Array(other.prettyPrinted().utf8), to: listPath, overwrite: true)
        #expect(throws: IssuerError(.invalidList, "")) { try allocator.allocate(count: 1) }
    }
}
