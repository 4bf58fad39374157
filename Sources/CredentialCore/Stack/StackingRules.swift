/// The rules a stacked credential states for its components (`achievement.stackingRules`,
/// spec/credential.md §10.3): a minimum total of ECTS credits and achievements that must be among
/// the components.
public struct StackingRules: Sendable {
    /// The least total of ECTS credits, when the rules set one.
    public var minimumECTS: ECTSCredits?
    /// Achievement ids (`credentialSubject.achievement.id`) that some component must attest.
    public var requiredAchievements: [String]

    /// Creates rules.
    public init(minimumECTS: ECTSCredits? = nil, requiredAchievements: [String] = []) {
        self.minimumECTS = minimumECTS
        self.requiredAchievements = requiredAchievements
    }

    /// Reads `stackingRules` found at `pointer`; no value means no rules.
    /// - Throws: `invalidValue` naming the member when the rules are not an object of the
    ///   documented members and types.
    public init(_ value: JSONValue?, pointer: JSONPointer) throws(CredentialError) {
        guard let value else {
            self.init()
            return
        }
        guard case .object(let object) = value else {
            throw CredentialError(.invalidValue, "must be an object, found \(value.shortDescription)", pointer: pointer)
        }
        for key in object.keys where !(key.hasSameBytes(as: "minimumEctsCredits") || key.hasSameBytes(as: "requiredAchievements")) {
            throw CredentialError(
                .invalidValue, "unknown stacking rule \"\(key)\" (known: minimumEctsCredits, requiredAchievements)",
                pointer: pointer.appending(key))
        }
        var minimum: ECTSCredits?
        if let value = object["minimumEctsCredits"] {
            minimum = try ECTSCredits(value, pointer: pointer.appending("minimumEctsCredits"))
        }
        var required: [String] = []
        if let list = object["requiredAchievements"] {
            let listPointer = pointer.appending("requiredAchievements")
            guard case .array(let items) = list else {
                throw CredentialError(.invalidValue, "must be an array of achievement ids, found \(list.shortDescription)", pointer: listPointer)
            }
            for (index, item) in items.enumerated() {
                guard case .string(let id) = item, !id.isEmpty else {
                    throw CredentialError(
                        .invalidValue, "must be an achievement id (a string), found \(item.shortDescription)",
                        pointer: listPointer.appending(index: index))
                }
                required.append(id)
            }
        }
        self.init(minimumECTS: minimum, requiredAchievements: required)
    }

    /// True when the rules ask for nothing.
    public var isEmpty: Bool { minimumECTS == nil && requiredAchievements.isEmpty }

    /// What the components break: a total below the minimum, each required achievement that no
    /// component attests (ids compared by bytes). Empty when the rules hold.
    public func violations(total: ECTSCredits, achievementIDs: [String]) -> [String] {
        var found: [String] = []
        if let minimumECTS, total < minimumECTS {
            found.append("the components total \(total) ECTS credits, below the minimum of \(minimumECTS)")
        }
        for required in requiredAchievements where !achievementIDs.contains(where: { $0.hasSameBytes(as: required) }) {
            found.append("no component attests the required achievement \(required)")
        }
        return found
    }
}
