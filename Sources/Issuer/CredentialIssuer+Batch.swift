public import CredentialCore
public import Foundation

extension CredentialIssuer {
    /// The outcome of one line of a batch.
    public struct BatchItem: Sendable {
        /// The 1-based line number in the input.
        public var line: Int
        /// The signed credential's canonical JSON (one JSON Lines record), or why the line failed.
        public var result: Result<[UInt8], IssuerError>
    }

    /// Issues one credential per non-blank line of a JSON Lines file, on up to `jobs` cores.
    ///
    /// Results keep input order; a bad line is reported with its line number and does not stop the
    /// others. Each signed credential is written as its RFC 8785 canonical form, which is compact
    /// valid JSON on one line. `statusEntries`, when not empty, gives the `credentialStatus` of
    /// each non-blank line in order (one per line).
    public func issueBatch(
        _ bytes: [UInt8], jobs: Int = ParallelMap.defaultJobs, issuedAt: Date = Date(),
        statusEntries: [StatusListEntry] = [],
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> [BatchItem] {
        let lines = Array(JSONLines.split(bytes).enumerated())
        let timestamp = XSDDateTime.format(issuedAt)
        return ParallelMap.map(lines, jobs: jobs, progress: progress) { position, line -> BatchItem in
            let status = statusEntries.indices.contains(position) ? statusEntries[position] : nil
            do throws(IssuerError) {
                let template: JSONValue
                do throws(CredentialError) {
                    template = try JSONValue(parsing: line.bytes)
                } catch {
                    throw IssuerError(.invalidTemplate, "not valid JSON: \(error.descriptionWithinLine)")
                }
                let canonical = try issueWithCanonicalForm(template, timestamp: timestamp, status: status).canonical
                return BatchItem(line: line.number, result: .success(canonical))
            } catch {
                var failure = error
                failure.line = line.number
                return BatchItem(line: line.number, result: .failure(failure))
            }
        }
    }
}
