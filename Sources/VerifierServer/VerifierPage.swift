import Foundation
import Signing

/// The local verifier page served at `GET /`: one self-contained HTML document (no external
/// scripts, fonts or images) whose script posts the chosen file to `/api/verify` and shows the
/// report with `textContent` only, never as markup (`spec/serve.md` §1).
public enum VerifierPage {
    /// The whole page.
    public static func html(limit: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>mcred — check a micro-credential</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>Check a micro-credential</h1>
        <p>The file is checked by mcred on this computer. Nothing is stored, and nothing leaves this machine.</p>
        </header>
        <main>
        <section id="drop" class="drop">
        <p class="big">Drop a file here</p>
        <p>or <label for="file" class="button">choose a file</label></p>
        <input id="file" type="file" accept=".json,.html,.htm,application/json,text/html">
        <p class="hint">A credential (.json), a presentation, a learner's wallet, or a printable credential page (.html).</p>
        </section>
        <section id="challenge-box">
        <h2>Checking a presentation?</h2>
        <p>Send the learner a fresh challenge, then drop the presentation they make for it.
        <button id="new-challenge" type="button">New challenge</button>
        <button id="clear-challenge" type="button" hidden>Forget challenge</button></p>
        <div id="challenge-info" hidden>
        <p>The learner runs: <code id="challenge-command"></code></p>
        <p>Files dropped now are checked for challenge <code id="challenge-value"></code> and domain <code id="challenge-domain"></code>.</p>
        </div>
        </section>
        <section id="result" hidden aria-live="polite">
        <p id="file-name" class="file-name"></p>
        <p id="verdict" class="verdict"></p>
        <p id="error" class="error"></p>
        <table id="checks"><thead><tr><th>Of</th><th>Check</th><th>Result</th><th>Message</th></tr></thead><tbody></tbody></table>
        <div id="summary"></div>
        </section>
        </main>
        <footer>mcred local verifier · the same checks as <code>mcred verify</code> · JSON API: POST /api/verify</footer>
        <script>\(script(limit: limit))</script>
        </body>
        </html>

        """
    }

    /// The `Content-Security-Policy` of the page: nothing loads but the page's own script and
    /// style (pinned by their SHA-256), and the script may only talk to this server.
    public static func contentSecurityPolicy(limit: Int) -> String {
        "default-src 'none'; script-src '\(hash(script(limit: limit)))'; style-src '\(hash(style))'; "
            + "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    /// A CSP hash source (`sha256-…`) of an inline element's text (CSP Level 3 §8.4).
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(Array(text.utf8))).base64EncodedString()
    }

    static let style = """
        *{box-sizing:border-box}[hidden]{display:none!important}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f7}
        header,main,footer{max-width:60rem;margin:0 auto;padding:0 1.2rem}
        header h1{margin:1.2rem 0 .2rem;font-size:1.6rem}header p{margin:0 0 1rem;color:#4a5561}
        .drop{border:3px dashed #8aa2b8;border-radius:12px;background:#fff;padding:1.5rem;text-align:center}
        .drop.over{border-color:#24527a;background:#e8f0f8}
        .big{font-size:1.3rem;font-weight:600;margin:.2rem 0}.hint{color:#4a5561;font-size:.9rem}
        #file{position:absolute;left:-9999px}
        .button,button{display:inline-block;font:inherit;padding:.35rem .9rem;border:1px solid #24527a;border-radius:6px;background:#24527a;color:#fff;cursor:pointer}
        #challenge-box{margin:1rem 0;padding:.2rem 1.2rem;background:#fff;border-radius:12px}
        #challenge-box h2{font-size:1.1rem}
        code{font:.85rem/1.4 ui-monospace,monospace;word-break:break-all;background:#eef1f4;padding:0 .2rem}
        #result{margin:1rem 0 2rem;padding:1rem 1.2rem;background:#fff;border-radius:12px}
        .file-name{margin:0;color:#4a5561}
        .verdict{margin:.2rem 0;font-size:3.5rem;font-weight:800;letter-spacing:.05em}
        .verdict.pass{color:#17723a}.verdict.fail{color:#b3261e}.verdict.error{color:#8a5a00}
        .error{color:#b3261e;font-weight:600}
        .card{border:1px solid #d5dde5;border-radius:8px;padding:.6rem 1rem;margin:.8rem 0}
        .card h3{margin:.2rem 0 .4rem;font-size:1.2rem}
        dl{display:grid;grid-template-columns:minmax(6rem,max-content) minmax(0,1fr);gap:.15rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
        table{width:100%;border-collapse:collapse;font-size:.92rem}
        th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #e1e6eb}
        td:nth-child(2),td:nth-child(3){white-space:nowrap}td:last-child{overflow-wrap:anywhere}
        tr.r-pass .result{color:#17723a;font-weight:700}tr.r-fail .result{color:#b3261e;font-weight:700}
        tr.r-fail{background:#fdf0ef}tr.r-warn .result,tr.r-unknown .result{color:#8a5a00;font-weight:700}
        tr.r-skip{color:#6b7782}
        footer{color:#6b7782;font-size:.85rem;padding-bottom:2rem}
        """

    static func script(limit: Int) -> String {
        """
        "use strict";
        const limit = \(limit);
        let challenge = null;
        const $ = (id) => document.getElementById(id);
        function el(tag, text, cls) {
          const node = document.createElement(tag);
          if (text !== undefined && text !== null) node.textContent = String(text);
          if (cls) node.className = cls;
          return node;
        }
        function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
        function showVerdict(verdict) {
          const node = $("verdict");
          node.textContent = String(verdict).toUpperCase();
          node.className = "verdict " + (["pass", "fail", "error"].includes(verdict) ? verdict : "error");
        }
        async function check(file) {
          $("result").hidden = false;
          $("file-name").textContent = file.name;
          $("error").textContent = "";
          clear($("summary"));
          clear($("checks").tBodies[0]);
          $("verdict").textContent = "…";
          $("verdict").className = "verdict";
          if (file.size > limit) {
            showVerdict("error");
            $("error").textContent = "The file is larger than the limit of " + limit + " bytes.";
            return;
          }
          let url = "/api/verify?file=" + encodeURIComponent(file.name);
          if (challenge) url += "&challenge=" + encodeURIComponent(challenge.challenge);
          let answer;
          try {
            const response = await fetch(url, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
            answer = await response.json();
          } catch (error) {
            showVerdict("error");
            $("error").textContent = "The verifier did not answer: " + error;
            return;
          }
          show(answer);
        }
        function show(answer) {
          showVerdict(answer.verdict || "error");
          const file = (answer.files || [])[0] || {};
          if (file.error) $("error").textContent = file.error;
          const body = $("checks").tBodies[0];
          for (const check of file.checks || []) row(body, "the " + (file.kind || "file"), check);
          (file.credentials || []).forEach((credential, index) => {
            const label = credential.name || credential.id || "credential " + (index + 1);
            for (const check of credential.checks || []) row(body, label, check);
          });
          showSummary(answer.summary || {});
        }
        function row(body, of, check) {
          const tr = el("tr", null, "r-" + check.result);
          const problems = Array.isArray(check.problems) && check.problems.length ? " — " + check.problems.join("; ") : "";
          tr.append(el("td", of), el("td", check.check), el("td", check.result, "result"), el("td", check.message + problems));
          body.append(tr);
        }
        function fact(dl, label, value) {
          if (value === undefined || value === null || value === "") return;
          dl.append(el("dt", label), el("dd", value));
        }
        function showSummary(summary) {
          const box = $("summary");
          if (summary.holder) box.append(el("p", "Presented by " + summary.holder));
          for (const item of summary.credentials || []) {
            const card = el("div", null, "card");
            card.append(el("h3", item.title || "(untitled credential)"));
            const dl = el("dl");
            fact(dl, "Learner", [item.learnerName, item.learnerID].filter(Boolean).join(" — "));
            const place = [item.region, item.country].filter(Boolean).join(", ");
            fact(dl, "Awarding body", (item.issuerName || "") + (place ? " (" + place + ")" : ""));
            fact(dl, "ECTS credits", item.ectsCredits);
            fact(dl, "EQF level", item.eqfLevel);
            fact(dl, "Valid from", item.validFrom);
            fact(dl, "Valid until", item.validUntil);
            for (const element of item.elements || []) fact(dl, element.label, element.value);
            fact(dl, "Issuer key", item.issuerID);
            fact(dl, "Credential id", item.id);
            card.append(dl);
            if ((item.learningOutcomes || []).length) {
              card.append(el("h4", "Learning outcomes"));
              const list = el("ul");
              for (const outcome of item.learningOutcomes) list.append(el("li", outcome));
              card.append(list);
            }
            if ((item.stackParts || []).length) {
              card.append(el("h4", "Stacked from"));
              const list = el("ol");
              for (const part of item.stackParts) list.append(el("li", [part.name, part.id].filter(Boolean).join(" — ")));
              card.append(list);
            }
            box.append(card);
          }
        }
        const drop = $("drop");
        for (const type of ["dragenter", "dragover"]) {
          document.addEventListener(type, (event) => { event.preventDefault(); drop.classList.add("over"); });
        }
        document.addEventListener("dragleave", (event) => { event.preventDefault(); drop.classList.remove("over"); });
        document.addEventListener("drop", (event) => {
          event.preventDefault();
          drop.classList.remove("over");
          const file = event.dataTransfer && event.dataTransfer.files[0];
          if (file) check(file);
        });
        $("file").addEventListener("change", (event) => {
          const file = event.target.files[0];
          if (file) check(file);
          event.target.value = "";
        });
        $("new-challenge").addEventListener("click", async () => {
          try {
            const response = await fetch("/api/challenge");
            challenge = await response.json();
          } catch (error) {
            return;
          }
          $("challenge-value").textContent = challenge.challenge;
          $("challenge-domain").textContent = challenge.domain;
          $("challenge-command").textContent = "mcred present --wallet WALLET --key KEY --challenge " + challenge.challenge + " --domain " + challenge.domain + " --out presentation.json";
          $("challenge-info").hidden = false;
          $("clear-challenge").hidden = false;
        });
        $("clear-challenge").addEventListener("click", () => {
          challenge = null;
          $("challenge-info").hidden = true;
          $("clear-challenge").hidden = true;
        });

        """
    }
}
