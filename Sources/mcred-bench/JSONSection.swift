import CredentialCore

/// Parse and RFC 8785 canonicalisation throughput (DESIGN.md §10 goal: ≥ 150 MB/s per core).
enum JSONSection {
    static func run(_ bench: inout Bench) {
        let documents = CredentialCorpus.documents(count: 1000)
        let corpusBytes = documents.reduce(0) { $0 + $1.count }
        let large = CredentialCorpus.largeDocument(from: documents, targetBytes: 10_000_000)
        let corpusLabel = "\(documents.count) credentials, \(corpusBytes / documents.count) B avg"
        let largeLabel = "1 array, \(large.count / 1_000_000) MB"
        let parsed = documents.compactMap { try? JSONValue(parsing: $0) }
        guard parsed.count == documents.count, let largeValue = try? JSONValue(parsing: large) else {
            print("json    the generated corpus does not parse")
            return
        }

        bench.measure(section: "json", operation: "parse", input: corpusLabel, bytes: corpusBytes) {
            var total = 0
            for document in documents {
                if case .object(let object)? = try? JSONValue(parsing: document) { total &+= object.count }
            }
            return total
        }
        bench.measure(section: "json", operation: "canonicalise", input: corpusLabel, bytes: corpusBytes) {
            var total = 0
            var buffer: [UInt8] = []
            buffer.reserveCapacity(8192)
            for value in parsed {
                buffer.removeAll(keepingCapacity: true)
                value.writeCanonical(into: &buffer)
                total &+= buffer.count
            }
            return total
        }
        bench.measure(section: "json", operation: "parse + canonicalise", input: corpusLabel, bytes: corpusBytes) {
            var total = 0
            for document in documents {
                if let value = try? JSONValue(parsing: document) { total &+= value.canonicalBytes.count }
            }
            return total
        }
        bench.measure(section: "json", operation: "parse", input: largeLabel, bytes: large.count) {
            (try? JSONValue(parsing: large))?.arrayValue?.count ?? 0
        }
        bench.measure(section: "json", operation: "canonicalise", input: largeLabel, bytes: large.count) {
            largeValue.canonicalBytes.count
        }
        bench.measure(section: "json", operation: "parse + canonicalise", input: largeLabel, bytes: large.count) {
            (try? JSONValue(parsing: large))?.canonicalBytes.count ?? 0
        }
    }
}
