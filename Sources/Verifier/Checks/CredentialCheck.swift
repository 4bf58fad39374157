import CredentialCore

/// One check of DESIGN.md §6, run on every credential of a file.
///
/// A check reads what `CheckedCredential` computed once (the parsed view, the proof result) and
/// what `VerificationContext` knows about the run and the file; it never throws: a verdict is an
/// outcome, not an error.
public protocol CredentialCheck: Sendable {
    /// The check's identifier in reports.
    var id: CheckID { get }
    /// Evaluates the check on one credential.
    func evaluate(_ credential: CheckedCredential, in context: VerificationContext) -> CheckOutcome
}

extension CredentialVerifier {
    /// The checks `mcred verify` runs on each credential, in report order. Adding a check means
    /// adding its file and its line here.
    public static let standardChecks: [any CredentialCheck] = [
        SchemaCheck(),
        ProfileCheck(),
        SignatureCheck(),
        ValidityCheck(),
        TrustCheck(),
        StatusCheck(),
        StackCheck(),
        HolderCheck(),
    ]
}
