public import CredentialCore

/// A check about a file's document itself rather than one credential in it (report format 2's
/// file-level `checks`), e.g. a presentation's holder proof.
public protocol DocumentCheck: Sendable {
    /// The check's identifier in reports.
    var id: CheckID { get }
    /// True when the check concerns documents of `kind` checked in `context`; other documents do
    /// not list it.
    func applies(to kind: DocumentKind, in context: VerificationContext) -> Bool
    /// Evaluates the check on the document.
    func evaluate(_ document: CheckedDocument, in context: VerificationContext) -> CheckOutcome
}

extension CredentialVerifier {
    /// The file-level checks, in report order.
    public static let standardDocumentChecks: [any DocumentCheck] = [
        PresentationCheck(),
    ]
}
