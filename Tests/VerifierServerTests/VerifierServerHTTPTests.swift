import CredentialCore
import Foundation
import Issuer
import Signing
import Testing
import Verifier
@testable import VerifierServer
import Wallet

@Suite("The local verifier over HTTP")
struct VerifierServerHTTPTests {
    /// A presentation of one freshly signed credential, signed by a new holder for `challenge` and `domain`.
    static func presentation(challenge: String, domain: String) throws -> [UInt8] {
        let holderKey = try Ed25519.PrivateKey()
        let holder = DIDKey(publicKey: holderKey.publicKey)
        var template = try JSONValue(parsing: try example("construction.json"))
        try template.setValue(.string(holder.did), at: "/credentialSubject/id")
        let signed = try exampleIssuer().issue(template)
        var wallet = Wallet(holder: holder)
        _ = try wallet.add([Wallet.Incoming(file: "c.json", document: signed)], verifier: CredentialVerifier())
        return try wallet.presentation(selecting: [], key: holderKey, challenge: challenge, domain: domain).canonicalBytes
    }

    @Test("GET / serves the self-contained page with a strict Content-Security-Policy")
    func servesThePage() async throws {
        try await withServer { server in
            let answer = try await server.send("GET", "/")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "text/html; charset=utf-8")
            let html = String(decoding: answer.body, as: UTF8.self)
            #expect(html.contains("id=\"verdict\""))
            let csp = try #require(answer.header("Content-Security-Policy"))
            #expect(csp.hasPrefix("default-src 'none'; script-src 'sha256-"))
            #expect(csp.contains("connect-src 'self'") && !csp.contains("unsafe"))
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
            // Self-contained: nothing is loaded from anywhere.
            for reference in ["src=", "href=", "http://", "https://", "@import", "url("] {
                #expect(!html.contains(reference), "the page refers to \(reference)")
            }
            // The script's hash in the header is the hash of the script the page holds.
            let script = try #require(html.range(of: "<script>").flatMap { open in
                html.range(of: "</script>", range: open.upperBound..<html.endIndex).map { String(html[open.upperBound..<$0.lowerBound]) }
            })
            #expect(csp.contains("'\(VerifierPage.hash(script))'"))
        }
    }

    @Test("the page's script writes report text with textContent only, never as markup")
    func scriptNeverWritesMarkup() {
        let script = VerifierPage.script(limit: 1)
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("] {
            #expect(!script.contains(sink), "the page script uses \(sink)")
        }
        #expect(script.contains("textContent"))
    }

    @Test("a good credential gets the v2 report with verdict pass and a summary")
    func verifiesAGoodCredential() async throws {
        try await withServer { server in
            let answer = try await server.send("POST", "/api/verify?file=construction.json", body: try example("construction.signed.json"), contentType: "text/plain")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
            let json = try answer.json()
            #expect(json["mcredReport"] == .number(2))
            #expect(json["verdict"] == "pass")
            #expect(json["files"]?[0]?["file"] == "construction.json")
            #expect(json["files"]?[0]?["credentials"]?[0]?["checks"]?.arrayValue?.count == CredentialVerifier.standardChecks.count)
            let summary = try #require(json["summary"]?["credentials"]?[0])
            #expect(summary["learnerName"] == "Maria Kowalska")
            #expect(summary["ectsCredits"] == "2.5")
            #expect(summary["eqfLevel"] == "4")
            #expect(summary["country"] == "ES")
            #expect(summary["learningOutcomes"]?.arrayValue?.count == 4)
            #expect(summary["pointer"] == "")
        }
    }

    @Test("the report is the one mcred verify makes for the same bytes")
    func sameReportAsTheLibrary() async throws {
        let at = try #require(XSDDateTime.parse("2027-01-01T00:00:00Z"))
        try await withServer(VerifierService(checkingTime: at)) { server in
            let bytes = try example("wood-furniture.signed.json")
            var json = try await server.send("POST", "/api/verify?file=w.json", body: bytes).json()
            json["summary"] = nil
            let expected = VerificationReport(
                checkedAt: at, strict: false, files: [CredentialVerifier(at: at).verifyDocument(bytes, file: "w.json")]).jsonValue
            #expect(json == expected)
        }
    }

    @Test("a tampered credential fails its signature check")
    func tamperedFails() async throws {
        var document = try JSONValue(parsing: try example("construction.signed.json"))
        try document.setValue(.number(12.5), at: "/credentialSubject/achievement/ectsCredits")
        try await withServer { server in
            let answer = try await server.send("POST", "/api/verify", body: document.canonicalBytes)
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json["verdict"] == "fail")
            let checks = json["files"]?[0]?["credentials"]?[0]?["checks"]?.arrayValue ?? []
            #expect(checks.filter { $0["result"] == "fail" }.map { $0["check"] } == ["signature"])
        }
    }

    @Test("an unsigned credential fails")
    func unsignedFails() async throws {
        try await withServer { server in
            let json = try await server.send("POST", "/api/verify", body: try example("construction.json")).json()
            #expect(json["verdict"] == "fail")
            let signature = json["files"]?[0]?["credentials"]?[0]?["checks"]?.arrayValue?.first { $0["check"] == "signature" }
            #expect(signature?["result"] == "fail")
        }
    }

    @Test("bytes that are not JSON get 400 and the message mcred verify gives")
    func notJSONIs400() async throws {
        let bytes = Array("{\"a\": 1,,}".utf8)
        try await withServer { server in
            let answer = try await server.send("POST", "/api/verify?file=x.json", body: bytes)
            #expect(answer.status == 400)
            let json = try answer.json()
            #expect(json["verdict"] == "error")
            let expected = try #require(CredentialVerifier().verifyDocument(bytes, file: "x.json").error)
            #expect(json["files"]?[0]?["error"] == .string(expected))
            #expect(expected.hasPrefix("x.json:1:"))
        }
    }

    @Test("a body over the limit gets 413; one at the limit is read (with Content-Length, and chunked)", arguments: [false, true])
    func overTheLimitIs413(chunkedUpload: Bool) async throws {
        try await withServer(VerifierService(limit: 1000)) { server in
            let atLimit = try await server.send("POST", "/api/verify", body: [UInt8](repeating: 0x20, count: 1000), chunked: chunkedUpload)
            #expect(atLimit.status == 400)
            let over = try await server.send(
                "POST", "/api/verify?file=big.json", body: [UInt8](repeating: 0x20, count: 1001), chunked: chunkedUpload)
            #expect(over.status == 413)
            let json = try over.json()
            #expect(json["verdict"] == "error")
            #expect(json["files"]?[0]?["error"] == "big.json: the file is larger than the limit of 1000 bytes")
        }
    }

    @Test("the default limit is the 64 MiB document limit")
    func defaultLimitIs64MiB() async throws {
        #expect(VerifierService().limit == 64 * 1024 * 1024)
        try await withServer { server in
            let answer = try await server.send("POST", "/api/verify", body: [UInt8](repeating: 0x20, count: 64 * 1024 * 1024 + 1))
            #expect(answer.status == 413)
        }
    }

    @Test("a presentation passes only for the challenge it answers and the domain it was made for")
    func presentationWithChallenge() async throws {
        try await withServer { server in
            let challenge = try await server.send("GET", "/api/challenge").json()
            let nonce = try #require(challenge["challenge"]?.stringValue)
            #expect(nonce.utf8.count == 22)
            #expect(challenge["domain"] == .string("127.0.0.1:\(server.port)"))
            let other = try #require(try await server.send("GET", "/api/challenge").json()["challenge"]?.stringValue)
            #expect(other != nonce)

            let bytes = try Self.presentation(challenge: nonce, domain: "127.0.0.1:\(server.port)")
            let good = try await server.send("POST", "/api/verify?challenge=\(nonce)", body: bytes).json()
            #expect(good["verdict"] == "pass")
            #expect(good["files"]?[0]?["kind"] == "presentation")
            #expect(good["summary"]?["challenge"] == .string(nonce))
            #expect(good["summary"]?["credentials"]?.arrayValue?.count == 1)

            let replayed = try await server.send("POST", "/api/verify?challenge=\(other)", body: bytes).json()
            #expect(replayed["verdict"] == "fail")
            #expect(replayed["files"]?[0]?["checks"]?[0]?["result"] == "fail")

            // What cannot answer the challenge fails it: a wallet, a bare credential, and the
            // presentation retyped as a wallet (read as a presentation, whose proof then fails).
            var retyped = try JSONValue(parsing: bytes)
            let types = (retyped["type"]?.arrayValue ?? []) + [.string("LearnerWallet")]
            retyped["type"] = .array(types)
            for (name, stolen) in [
                ("wallet", try example("stack/wallet.json")), ("credential", try example("construction.signed.json")),
                ("retyped", retyped.canonicalBytes),
            ] {
                let answer = try await server.send("POST", "/api/verify?challenge=\(nonce)", body: stolen).json()
                #expect(answer["verdict"] == "fail", "\(name)")
                #expect(answer["files"]?[0]?["checks"]?[0]?["check"] == "presentation", "\(name)")
                #expect(answer["files"]?[0]?["checks"]?[0]?["result"] == "fail", "\(name)")
            }
        }
        // A server with --domain checks that domain instead of the host, and still checks a
        // credential dropped on its own (no challenge asked for).
        try await withServer(VerifierService(domain: "hr.example.com")) { server in
            let alone = try await server.send("POST", "/api/verify?file=c.json", body: try example("construction.signed.json")).json()
            #expect(alone["verdict"] == "pass")
            let bytes = try Self.presentation(challenge: "abc", domain: "127.0.0.1:\(server.port)")
            let json = try await server.send("POST", "/api/verify?challenge=abc", body: bytes).json()
            #expect(json["verdict"] == "fail")
            let challenge = try await server.send("GET", "/api/challenge").json()
            #expect(challenge["domain"] == "hr.example.com")
        }
    }

    @Test("a post from another site's page is refused with 403 before any work; the page's own origin is served")
    func crossSitePost() async throws {
        try await withServer { server in
            let body = try example("construction.signed.json")
            for headers in [["Origin": "http://evil.example"], ["Sec-Fetch-Site": "cross-site"], ["Origin": "null"]] {
                let answer = try await server.send("POST", "/api/verify", body: body, headers: headers)
                #expect(answer.status == 403, "\(headers)")
            }
            let own = try await server.send(
                "POST", "/api/verify", body: body, headers: ["Origin": "http://127.0.0.1:\(server.port)", "Sec-Fetch-Site": "same-origin"])
            #expect(own.status == 200)
            #expect(try own.json()["verdict"] == "pass")
        }
    }

    @Test("at most two uploads are read and checked at once; a slot given back is taken again")
    func uploadSlots() {
        let slots = UploadSlots(limit: 2)
        #expect(slots.take() && slots.take())
        #expect(!slots.take())
        slots.give()
        #expect(slots.take())
        #expect(!slots.take())
    }

    @Test("a wallet with a stacked credential: every credential is checked and the stack parts are named")
    func walletWithStack() async throws {
        try await withServer { server in
            let json = try await server.send("POST", "/api/verify?file=wallet.json", body: try example("stack/wallet.json")).json()
            #expect(json["verdict"] == "pass")
            #expect(json["files"]?[0]?["kind"] == "wallet")
            let credentials = json["summary"]?["credentials"]?.arrayValue ?? []
            #expect(credentials.count == 4)
            let stacked = try #require(credentials.first { ($0["stackParts"]?.arrayValue?.count ?? 0) > 0 })
            let parts = stacked["stackParts"]?.arrayValue ?? []
            #expect(parts.count == 3)
            #expect(parts.allSatisfy { $0["name"]?.stringValue != nil && $0["digestMultibase"]?.stringValue != nil })
            #expect(parts.first?["name"] == "Energy-efficient retrofitting")
        }
    }

    @Test("every bundled example passes (the stacked one inside the wallet that holds its parts)", arguments: [
        "agri-food.signed.json", "construction.signed.json", "manufacturing.signed.json",
        "sustainable-management.signed.json", "wood-furniture.signed.json", "stack/wallet.json",
    ])
    func bundledExamplesPass(_ name: String) async throws {
        try await withServer { server in
            let json = try await server.send("POST", "/api/verify", body: try example(name)).json()
            #expect(json["verdict"] == "pass")
        }
    }

    @Test("status lists given to the server are used like verify --status: unknown without, fail once revoked")
    func statusListsCarryOver() async throws {
        let key = try KeyFile.readPrivateKey(at: packageRoot.appendingPathComponent("keys-example/issuer.key").path)
        let url = "https://example.org/status/serve"
        var template = try JSONValue(parsing: try example("construction.json"))
        template["credentialStatus"] = [
            "id": .string(url + "#42"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": "42", "statusListCredential": .string(url),
        ]
        let credential = try CredentialIssuer(key: key).issue(template).canonicalBytes
        let lists = StatusListIssuer(key: key)
        let revoked = try lists.update(try lists.create(url: url, purpose: "revocation"), index: 42, value: true)

        func status(_ service: VerifierService) async throws -> JSONValue? {
            var result: JSONValue?
            try await withServer(service) { server in
                let json = try await server.send("POST", "/api/verify", body: credential).json()
                result = json["files"]?[0]?["credentials"]?[0]?["checks"]?.arrayValue?.first { $0["check"] == "status" }?["result"]
            }
            return result
        }
        #expect(try await status(VerifierService()) == "unknown")
        var verifier = CredentialVerifier()
        verifier.statusLists = [StatusListEvidence(revoked, source: "status.json")]
        #expect(try await status(VerifierService(verifier: verifier)) == "fail")
    }

    @Test("a printable page is verified through the credential it embeds")
    func printablePage() async throws {
        let page = try PrintableCredential.render(try example("agri-food.signed.json"))
        try await withServer { server in
            let json = try await server.send("POST", "/api/verify?file=a.html", body: Array(page.utf8), contentType: "text/html").json()
            #expect(json["verdict"] == "pass")
            #expect(json["summary"]?["credentials"]?[0]?["title"] != nil)
        }
    }

    @Test("the access log has one line per request with method, path, status and bytes, and no content")
    func accessLog() async throws {
        try await withServer { server in
            let secret = "Maria Kowalska"
            let answer = try await server.send("POST", "/api/verify?challenge=s3cret&file=private.json", body: try example("construction.signed.json"))
            _ = try await server.send("GET", "/nowhere")
            let lines = server.log.all
            #expect(lines == ["POST /api/verify 200 \(answer.body.count)", "GET /nowhere 404 10"])
            #expect(!lines.joined().contains(secret) && !lines.joined().contains("s3cret") && !lines.joined().contains("private"))
        }
    }

    @Test("wrong methods get 405")
    func wrongMethods() async throws {
        try await withServer { server in
            let get = try await server.send("GET", "/api/verify")
            let post = try await server.send("POST", "/", body: [1])
            #expect(get.status == 405 && get.header("Allow") == "POST")
            #expect(post.status == 405 && post.header("Allow") == "GET")
        }
    }

    @Test("a request to another host name (DNS rebinding) gets 421 and no report")
    func otherHostIsRefused() async throws {
        try await withServer { server in
            let refused = try await server.send("POST", "/api/verify", body: try example("construction.signed.json"), host: "evil.example:\(server.port)")
            #expect(refused.status == 421)
            #expect(!String(decoding: refused.body, as: UTF8.self).contains("mcredReport"))
            let page = try await server.send("GET", "/", host: "localhost:\(server.port)")
            #expect(page.status == 200)
        }
    }

    @Test("on loopback only loopback Host names are answered", arguments: [
        ("127.0.0.1:8080", true), ("localhost:8080", true), ("[::1]:8080", true), ("127.9.9.9", true),
        ("evil.example:8080", false), ("127.0.0.1.evil.example", false), (nil, false), ("[::1", false),
    ])
    func hostCheck(_ host: String?, _ answered: Bool) {
        #expect(Router.isLoopbackHost(host) == answered)
    }

    @Test("--host must be an address; loopback is recognised")
    func hostValidation() {
        #expect(throws: VerifierServerError(.invalidHost, "")) { try VerifierServer(host: "example.com") }
        #expect(VerifierServer.isLoopback("127.0.0.1") && VerifierServer.isLoopback("::1") && VerifierServer.isLoopback("localhost"))
        #expect(!VerifierServer.isLoopback("0.0.0.0") && !VerifierServer.isLoopback("192.168.1.10"))
    }
}
