public import CredentialCore

extension VerificationReport {
    /// The report as the JSON document `spec/report.md` defines (`mcredReport` version 1).
    public var jsonValue: JSONValue {
        var report = JSONObject()
        report["mcredReport"] = 1
        report["verdict"] = .string(passes ? "pass" : "fail")
        report["checkedAt"] = .string(XSDDateTime.format(checkedAt))
        report["strict"] = .bool(strict)
        report["files"] = .array(files.map { $0.jsonValue(strict: strict) })
        return .object(report)
    }
}

extension FileReport {
    /// The file's part of the JSON report.
    public func jsonValue(strict: Bool) -> JSONValue {
        var object = JSONObject()
        object["file"] = .string(file)
        object["kind"] = .string(kind.rawValue)
        object["verdict"] = .string(passes(strict: strict) ? "pass" : "fail")
        object["credentials"] = .array(credentials.map { $0.jsonValue(strict: strict) })
        return .object(object)
    }
}

extension CredentialReport {
    /// The credential's part of the JSON report; also one line of `verify --batch --json`.
    public func jsonValue(strict: Bool) -> JSONValue {
        var object = JSONObject()
        if let line {
            object["line"] = .number(Double(line))
        } else {
            object["pointer"] = .string(pointer.description)
        }
        if let id { object["id"] = .string(id) }
        if let issuer { object["issuer"] = .string(issuer) }
        if let issuerName { object["issuerName"] = .string(issuerName) }
        if let name { object["name"] = .string(name) }
        object["verdict"] = .string(passes(strict: strict) ? "pass" : "fail")
        object["checks"] = .array(checks.map(\.jsonValue))
        return .object(object)
    }
}

extension CheckOutcome {
    /// The check's part of the JSON report.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["check"] = .string(check.rawValue)
        object["result"] = .string(result.rawValue)
        object["message"] = .string(message)
        if let pointer { object["pointer"] = .string(pointer.description) }
        if !problems.isEmpty { object["problems"] = .array(problems.map { .string($0.description) }) }
        return .object(object)
    }
}
