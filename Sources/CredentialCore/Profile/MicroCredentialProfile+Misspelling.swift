/// Spotting an `achievementType` that was meant to be `MicroCredential` (spec/credential.md §5.3).
///
/// A typo there silently turns a micro-credential into an ordinary Open Badge, whose missing Annex I
/// elements only warn; `mcred issue` refuses such a template and `mcred verify` names the likely type.
extension MicroCredentialProfile {
    /// The achievement type that makes the profile mandatory.
    public static let achievementType = "MicroCredential"

    /// The credential's `achievementType` as written, when it is close to but not exactly
    /// `MicroCredential`: equal ignoring ASCII case, a plural (`MicroCredentials`), or one edit
    /// away (`MicroCredental`, `Micro-Credential`, `MicroCerdential`); nil otherwise.
    public static func likelyMisspelling(of credential: Credential) -> String? {
        guard let written = credential.achievementType else { return nil }
        return isLikelyMisspelling(written) ? written : nil
    }

    /// The problem to report for a likely misspelling: its pointer and "did you mean MicroCredential?".
    public static func misspellingProblem(in credential: Credential) -> Problem? {
        guard let written = likelyMisspelling(of: credential) else { return nil }
        let base = credential.object["credentialSubject"]?.arrayValue != nil
            ? ["credentialSubject", "0"] : ["credentialSubject"]
        return Problem(
            JSONPointer(tokens: base + ["achievement", "achievementType"]),
            "\(JSONValue.string(written).shortDescription) is not \"\(achievementType)\"; did you mean \(achievementType)?")
    }

    /// Whether `written` differs from `MicroCredential` but looks like a slip of the keyboard.
    static func isLikelyMisspelling(_ written: String) -> Bool {
        let target = Array(achievementType.utf8)
        let bytes = Array(written.utf8)
        if bytes == target { return false }
        // Case and plurals only matter in ASCII; anything else counts through the edit distance.
        let folded = bytes.map(lowercasedASCII)
        let foldedTarget = target.map(lowercasedASCII)
        if folded == foldedTarget { return true }
        if folded == foldedTarget + Array("s".utf8) || folded == foldedTarget + Array("es".utf8) { return true }
        let scalars = written.unicodeScalars.map { $0.properties.lowercaseMapping }
        let targetScalars = achievementType.unicodeScalars.map { $0.properties.lowercaseMapping }
        return isWithinOneEdit(scalars, targetScalars)
    }

    /// `byte` with A–Z mapped to a–z.
    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of
    /// neighbours (the optimal string alignment distance is at most 1).
    static func isWithinOneEdit<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Bool {
        let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
        guard longer.count - shorter.count <= 1 else { return false }
        var prefix = 0
        while prefix < shorter.count && shorter[prefix] == longer[prefix] { prefix += 1 }
        if prefix == shorter.count { return true }  // equal, or one extra element at the end
        if shorter.count == longer.count {
            // One substitution, or two neighbours swapped.
            if shorter[(prefix + 1)...] == longer[(prefix + 1)...] { return true }
            return prefix + 1 < shorter.count && shorter[prefix] == longer[prefix + 1]
                && shorter[prefix + 1] == longer[prefix] && shorter[(prefix + 2)...] == longer[(prefix + 2)...]
        }
        // One insertion into the shorter one.
        return shorter[prefix...] == longer[(prefix + 1)...]
    }
}
