@testable import CredentialCore
import Testing

@Suite("RFC 8785 vectors")
struct CanonicalVectorTests {
    @Test("every cyberphone input is listed as a case")
    func casesCoverTheFolder() throws {
        #expect(try VectorFiles.names(in: "input") == VectorFiles.cyberphoneCases)
    }

    @Test("canonicalises each cyberphone input to the expected bytes", arguments: VectorFiles.cyberphoneCases)
    func cyberphoneOutput(name: String) throws {
        let input = try VectorFiles.bytes("input/\(name).json")
        let expected = try VectorFiles.bytes("output/\(name).json")
        let value = try JSONValue(parsing: input)
        let canonical = value.canonicalBytes
        #expect(canonical == expected, "\(name): got \(String(decoding: canonical, as: UTF8.self))")
    }

    @Test("canonicalises each cyberphone input to the expected hex", arguments: VectorFiles.cyberphoneCases)
    func cyberphoneHex(name: String) throws {
        let input = try VectorFiles.bytes("input/\(name).json")
        let hexText = String(decoding: try VectorFiles.bytes("outhex/\(name).txt"), as: UTF8.self)
        let expected = try hexText.split(whereSeparator: \.isWhitespace).map { try #require(UInt8($0, radix: 16)) }
        #expect(try JSONValue(parsing: input).canonicalBytes == expected)
    }

    @Test("the canonical output of each vector is a fixed point", arguments: VectorFiles.cyberphoneCases)
    func cyberphoneIdempotent(name: String) throws {
        let expected = try VectorFiles.bytes("output/\(name).json")
        #expect(try JSONValue(parsing: expected).canonicalBytes == expected)
    }

    @Test("formats every line of the ES6 number file exactly")
    func es6Numbers() throws {
        let text = String(decoding: try VectorFiles.bytes("numbers/es6testfile-first10000.txt"), as: UTF8.self)
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ",", maxSplits: 1)
            try #require(parts.count == 2, "malformed line \(line)")
            let bits = try #require(UInt64(parts[0], radix: 16), "bad hex in \(line)")
            let value = Double(bitPattern: bits)
            let expected = String(parts[1])
            let formatted = ECMAScriptNumber.string(value)
            let canonical = JSONValue.number(value).canonicalString
            if formatted != expected || canonical != expected {
                failures.append("\(parts[0]): expected \(expected), got \(formatted)")
            }
            checked += 1
        }
        #expect(checked == 10_000)
        #expect(failures.isEmpty, "\(failures.count) mismatches, first: \(failures.prefix(10))")
    }
}
