import Foundation
import Testing
@testable import CredentialCore

@Suite("MicroCredentialProfile")
struct MicroCredentialProfileTests {
    static let complete: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:0d6a4f1e-5b7c-4a8e-9f3d-2c1b0a987654",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": [
            "id": "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw",
            "type": ["Profile"],
            "name": "Scuola del Legno",
            "address": ["addressCountryCode": "IT", "addressRegion": "Veneto"],
        ],
        "validFrom": "2026-06-15T09:00:00Z",
        "credentialSubject": [
            "id": "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT",
            "name": "Maria Kowalska",
            "type": ["AchievementSubject"],
            "achievement": [
                "type": ["Achievement"],
                "achievementType": "MicroCredential",
                "name": "Low-VOC finishing",
                "learningOutcomes": ["Selects water-based finishes"],
                "ectsCredits": 2,
                "eqfLevel": 4,
                "assessmentType": "Practical assessment",
                "participationForm": "onsite",
                "qualityAssurance": "EQAVET",
            ],
        ],
    ]

    func problems(_ document: JSONValue) throws -> [Problem] {
        MicroCredentialProfile.problems(in: try Credential(document))
    }

    @Test("a complete micro-credential has no problems")
    func completeHasNone() throws {
        #expect(try problems(Self.complete).isEmpty)
        #expect(try CredentialSchema.problems(in: Credential(Self.complete)).isEmpty)
    }

    static let mandatory: [String] = [
        "/credentialSubject/name",
        "/credentialSubject/achievement/name",
        "/issuer/address/addressCountryCode",
        "/issuer/name",
        "/validFrom",
        "/credentialSubject/achievement/learningOutcomes",
        "/credentialSubject/achievement/eqfLevel",
        "/credentialSubject/achievement/assessmentType",
        "/credentialSubject/achievement/participationForm",
        "/credentialSubject/achievement/qualityAssurance",
    ]

    @Test("removing one mandatory element gives exactly one problem naming it", arguments: mandatory)
    func removingOne(_ path: String) throws {
        var document = Self.complete
        let pointer = try JSONPointer(parsing: path)
        let parent = JSONPointer(tokens: Array(pointer.tokens.dropLast()))
        var object = try #require(document.value(at: parent)?.objectValue)
        object.removeValue(forKey: try #require(pointer.tokens.last))
        try document.setValue(.object(object), at: parent)
        let found = try problems(document)
        #expect(found.map(\.pointer) == [pointer])
        #expect(found.first?.message.contains("Annex I") == true)
    }

    @Test("workload needs ECTS credits or hours, either one is enough")
    func workload() throws {
        var document = Self.complete
        document["credentialSubject"]?["achievement"]?["ectsCredits"] = nil
        #expect(try problems(document).map(\.pointer) == ["/credentialSubject/achievement/ectsCredits"])
        document["credentialSubject"]?["achievement"]?["workloadHours"] = 50
        #expect(try problems(document).isEmpty)
    }

    @Test("a workload of zero is a problem: ectsCredits and workloadHours must not both be 0")
    func zeroWorkload() throws {
        let zero = "the notional workload must be more than 0 (Annex I: notional workload)"
        let cases: [(ects: JSONValue?, hours: JSONValue?, expected: [String])] = [
            (0, 0, ["/credentialSubject/achievement/ectsCredits: is 0 and so is workloadHours; " + zero]),
            (0, nil, ["/credentialSubject/achievement/ectsCredits: is 0 and no workloadHours are given; " + zero]),
            (nil, 0, ["/credentialSubject/achievement/workloadHours: is 0 and no ectsCredits are given; " + zero]),
            (0.0, 0.0, ["/credentialSubject/achievement/ectsCredits: is 0 and so is workloadHours; " + zero]),
            (0, 20, []),
            (2, 0, []),
            (0.5, nil, []),
        ]
        for testCase in cases {
            var document = Self.complete
            document["credentialSubject"]?["achievement"]?["ectsCredits"] = testCase.ects
            document["credentialSubject"]?["achievement"]?["workloadHours"] = testCase.hours
            #expect(try problems(document).map(\.description) == testCase.expected, "\(testCase)")
        }
    }

    static let misspellings = [
        "Microcredential", "microcredential", "MICROCREDENTIAL", "MicroCredentials", "microcredentials",
        "MicroCredental", "MicroCredentiall", "MicroCrendential", "Micro-Credential", "Micro Credential",
        "MicroCerdential", "MikroCredential", "MicroCredential ", "icroCredential",
    ]

    @Test("an achievementType close to MicroCredential is a likely misspelling", arguments: misspellings)
    func likelyMisspelling(_ written: String) throws {
        var document = Self.complete
        document["credentialSubject"]?["achievement"]?["achievementType"] = .string(written)
        let credential = try Credential(document)
        #expect(!credential.isMicroCredential)
        #expect(MicroCredentialProfile.likelyMisspelling(of: credential) == written)
        let problem = try #require(MicroCredentialProfile.misspellingProblem(in: credential))
        #expect(problem.pointer == "/credentialSubject/achievement/achievementType")
        #expect(problem.message.hasSuffix("did you mean MicroCredential?"))
    }

    static let otherTypes = [
        "MicroCredential", "Certificate", "Badge", "Credential", "MicroCredentialPlus", "Micro-Credentials",
        "MiniCredential", "", "MacroCredentials",
    ]

    @Test("the exact type and types that are really different are not misspellings", arguments: otherTypes)
    func notMisspelling(_ written: String) throws {
        var document = Self.complete
        document["credentialSubject"]?["achievement"]?["achievementType"] = .string(written)
        let credential = try Credential(document)
        #expect(MicroCredentialProfile.likelyMisspelling(of: credential) == nil)
        #expect(MicroCredentialProfile.misspellingProblem(in: credential) == nil)
    }

    @Test("the misspelling message quotes what was written and names the subject in an array")
    func misspellingMessage() throws {
        var document = Self.complete
        document["credentialSubject"]?["achievement"]?["achievementType"] = "Microcredential"
        document["credentialSubject"] = .array([try #require(document["credentialSubject"])])
        let problem = try #require(MicroCredentialProfile.misspellingProblem(in: try Credential(document)))
        #expect(problem.description
            == "/credentialSubject/0/achievement/achievementType: \"Microcredential\" is not \"MicroCredential\"; did you mean MicroCredential?")
        // Without an achievementType, or with a non-string one, there is nothing to suggest.
        var plain = Self.complete
        plain["credentialSubject"]?["achievement"]?["achievementType"] = nil
        #expect(MicroCredentialProfile.likelyMisspelling(of: try Credential(plain)) == nil)
        plain["credentialSubject"]?["achievement"]?["achievementType"] = ["Microcredential"]
        #expect(MicroCredentialProfile.likelyMisspelling(of: try Credential(plain)) == nil)
    }

    @Test("isMicroCredential needs exactly MicroCredential")
    func exactType() throws {
        #expect(try Credential(Self.complete).isMicroCredential)
        #expect(try Credential(Self.complete).achievementType == "MicroCredential")
    }

    static let illTyped: [(path: String, value: JSONValue, message: String)] = [
        ("/credentialSubject/achievement/eqfLevel", "five", "must be an integer 1–8, found \"five\""),
        ("/credentialSubject/achievement/eqfLevel", 9, "must be an integer 1–8, found 9"),
        ("/credentialSubject/achievement/eqfLevel", 4.5, "must be an integer 1–8, found 4.5"),
        ("/credentialSubject/achievement/ectsCredits", -1, "must be a number ≥ 0, found -1"),
        ("/credentialSubject/achievement/ectsCredits", "2", "must be a number ≥ 0, found \"2\""),
        ("/credentialSubject/achievement/participationForm", "hybrid", "must be one of online, onsite, blended, found \"hybrid\""),
        ("/issuer/address/addressCountryCode", "Spain", "must be an ISO 3166-1 alpha-2 code such as \"ES\", found \"Spain\""),
        ("/issuer/address/addressCountryCode", "es", "must be an ISO 3166-1 alpha-2 code such as \"ES\", found \"es\""),
        ("/credentialSubject/achievement/learningOutcomes", [], "must be a non-empty array of strings (Annex I: learning outcomes), found an array"),
        ("/credentialSubject/achievement/learningOutcomes", "one", "must be a non-empty array of strings (Annex I: learning outcomes), found \"one\""),
        ("/credentialSubject/achievement/assessmentType", "  ", "must be a non-empty string (Annex I: type of assessment), found \"  \""),
        ("/credentialSubject/achievement/stacking", "maybe", "must be standalone or stackable, found \"maybe\""),
        ("/credentialSubject/id", "maria", "must be the learner's DID (did:key:…), found \"maria\""),
        ("/credentialSubject/id", "did:web:example.org", "must be the learner's DID (did:key:…), found \"did:web:example.org\""),
        ("/credentialSubject/type", ["Person"], "must include \"AchievementSubject\""),
        ("/credentialSubject/achievement/type", "Badge", "must include \"Achievement\""),
        ("/issuer/type", ["Organization"], "must include \"Profile\""),
        ("/type", ["VerifiableCredential"], "must include \"OpenBadgeCredential\""),
    ]

    @Test("an ill-typed element gives one problem naming the field and what was found", arguments: illTyped)
    func illTypedElement(_ testCase: (path: String, value: JSONValue, message: String)) throws {
        var document = Self.complete
        let pointer = try JSONPointer(parsing: testCase.path)
        try document.setValue(testCase.value, at: pointer)
        let found = try problems(document)
        #expect(found == [Problem(pointer, testCase.message)])
    }

    @Test("a bad learning outcome is named by its index")
    func outcomeIndex() throws {
        var document = Self.complete
        document["credentialSubject"]?["achievement"]?["learningOutcomes"] = ["ok", 3]
        #expect(try problems(document).map(\.description) == ["/credentialSubject/achievement/learningOutcomes/1: must be a non-empty string, found 3"])
    }
}

@Suite("CredentialSchema")
struct CredentialSchemaTests {
    func problems(_ document: JSONValue) throws -> [String] {
        CredentialSchema.problems(in: try Credential(document)).map(\.description)
    }

    @Test("the VC 2.0 required members are named when missing")
    func missingMembers() throws {
        #expect(try problems([:]) == [
            "/@context: missing (VC 2.0 requires it)",
            "/type: missing (VC 2.0 requires it)",
            "/issuer: missing (VC 2.0 requires it)",
            "/credentialSubject: missing (VC 2.0 requires it)",
        ])
    }

    @Test("the base context must come first, type must include VerifiableCredential, dates must parse")
    func wrongValues() throws {
        let document: JSONValue = [
            "@context": ["https://example.org/x", "https://www.w3.org/ns/credentials/v2"],
            "type": ["OpenBadgeCredential"],
            "issuer": "not a url",
            "credentialSubject": ["id": "did:example:1"],
            "validFrom": "yesterday",
        ]
        #expect(try problems(document) == [
            "/@context/0: must be \"https://www.w3.org/ns/credentials/v2\", found \"https://example.org/x\"",
            "/type: must include \"VerifiableCredential\"",
            "/issuer: must be a URL (e.g. did:key:…, urn:uuid:…, https://…), found \"not a url\"",
            "/validFrom: must be an XML Schema dateTime such as 2026-01-31T09:00:00Z, found \"yesterday\"",
        ])
    }
}

