import CredentialCore

extension CredentialIssuer {
    /// The problem that makes `issue` refuse a template whose `achievementType` is a likely slip for
    /// `MicroCredential` (credential.md §5.3): signed as written, it would be an ordinary badge whose
    /// missing Annex I elements only warn. This is where CredentialCore's detector,
    /// `MicroCredentialProfile.misspellingProblem(in:)`, is called once that API is in this package;
    /// until then no value is treated as a misspelling.
    static func misspelledAchievementType(in credential: Credential) -> Problem? {
        nil
    }
}
