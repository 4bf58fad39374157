extension PrintableCredential {
    /// The printable page of one signed credential: a certificate-like layout for people (title,
    /// learner, awarding body, the Annex I elements, outcomes, stack parts, identifiers and how to
    /// verify), with print styles, that embeds `bytes` unchanged but for the `scriptText(forJSON:)`
    /// escapes. The page loads nothing and runs no script; its Content-Security-Policy forbids both.
    ///
    /// `bytes` may also be a printable page, whose embedded credential is rendered again.
    /// - Throws: the parser's errors for bytes that are not I-JSON; `invalidValue` when they are not
    ///   a JSON object, or a page without exactly one embedded credential.
    public static func render(_ bytes: [UInt8]) throws(CredentialError) -> String {
        let json = isHTML(bytes) ? try extract(from: bytes) : bytes
        let credential = try Credential(try JSONValue(parsing: json))
        let summary = CredentialSummary(credential)
        return page(summary, signed: credential.proof?.created, embedding: scriptText(forJSON: json))
    }

    static func page(_ summary: CredentialSummary, signed: String?, embedding script: String) -> String {
        let e = HTMLText.escape
        let i = HTMLText.isolated
        // The title bar cannot isolate a value as <bdi> does: a bidi control there would reorder the
        // learner's name after it, so controls and invisibles are shown as escapes instead.
        let plain = { (text: String) -> String in TerminalSafe.escape(text) }
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(plain(summary.title ?? "Credential")))\(summary.learnerName.map { " — " + e(plain($0)) } ?? "")</title>
            <style>\(style)</style>
            </head>
            <body>
            <main class="certificate">
            <p class="kicker">Micro-credential</p>
            <h1>\(i(summary.title ?? "(untitled credential)"))</h1>

            """
        if let learner = summary.learnerName {
            html += "<p class=\"awarded\">awarded to</p>\n<p class=\"learner\">\(i(learner))</p>\n"
        }
        let place = [summary.region, summary.country].compactMap { $0 }.map(i).joined(separator: ", ")
        html += "<p class=\"by\">by <strong>\(i(summary.issuerName ?? summary.issuerID ?? "(unnamed issuer)"))</strong>"
            + (place.isEmpty ? "" : " — \(place)") + "</p>\n"
        var dates = summary.validFrom.map { "Issued \(i($0))" } ?? ""
        if let until = summary.validUntil { dates += (dates.isEmpty ? "" : " · ") + "valid until \(i(until))" }
        if !dates.isEmpty { html += "<p class=\"dates\">\(dates)</p>\n" }
        if let description = summary.description { html += "<p class=\"description\">\(i(description))</p>\n" }

        var facts: [(String, String)] = []
        if let ects = summary.ects { facts.append(("ECTS credits", ects)) }
        if let eqf = summary.eqfLevel { facts.append(("EQF level", eqf)) }
        facts += summary.elements.map { ($0.label, $0.value) }
        if !facts.isEmpty {
            html += "<section>\n<h2>EU micro-credential elements</h2>\n<dl class=\"facts\">\n"
            for (label, value) in facts { html += "<dt>\(e(label))</dt><dd>\(i(value))</dd>\n" }
            html += "</dl>\n</section>\n"
        }
        if !summary.learningOutcomes.isEmpty {
            html += "<section>\n<h2>Learning outcomes</h2>\n<ul class=\"outcomes\">\n"
            for outcome in summary.learningOutcomes { html += "<li>\(i(outcome))</li>\n" }
            html += "</ul>\n</section>\n"
        }
        if !summary.stackParts.isEmpty {
            html += "<section>\n<h2>Stacked from</h2>\n<ol class=\"parts\">\n"
            for part in summary.stackParts {
                let name = part.name.map { i($0) + " — " } ?? ""
                html += "<li>\(name)<code>\(i(part.id ?? "(no id)"))</code></li>\n"
            }
            html += "</ol>\n</section>\n"
        }
        html += "<section class=\"ids\">\n<h2>Identifiers</h2>\n<dl>\n"
        let ids: [(String, String?)] = [
            ("Credential id", summary.id), ("Issuer (did:key)", summary.issuerID),
            ("Learner id", summary.learnerID), ("Signed", signed),
        ]
        for case let (label, value?) in ids { html += "<dt>\(e(label))</dt><dd><code>\(i(value))</code></dd>\n" }
        html += """
            </dl>
            </section>
            <section class="verify">
            <h2>How to verify</h2>
            <p>The saved file of this page carries the signed credential: check it with <code>mcred verify THIS-FILE.html</code>, \
            or drop it on a local verifier page (<code>mcred serve</code>). On paper this page is a readable record only, not a proof: \
            ask the learner for the file, and look up the credential id and the issuer's did:key above.</p>
            </section>
            </main>
            <script type="\(scriptType)">\(script)</script>
            </body>
            </html>

            """
        return html
    }

    static let style = """
        :root{color-scheme:light}
        body{margin:0;background:#eef1f4;color:#1b1f24;font:16px/1.5 Georgia,"Times New Roman",serif}
        .certificate{max-width:46rem;margin:2rem auto;padding:3rem 3.5rem;background:#fff;border:6px double #24527a}
        .kicker{margin:0;text-align:center;letter-spacing:.2em;text-transform:uppercase;color:#24527a;font-size:.85rem}
        h1{margin:.4rem 0 1.2rem;text-align:center;font-size:2rem;line-height:1.2;overflow-wrap:anywhere}
        .awarded{margin:0;text-align:center;font-style:italic}
        .learner{margin:.2rem 0 1rem;text-align:center;font-size:1.6rem;font-weight:bold;overflow-wrap:anywhere}
        .by,.dates{margin:.2rem 0;text-align:center;overflow-wrap:anywhere}
        .description{margin:1.2rem 0;font-style:italic;overflow-wrap:anywhere}
        h2{margin:1.6rem 0 .5rem;font-size:1.05rem;color:#24527a;border-bottom:1px solid #c9d4de}
        dl{display:grid;grid-template-columns:minmax(6rem,max-content) minmax(0,1fr);gap:.25rem 1rem;margin:0}
        dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
        code{font:.8rem/1.4 ui-monospace,monospace;word-break:break-all}
        .verify p{font-size:.9rem}
        @media print{body{background:#fff}.certificate{margin:0;border-width:4px;padding:1.5rem 2rem}section{break-inside:avoid}}
        """
}
