import Foundation
import Testing
@testable import CredentialCore

/// `Vectors/statuslist/statuslist-bitorder.json`.
struct BitOrderVector: Decodable {
    struct Check: Decodable, CustomTestStringConvertible {
        var index: Int
        var expectedBit: Int
        var testDescription: String { "index \(index) = \(expectedBit)" }
    }
    var lengthBits: Int
    var setIndices: [Int]
    var encodedList: String
    var checks: [Check]

    static func load() throws -> BitOrderVector {
        try JSONDecoder().decode(BitOrderVector.self, from: Data(VectorFiles.bytes("statuslist/statuslist-bitorder.json")))
    }
}

@Suite("BitstringStatusList")
struct BitstringStatusListTests {
    @Test("the fixture decodes to 131,072 bits with exactly the listed indices set")
    func fixtureSetIndices() throws {
        let vector = try BitOrderVector.load()
        let list = try BitstringStatusList(encodedList: vector.encodedList)
        #expect(list.count == vector.lengthBits)
        #expect(list.setIndices == vector.setIndices)
    }

    @Test("index 0 is the most significant bit of byte 0", arguments: try BitOrderVector.load().checks)
    func fixtureBitOrder(check: BitOrderVector.Check) throws {
        let list = try BitstringStatusList(encodedList: BitOrderVector.load().encodedList)
        #expect(list[check.index] == (check.expectedBit == 1))
    }

    @Test("setting bits writes them most significant first, and the encoding decodes to the same bits")
    func roundTrip() throws {
        var list = try BitstringStatusList(count: BitstringStatusList.minimumCount)
        for index in [0, 7, 8, 15, 1000, 94567, 131_071] { list[index] = true }
        #expect(list.bytes[0] == 0b1000_0001)
        #expect(list.bytes[1] == 0b1000_0001)
        #expect(list.bytes[16383] == 0b0000_0001)
        let encoded = try list.encodedList()
        #expect(encoded.hasPrefix("u"))
        #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        let decoded = try BitstringStatusList(encodedList: encoded)
        #expect(decoded == list)
        // The same bits as the independently made fixture, whatever the gzip bytes.
        #expect(decoded == (try BitstringStatusList(encodedList: BitOrderVector.load().encodedList)))
        list[7] = false
        #expect(list.bytes[0] == 0b1000_0000)
        #expect(list.setCount == 6)
    }

    @Test("a list smaller than 131,072 bits or not whole bytes is refused")
    func minimumSize() throws {
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(count: 131_064) }
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(count: 131_073) }
        let short = try BitstringStatusList(uncheckedBytes: [UInt8](repeating: 0, count: 1024)).encodedList()
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(encodedList: short) }
    }

    @Test("a gzip bomb is refused at the limit instead of being expanded")
    func gzipBomb() throws {
        // 4 MiB of zeros compress to a few KiB.
        let bomb = try BitstringStatusList(uncheckedBytes: [UInt8](repeating: 0, count: 4 * 1024 * 1024)).encodedList()
        #expect(bomb.utf8.count < 16 * 1024)
        #expect(throws: CredentialError(.tooLarge, "")) { try BitstringStatusList(encodedList: bomb, byteLimit: 1024 * 1024) }
        #expect(try BitstringStatusList(encodedList: bomb, byteLimit: 4 * 1024 * 1024).count == 32 * 1024 * 1024)
    }

    @Test("encodedList without the Multibase u, with padding or with bad characters is refused")
    func badEncoding() throws {
        let good = try BitstringStatusList(count: BitstringStatusList.minimumCount).encodedList()
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(encodedList: String(good.dropFirst())) }
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(encodedList: good + "=") }
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(encodedList: "u" + "H4sI+AAA") }
        #expect(throws: CredentialError(.invalidValue, "")) { try BitstringStatusList(encodedList: "") }
    }

    @Test("truncated gzip, bytes after the member and data that is not gzip are invalidCompression")
    func corruptGzip() throws {
        let compressed = try ZlibBackend.gzip([UInt8](repeating: 0, count: 16384))
        #expect(try ZlibBackend.gunzip(compressed, limit: 16384) == [UInt8](repeating: 0, count: 16384))
        #expect(throws: CredentialError(.invalidCompression, "")) {
            try ZlibBackend.gunzip(Array(compressed.dropLast(4)), limit: 1 << 20)
        }
        #expect(throws: CredentialError(.invalidCompression, "")) { try ZlibBackend.gunzip(compressed + [0], limit: 1 << 20) }
        #expect(throws: CredentialError(.invalidCompression, "")) { try ZlibBackend.gunzip(Array("not gzip".utf8), limit: 1 << 20) }
        #expect(throws: CredentialError(.invalidCompression, "")) { try ZlibBackend.gunzip([], limit: 1 << 20) }
        var flipped = compressed
        flipped[flipped.count - 6] ^= 0xFF  // CRC-32 of the trailer
        #expect(throws: CredentialError(.invalidCompression, "")) { try ZlibBackend.gunzip(flipped, limit: 1 << 20) }
        #expect(try ZlibBackend.gunzip(ZlibBackend.gzip([]), limit: 0) == [])
    }

    @Test("base64url round-trips every length and rejects impossible input")
    func base64url() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 250) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("A") == nil)
        #expect(Base64URL.decode("AB") == nil)  // non-zero unused bits
        #expect(Base64URL.decode("AA==") == nil)
        #expect(Base64URL.decode("AA") == [0])
    }
}
