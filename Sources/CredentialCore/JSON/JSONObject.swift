/// A JSON object: members in insertion (or parse) order, keys compared by Unicode scalars.
///
/// Lookups scan the members, which is fastest for the small objects credentials are made of.
/// Two objects are equal when they have the same keys with equal values, in any order.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One member.
    public typealias Element = (key: String, value: JSONValue)
    /// A position in the member list.
    public typealias Index = Int

    /// One stored member. A struct rather than the `Element` tuple: arrays of tuples are destroyed
    /// by the runtime's generic tuple code, element by element, which made freeing a parsed
    /// credential cost as much as parsing it.
    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    /// The members, in order, without duplicate keys.
    var members: [Member]

    /// Creates an empty object.
    public init() { members = [] }

    /// Creates an object from members; a repeated key keeps its first position and its last value.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        if members.count <= 16 {
            for member in members { self[member.key] = member.value }
            return
        }
        var positions: [ScalarKey: Int] = [:]
        positions.reserveCapacity(members.count)
        for member in members {
            let key = ScalarKey(string: member.key)
            if let position = positions[key] {
                self.members[position].value = member.value
            } else {
                positions[key] = self.members.count
                self.members.append(Member(key: member.key, value: member.value))
            }
        }
    }

    /// Wraps members already known to have distinct keys (the parser checked them).
    init(uncheckedMembers members: [Member]) { self.members = members }

    /// Creates an object; a repeated key keeps its first position and its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The first position.
    public var startIndex: Int { 0 }
    /// The position after the last member.
    public var endIndex: Int { members.count }
    /// The member at `position`.
    public subscript(position: Int) -> Element { (key: members[position].key, value: members[position].value) }

    /// The position of the member named `key` (compared by scalars).
    ///
    /// A loop over borrowed members: `firstIndex(where:)` with a closure cost several times more
    /// per member, and verifiers look up some fifty members per credential.
    public func index(forKey key: String) -> Int? {
        // Lengths first: they are stored inline, while a string's bytes take a library call to reach.
        let length = key.utf8.count
        let span = members.span
        for position in 0 ..< span.count where span[position].key.utf8.count == length {
            if JSONKey.equal(span[position].key, key) { return position }
        }
        return nil
    }

    /// The value of the member named `key`; setting `nil` removes it, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = index(forKey: key) else { return nil }
            return members[position].value
        }
        set {
            if let position = index(forKey: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// The keys in member order.
    public var keys: [String] { members.map(\.key) }

    /// The values in member order.
    public var values: [JSONValue] { members.map(\.value) }

    /// Removes the member named `key` and returns its value, or nil when there is none.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = index(forKey: key) else { return nil }
        return members.remove(at: position).value
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (index, member) in lhs.members.enumerated() {
            // Same order is the common case; fall back to a lookup otherwise.
            if index < rhs.members.count, JSONKey.equal(rhs.members[index].key, member.key) {
                guard rhs.members[index].value == member.value else { return false }
            } else {
                guard let other = rhs[member.key], other == member.value else { return false }
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: add up one hash per member.
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            JSONKey.hash(member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(sum)
    }
}
