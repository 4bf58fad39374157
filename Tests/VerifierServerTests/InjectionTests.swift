import CredentialCore
import Foundation
import Issuer
import Signing
import Testing
import Verifier
import VerifierServer

@Suite("Credential text cannot inject markup into the printable page or the verifier page")
struct InjectionTests {
    static let payload = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>"#

    /// Every string leaf of a document, as JSON Pointers.
    static func stringLeaves(of value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer] {
        switch value {
        case .object(let object): object.flatMap { stringLeaves(of: $0.value, at: pointer.appending($0.key)) }
        case .array(let items): items.enumerated().flatMap { stringLeaves(of: $0.element, at: pointer.appending(index: $0.offset)) }
        case .string: [pointer]
        default: []
        }
    }

    /// The payload without spaces, for identifiers, which must be URLs.
    static let identifierPayload = payload.replacingOccurrences(of: " ", with: "/")

    /// The construction example with the payload appended to every text field (all strings but
    /// `@context`, `type` values and `achievementType`, which decide what the document is, and
    /// `validFrom`, which must be a date), signed.
    static func injectedCredential() throws -> (credential: JSONValue, fields: Int) {
        var template = try JSONValue(parsing: try example("construction.json"))
        let fields = stringLeaves(of: template).filter { pointer in
            let tokens = pointer.tokens
            return tokens.first != "@context" && !tokens.contains("type") && tokens.last != "achievementType"
                && tokens.last != "validFrom"
        }
        for pointer in fields {
            let old = template.value(at: pointer)?.stringValue ?? ""
            try template.setValue(.string(old + (pointer.tokens.last == "id" ? identifierPayload : payload)), at: pointer)
        }
        let key = try KeyFile.readPrivateKey(at: packageRoot.appendingPathComponent("keys-example/issuer.key").path)
        let signed = try CredentialIssuer(key: key, allowIncomplete: true).issue(template)
        return (signed, fields.count)
    }

    /// Markup that only the payload could have added.
    static func expectNoInjectedMarkup(_ html: String, scripts: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let lowered = html.lowercased()
        #expect(!lowered.contains("<img"), sourceLocation: sourceLocation)
        #expect(!lowered.contains("<script>alert"), sourceLocation: sourceLocation)
        #expect(!lowered.contains("\"><img") && !lowered.contains("onerror=alert(2)>"), sourceLocation: sourceLocation)
        #expect(lowered.components(separatedBy: "<script").count - 1 == scripts, sourceLocation: sourceLocation)
        #expect(lowered.components(separatedBy: "</script").count - 1 == scripts, sourceLocation: sourceLocation)
    }

    @Test("the rendered page shows every field escaped, embeds it escaped, and still verifies")
    func renderedPage() throws {
        let (credential, fields) = try Self.injectedCredential()
        #expect(fields > 20)
        let page = try PrintableCredential.render(Array(credential.prettyPrinted().utf8))
        Self.expectNoInjectedMarkup(page, scripts: 1)
        // The visible fields are there, as text.
        #expect(page.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;").count - 1 >= 15)
        // The embedded JSON keeps the payload as JSON escapes, and the signature still holds.
        #expect(page.contains(#"\u003cscript\u003ealert(1)\u003c/script\u003e"#))
        let report = CredentialVerifier().verifyDocument(Array(page.utf8), file: "page.html")
        #expect(report.credentials.first?[.signature]?.result == .pass)
        let embedded = try JSONValue(parsing: try PrintableCredential.extract(from: Array(page.utf8)))
        #expect(embedded == credential)
    }

    @Test("the served page never carries credential text, and the API answers it only as JSON")
    func servedPage() async throws {
        let (credential, _) = try Self.injectedCredential()
        try await withServer { server in
            let before = try await server.send("GET", "/")
            let answer = try await server.send("POST", "/api/verify?file=\(Self.percentEncoded(Self.payload))", body: credential.canonicalBytes)
            let after = try await server.send("GET", "/")
            #expect(before.body == after.body)
            Self.expectNoInjectedMarkup(String(decoding: after.body, as: UTF8.self), scripts: 1)
            #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
            #expect(answer.header("Content-Security-Policy")?.hasPrefix("default-src 'none'") == true)
            let json = try answer.json()
            #expect(json["files"]?[0]?["file"] == .string(Self.payload))
            #expect(json["summary"]?["credentials"]?[0]?["learnerName"] == .string("Maria Kowalska" + Self.payload))
        }
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
