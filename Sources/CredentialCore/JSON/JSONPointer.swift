/// An RFC 6901 JSON Pointer such as `/credentialSubject/achievement/eqfLevel`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the RFC 6901 string form.
    /// - Throws: `CredentialError.Code.invalidPointer` when the string is not empty and does not
    ///   start with `/`, or uses `~` other than `~0` / `~1`.
    public init(parsing text: String) throws(CredentialError) {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else {
            throw CredentialError(.invalidPointer, "a JSON Pointer starts with \"/\", found \"\(text)\"")
        }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.unicodeScalars.makeIterator()
            while let scalar = iterator.next() {
                guard scalar == "~" else { token.unicodeScalars.append(scalar); continue }
                switch iterator.next() {
                case "0": token += "~"
                case "1": token += "/"
                default:
                    throw CredentialError(.invalidPointer, "\"~\" must be followed by 0 or 1 in \"\(text)\"")
                }
            }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    public init(stringLiteral value: String) {
        // Literals are written by programmers; an invalid one is kept as a single token.
        self = (try? JSONPointer(parsing: value)) ?? JSONPointer(tokens: [value])
    }

    /// The pointer to a member of the object this pointer designates.
    public func appending(_ key: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(key)
        return copy
    }

    /// The pointer to an element of the array this pointer designates.
    public func appending(index: Int) -> JSONPointer { appending(String(index)) }

    /// The RFC 6901 string form (`~` → `~0`, `/` → `~1`).
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            for scalar in token.unicodeScalars {
                switch scalar {
                case "~": text += "~0"
                case "/": text += "~1"
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }
}
