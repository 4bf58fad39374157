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

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["verify", path.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
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
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("more than 2097152 JSON values"), "\(message)")
        #expect(peak < 4 * bytes.count, "peak \(peak) bytes for a \(bytes.count)-byte file")
    }
}
