import FlyingFox
import Foundation
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
}
