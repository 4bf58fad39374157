/// The `-----BEGIN …-----` line of a PEM text (RFC 7468 §2), used to say what a file holds when it is not
/// the key that was expected.
enum PEMLabel {
    /// The first `-----BEGIN …-----` line of `text`, trimmed, or nil when there is none.
    static func first(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("-----BEGIN ") {
                return String(trimmed.prefix(80))
            }
        }
        return nil
    }

    /// The label of a begin line: `PRIVATE KEY` for `-----BEGIN PRIVATE KEY-----`.
    static func label(of line: String) -> String {
        var label = Substring(line)
        if label.hasPrefix("-----BEGIN ") { label = label.dropFirst("-----BEGIN ".count) }
        if label.hasSuffix("-----") { label = label.dropLast("-----".count) }
        return String(label)
    }

    /// Says what was found instead of a readable key with label `expected`.
    /// - Parameter detail: OpenSSL's explanation, shown only when the label was the expected one.
    static func describe(_ line: String?, expected: String, detail: String) -> String {
        guard let line else { return "found no \"-----BEGIN\" line" }
        switch label(of: line) {
        case expected:
            return "found \"\(line)\" but cannot decode it: \(detail)"
        case "ENCRYPTED PRIVATE KEY":
            return "found \"\(line)\"; encrypted keys are not supported, decrypt it with `openssl pkey`"
        default:
            return "found \"\(line)\""
        }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
