import CredentialCore
import Foundation
import Testing

@Suite("JSONLinesReader")
struct JSONLinesReaderTests {
    /// Writes `text` to a fresh file and returns its path.
    func file(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcred-lines-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Every line of the file, window after window.
    func allLines(_ reader: JSONLinesReader) throws -> [JSONLines.Line] {
        var lines: [JSONLines.Line] = []
        while true {
            let window = try reader.nextWindow()
            if window.isEmpty { return lines }
            lines += window
        }
    }

    @Test("lines split across small windows come back whole, numbered, without blanks or CR")
    func splitsAcrossWindows() throws {
        var text: [UInt8] = []
        var expected: [(Int, String)] = []
        for number in 1 ... 500 {
            if number % 7 == 0 {
                text += Array("  \t\r\n".utf8)  // a blank line still counts
                continue
            }
            let line = "{\"n\":\(number),\"pad\":\"" + String(repeating: "é", count: number % 300) + "\"}"
            expected.append((number, line))
            text += Array(line.utf8) + (number % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
        }
        text.removeLast()  // the last line has no line break
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try JSONLinesReader(path: path, windowSize: 4096)
        let lines = try allLines(reader)
        #expect(lines.map(\.number) == expected.map(\.0))
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == expected.map(\.1))
        #expect(lines.allSatisfy { !$0.isOverLimit })
        #expect(reader.bytesRead == text.count)
        #expect(reader.fileSize == text.count)
    }

    @Test("a line over the limit is named by number and length, and the lines after it still come")
    func overLimitLine() throws {
        let long = Array(repeating: UInt8(ascii: "x"), count: 50_000)
        let text = Array("{\"a\":1}\n".utf8) + long + [0x0A] + Array("{\"b\":2}\n".utf8) + long
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try allLines(JSONLinesReader(path: path, windowSize: 4096, lineLimit: 10_000))
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.map(\.isOverLimit) == [false, true, false, true])
        #expect(lines[1].length == 50_000)
        #expect(lines[1].bytes.isEmpty)
        #expect(lines[3].length == 50_000)
        #expect(lines[2].bytes == Array("{\"b\":2}".utf8))
    }

    @Test("a line exactly at the limit is kept")
    func lineAtLimit() throws {
        let line = Array(repeating: UInt8(ascii: "y"), count: 10_000)
        let path = try file(line + [0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try allLines(JSONLinesReader(path: path, windowSize: 4096, lineLimit: 10_000))
        #expect(lines.count == 1)
        #expect(lines.first?.isOverLimit == false)
        #expect(lines.first?.bytes == line)
    }

    @Test("a missing file or a folder cannot be read")
    func unreadable() {
        #expect(throws: CredentialError(.fileUnreadable, "")) { try JSONLinesReader(path: "/nonexistent/in.jsonl") }
        #expect(throws: CredentialError(.fileUnreadable, "")) { try JSONLinesReader(path: NSTemporaryDirectory()) }
    }
}
