import CredentialCore
import Foundation
import Testing

/// Loads a vector file shipped with this test target.
func vector(_ name: String, in folder: String = "Vectors") throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: folder))
    return [UInt8](try Data(contentsOf: url))
}

/// Parses a vector file.
func vectorJSON(_ name: String, in folder: String = "Vectors") throws -> JSONValue {
    try JSONValue(parsing: try vector(name, in: folder))
}

/// A fixed instant inside every fixture's validity period.
let fixtureTime = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

/// Every scalar leaf of a document, as JSON Pointers.
func leafPointers(of value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer] {
    switch value {
    case .object(let object):
        return object.flatMap { leafPointers(of: $0.value, at: pointer.appending($0.key)) }
    case .array(let items):
        return items.enumerated().flatMap { leafPointers(of: $0.element, at: pointer.appending(index: $0.offset)) }
    default:
        return [pointer]
    }
}

/// A different value of the same type (strings gain a character, numbers grow, booleans flip).
func altered(_ value: JSONValue) -> JSONValue {
    switch value {
    case .string(let text): .string(text + "x")
    case .number(let number): .number(number + 1)
    case .bool(let flag): .bool(!flag)
    case .null: .bool(false)
    default: value
    }
}

/// The same value with every object's members in reverse order.
func reversedKeys(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
        return .object(JSONObject(object.reversed().map { (key: $0.key, value: reversedKeys($0.value)) }))
    case .array(let items):
        return .array(items.map(reversedKeys))
    default:
        return value
    }
}
