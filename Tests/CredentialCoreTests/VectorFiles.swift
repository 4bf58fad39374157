import Foundation
import Testing

/// Access to the files under `Vectors/` (see its README for their sources).
enum VectorFiles {
    /// The cyberphone JCS cases, one name per `input/NAME.json`.
    static let cyberphoneCases = ["arrays", "french", "structures", "unicode", "values", "weird"]

    /// The bytes of `Vectors/<path>`, exactly as stored.
    static func bytes(_ path: String) throws -> [UInt8] {
        let root = try #require(Bundle.module.url(forResource: "Vectors", withExtension: nil))
        return [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// The names (without extension) of the files in `Vectors/<folder>`.
    static func names(in folder: String) throws -> [String] {
        let root = try #require(Bundle.module.url(forResource: "Vectors", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .map { ($0 as NSString).deletingPathExtension }
            .sorted()
    }
}
