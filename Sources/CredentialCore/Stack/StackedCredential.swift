/// A typed view of a stacked credential (spec/credential.md §10): a credential whose `type`
/// includes `StackedCredential`, which binds its components in `relatedResource` and states their
/// total in `achievement.ectsCredits`.
public struct StackedCredential: Sendable {
    /// The `type` value that marks a stacked credential.
    public static let type = "StackedCredential"

    /// The credential.
    public let credential: Credential
    /// The components it binds, in order; entries that cannot be read are in `problems` instead.
    public let components: [StackComponentReference]
    /// The stated total (`achievement.ectsCredits`), when it is a valid amount.
    public let total: ECTSCredits?
    /// The stacking rules it states.
    public let rules: StackingRules
    /// Everything malformed about the stack's own fields: `relatedResource` entries, the total, the rules.
    public let problems: [Problem]

    /// The stack view of `credential`; nil when its `type` does not include `StackedCredential`.
    public init?(_ credential: Credential) {
        guard Credential.includes(credential.object["type"], Self.type) else { return nil }
        self.credential = credential
        var problems: [Problem] = []
        var components: [StackComponentReference] = []
        switch credential.object["relatedResource"] {
        case .array(let entries)? where !entries.isEmpty:
            for (index, entry) in entries.enumerated() {
                do {
                    components.append(try StackComponentReference(entry, pointer: JSONPointer(tokens: ["relatedResource", String(index)])))
                } catch {
                    problems.append(Problem(error.pointer ?? "/relatedResource", error.message))
                }
            }
        case nil:
            problems.append(Problem("/relatedResource", "missing: a stacked credential binds its components in relatedResource"))
        case let other?:
            problems.append(Problem("/relatedResource", "must be a non-empty array of components, found \(other.shortDescription)"))
        }
        let base = Self.achievementPointer(of: credential)
        var total: ECTSCredits?
        if let value = credential.achievement?["ectsCredits"] {
            do {
                total = try ECTSCredits(value, pointer: base.appending("ectsCredits"))
            } catch {
                problems.append(Problem(error.pointer ?? base, error.message))
            }
        } else {
            problems.append(Problem(base.appending("ectsCredits"), "missing: a stacked credential states the components' total"))
        }
        var rules = StackingRules()
        do {
            rules = try StackingRules(credential.achievement?["stackingRules"], pointer: base.appending("stackingRules"))
        } catch {
            problems.append(Problem(error.pointer ?? base, error.message))
        }
        self.components = components
        self.total = total
        self.rules = rules
        self.problems = problems
    }

    /// The pointer of a credential's achievement: `/credentialSubject/achievement`, or
    /// `/credentialSubject/0/achievement` when the subjects are an array.
    public static func achievementPointer(of credential: Credential) -> JSONPointer {
        credential.object["credentialSubject"]?.arrayValue != nil
            ? "/credentialSubject/0/achievement" : "/credentialSubject/achievement"
    }

    /// A component's ECTS credits (`achievement.ectsCredits`).
    /// - Throws: `missingValue` when the component has none (ECTS is what stacks add up);
    ///   `invalidValue` as `ECTSCredits.init(_:pointer:)`.
    public static func credits(of component: Credential) throws(CredentialError) -> ECTSCredits {
        let pointer = achievementPointer(of: component).appending("ectsCredits")
        guard let value = component.achievement?["ectsCredits"] else {
            throw CredentialError(.missingValue, "missing: a component must state its ECTS credits to be stacked", pointer: pointer)
        }
        return try ECTSCredits(value, pointer: pointer)
    }
}
