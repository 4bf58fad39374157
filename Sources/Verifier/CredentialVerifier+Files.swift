public import CredentialCore

extension CredentialVerifier {
    /// Reads and checks one file (`-` for standard input). Never throws: a file that cannot be read
    /// or parsed gets a report with verdict `error` and the reason, so the other files of a run are
    /// still reported.
    public func verifyFile(_ path: String) -> FileReport {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            return FileReport(file: path, error: error.description)
        }
        return verifyDocument(bytes, file: path)
    }

    /// Parses a file's bytes, detects what it holds (`DocumentKind.detect`) and checks it. Bytes
    /// that are not valid I-JSON within the limits, or not a JSON object, give a report with
    /// verdict `error`.
    public func verifyDocument(_ bytes: [UInt8], file: String) -> FileReport {
        let document: JSONValue
        do throws(CredentialError) {
            document = try JSONValue(parsing: bytes)
        } catch {
            return FileReport(file: file, error: error.inFile(file).description)
        }
        guard let kind = DocumentKind.detect(document) else {
            let error = CredentialError(
                .invalidValue, "expected a credential, a presentation or a wallet (a JSON object), found \(document.typeName)",
                pointer: .root, file: file)
            return FileReport(file: file, error: error.description)
        }
        return verify(CheckedDocument(document, kind: kind, verifier: proofVerifier), file: file)
    }

    /// Checks a JSON Lines file, one credential per line, on up to `jobs` cores; results keep input
    /// order. A line that is not valid JSON fails its `schema` check and does not stop the others.
    public func verifyLines(
        _ bytes: [UInt8], file: String, jobs: Int = ParallelMap.defaultJobs,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> FileReport {
        let lines = JSONLines.split(bytes)
        let reports = ParallelMap.map(lines, jobs: jobs, progress: progress) { line -> CredentialReport in
            do throws(CredentialError) {
                let document = try JSONValue(parsing: line.bytes)
                return verify(document, line: line.number)
            } catch {
                return .notACredential(
                    "not valid JSON: \(error.description)", failurePointer: error.pointer, line: line.number,
                    skipMessage: "not checked: the line is not valid JSON", checkIDs: checks.map(\.id))
            }
        }
        return FileReport(file: file, kind: .credentialLines, credentials: reports)
    }
}
