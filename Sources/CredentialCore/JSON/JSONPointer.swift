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
        let bytes = text.utf8.span
        guard bytes[0] == UInt8(ascii: "/") else {
            throw CredentialError(.invalidPointer, "a JSON Pointer starts with \"/\", found \"\(text)\"")
        }
        // One pass over the bytes: "/" and "~" are ASCII, so they never occur inside a multi-byte
        // character, and a token without "~" is copied as it is.
        var tokens: [String] = []
        var token: [UInt8] = []
        var index = 1
        while index <= bytes.count {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "/") else {
                tokens.append(String(decoding: token, as: UTF8.self))
                token.removeAll(keepingCapacity: true)
                index += 1
                continue
            }
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "~") else { token.append(byte); continue }
            switch index < bytes.count ? bytes[index] : 0 {
            case UInt8(ascii: "0"): token.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): token.append(UInt8(ascii: "/"))
            default:
                throw CredentialError(.invalidPointer, "\"~\" must be followed by 0 or 1 in \"\(text)\"")
            }
            index += 1
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
