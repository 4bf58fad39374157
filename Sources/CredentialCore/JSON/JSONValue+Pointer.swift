extension JSONValue {
    /// The value that an RFC 6901 pointer designates, or nil when there is none.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let member = object[token] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Self.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Sets the value at `pointer`: replaces or adds an object member, replaces an array element,
    /// or appends to an array when the last token is `-` or the array's count (RFC 6901 §4, RFC 6902 §4.1).
    ///
    /// Only the last token may name something missing; the parent must exist. The root pointer
    /// replaces the whole value.
    /// - Throws: `invalidPointer` when the parent is missing or is not an array or object, or an
    ///   array token is not an index within `0...count` or `-`.
    public mutating func setValue(_ value: JSONValue, at pointer: JSONPointer) throws(CredentialError) {
        guard let last = pointer.tokens.last else {
            self = value
            return
        }
        let parentTokens = pointer.tokens.dropLast()
        let parentPointer = JSONPointer(tokens: Array(parentTokens))
        guard let parent = self.value(at: parentPointer) else {
            throw CredentialError(.invalidPointer, "no value at \(parentPointer) to set \"\(last)\" in", pointer: pointer)
        }
        switch parent {
        case .object:
            break
        case .array(let elements):
            guard last == "-" || (Self.arrayIndex(last).map { $0 <= elements.count } ?? false) else {
                throw CredentialError(
                    .invalidPointer,
                    "\"\(last)\" is not an index within 0...\(elements.count) or \"-\" of the array", pointer: pointer)
            }
        default:
            throw CredentialError(
                .invalidPointer, "cannot set a member of a \(parent.typeName)", pointer: pointer)
        }
        Self.modify(&self, along: parentTokens) { container in
            switch container {
            case .object(var object):
                container = .null  // keep `object` uniquely referenced while it changes
                object[last] = value
                container = .object(object)
            case .array(var elements):
                container = .null
                if let index = Self.arrayIndex(last), index < elements.count {
                    elements[index] = value
                } else {
                    elements.append(value)
                }
                container = .array(elements)
            default:
                break
            }
        }
    }

    /// Applies `body` in place to the value along `tokens` (which must exist).
    private static func modify(
        _ target: inout JSONValue, along tokens: ArraySlice<String>, _ body: (inout JSONValue) -> Void
    ) {
        guard let token = tokens.first else {
            body(&target)
            return
        }
        switch target {
        case .object(var object):
            target = .null
            if let position = object.index(forKey: token) {
                modify(&object.members[position].value, along: tokens.dropFirst(), body)
            }
            target = .object(object)
        case .array(var elements):
            target = .null
            if let index = arrayIndex(token), index < elements.count {
                modify(&elements[index], along: tokens.dropFirst(), body)
            }
            target = .array(elements)
        default:
            break
        }
    }

    /// An RFC 6901 §4 array index: `0` or digits without a leading zero.
    static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
              first != UInt8(ascii: "0") || utf8.count == 1,
              utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(token)
    }
}
