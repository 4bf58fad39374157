import CredentialCore
import Foundation
import Signing

/// RFC 8032 §7.1 TEST 1 secret key: a public test key, never for real use.
let testSeed: [UInt8] = [
    0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a, 0xf4, 0x92, 0xec, 0x2c, 0xc4,
    0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32, 0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60,
]

/// A complete EU micro-credential template (no issuer id, id or validFrom: issuing fills them).
func microCredentialTemplate(learner: String = "Ana Novak", ects: Double = 2.5) -> JSONValue {
    [
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": [
            "type": ["Profile"],
            "name": "Centro de Formación Verde",
            "address": ["type": ["Address"], "addressCountryCode": "ES", "addressRegion": "Andalucía"],
        ],
        "credentialSubject": [
            "type": ["AchievementSubject"],
            "id": "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT",
            "name": .string(learner),
            "achievement": [
                "id": "urn:example:achievement:retrofit",
                "type": ["Achievement"],
                "achievementType": "MicroCredential",
                "name": "Energy-efficient retrofitting",
                "description": "Retrofitting existing buildings for energy efficiency.",
                "criteria": ["narrative": "Pass a practical assessment."],
                "learningOutcomes": ["Plans an airtightness test", "Selects insulation for a retrofit"],
                "ectsCredits": .number(ects),
                "workloadHours": 65,
                "eqfLevel": 5,
                "assessmentType": "Practical test with an assessor",
                "participationForm": "blended",
                "qualityAssurance": "EQAVET-aligned internal quality assurance",
            ],
        ],
    ]
}
