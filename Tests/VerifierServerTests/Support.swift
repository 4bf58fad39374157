import CredentialCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Issuer
import Signing
import Synchronization
import Testing
import VerifierServer

/// The package's root folder, for the bundled examples and keys.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A bundled example file.
func example(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/\(name)")))
}

/// The public test issuer key of the examples.
func exampleIssuer() throws -> CredentialIssuer {
    try CredentialIssuer(key: try KeyFile.readPrivateKey(at: packageRoot.appendingPathComponent("keys-example/issuer.key").path))
}

/// An HTTP answer.
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data

    /// The body as JSON.
    func json() throws -> JSONValue { try JSONValue(parsing: [UInt8](body)) }

    /// A header, by name without regard to case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// The access-log lines a server wrote.
final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A verifier server on a free loopback port, started in this process for one test.
struct RunningServer {
    let server: VerifierServer
    let port: UInt16
    let log: LogLines

    /// Sends one request and returns the answer.
    func send(
        _ method: String, _ path: String, body: [UInt8]? = nil, contentType: String? = nil, host: String? = nil,
        chunked: Bool = false, headers extra: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 120
        if let body {
            // A body stream has no length up front, so it goes out with Transfer-Encoding: chunked.
            if chunked { request.httpBodyStream = InputStream(data: Data(body)) } else { request.httpBody = Data(body) }
        }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let host { request.setValue(host, forHTTPHeaderField: "Host") }
        for (name, value) in extra { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return HTTPAnswer(status: http.statusCode, headers: headers, body: data)
    }
}

/// Runs `body` against a server started for it, then stops the server.
func withServer(
    _ service: VerifierService = VerifierService(), _ body: (RunningServer) async throws -> Void
) async throws {
    let log = LogLines()
    let server = try VerifierServer(host: "127.0.0.1", port: 0, service: service) { line in log.append(line) }
    let task = Task { try await server.run() }
    defer { task.cancel() }
    let port = try await server.waitUntilListening()
    let running = RunningServer(server: server, port: port, log: log)
    do {
        try await body(running)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
