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
    /// verdict `error`. A printable credential page (bytes starting with `<`) is checked through the
    /// credential it embeds (`PrintableCredential.extract`).
    public func verifyDocument(_ bytes: [UInt8], file: String) -> FileReport {
        let document: JSONValue
        do throws(CredentialError) {
            document = try PrintableCredential.isHTML(bytes) ? PrintableCredential.parseCredential(inPage: bytes) : JSONValue(parsing: bytes)
        } catch {
            var description = error.inFile(file).description
            // A second document on the next line is most likely a JSON Lines batch given as one file.
            if error.code == .trailingData, let line = error.line, line > 1 {
                description += " (a JSON Lines file, one credential per line, is checked with mcred verify --batch)"
            }
            return FileReport(file: file, error: description)
        }
        guard let kind = DocumentKind.detect(document) else {
            let error = CredentialError(
                .invalidValue, "expected a credential, a presentation or a wallet (a JSON object), found \(document.typeName)",
                pointer: .root, file: file)
            return FileReport(file: file, error: error.description)
        }
        if kind == .presentation || kind == .wallet, let count = document["verifiableCredential"]?.arrayValue?.count,
           count > Presentation.maxCredentials {
            let error = CredentialError(
                .tooLarge, "the \(kind.rawValue) holds \(count) credentials, more than the \(Presentation.maxCredentials) checked in one file",
                pointer: JSONPointer(tokens: ["verifiableCredential"]), file: file)
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
                let (document, canonical) = try JSONValue.parsingNotingCanonicalForm(line.bytes)
                return verify(document, pointer: .root, line: line.number, canonical: canonical)
            } catch {
                return .notACredential(
                    "not valid JSON: \(error.descriptionWithinLine)", failurePointer: error.pointer, line: line.number,
                    skipMessage: "not checked: the line is not valid JSON", checkIDs: checks.map(\.id))
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
        var lines = try reader.nextWindow()
        var finished: [CredentialReport] = []
        while !lines.isEmpty {
            let work = ParallelMap.start(lines, jobs: jobs, chunkSize: 16) { line in
                verifyLine(line, lineLimit: lineLimit)
            }
            // While the workers check this window, this thread reports the previous one and reads
            // the next. Errors are raised once the workers are done.
            var failure: CredentialError?
            if !finished.isEmpty {
                do { try report(finished) } catch { failure = error }
                progress?(done, reader.bytesRead)
            }
            var next: [JSONLines.Line] = []
            if failure == nil {
                do { next = try reader.nextWindow() } catch { failure = error }
            }
            finished = work.wait()
            if let failure { throw failure }
            done += finished.count
            lines = next
        }
        if !finished.isEmpty {
            try report(finished)
            progress?(done, reader.bytesRead)
        }
        return done
    }

    /// Parses and checks one line (on a worker thread).
    func verifyLine(_ line: JSONLines.Line, lineLimit: Int) -> CredentialReport {
        guard !line.isOverLimit else {
            return .notACredential(
                "the line is \(line.length) bytes, more than the limit of \(lineLimit) bytes", failurePointer: .root,
                line: line.number, skipMessage: "not checked: the line is over the size limit", checkIDs: checks.map(\.id))
        }
        do throws(CredentialError) {
            let (document, canonical) = try JSONValue.parsingNotingCanonicalForm(line.bytes, limits: JSONLimits(maxBytes: lineLimit))
            return verify(document, pointer: .root, line: line.number, canonical: canonical)
        } catch {
            return .notACredential(
                "not valid JSON: \(error.descriptionWithinLine)", failurePointer: error.pointer, line: line.number,
                skipMessage: "not checked: the line is not valid JSON", checkIDs: checks.map(\.id))
        }
    }
}
