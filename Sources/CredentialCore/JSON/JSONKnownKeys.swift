/// Member names of the vocabularies credentials are written in (VC Data Model 2.0, Data
/// Integrity proofs, Bitstring Status List, Open Badges 3.0 and the EU micro-credential fields).
///
/// The parser hands out these strings for keys that match one instead of building a new string:
/// a literal needs no UTF-8 check, no allocation and no reference counting. Any other key is
/// parsed as usual, so the list only affects speed, never results.
struct JSONKnownKeys: Sendable {
    static let shared = JSONKnownKeys()

    static let names: [String] = [
        // VC Data Model 2.0.
        "@context", "id", "type", "name", "description", "issuer", "validFrom", "validUntil",
        "credentialSubject", "credentialStatus", "credentialSchema", "proof", "evidence", "termsOfUse",
        "refreshService", "holder", "verifiableCredential",
        // Data Integrity proofs.
        "cryptosuite", "created", "expires", "proofPurpose", "verificationMethod", "proofValue",
        "challenge", "domain", "nonce", "previousProof",
        // Bitstring Status List.
        "statusPurpose", "statusListIndex", "statusListCredential", "statusSize", "statusMessage",
        // Open Badges 3.0.
        "achievement", "achievementType", "criteria", "narrative", "alignment", "targetName", "targetUrl",
        "targetDescription", "targetFramework", "targetCode", "targetType", "image", "url", "email",
        "address", "addressCountry", "addressCountryCode", "addressRegion", "addressLocality",
        "postalCode", "streetAddress",
        // EU micro-credential (Council Recommendation 2022/C 243/02, Annex I) and profile fields.
        "learningOutcomes", "ectsCredits", "workloadHours", "eqfLevel", "nqfLevel", "assessmentType",
        "participationForm", "qualityAssurance", "stacking", "prerequisites", "supervision",
        "furtherInformation", "grade", "title", "creditsAvailable", "fieldOfStudy", "humanCode",
        "inLanguage", "identifier",
    ]

    /// Slot count is `1 << slotBits`; `multiplier` spreads `names` over the slots without collisions.
    private static let slotBits = 9
    private static let multiplier: UInt64 = 0x5959_F9B1_6BB0_C7A7

    /// For each slot, one more than the index of the name in it, or 0.
    private let slots: [UInt8]
    /// The names' UTF-8, one after another; name `i` spans `starts[i] ..< starts[i + 1]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let strings: [String]

    private init() {
        var slots = [UInt8](repeating: 0, count: 1 << Self.slotBits)
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        for (position, name) in Self.names.enumerated() {
            bytes.append(contentsOf: name.utf8)
            starts.append(bytes.count)
            let slot = Self.slot(of: Array(name.utf8).span)
            // A name that collides with an earlier one is simply not shared (a test keeps this empty).
            if slots[slot] == 0 { slots[slot] = UInt8(truncatingIfNeeded: position + 1) }
        }
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
        self.strings = Self.names
    }

    /// The slot of a key of at least two bytes: a hash of its length and its first and last two bytes.
    @inline(__always)
    private static func slot(of key: borrowing Span<UInt8>) -> Int {
        let count = key.count
        let summary = UInt64(truncatingIfNeeded: count) | UInt64(key[0]) << 8 | UInt64(key[1]) << 16
            | UInt64(key[count - 2]) << 24 | UInt64(key[count - 1]) << 32
        return Int(truncatingIfNeeded: (summary &* multiplier) >> (64 - UInt64(slotBits)))
    }

    /// The shared string with exactly the UTF-8 of `key`, if it is one of `names`.
    @inline(__always)
    func string(matching key: borrowing Span<UInt8>) -> String? {
        let count = key.count
        guard count >= 2 && count <= 24 else { return nil }
        let entry = Int(slots[Self.slot(of: key)])
        guard entry != 0 else { return nil }
        let start = starts[entry - 1]
        guard starts[entry] - start == count else { return nil }
        let known = bytes.span.extracting(start ..< start + count)
        for offset in 0 ..< count where known[offset] != key[offset] { return nil }
        return strings[entry - 1]
    }
}
