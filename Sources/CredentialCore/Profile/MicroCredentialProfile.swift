import Foundation

/// The EU micro-credential profile: the mandatory elements of Annex I of Council Recommendation
/// 2022/C 243/02, mapped to Open Badges 3.0 fields as `spec/credential.md` defines.
///
/// The rules here are that document's field table; keep the two in step.
public enum MicroCredentialProfile {
    /// The participation forms Annex I distinguishes.
    public static let participationForms = ["online", "onsite", "blended"]
    /// The stacking options of an achievement.
    public static let stackingOptions = ["standalone", "stackable"]

    /// Every missing or ill-typed Annex I element of `credential`, in a stable order.
    public static func problems(in credential: Credential) -> [Problem] {
        var problems: [Problem] = []
        let document = credential.json
        let subjectPointer: JSONPointer = document["credentialSubject"]?.arrayValue != nil
            ? "/credentialSubject/0" : "/credentialSubject"
        let achievementPointer = subjectPointer.appending("achievement")

        func value(_ pointer: JSONPointer) -> JSONValue? { document.value(at: pointer) }

        func requireString(_ pointer: JSONPointer, element: String) {
            switch value(pointer) {
            case nil:
                problems.append(Problem(pointer, "missing (Annex I: \(element))"))
            case .string(let text)? where !text.trimmingCharacters(in: .whitespaces).isEmpty:
                break
            case let other?:
                problems.append(Problem(pointer, "must be a non-empty string (Annex I: \(element)), found \(other.shortDescription)"))
            }
        }

        func requireType(_ pointer: JSONPointer, _ type: String) {
            if !Credential.strings(value(pointer)).contains(type) {
                problems.append(Problem(pointer, "must include \"\(type)\""))
            }
        }

        func optionalString(_ pointer: JSONPointer) {
            if let found = value(pointer), found.stringValue == nil {
                problems.append(Problem(pointer, "must be a string, found \(found.shortDescription)"))
            }
        }

        // Learner identification.
        requireString(subjectPointer.appending("name"), element: "learner identification")
        if let id = value(subjectPointer.appending("id")) {
            if id.stringValue?.hasPrefix("did:key:") != true {
                problems.append(Problem(subjectPointer.appending("id"), "must be the learner's DID (did:key:…), found \(id.shortDescription)"))
            }
        }

        // Open Badges 3.0 shape of the subject and the achievement.
        requireType(subjectPointer.appending("type"), "AchievementSubject")
        requireType(achievementPointer.appending("type"), "Achievement")

        // Title of the micro-credential.
        requireString(achievementPointer.appending("name"), element: "title")

        // Country/region of the issuer.
        let countryPointer: JSONPointer = "/issuer/address/addressCountryCode"
        switch value(countryPointer) {
        case nil:
            problems.append(Problem(countryPointer, "missing (Annex I: country/region of issuer)"))
        case .string(let code)? where code.utf8.count == 2 && code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }):
            break
        case let other?:
            problems.append(Problem(countryPointer, "must be an ISO 3166-1 alpha-2 code such as \"ES\", found \(other.shortDescription)"))
        }
        optionalString("/issuer/address/addressRegion")

        // Awarding body.
        if document["issuer"]?.objectValue == nil {
            problems.append(Problem("/issuer", "must be an object with id and name (Annex I: awarding body)"))
        } else {
            requireString("/issuer/name", element: "awarding body")
            requireType("/issuer/type", "Profile")
        }

        // Date of issuing.
        if document["validFrom"] == nil {
            problems.append(Problem("/validFrom", "missing (Annex I: date of issuing)"))
        }

        // Learning outcomes.
        let outcomesPointer = achievementPointer.appending("learningOutcomes")
        switch value(outcomesPointer) {
        case nil:
            problems.append(Problem(outcomesPointer, "missing (Annex I: learning outcomes)"))
        case .array(let outcomes)? where !outcomes.isEmpty:
            for (index, outcome) in outcomes.enumerated()
            where outcome.stringValue?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                problems.append(Problem(outcomesPointer.appending(index: index), "must be a non-empty string, found \(outcome.shortDescription)"))
            }
        case let other?:
            problems.append(Problem(outcomesPointer, "must be a non-empty array of strings (Annex I: learning outcomes), found \(other.shortDescription)"))
        }

        // Notional workload: ECTS credits and/or hours.
        let ectsPointer = achievementPointer.appending("ectsCredits")
        let hoursPointer = achievementPointer.appending("workloadHours")
        let ects = value(ectsPointer)
        let hours = value(hoursPointer)
        if ects == nil && hours == nil {
            problems.append(Problem(ectsPointer, "missing, and no workloadHours either (Annex I: notional workload)"))
        }
        for (pointer, found) in [(ectsPointer, ects), (hoursPointer, hours)] {
            guard let found else { continue }
            if let number = found.doubleValue, number >= 0 { continue }
            problems.append(Problem(pointer, "must be a number ≥ 0, found \(found.shortDescription)"))
        }

        // Level (EQF 1–8).
        let eqfPointer = achievementPointer.appending("eqfLevel")
        switch value(eqfPointer) {
        case nil:
            problems.append(Problem(eqfPointer, "missing (Annex I: level)"))
        case let found? where !(found.intValue.map { (1...8).contains($0) } ?? false):
            problems.append(Problem(eqfPointer, "must be an integer 1–8, found \(found.shortDescription)"))
        default:
            break
        }
        if let nqf = value(achievementPointer.appending("nqfLevel")), nqf.stringValue == nil, nqf.intValue == nil {
            problems.append(Problem(achievementPointer.appending("nqfLevel"), "must be a string or an integer, found \(nqf.shortDescription)"))
        }

        // Type of assessment.
        requireString(achievementPointer.appending("assessmentType"), element: "type of assessment")

        // Form of participation.
        let formPointer = achievementPointer.appending("participationForm")
        switch value(formPointer) {
        case nil:
            problems.append(Problem(formPointer, "missing (Annex I: form of participation)"))
        case .string(let form)? where participationForms.contains(form):
            break
        case let other?:
            problems.append(Problem(formPointer, "must be one of online, onsite, blended, found \(other.shortDescription)"))
        }

        // Type of quality assurance.
        requireString(achievementPointer.appending("qualityAssurance"), element: "type of quality assurance")

        // Optional elements, when present, have the documented types.
        for field in ["prerequisites", "supervision", "furtherInformation"] {
            optionalString(achievementPointer.appending(field))
        }
        optionalString(subjectPointer.appending("grade"))
        let stackingPointer = achievementPointer.appending("stacking")
        if let stacking = value(stackingPointer), !(stacking.stringValue.map(stackingOptions.contains) ?? false) {
            problems.append(Problem(stackingPointer, "must be standalone or stackable, found \(stacking.shortDescription)"))
        }
        requireType("/type", "OpenBadgeCredential")
        return problems
    }
}
