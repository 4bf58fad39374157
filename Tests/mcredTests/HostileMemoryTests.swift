import Foundation
import Testing

@Suite("memory on hostile documents")
struct HostileMemoryTests {
    @Test("a 60 MB array of one-byte values is refused by the value limit, using under 4 times its size")
    func sixtyMegabyteArray() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](repeating: UInt8(ascii: ","), count: 60_000_001)
        bytes[0] = UInt8(ascii: "[")
        for index in stride(from: 1, to: bytes.count, by: 2) { bytes[index] = UInt8(ascii: "1") }
        bytes[bytes.count - 1] = UInt8(ascii: "]")
        let path = folder.appendingPathComponent("ones.json")
        try Data(bytes).write(to: path)

        let result = try CLI.peakMemory(["verify", path.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 2097152 JSON values"), "\(result.stderr)")
        #expect(result.peak < 4 * bytes.count, "peak \(result.peak) bytes for a \(bytes.count)-byte file")
    }
}
