@testable import Signing
import Testing

/// `Decodable` mirror of ed25519-speccheck `cases.json`, with each case's meaning from the upstream README.
struct SpeccheckCase: Decodable, CustomTestStringConvertible, Sendable {
    /// What each of the 12 cases exercises, in file order (ed25519-speccheck README).
    enum Kind: String, Sendable {
        case smallAAndSmallR = "small A and small R, S = 0"
        case smallA = "small A only"
        case smallR = "small R only"
        case mixedOrder = "mixed-order A and R"
        case cofactoredOnly = "passes only the cofactored equation"
        case cofactoredPreReducedK = "passes only the cofactored equation, with pre-reduced k"
        case sNotBelowL = "S ≥ L"
        case nonCanonicalR = "non-canonical R"
        case nonCanonicalA = "non-canonical A"

        static let inFileOrder: [Kind] = [
            .smallAAndSmallR, .smallA, .smallR, .mixedOrder, .cofactoredOnly, .cofactoredPreReducedK,
            .sNotBelowL, .sNotBelowL, .nonCanonicalR, .nonCanonicalR, .nonCanonicalA, .nonCanonicalA,
        ]
    }

    var index = 0
    let message: String
    let pubKey: String
    let signature: String
    var kind: Kind { Kind.inFileOrder[index] }
    var testDescription: String { "case \(index): \(kind.rawValue)" }

    enum CodingKeys: String, CodingKey {
        case message
        case pubKey = "pub_key"
        case signature
    }

    static func load() throws -> [SpeccheckCase] {
        var cases = try Vectors.load([SpeccheckCase].self, "cases.json", in: "ed25519-speccheck")
        for index in cases.indices { cases[index].index = index }
        return cases
    }
}

/// `Decodable` mirror of C2SP CCTV `ed25519vectors.json`.
struct CCTVCase: Decodable, CustomTestStringConvertible, Sendable {
    let number: Int
    let key: String
    let sig: String
    /// A plain ASCII string, not hex.
    let msg: String
    let flags: [String]?
    var flagSet: Set<String> { Set(flags ?? []) }
    var testDescription: String { "vector \(number) [\((flags ?? []).joined(separator: ", "))]" }

    static func load() throws -> [CCTVCase] {
        try Vectors.load([CCTVCase].self, "ed25519vectors.json", in: "ed25519-cctv")
    }
}

/// What mcred does with an edge case: refuse the key, or verify to a verdict.
enum Outcome: Equatable, CustomStringConvertible {
    case keyRefused(SigningError.Code)
    case verified(Bool)

    var description: String {
        switch self {
        case let .keyRefused(code): "key refused (\(code))"
        case let .verified(isValid): isValid ? "accepted" : "rejected"
        }
    }

    /// Loads the key through `PublicKey(rawRepresentation:)` and verifies through `isValidSignature`.
    init(key: [UInt8], signature: [UInt8], message: [UInt8]) {
        do {
            let publicKey = try Ed25519.PublicKey(rawRepresentation: key)
            self = .verified(try publicKey.isValidSignature(signature, for: message))
        } catch {
            self = .keyRefused(error.code)
        }
    }
}

/// The policy: refuse small-order and non-canonical public keys when they are loaded, then verify with
/// strict cofactorless RFC 8032 §5.1.7 (S < L, R canonical, [S]B = R + [k]A), which is what OpenSSL 3.0 does.
@Suite("Public-key hardening against speccheck and CCTV edge cases")
struct PublicKeyHardeningTests {
    // MARK: speccheck

    /// Expected outcome of a speccheck case, as a rule over its kind.
    static func expected(_ kind: SpeccheckCase.Kind) -> Outcome {
        switch kind {
        // Refused at key load: A is the order-8 point c7176a…fa.
        case .smallAAndSmallR, .smallA: .keyRefused(.smallOrderPublicKey)
        // Refused at key load: A is ec ff … ff, that is (0, −1) with the sign bit set on x = 0.
        case .nonCanonicalA: .keyRefused(.nonCanonicalPublicKey)
        // A small-order R or a mixed-order A does not break the cofactorless equation.
        case .smallR, .mixedOrder: .verified(true)
        // The cofactorless equation fails; S ≥ L fails §5.1.7 step 1; a non-canonical R fails decoding.
        case .cofactoredOnly, .cofactoredPreReducedK, .sNotBelowL, .nonCanonicalR: .verified(false)
        }
    }

    @Test("each speccheck case gets the outcome of the pre-check plus strict cofactorless verification", arguments: try SpeccheckCase.load())
    func speccheck(testCase: SpeccheckCase) {
        let outcome = Outcome(
            key: [UInt8](hex: testCase.pubKey), signature: [UInt8](hex: testCase.signature),
            message: [UInt8](hex: testCase.message)
        )
        #expect(outcome == Self.expected(testCase.kind))
    }

    @Test("speccheck reads XXVVXXXXXXXX with the pre-check: only cases 2 (small R) and 3 (mixed order) verify")
    func speccheckSummary() throws {
        let cases = try SpeccheckCase.load()
        #expect(cases.count == 12)
        let row = cases.map { testCase in
            let outcome = Outcome(
                key: [UInt8](hex: testCase.pubKey), signature: [UInt8](hex: testCase.signature),
                message: [UInt8](hex: testCase.message)
            )
            return outcome == .verified(true) ? "V" : "X"
        }.joined()
        #expect(row == "XXVVXXXXXXXX")
    }

