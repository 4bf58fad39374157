import Foundation

/// Loads the vector files copied under `Vectors/` (see its README for their sources).
enum Vectors {
    /// Decodes `Vectors/<folder>/<name>` as `T`.
    static func load<T: Decodable>(_ type: T.Type, _ name: String, in folder: String) throws -> T {
        let file = name as NSString
        guard let url = Bundle.module.url(
            forResource: file.deletingPathExtension, withExtension: file.pathExtension,
            subdirectory: "Vectors/" + folder
        ) else {
            throw VectorError(message: "missing vector file Vectors/\(folder)/\(name)")
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// A vector file that cannot be found.
    struct VectorError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

extension Array where Element == UInt8 {
    /// Bytes of a hex string; traps on malformed test data.
    init(hex: String) {
        precondition(hex.count % 2 == 0, "odd-length hex in a test vector")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index ..< next], radix: 16) else {
                preconditionFailure("bad hex in a test vector: \(hex[index ..< next])")
            }
            bytes.append(byte)
            index = next
        }
        self = bytes
    }

    /// Lowercase hex.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
