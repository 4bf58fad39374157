import FlyingFox
import FlyingSocks
import Foundation

/// `mcred serve`: the local verifier page and its JSON API over HTTP/1.1 (`spec/serve.md`),
/// answering with `VerifierService`, so every check is the one `mcred verify` runs.
///
/// Binds to loopback unless told otherwise; on loopback it answers only requests addressed to a
/// loopback name, so that a web site cannot reach it through DNS rebinding.
public struct VerifierServer: Sendable {
    /// Where to listen.
    public var host: String
    /// The TCP port (0 picks a free one; `port()` tells which).
    public var port: UInt16
    /// What each request is answered with.
    public var service: VerifierService
    /// Receives one access-log line per request: method, path, status, response bytes; never content.
    public var log: @Sendable (String) -> Void

    let http: HTTPServer

    /// Creates a server; it listens once `run()` is called.
    /// - Throws: `VerifierServerError.invalidHost` when `host` is not an IP address or `localhost`.
    public init(
        host: String = "127.0.0.1", port: UInt16 = 8080, service: VerifierService = VerifierService(),
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(VerifierServerError) {
        self.host = host
        self.port = port
        self.service = service
        self.log = log
        let address = try Self.address(host: host, port: port)
        let router = Router(service: service, loopbackOnly: Self.isLoopback(host), log: log)
        // A 64 MiB upload and its verification need longer than FlyingFox's 15-second default.
        http = HTTPServer(address: address, timeout: 120, logger: .disabled, handler: router)
    }

    /// Accepts connections until the task is cancelled or `stop()` is called.
    public func run() async throws { try await http.run() }

    /// Waits until the socket listens and returns the port it is bound to.
    public func waitUntilListening() async throws -> UInt16 {
        try await http.waitUntilListening(timeout: 10)
        switch await http.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return port
        }
    }

    /// Stops listening and closes every connection.
    public func stop() async { await http.stop(timeout: 1) }

    /// True for `localhost` and the loopback addresses (127.0.0.0/8, ::1).
    public static func isLoopback(_ host: String) -> Bool {
        if host.utf8.elementsEqual("localhost".utf8) || host.utf8.elementsEqual("::1".utf8) { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0].utf8.elementsEqual("127".utf8) && parts.allSatisfy { UInt8($0) != nil }
    }

    static func address(host: String, port: UInt16) throws(VerifierServerError) -> any SocketAddress {
        let name = host.utf8.elementsEqual("localhost".utf8) ? "127.0.0.1" : host
        do {
            if name.contains(":") { return try sockaddr_in6.inet6(ip6: name, port: port) }
            return try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw VerifierServerError(.invalidHost, "--host: expected an IPv4 or IPv6 address or localhost, found \(host)")
        }
    }
}
