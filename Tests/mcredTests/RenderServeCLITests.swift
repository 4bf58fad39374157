import Foundation
import Testing

@Suite("mcred render, verify of a printable page, and serve", .serialized)
struct RenderServeCLITests {
    @Test("render writes a page that mcred verify passes; a tampered page fails; a page with two credentials is an error")
    func renderAndVerify() throws {
        let folder = try CLI.temporaryDirectory()
        let page = folder.appendingPathComponent("c.html").path
        let rendered = try CLI.run(["render", "spec/examples/construction.signed.json", "--out", page])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<script type=\"application/vc\">"))
        #expect(html.contains("mcred verify"))

        let verified = try CLI.run(["verify", page])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.hasPrefix("PASS "))
        // inspect reads the page through the credential it embeds, as verify does.
        let inspected = try CLI.run(["inspect", page])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        #expect(inspected.stdout == (try CLI.run(["inspect", "spec/examples/construction.signed.json"])).stdout)

        let tampered = folder.appendingPathComponent("t.html").path
        try html.replacingOccurrences(of: "\"workloadHours\": 65", with: "\"workloadHours\": 165")
            .write(toFile: tampered, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["verify", tampered])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("fail    signature"))

        let doubled = folder.appendingPathComponent("d.html").path
        let script = try #require(html.range(of: "<script type=\"application/vc\">")?.lowerBound)
        try (String(html[..<script]) + "<script type=\"application/vc\">{}</script>" + String(html[script...]))
            .write(toFile: doubled, atomically: true, encoding: .utf8)
        let error = try CLI.run(["verify", doubled])
        #expect(error.status == 2)
        #expect(error.stderr.contains("d.html"))
        #expect(error.stderr.contains("2 <script type=\"application/vc\"> elements"))
    }

    @Test("render refuses a credential whose signature fails, and an existing file without --force")
    func renderRefuses() throws {
        let folder = try CLI.temporaryDirectory()
        let page = folder.appendingPathComponent("c.html").path
        let unsigned = try CLI.run(["render", "spec/examples/construction.json", "--out", page])
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("signature"))
        #expect(!FileManager.default.fileExists(atPath: page))
        #expect(try CLI.run(["render", "spec/examples/construction.signed.json", "--out", page]).status == 0)
        let again = try CLI.run(["render", "spec/examples/construction.signed.json", "--out", page])
        #expect(again.status == 2)
        #expect(try CLI.run(["render", "spec/examples/construction.signed.json", "--out", page, "--force"]).status == 0)
    }

    @Test("render refuses a wallet or a presentation as input it cannot use (exit 2), naming what it found")
    func renderRefusesOtherKinds() throws {
        let folder = try CLI.temporaryDirectory()
        let wallet = folder.appendingPathComponent("w.json").path
        let created = try CLI.run(["wallet", "init", "--holder-key", "keys-example/learner.key", "--out", wallet])
        #expect(created.status == 0, "\(created.stderr)")
        let result = try CLI.run(["render", wallet, "--out", folder.appendingPathComponent("w.html").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("found a wallet"))
        #expect(result.stderr.contains("mcred wallet show"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("w.html").path))
    }

    @Test("serve refuses a host that is not an address, with exit 2")
    func serveRefusesBadHost() throws {
        let result = try CLI.run(["serve", "--host", "not an address", "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--host"))
    }
}
