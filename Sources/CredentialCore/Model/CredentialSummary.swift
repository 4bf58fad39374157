/// What a person reads about one credential: the learner, the title, the awarding body and the EU
/// Annex I elements (DESIGN.md §4), as display text taken from the credential's fields.
///
/// Every value is untrusted text from the credential; whoever shows it escapes it. A summary
/// says nothing about validity: the verification report does.
public struct CredentialSummary: Sendable, Equatable {
    /// One component of a stacked credential (`relatedResource`, DESIGN.md §8).
    public struct StackPart: Sendable, Equatable {
        /// The component credential's `id`.
        public var id: String?
        /// Its name, when the stacked credential gives one.
        public var name: String?
        /// Its `digestMultibase`.
        public var digest: String?
    }

    /// One labelled Annex I element, in the order of the Recommendation.
    public struct Element: Sendable, Equatable {
        /// The stable key used in JSON (`ectsCredits`, `eqfLevel`, …).
        public var key: String
        /// The label people read ("ECTS credits").
        public var label: String
        /// The value as display text.
        public var value: String
    }

    /// The credential's `id`.
    public var id: String?
    /// The title (`achievement.name`, else `name`).
    public var title: String?
    /// `achievement.description`.
    public var description: String?
    /// The learner's name (`credentialSubject.name`).
    public var learnerName: String?
    /// The learner's identifier (`credentialSubject.id`).
    public var learnerID: String?
    /// The awarding body's name.
    public var issuerName: String?
    /// The awarding body's identifier (its `did:key`).
    public var issuerID: String?
    /// `issuer.address.addressCountryCode`.
    public var country: String?
    /// `issuer.address.addressRegion`.
    public var region: String?
    /// `validFrom`.
    public var validFrom: String?
    /// `validUntil`.
    public var validUntil: String?
    /// `achievement.ectsCredits`, as written in canonical JSON (e.g. `2.5`).
    public var ects: String?
    /// `achievement.eqfLevel`.
    public var eqfLevel: String?
    /// `achievement.learningOutcomes`.
    public var learningOutcomes: [String]
    /// The other Annex I elements that are present (workload, assessment, participation, quality
    /// assurance, and the optional ones), in the Recommendation's order.
    public var elements: [Element]
    /// The components of a stacked credential, in the order listed.
    public var stackParts: [StackPart]

    /// The labels of the Annex I elements read into `elements`, by field of `achievement` (or of
    /// `credentialSubject` for `grade`).
    static let elementFields: [(key: String, label: String, inSubject: Bool)] = [
        ("workloadHours", "Notional workload (hours)", false),
        ("nqfLevel", "NQF level", false),
        ("assessmentType", "Type of assessment", false),
        ("participationForm", "Form of participation", false),
        ("qualityAssurance", "Quality assurance", false),
        ("prerequisites", "Prerequisites", false),
        ("supervision", "Supervision and identity verification", false),
        ("grade", "Grade", true),
        ("stacking", "Integration / stacking", false),
        ("furtherInformation", "Further information", false),
    ]

    /// Reads the summary of a credential; fields that are absent or not text stay nil.
    public init(_ credential: Credential) {
        let achievement = credential.achievement
        let subject = credential.subject
        let address = credential.object["issuer"]?["address"]
        id = credential.id
        title = credential.title
        description = achievement?["description"].flatMap(Self.text)
        learnerName = subject?["name"].flatMap(Self.text)
        learnerID = credential.subjectID
        issuerName = credential.issuerName
        issuerID = credential.issuerID
        country = address?["addressCountryCode"].flatMap(Self.text)
        region = address?["addressRegion"].flatMap(Self.text)
        validFrom = credential.validFrom
        validUntil = credential.validUntil
        ects = achievement?["ectsCredits"].flatMap(Self.text)
        eqfLevel = achievement?["eqfLevel"].flatMap(Self.text)
        learningOutcomes = (achievement?["learningOutcomes"]?.arrayValue ?? []).compactMap(Self.text)
        elements = Self.elementFields.compactMap { field in
            let value = field.inSubject ? subject?[field.key] : achievement?[field.key]
            return value.flatMap(Self.text).map { Element(key: field.key, label: field.label, value: $0) }
        }
        stackParts = (credential.object["relatedResource"]?.arrayValue ?? []).map { part in
            StackPart(
                id: part["id"]?.stringValue ?? part.stringValue, name: part["name"].flatMap(Self.text),
                digest: part["digestMultibase"]?.stringValue)
        }
    }

    /// Display text of a scalar: strings as they are, numbers and Booleans in canonical JSON;
    /// nil for null, arrays and objects.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number, .bool: value.canonicalString
        default: nil
        }
    }
}
