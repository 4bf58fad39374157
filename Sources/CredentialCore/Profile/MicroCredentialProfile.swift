/// The EU micro-credential profile: the mandatory elements of Annex I of Council Recommendation
/// 2022/C 243/02, mapped to Open Badges 3.0 fields as `spec/credential.md` §5.2 defines.
///
/// The rules and messages here are that document's table, in its order; keep the two in step.
/// Values are looked up once from their parent objects; a JSON Pointer is built only for a problem.
public enum MicroCredentialProfile {
    /// The participation forms Annex I distinguishes.
    public static let participationForms = ["online", "onsite", "blended"]
    /// The stacking options of an achievement.
    public static let stackingOptions = ["standalone", "stackable"]

    /// Every missing or ill-typed Annex I element of `credential`, in the order of the spec's table.
    public static func problems(in credential: Credential) -> [Problem] {
        var problems: [Problem] = []
        let document = credential.object
        let subjectBase: [String] = document["credentialSubject"]?.arrayValue != nil
            ? ["credentialSubject", "0"] : ["credentialSubject"]
        let subject = credential.subject
        let achievement = subject?["achievement"]
        let issuer = document["issuer"]
        let address = issuer?["address"]

        func inSubject(_ key: String) -> JSONPointer { JSONPointer(tokens: subjectBase + [key]) }
        func inAchievement(_ key: String) -> JSONPointer { JSONPointer(tokens: subjectBase + ["achievement", key]) }

        func requireString(_ value: JSONValue?, _ pointer: @autoclosure () -> JSONPointer, element: String) {
            switch value {
            case nil:
                problems.append(Problem(pointer(), "missing (Annex I: \(element))"))
            case .string(let text)? where isNonEmpty(text):
                break
            case let other?:
                problems.append(Problem(pointer(), "must be a non-empty string (Annex I: \(element)), found \(other.shortDescription)"))
            }
        }
        func optionalString(_ value: JSONValue?, _ pointer: @autoclosure () -> JSONPointer) {
            if let value, value.stringValue == nil {
                problems.append(Problem(pointer(), "must be a string, found \(value.shortDescription)"))
            }
        }
        func requireType(_ value: JSONValue?, _ type: String, _ pointer: @autoclosure () -> JSONPointer) {
            if !Credential.includes(value, type) {
                problems.append(Problem(pointer(), "must include \"\(type)\""))
            }
        }

        // 1–3. Learner identification.
        requireString(subject?["name"], inSubject("name"), element: "learner identification")
        if let id = subject?["id"], id.stringValue?.hasPrefix("did:key:") != true {
            problems.append(Problem(inSubject("id"), "must be the learner's DID (did:key:…), found \(id.shortDescription)"))
        }
        // 4–5. Open Badges 3.0 shape of the subject and the achievement.
        requireType(subject?["type"], "AchievementSubject", inSubject("type"))
        requireType(achievement?["type"], "Achievement", inAchievement("type"))

        // 6–7. Title.
        requireString(achievement?["name"], inAchievement("name"), element: "title")

        // 8–10. Country/region of the issuer.
        switch address?["addressCountryCode"] {
        case nil:
            problems.append(Problem("/issuer/address/addressCountryCode", "missing (Annex I: country/region of issuer)"))
        case .string(let code)? where code.utf8.count == 2 && code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }):
            break
        case let other?:
            problems.append(Problem(
                "/issuer/address/addressCountryCode", "must be an ISO 3166-1 alpha-2 code such as \"ES\", found \(other.shortDescription)"))
        }
        optionalString(address?["addressRegion"], "/issuer/address/addressRegion")

        // 11–14. Awarding body.
        if issuer?.objectValue == nil {
            problems.append(Problem("/issuer", "must be an object with id and name (Annex I: awarding body)"))
        } else {
            requireString(issuer?["name"], "/issuer/name", element: "awarding body")
            requireType(issuer?["type"], "Profile", "/issuer/type")
        }

        // 15. Date of issuing.
        if document["validFrom"] == nil {
            problems.append(Problem("/validFrom", "missing (Annex I: date of issuing)"))
        }

        // 16–18. Learning outcomes.
        switch achievement?["learningOutcomes"] {
        case nil:
            problems.append(Problem(inAchievement("learningOutcomes"), "missing (Annex I: learning outcomes)"))
        case .array(let outcomes)? where !outcomes.isEmpty:
            for (index, outcome) in outcomes.enumerated() where !(outcome.stringValue.map(isNonEmpty) ?? false) {
                problems.append(Problem(
                    inAchievement("learningOutcomes").appending(index: index), "must be a non-empty string, found \(outcome.shortDescription)"))
            }
        case let other?:
            problems.append(Problem(
                inAchievement("learningOutcomes"),
                "must be a non-empty array of strings (Annex I: learning outcomes), found \(other.shortDescription)"))
        }

        // 19–20. Notional workload: ECTS credits and/or hours.
        let ects = achievement?["ectsCredits"]
        let hours = achievement?["workloadHours"]
        if ects == nil && hours == nil {
            problems.append(Problem(inAchievement("ectsCredits"), "missing, and no workloadHours either (Annex I: notional workload)"))
        }
        for (key, found) in [("ectsCredits", ects), ("workloadHours", hours)] {
            guard let found, !(found.doubleValue.map { $0 >= 0 } ?? false) else { continue }
            problems.append(Problem(inAchievement(key), "must be a number ≥ 0, found \(found.shortDescription)"))
        }
        // 21. A workload of zero states none: the numbers given must not all be 0.
        if ects?.doubleValue == 0 && (hours == nil || hours?.doubleValue == 0) {
            let other = hours == nil ? "no workloadHours are given" : "so is workloadHours"
            problems.append(Problem(inAchievement("ectsCredits"), "is 0 and \(other); the notional workload must be more than 0 (Annex I: notional workload)"))
        } else if ects == nil && hours?.doubleValue == 0 {
            problems.append(Problem(inAchievement("workloadHours"), "is 0 and no ectsCredits are given; the notional workload must be more than 0 (Annex I: notional workload)"))
        }

        // 22–24. Level (EQF 1–8, optional NQF).
        switch achievement?["eqfLevel"] {
        case nil:
            problems.append(Problem(inAchievement("eqfLevel"), "missing (Annex I: level)"))
        case let found? where !(found.intValue.map { (1...8).contains($0) } ?? false):
            problems.append(Problem(inAchievement("eqfLevel"), "must be an integer 1–8, found \(found.shortDescription)"))
        default:
            break
        }
        if let nqf = achievement?["nqfLevel"], nqf.stringValue == nil, nqf.intValue == nil {
            problems.append(Problem(inAchievement("nqfLevel"), "must be a string or an integer, found \(nqf.shortDescription)"))
        }

        // 25–26. Type of assessment.
        requireString(achievement?["assessmentType"], inAchievement("assessmentType"), element: "type of assessment")

        // 27–28. Form of participation.
        switch achievement?["participationForm"] {
        case nil:
            problems.append(Problem(inAchievement("participationForm"), "missing (Annex I: form of participation)"))
        case .string(let form)? where participationForms.contains(form):
            break
        case let other?:
            problems.append(Problem(inAchievement("participationForm"), "must be one of online, onsite, blended, found \(other.shortDescription)"))
        }

        // 29–30. Type of quality assurance.
        requireString(achievement?["qualityAssurance"], inAchievement("qualityAssurance"), element: "type of quality assurance")

        // 31–32. Optional elements, when present, have the documented types.
        for key in ["prerequisites", "supervision", "furtherInformation"] {
            optionalString(achievement?[key], inAchievement(key))
        }
        optionalString(subject?["grade"], inSubject("grade"))
        if let stacking = achievement?["stacking"], !(stacking.stringValue.map(stackingOptions.contains) ?? false) {
            problems.append(Problem(inAchievement("stacking"), "must be standalone or stackable, found \(stacking.shortDescription)"))
        }

        // 33. The credential type.
        requireType(document["type"], "OpenBadgeCredential", "/type")
        return problems
    }

    /// True when `text` has a character other than white space.
    static func isNonEmpty(_ text: String) -> Bool {
        // A first byte that is printable ASCII other than a space settles it without looking up
        // Unicode properties.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return true }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
