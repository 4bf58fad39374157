import CredentialCore
import Testing

@Suite("ECTSCredits")
struct ECTSCreditsTests {
    @Test("reads whole numbers and one decimal as exact tenths", arguments: [
        (0.0, 0), (2.5, 25), (3.0, 30), (0.1, 1), (9.5, 95), (180.0, 1800), (1_000_000.0, 10_000_000),
    ])
    func reads(value: Double, tenths: Int) throws {
        let credits = try ECTSCredits(.number(value), pointer: "/ects")
        #expect(credits.tenths == tenths)
        #expect(credits.jsonValue == .number(value))
    }

    @Test("refuses what it cannot hold exactly, naming the field", arguments: [
        JSONValue.number(2.55), .number(0.05), .number(-1), .number(1e21), .number(1e-7), .number(1_000_000.1), .string("2.5"), .null,
    ])
    func refuses(value: JSONValue) {
        #expect(throws: CredentialError(.invalidValue, "")) { try ECTSCredits(value, pointer: "/a/ectsCredits") }
        do throws(CredentialError) {
            _ = try ECTSCredits(value, pointer: "/a/ectsCredits")
        } catch {
            #expect(error.pointer == "/a/ectsCredits")
        }
    }

    @Test("sums are exact where doubles are not: 0.1 + 0.2 is 0.3")
    func exactSum() throws {
        let sum = try ECTSCredits(0.1, pointer: .root) + ECTSCredits(0.2, pointer: .root)
        #expect(sum == (try ECTSCredits(0.3, pointer: .root)))
        #expect(sum.description == "0.3")
        #expect(sum.jsonValue.canonicalString == "0.3")
        #expect(ECTSCredits(tenths: 120).description == "12")
    }

    @Test("a total written back reads as the same amount for every tenth up to 1000")
    func roundTrip() throws {
        for tenths in 0...10_000 {
            let credits = ECTSCredits(tenths: tenths)
            #expect(try ECTSCredits(credits.jsonValue, pointer: .root) == credits)
            #expect(credits.jsonValue.canonicalString == credits.description)
        }
    }
}

@Suite("StackedCredential")
struct StackedCredentialTests {
    func credential(_ members: JSONObject) throws -> Credential {
        var object: JSONObject = [
            "type": ["VerifiableCredential", "StackedCredential"],
            "credentialSubject": ["id": "did:key:z6Mkexample", "achievement": ["ectsCredits": 9.5]],
            "relatedResource": [["id": "urn:uuid:a", "digestMultibase": "zQmA"], ["id": "urn:uuid:b", "digestMultibase": "uEiA"]],
        ]
        for (key, value) in members { object[key] = value }
        return try Credential(.object(object))
    }

    @Test("reads the components in order, the total and the rules")
    func reads() throws {
        let stack = try #require(StackedCredential(try credential([:])))
        #expect(stack.problems.isEmpty)
        #expect(stack.components.map(\.id) == ["urn:uuid:a", "urn:uuid:b"])
        #expect(stack.components.map(\.digestMultibase) == ["zQmA", "uEiA"])
        #expect(stack.components[1].pointer == "/relatedResource/1")
        #expect(stack.total == ECTSCredits(tenths: 95))
        #expect(stack.rules.isEmpty)
    }

    @Test("a credential without the StackedCredential type is not a stack, relatedResource or not")
    func notAStack() throws {
        #expect(StackedCredential(try credential(["type": ["VerifiableCredential"]])) == nil)
    }

    @Test("malformed entries, totals and rules are problems naming the field")
    func problems() throws {
        let stack = try #require(StackedCredential(try credential([
            "relatedResource": [["id": "urn:uuid:a"], "text", ["id": 7, "digestMultibase": "z"]],
            "credentialSubject": ["achievement": ["ectsCredits": 2.25, "stackingRules": ["minimumEcts": 3]]],
        ])))
        #expect(stack.components.isEmpty)
        #expect(stack.problems.map(\.pointer) == [
            "/relatedResource/0/digestMultibase", "/relatedResource/1", "/relatedResource/2/id",
            "/credentialSubject/achievement/ectsCredits", "/credentialSubject/achievement/stackingRules/minimumEcts",
        ])
        let empty = try #require(StackedCredential(try credential(["relatedResource": []])))
        #expect(empty.problems.map(\.pointer) == ["/relatedResource"])
    }

    @Test("a component's credits: missing ones are named")
    func componentCredits() throws {
        let component = try Credential(["credentialSubject": ["achievement": ["workloadHours": 60]]])
        #expect(throws: CredentialError(.missingValue, "")) { try StackedCredential.credits(of: component) }
        let listed = try Credential(["credentialSubject": [["achievement": ["ectsCredits": 4]]]])
        #expect(try StackedCredential.credits(of: listed) == ECTSCredits(tenths: 40))
    }
}

@Suite("StackingRules")
struct StackingRulesTests {
    @Test("a minimum and required achievements, compared by bytes")
    func violations() throws {
        let rules = try StackingRules(["minimumEctsCredits": 6, "requiredAchievements": ["urn:a:K"]], pointer: "/r")
        #expect(rules.minimumECTS == ECTSCredits(tenths: 60))
        #expect(rules.violations(total: ECTSCredits(tenths: 60), achievementIDs: ["urn:a:K"]).isEmpty)
        // U+212A KELVIN SIGN is == "K" as a Swift String, but it is not the same id.
        #expect(rules.violations(total: ECTSCredits(tenths: 60), achievementIDs: ["urn:a:\u{212A}"]).count == 1)
        #expect(rules.violations(total: ECTSCredits(tenths: 59), achievementIDs: ["urn:a:K"]) == [
            "the components total 5.9 ECTS credits, below the minimum of 6",
        ])
    }

    @Test("unknown or ill-typed rules are refused, naming the member")
    func refused() {
        let cases: [(JSONValue, JSONPointer)] = [
            (["minimum": 3], "/r/minimum"), (["requiredAchievements": "urn:a"], "/r/requiredAchievements"),
            (["requiredAchievements": [3]], "/r/requiredAchievements/0"), ("text", "/r"),
        ]
        for (value, pointer) in cases {
            do throws(CredentialError) {
                _ = try StackingRules(value, pointer: "/r")
                Issue.record("\(value) was accepted")
            } catch {
                #expect(error.pointer == pointer)
            }
        }
    }
}
