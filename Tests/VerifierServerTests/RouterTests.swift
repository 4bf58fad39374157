import FlyingFox
import Foundation
import Synchronization
import Testing
@testable import VerifierServer

/// The router called directly, for what a real connection cannot easily arrange.
@Suite("The verifier page's router")
struct RouterTests {
    @Test("the router answers 503 with Retry-After while every upload slot is taken, and gives its slot back")
    func routerUploadSlots() async throws {
        var router = Router(service: VerifierService(), loopbackOnly: true, log: { _ in })
        router.uploads = UploadSlots(limit: 1)
        let post = HTTPRequest(
            method: .POST, version: .http11, path: "/api/verify", query: [],
            headers: [.host: "127.0.0.1:8000"], body: Data(try example("construction.signed.json")))
        #expect(router.uploads.take())
        let busy = await router.respond(to: post)
        #expect(busy.statusCode == .serviceUnavailable)
        #expect(busy.headers[HTTPHeader("Retry-After")] == "1")
        router.uploads.give()
        // Each request takes the one slot and gives it back: a second one is served too.
        for _ in 0 ..< 2 {
            #expect(await router.respond(to: post).statusCode == .ok)
        }
        #expect(router.uploads.take())
    }

    @Test("the access log escapes control characters in the method and the path, and cuts them to 200 characters")
    func accessLogEscapes() async throws {
        let lines = Lines()
        let router = Router(service: VerifierService(), loopbackOnly: true, log: { lines.append($0) })
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: "GE\u{1B}[2JT"), version: .http11,
            path: "/a\u{1B}]0;title\u{07}\r\nGET / 200 0" + String(repeating: "x", count: 500), query: [],
            headers: [.host: "127.0.0.1:8000"], body: Data())
        _ = try await router.handleRequest(request)
        let line = try #require(lines.all.first)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(line.hasPrefix("GE\\u{1B}[2JT /a\\u{1B}]0;title"), "\(line)")
        #expect(line.hasSuffix(" 404 10"), "\(line)")
        #expect(line.count < 300)
    }
}

/// Lines collected from a logging closure.
final class Lines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