    // MARK: CCTV

    /// Expected outcome of a CCTV vector, as a rule over its flags:
    /// - `non_canonical_A` (y ≥ p, or the sign bit set on x = 0): the key is refused as non-canonical;
    /// - else `low_order_A`: the key is refused as small-order;
    /// - else strict cofactorless verification accepts unless `non_canonical_R` (R fails decoding, RFC 8032
    ///   §5.1.3) or `low_order_residue` (only the cofactored equation [8][S]B = [8]R + [8][k]A holds).
    ///   The other flags (`low_order_R`, `low_order_component_R`, `low_order_component_A`, `reencoded_k`)
    ///   leave the cofactorless equation true; no CCTV vector has S ≥ L.
    static func expected(_ flags: Set<String>) -> Outcome {
        if flags.contains("non_canonical_A") { return .keyRefused(.nonCanonicalPublicKey) }
        if flags.contains("low_order_A") { return .keyRefused(.smallOrderPublicKey) }
        return .verified(!flags.contains("non_canonical_R") && !flags.contains("low_order_residue"))
    }

    @Test("each CCTV vector gets the outcome its flags call for", arguments: try CCTVCase.load())
    func cctv(testCase: CCTVCase) {
        let outcome = Outcome(
            key: [UInt8](hex: testCase.key), signature: [UInt8](hex: testCase.sig), message: Array(testCase.msg.utf8)
        )
        #expect(outcome == Self.expected(testCase.flagSet))
    }

    @Test("CCTV: 526 keys refused (226 non-canonical, 300 small-order), 302 signatures rejected, 86 of 914 accepted")
    func cctvSummary() throws {
        let cases = try CCTVCase.load()
        #expect(cases.count == 914)
        var counts: [String: Int] = [:]
        for testCase in cases {
            let outcome = Outcome(
                key: [UInt8](hex: testCase.key), signature: [UInt8](hex: testCase.sig), message: Array(testCase.msg.utf8)
            )
            counts[outcome.description, default: 0] += 1
        }
        #expect(counts == [
            "key refused (nonCanonicalPublicKey)": 226,
            "key refused (smallOrderPublicKey)": 300,
            "rejected": 302,
            "accepted": 86,
        ])
    }

    @Test("whatever OpenSSL alone accepts with a small-order or non-canonical key, mcred refuses")
    func cctvWithoutPreCheck() throws {
        // Asserts mcred's verdicts, not OpenSSL's own accept counts, which differ between versions.
        for testCase in try CCTVCase.load() where testCase.flagSet.contains("low_order_A") || testCase.flagSet.contains("non_canonical_A") {
            let unchecked = Ed25519.PublicKey(uncheckedRawRepresentation: [UInt8](hex: testCase.key))
            let openSSLAccepts = try unchecked.isValidSignature([UInt8](hex: testCase.sig), for: Array(testCase.msg.utf8))
            let outcome = Outcome(
                key: [UInt8](hex: testCase.key), signature: [UInt8](hex: testCase.sig), message: Array(testCase.msg.utf8))
            if openSSLAccepts {
                #expect(outcome.description.hasPrefix("key refused"), "vector \(testCase.key.prefix(16))… \(testCase.flagSet)")
            }
            #expect(outcome.description != "accepted")
        }
    }

    // MARK: The encodings themselves

    @Test("the 14 small-order encodings are exactly CCTV's low_order_A keys, and each is refused")
    func smallOrderList() throws {
        let listed = Set(Ed25519.PublicKey.smallOrderEncodings.map(\.bytes))
        #expect(listed.count == 14)
        let cctvLowOrder = Set(try CCTVCase.load().filter { $0.flagSet.contains("low_order_A") }.map { [UInt8](hex: $0.key) })
        #expect(listed == cctvLowOrder)
        for bytes in listed {
            #expect(throws: SigningError.self) { try Ed25519.PublicKey(rawRepresentation: bytes) }
        }
    }

    @Test("y ≥ p is refused as non-canonical for every y from p to p + 18, sign bit clear or set")
    func nonCanonicalRange() {
        for offset in 0 ... 18 {
            for sign: UInt8 in [0x00, 0x80] {
                var bytes = [UInt8](repeating: 0xff, count: 32)
                bytes[0] = 0xed + UInt8(offset)
                bytes[31] = 0x7f | sign
                #expect(throws: SigningError(.nonCanonicalPublicKey, "")) { try Ed25519.PublicKey(rawRepresentation: bytes) }
            }
        }
        // p − 1 with the sign bit clear is canonical, and it is (0, −1): small order, not non-canonical.
        var belowP = [UInt8](repeating: 0xff, count: 32)
        belowP[0] = 0xec
        belowP[31] = 0x7f
        #expect(throws: SigningError(.smallOrderPublicKey, "")) { try Ed25519.PublicKey(rawRepresentation: belowP) }
    }
}