extension CredentialSchemaTests {
    @Test("validFrom and validUntil without a time zone are each named", arguments: ["validFrom", "validUntil"])
    func dateWithoutTimeZone(_ field: String) throws {
        var document = MicroCredentialProfileTests.complete
        document[field] = "2026-07-01T00:00:00"
        #expect(try problems(document) == [
            "/\(field): must name its time zone (Z or ±hh:mm), as VC 2.0 requires, e.g. \"2026-01-31T09:00:00Z\", found \"2026-07-01T00:00:00\"",
        ])
        for zoned in ["2026-07-01T00:00:00Z", "2026-07-01T00:00:00+02:00", "2026-07-01T00:00:00.5-05:30"] {
            document[field] = .string(zoned)
            #expect(try problems(document).isEmpty, "\(zoned)")
        }
    }
}

@Suite("XSDDateTime")
struct XSDDateTimeTests {
    @Test("dateTimes with Z, offsets and fractions parse to the right instant")
    func parses() throws {
        #expect(XSDDateTime.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        let utc = try #require(XSDDateTime.parse("2026-11-29T09:00:00Z"))
        #expect(XSDDateTime.parse("2026-11-29T10:00:00+01:00") == utc)
        #expect(XSDDateTime.parse("2026-11-29T09:00:00.250Z")?.timeIntervalSince(utc) == 0.25)
        #expect(XSDDateTime.parse("2024-02-29T00:00:00Z") != nil)
    }

