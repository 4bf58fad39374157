import CredentialCore

/// Deterministic credential-shaped JSON documents (VC 2.0 / Open Badges 3.0 with EU Annex I fields).
enum CredentialCorpus {
    private static let countries = ["DE", "FR", "IT", "ES", "PL", "SE", "PT", "GR", "FI", "CZ"]
    private static let names = ["Zoë Müller", "José Álvarez", "Łukasz Wiśniewski", "Ana Ferreira", "Ελένη Παππά",
                                "Søren Østergaard", "Amélie Dubois", "Jiří Dvořák", "Åsa Lindqvist", "Marco Rossi"]
    private static let subjects = ["Data Literacy", "Welding Safety", "Sustainable Tourism", "Cyber Hygiene",
                                   "Digital Marketing", "Care Work Ethics", "Renewable Energy Basics", "Food Hygiene"]
    private static let outcomes = [
        "Explain the main risks and how to mitigate them",
        "Apply the standard procedure in a supervised setting",
        "Évaluer la qualité des données selon des critères définis",
        "Analyse a realistic case and document the findings",
        "Kommunizieren Ergebnisse klar und adressatengerecht",
        "Use the common tools of the field safely 🛠",
    ]

    /// `count` varied credentials as compact JSON in their natural (unsorted) member order.
    static func documents(count: Int) -> [[UInt8]] {
        (0 ..< count).map { index in
            var bytes: [UInt8] = []
            writeCompact(credential(index), into: &bytes)
            return bytes
        }
    }

    /// One JSON array of the documents, repeated until it reaches about `targetBytes`.
    static func largeDocument(from documents: [[UInt8]], targetBytes: Int) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        var index = 0
        while bytes.count < targetBytes {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: documents[index % documents.count])
            index += 1
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    static func credential(_ index: Int) -> JSONValue {
        let subject = subjects[index % subjects.count]
        let country = countries[index % countries.count]
        let outcomeCount = 2 + index % 4
        let learningOutcomes = (0 ..< outcomeCount).map { JSONValue.string(outcomes[(index + $0) % outcomes.count]) }
        let day = 1 + index % 28
        let date = "2025-\(index % 9 + 1 < 10 ? "0" : "")\(index % 9 + 1)-\(day < 10 ? "0" : "")\(day)T09:30:00Z"
        let issuerKey = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" + String(index % 97)
        return [
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://mcred.example/context/v1.jsonld",
            ],
            "id": .string("urn:uuid:\(String(index, radix: 16))-5f1e-4c4b-9a9e-\(String(1_000_000_000 + index * 7919))"),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": [
                "id": .string(issuerKey),
                "type": ["Profile"],
                "name": .string("Hochschule für Angewandte Wissenschaften \(country)-\(index % 13)"),
                "address": ["type": ["Address"], "addressCountryCode": .string(country), "addressRegion": "Région Nord"],
            ],
            "validFrom": .string(date),
            "name": .string(subject),
            "credentialSubject": [
                "id": .string("did:key:z6MkLearner\(index)"),
                "type": ["AchievementSubject"],
                "name": .string(names[index % names.count]),
                "grade": .string(index % 3 == 0 ? "A" : "B+"),
                "achievement": [
                    "id": .string("https://mcred.example/achievements/\(index % 40)"),
                    "type": ["Achievement"],
                    "achievementType": "MicroCredential",
                    "name": .string(subject),
                    "description": .string("A short course on \(subject.lowercased()) — with “quotes”, tabs\tand a line\nbreak."),
                    "criteria": ["narrative": "Pass the final assessment with at least 60 % of the points."],
                    "learningOutcomes": .array(learningOutcomes),
                    "ectsCredits": .number(index % 2 == 0 ? 5 : 2.5),
                    "workloadHours": .number(Double(25 + index % 100)),
                    "eqfLevel": .number(Double(4 + index % 4)),
                    "assessmentType": "Written exam and practical assignment",
                    "participationForm": .string(["online", "onsite", "blended"][index % 3]),
                    "qualityAssurance": "Internal QA of the awarding body, accredited by the national agency",
                    "stacking": .string(index % 2 == 0 ? "stackable" : "standalone"),
                    "alignment": [[
                        "type": ["Alignment"],
                        "targetName": "ESCO skill",
                        "targetUrl": .string("http://data.europa.eu/esco/skill/\(index % 1000)-\(index % 7)"),
                    ]],
                ],
            ],
            "credentialStatus": [
                "id": .string("https://mcred.example/status/1#\(index * 3)"),
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": .string(String(index * 3)),
                "statusListCredential": "https://mcred.example/status/1",
            ],
        ]
    }

    /// Compact JSON in stored member order (the canonical form would pre-sort the keys).
    static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.string(member.key).writeCanonical(into: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            value.writeCanonical(into: &out)
        }
    }
}
