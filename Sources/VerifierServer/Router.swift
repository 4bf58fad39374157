import CredentialCore
import FlyingFox
import Foundation
import Synchronization

/// Routes the requests of the verifier page: `GET /`, `POST /api/verify`, `GET /api/challenge`.
struct Router: HTTPHandler {
    let service: VerifierService
    /// When the server listens on loopback: refuse requests whose `Host` is not a loopback name.
    let loopbackOnly: Bool
    let log: @Sendable (String) -> Void
    /// Uploads read and checked at once: each may hold up to the body limit in memory, so more
    /// connections must not add up to gigabytes. The others get 503 and try again.
    var uploads = UploadSlots(limit: 2)

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = await respond(to: request)
        // One line per request, no content: method, path, status, response bytes.
        log("\(Self.printable(request.method.rawValue)) \(Self.printable(request.path)) \(response.statusCode.code) \(response.bodyCount)")
        return response
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let host = request.headers[.host]
        if loopbackOnly, !Self.isLoopbackHost(host) {
            return Self.text(.misdirectedRequest, "this verifier answers only requests to a loopback address\n")
        }
        switch request.path {
        case "/", "/index.html":
            guard request.method == .GET else { return Self.notAllowed("GET") }
            var headers = Self.commonHeaders
            headers[.contentType] = "text/html; charset=utf-8"
            headers[HTTPHeader("Content-Security-Policy")] = VerifierPage.contentSecurityPolicy(limit: service.limit)
            return HTTPResponse(statusCode: .ok, headers: headers, body: Data(VerifierPage.html(limit: service.limit).utf8))
        case "/api/verify":
            guard request.method == .POST else { return Self.notAllowed("POST") }
            // Another web site's page may post here (a form or fetch needs no preflight); it could not
            // read the answer, but the work would be done. Only the page's own origin is served.
            guard Self.isSameOrigin(request, host: host) else {
                return Self.text(.forbidden, "this verifier answers only its own page, not requests from another site\n")
            }
            let file = request.query["file"].map(Self.printable) ?? "upload"
            guard uploads.take() else {
                var busy = Self.text(.serviceUnavailable, "the verifier is checking other files; try again in a moment\n")
                busy.headers[HTTPHeader("Retry-After")] = "1"
                return busy
            }
            defer { uploads.give() }
            let bytes: [UInt8]
            switch await Self.readBody(request, limit: service.limit) {
            case .read(let body): bytes = body
            case .tooLarge: return Self.json(service.tooLarge(file: file))
            case .malformed: return Self.text(.badRequest, "the request body is not well framed (its chunked encoding is broken)\n")
            }
            let challenge = request.query["challenge"].flatMap { $0.isEmpty ? nil : $0 }
            return Self.json(service.verify(bytes, file: file, challenge: challenge, host: host))
        case "/api/challenge":
            guard request.method == .GET else { return Self.notAllowed("GET") }
            do {
                return Self.json(try service.newChallenge(host: host))
            } catch {
                return Self.text(.internalServerError, "cannot make a challenge: \(error)\n")
            }
        default:
            return Self.text(.notFound, "not found\n")
        }
    }

    /// A request body as read.
    enum Body {
        case read([UInt8])
        case tooLarge
        /// The body's framing is broken (a bad chunk header): 400, not 413.
        case malformed
    }

    /// Reads the body up to `limit` bytes. A body declared longer than the limit is not kept: up to
    /// twice the limit is read and dropped, so that the client reads the 413 instead of a reset
    /// connection; beyond that it is not read at all.
    static func readBody(_ request: HTTPRequest, limit: Int) async -> Body {
        if let declared = request.bodySequence.count, declared > limit {
            if declared <= 2 * limit {
                do { for try await _ in request.bodySequence {} } catch {}
            }
            return .tooLarge
        }
        var bytes: [UInt8] = []
        do {
            for try await chunk in request.bodySequence {
                guard bytes.count + chunk.count <= limit else { return .tooLarge }
                bytes += chunk
            }
        } catch {
            return .malformed
        }
        return .read(bytes)
    }

    /// False for a request a browser marks as coming from another site: an `Origin` other than
    /// `http://HOST`, or `Sec-Fetch-Site` other than `same-origin` or `none`. Requests without these
    /// headers (curl, scripts) are not from a web page and are served.
    static func isSameOrigin(_ request: HTTPRequest, host: String?) -> Bool {
        if let site = request.headers[HTTPHeader("Sec-Fetch-Site")], site != "same-origin", site != "none" { return false }
        if let origin = request.headers[HTTPHeader("Origin")] {
            guard let host else { return false }
            return origin == "http://" + host
        }
        return true
    }

    /// Whether a `Host` header names a loopback address (with or without a port).
    static func isLoopbackHost(_ host: String?) -> Bool {
        guard let host else { return false }
        var name = Substring(host)
        if name.hasPrefix("[") {
            guard let end = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<end]
        } else if let colon = name.lastIndex(of: ":") {
            name = name[..<colon]
        }
        return VerifierServer.isLoopback(String(name))
    }

    /// Request text for one log line: at most 200 characters, terminal controls shown as escapes.
    static func printable(_ text: String) -> String {
        TerminalSafe.escape(String(String.UnicodeScalarView(text.unicodeScalars.prefix(200))))
    }

    static var commonHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        headers[HTTPHeader("X-Frame-Options")] = "DENY"
        headers[HTTPHeader("Content-Security-Policy")] = "default-src 'none'; frame-ancestors 'none'"
        return headers
    }

    static func json(_ answer: VerifierService.Answer) -> HTTPResponse {
        var headers = commonHeaders
        headers[.contentType] = "application/json; charset=utf-8"
        return HTTPResponse(
            statusCode: HTTPStatusCode(answer.status, phrase: phrase(answer.status)), headers: headers,
            body: Data((answer.body.prettyPrinted()).utf8))
    }

    static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        var headers = commonHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(message.utf8))
    }

    static func notAllowed(_ allowed: String) -> HTTPResponse {
        var response = text(.methodNotAllowed, "method not allowed; use \(allowed)\n")
        response.headers[HTTPHeader("Allow")] = allowed
        return response
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 413: "Payload Too Large"
        default: "Error"
        }
    }
}

extension HTTPResponse {
    /// The length of a body held in memory (every response of the router).
    var bodyCount: Int {
        if case .httpBody(let sequence) = payload { return sequence.count ?? 0 }
        return 0
    }
}

/// A count of the uploads in progress, up to a limit.
final class UploadSlots: Sendable {
    private let limit: Int
    private let taken = Mutex(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; false when all are taken.
    func take() -> Bool {
        taken.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Gives a slot back.
    func give() {
        taken.withLock { $0 -= 1 }
    }
}