    @Test("says whether the time zone was written; a missing one reads as UTC")
    func timeZonePresence() throws {
        let zoneless = try #require(XSDDateTime.parseWithTimeZone("2026-11-29T09:00:00"))
        #expect(!zoneless.hasTimeZone)
        #expect(zoneless.date == XSDDateTime.parse("2026-11-29T09:00:00Z"))
        #expect(XSDDateTime.parseWithTimeZone("2026-11-29T09:00:00.5")?.hasTimeZone == false)
        for zoned in ["2026-11-29T09:00:00Z", "2026-11-29T09:00:00+00:00", "2026-11-29T09:00:00.5-01:00"] {
            #expect(XSDDateTime.parseWithTimeZone(zoned)?.hasTimeZone == true, "\(zoned)")
        }
        #expect(XSDDateTime.parseWithTimeZone("2026-11-29T09:00:00+01") == nil)
    }

    @Test("malformed and impossible dates are rejected", arguments: [
        "", "2026-11-29", "2026-11-29 09:00:00Z", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-11-29T25:00:00Z", "2026-11-29T09:00:00.Z", "2026-11-29T09:00:00+1:00", "2026-11-29T09:00:00Zjunk",
        // XML Schema (and so VC 2.0's dateTimeStamp) writes T and Z in capitals only.
        "2026-11-29t09:00:00Z", "2026-11-29T09:00:00z",
    ])
    func rejects(_ text: String) {
        #expect(XSDDateTime.parse(text) == nil)
    }

    @Test("formatting round-trips through parsing, before and after 1970")
    func roundTrip() throws {
        for seconds in [0, 1_795_942_800, -86_401, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(XSDDateTime.parse(XSDDateTime.format(date)) == date)
        }
        #expect(XSDDateTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
