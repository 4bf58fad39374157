import CredentialCore
import Foundation
import Testing
import Verifier

@Suite("Verifying printable credential pages")
struct PrintableVerificationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent("spec/examples/\(name)")))
    }

    static let signedExamples = [
        "agri-food.signed.json", "construction.signed.json", "manufacturing.signed.json",
        "sustainable-management.signed.json", "wood-furniture.signed.json",
    ]

    @Test("a rendered page verifies like the credential it embeds", arguments: signedExamples)
    func renderedPageVerifies(_ name: String) throws {
        let page = try PrintableCredential.render(try Self.example(name))
        let report = CredentialVerifier().verifyDocument(Array(page.utf8), file: "page.html")
        #expect(report.kind == .credential)
        #expect(report.passes(strict: false), "\(report.credentials.first?.checks ?? [])")
        #expect(report.credentials.first?[.signature]?.result == .pass)
    }

    @Test("any change to the embedded JSON fails the signature")
    func tamperedEmbeddedJSONFails() throws {
        let page = try PrintableCredential.render(try Self.example("construction.signed.json"))
        let script = try #require(page.range(of: "<script type=\"application/vc\">"))
        let tail = page[script.upperBound...]
        let tampered = page[..<script.upperBound] + tail.replacingOccurrences(of: "\"eqfLevel\": 4", with: "\"eqfLevel\": 5")
        #expect(tampered != page)
        let report = CredentialVerifier().verifyDocument(Array(tampered.utf8), file: "page.html")
        #expect(report.verdict(strict: false) == .fail)
        #expect(report.credentials.first?[.signature]?.result == .fail)
    }

    @Test("a syntax error in the embedded JSON is located by its line and column in the page")
    func parseErrorInPage() throws {
        let page = try PrintableCredential.render(try Self.example("construction.signed.json"))
        let broken = page.replacingOccurrences(of: "\"eqfLevel\": 4", with: "\"eqfLevel\": 4,,")
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(",,") }) + 1
        let column = try #require(lines[line - 1].utf8.firstIndex(of: UInt8(ascii: ","))).utf16Offset(in: lines[line - 1]) + 2
        let report = CredentialVerifier().verifyDocument(Array(broken.utf8), file: "page.html")
        #expect(report.error?.hasPrefix("page.html:\(line):\(column): ") == true, "\(report.error ?? "") expected line \(line) column \(column)")
        // On the first line of the script the page's own columns are added.
        let inline = "<!doctype html><p>x</p><script type=\"application/vc\">{\"a\":1,,}</script>"
        let first = CredentialVerifier().verifyDocument(Array(inline.utf8), file: "p.html")
        #expect(first.error?.hasPrefix("p.html:1:\(inline.utf8.count - "}</script>".utf8.count): ") == true, "\(first.error ?? "")")
    }

    @Test("the visible text is not what is verified: changing it alone still verifies the embedded credential")
    func visibleTextIsNotVerified() throws {
        let page = try PrintableCredential.render(try Self.example("construction.signed.json"))
        let edited = page.replacingOccurrences(of: "<p class=\"learner\"><bdi>Maria Kowalska</bdi>", with: "<p class=\"learner\"><bdi>Someone Else</bdi>")
        #expect(edited != page)
        let report = CredentialVerifier().verifyDocument(Array(edited.utf8), file: "page.html")
        #expect(report.passes(strict: false))
    }

    @Test("a page with two embedded credentials, or none, is an error naming the file", arguments: [
        "<script type=\"application/vc\">{}</script><script type=\"application/vc\">{}</script>", "<p>no credential</p>",
    ])
    func ambiguousPageIsAnError(_ body: String) {
        let report = CredentialVerifier().verifyDocument(Array("<!DOCTYPE html><html><body>\(body)</body></html>".utf8), file: "cv.html")
        #expect(report.verdict(strict: false) == .error)
        #expect(report.error?.hasPrefix("cv.html: ") == true)
    }
}
