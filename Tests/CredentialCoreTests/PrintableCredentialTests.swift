import CredentialCore
import Testing

@Suite("Printable credential pages: finding the embedded credential")
struct PrintableCredentialTests {
    static let json = #"{"name":"a </script><!-- & > b","n":1}"#

    static func page(_ scripts: String) -> [UInt8] {
        Array("<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>text</p>\(scripts)</body></html>".utf8)
    }

    @Test("HTML is told from JSON by its first non-space byte")
    func detectsHTML() {
        #expect(PrintableCredential.isHTML(Array("  \n<!DOCTYPE html>".utf8)))
        #expect(PrintableCredential.isHTML([0xEF, 0xBB, 0xBF] + Array("<html>".utf8)))
        #expect(!PrintableCredential.isHTML(Array(" {\"a\":\"<b>\"}".utf8)))
        #expect(!PrintableCredential.isHTML([]))
    }

    @Test("the script text escapes < > & and parses to the same document")
    func scriptTextKeepsTheDocument() throws {
        let text = PrintableCredential.scriptText(forJSON: Array(Self.json.utf8))
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains(#"\u003c/script\u003e"#))
        #expect(try JSONValue(parsing: Array(text.utf8)) == JSONValue(parsing: Array(Self.json.utf8)))
    }

    @Test("the single application/vc script is extracted byte for byte")
    func extractsTheScript() throws {
        let text = PrintableCredential.scriptText(forJSON: Array(Self.json.utf8))
        let bytes = Self.page("<script>var x = 1;</script><script type=\"application/vc\">\(text)</script>")
        #expect(try PrintableCredential.extract(from: bytes) == Array(text.utf8))
    }

    @Test("tag and attribute case, quotes and spacing follow HTML", arguments: [
        "<SCRIPT TYPE=\"Application/VC\">", "<script type='application/vc'>", "<script type=application/vc>",
        "<script  type = \"application/vc\" >", "<script\ntype=\"application/vc\"\n>",
    ])
    func extractsHTMLVariants(_ tag: String) throws {
        #expect(try PrintableCredential.extract(from: Self.page("\(tag){}</SCRIPT>")) == Array("{}".utf8))
    }

    @Test("a page with no credential script is refused")
    func refusesNone() {
        #expect(throws: CredentialError(.invalidValue, "")) {
            try PrintableCredential.extract(from: Self.page("<script type=\"application/json\">{}</script><scripts type=\"application/vc\">"))
        }
    }

    @Test("a page with two credential scripts is refused")
    func refusesTwo() throws {
        let bytes = Self.page("<script type=\"application/vc\">{}</script><script type='application/vc'>{}</script>")
        let error = try #require(throws: CredentialError.self) { try PrintableCredential.extract(from: bytes) }
        #expect(error.message.contains("2 <script"))
    }

    @Test("an unclosed credential script is refused")
    func refusesUnclosed() {
        #expect(throws: CredentialError(.invalidValue, "")) {
            try PrintableCredential.extract(from: Self.page("<script type=\"application/vc\">{}"))
        }
    }
}

@Suite("HTML escaping of credential text")
struct HTMLTextTests {
    @Test("markup characters become character references")
    func escapesMarkup() {
        #expect(HTMLText.escape(#"<script>"><img onerror='x'>&"#)
            == "&lt;script&gt;&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;&amp;")
    }

    @Test("control characters are replaced, text and line feeds are kept")
    func replacesControls() {
        #expect(HTMLText.escape("a\u{0}b\u{1B}[2Jc\u{85}d\ne") == "a\u{FFFD}b\u{FFFD}[2Jc\u{FFFD}d\ne")
    }

    @Test("the page's <title>, which cannot use bdi, shows bidi controls as escapes, so they cannot reorder the learner's name")
    func titleWithoutBidiControls() throws {
        let document: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "did:key:z6Mkx",
            "credentialSubject": ["name": "Maria Kowalska", "achievement": ["name": "Diploma \u{202E}gnp.exe\u{2066}"]],
        ]
        let page = try PrintableCredential.render(document.canonicalBytes)
        let title = try #require(page.split(separator: "\n").first { $0.hasPrefix("<title>") })
        #expect(title == #"<title>Diploma \u{202E}gnp.exe\u{2066} — Maria Kowalska</title>"#)
    }

    @Test("isolated text is wrapped in bdi")
    func isolates() {
        #expect(HTMLText.isolated("\u{202E}<b>") == "<bdi>\u{202E}&lt;b&gt;</bdi>")
    }
}
