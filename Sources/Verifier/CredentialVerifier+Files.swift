public import CredentialCore

extension CredentialVerifier {
    /// Parses a file's bytes, detects what it holds (a credential or a presentation) and checks
    /// every credential in it.
    /// - Throws: `CredentialError` naming the file when the bytes are not valid JSON within the
    ///   limits, or are not a JSON object: the file could not be checked at all (exit 2).
    public func verifyDocument(_ bytes: [UInt8], file: String) throws(CredentialError) -> FileReport {
        let document: JSONValue
        do throws(CredentialError) {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw error.inFile(file)
        }
        guard case .object(let object) = document else {
            throw CredentialError(
                .invalidValue, "expected a credential or a presentation (a JSON object), found \(document.typeName)",
                pointer: .root, file: file)
        }
        let types = Credential.strings(object["type"])
        guard types.contains("VerifiablePresentation") else {
            return FileReport(file: file, kind: .credential, credentials: [verify(document)])
        }
        let embedded = object["verifiableCredential"].map { $0.arrayValue ?? [$0] } ?? []
        let isList = object["verifiableCredential"]?.arrayValue != nil
        let holder = holderProof(of: object)
        let reports = embedded.enumerated().map { index, credential in
            let pointer = JSONPointer(tokens: isList ? ["verifiableCredential", String(index)] : ["verifiableCredential"])
            var report = verify(credential, pointer: pointer)
            if let slot = report.checks.firstIndex(where: { $0.check == .holder }) {
                report.checks[slot] = holderCheck(holder, subject: try? Credential(credential).subjectID)
            }
            return report
        }
        return FileReport(file: file, kind: .presentation, credentials: reports)
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
                    skipMessage: "not checked: the line is not valid JSON")
            }
        }
        return FileReport(file: file, kind: .credentialLines, credentials: reports)
    }

    /// Checks a JSON Lines input a window at a time, on up to `jobs` cores, and hands each window's
    /// reports to `report` in input order, so that memory stays bounded whatever the input's size.
    /// A line that is not valid JSON, or is longer than the reader's line limit, fails its `schema`
    /// check and does not stop the others.
    /// - Parameters:
    ///   - report: receives the reports of one window, in input order.
    ///   - progress: called after each window with the lines done and the input bytes read.
    /// - Returns: the number of lines checked.
    /// - Throws: `fileUnreadable` when the input cannot be read, or whatever `report` throws.
    @discardableResult
    public func verifyLines(
        from reader: JSONLinesReader, jobs: Int = ParallelMap.defaultJobs,
        report: ([CredentialReport]) throws(CredentialError) -> Void,
        progress: ((_ lines: Int, _ bytesRead: Int) -> Void)? = nil
    ) throws(CredentialError) -> Int {
        let lineLimit = reader.lineLimit
        var done = 0
        while true {
            let lines = try reader.nextWindow()
            if lines.isEmpty { break }
            let reports = ParallelMap.map(lines, jobs: jobs, chunkSize: 16) { line in
                verifyLine(line, lineLimit: lineLimit)
            }
            done += reports.count
            try report(reports)
            progress?(done, reader.bytesRead)
        }
        return done
    }

    /// Parses and checks one line (on a worker thread).
    func verifyLine(_ line: JSONLines.Line, lineLimit: Int) -> CredentialReport {
        guard !line.isOverLimit else {
            return .notACredential(
                "the line is \(line.length) bytes, more than the limit of \(lineLimit) bytes", failurePointer: .root,
                line: line.number, skipMessage: "not checked: the line is over the size limit")
        }
        do throws(CredentialError) {
            let document = try JSONValue(parsing: line.bytes, limits: JSONLimits(maxBytes: lineLimit))
            return verify(document, line: line.number)
        } catch {
            return .notACredential(
                "not valid JSON: \(error.description)", failurePointer: error.pointer, line: line.number,
                skipMessage: "not checked: the line is not valid JSON")
        }
    }
}
