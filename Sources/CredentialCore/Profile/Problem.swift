/// One reason a document does not meet a profile: the field concerned and what is wrong with it.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// The JSON Pointer of the field concerned.
    public var pointer: JSONPointer
    /// What is wrong, e.g. `must be an integer 1–8, found "five"`.
    public var message: String

    /// Creates a problem.
    public init(_ pointer: JSONPointer, _ message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`, as printed to people.
    public var description: String { "\(pointer.description.isEmpty ? "(root)" : pointer.description): \(message)" }
}

extension JSONValue {
    /// A short rendering of a value for error messages: strings quoted, containers summarised.
    public var shortDescription: String {
        switch self {
        case .string(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\"\(shown)\""
        case .array: return "an array"
        case .object: return "an object"
        default: return canonicalString
        }
    }
}
