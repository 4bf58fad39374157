import CredentialCore
import Issuer
import Signing
import Verifier

/// Sign and verify throughput of ~2 KB micro-credentials end to end, beside raw Ed25519 on 64
/// bytes measured in the same run (DESIGN.md §10 goals: sign ≥ 0.70, verify ≥ 0.80 of raw per
/// core; batches scale with cores).
enum SignSection {
    static func run(_ bench: inout Bench) {
        guard let key = try? Ed25519.PrivateKey(seed: Array(repeating: 7, count: 32)),
              let issuer = try? CredentialIssuer(key: key) else {
            print("sign    cannot create the benchmark key")
            return
        }
        let did = issuer.issuerDID.did
        // Templates: the corpus credentials, issued by this key.
        let templates: [[UInt8]] = (0 ..< 200).map { index in
            var credential = CredentialCorpus.credential(index)
            credential["issuer"]?["id"] = .string(did)
            var bytes: [UInt8] = []
            CredentialCorpus.writeCompact(credential, into: &bytes)
            return bytes
        }
        let options = EddsaJcs2022.ProofOptions(proofPurpose: "assertionMethod", created: "2026-01-01T00:00:00Z")
        let signer = EddsaJcs2022.Signer(key: key)
        let signed: [[UInt8]] = templates.compactMap { template in
            guard let value = try? JSONValue(parsing: template),
                  let secured = try? EddsaJcs2022.sign(value, with: key, options: options) else { return nil }
            var bytes: [UInt8] = []
            CredentialCorpus.writeCompact(secured, into: &bytes)
            return bytes
        }
        guard signed.count == templates.count else {
            print("sign    the corpus does not sign")
            return
        }
        let templateBytes = templates.reduce(0) { $0 + $1.count }
        let signedBytes = signed.reduce(0) { $0 + $1.count }
        let label = "\(templates.count) credentials, \(signedBytes / signed.count) B avg"
        let message = Array(repeating: UInt8(0x5A), count: 64)
        let signature = (try? key.signature(for: message)) ?? []

        let rawSign = bench.measure(section: "ed25519", operation: "raw sign", input: "64 bytes", bytes: 64, items: 100) {
            var total = 0
            for _ in 0 ..< 100 { total &+= (try? key.signature(for: message))?.count ?? 0 }
            return total
        }
        let rawVerify = bench.measure(section: "ed25519", operation: "raw verify", input: "64 bytes", bytes: 64, items: 100) {
            var total = 0
            for _ in 0 ..< 100 where (try? key.publicKey.isValidSignature(signature, for: message)) == true { total &+= 1 }
            return total
        }
        // The same with one OpenSSL key object kept for every call, as `openssl speed` does.
        if let prepared = try? Ed25519.Verifier(publicKey: key.publicKey) {
            bench.measure(section: "ed25519", operation: "raw verify (prepared key)", input: "64 bytes", bytes: 64, items: 100,
                          note: { "\(Bench.ratio($0, of: rawVerify)) of raw verify" }) {
                var total = 0
                for _ in 0 ..< 100 where (try? prepared.isValidSignature(signature, for: message)) == true { total &+= 1 }
                return total
            }
        }
        let sign = { (rate: Double) in "\(Bench.ratio(rate, of: rawSign)) of raw sign" }
        let verify = { (rate: Double) in "\(Bench.ratio(rate, of: rawVerify)) of raw verify" }

        // parse + canonicalise + hash + Ed25519 + write the signed credential.
        bench.measure(section: "sign", operation: "sign (cryptosuite)", input: label, bytes: templateBytes, items: templates.count, note: sign) {
            var total = 0
            for template in templates {
                guard let value = try? JSONValue(parsing: template),
                      let secured = try? signer.signWithCanonicalForm(value, options: options) else { continue }
                total &+= secured.canonical.count
            }
            return total
        }
        // The same, plus filling id/validFrom, the VC 2.0 and EU profile checks (`mcred issue`).
        bench.measure(section: "sign", operation: "issue (all checks)", input: label, bytes: templateBytes, items: templates.count, note: sign) {
            var total = 0
            for template in templates {
                guard let value = try? JSONValue(parsing: template),
                      let secured = try? issuer.issueWithCanonicalForm(value) else { continue }
                total &+= secured.canonical.count
            }
            return total
        }
        // parse + canonicalise + hash + Ed25519 verify.
        bench.measure(section: "verify", operation: "verify (cryptosuite)", input: label, bytes: signedBytes, items: signed.count, note: verify) {
            var total = 0
            for document in signed {
                guard let value = try? JSONValue(parsing: document) else { continue }
                if (try? EddsaJcs2022.verify(value))?.isVerified == true { total &+= 1 }
            }
            return total
        }
        // The same through a verifier kept for the whole run, which prepares the issuer's key once.
        let proofVerifier = EddsaJcs2022.Verifier()
        bench.measure(section: "verify", operation: "verify (prepared verifier)", input: label, bytes: signedBytes, items: signed.count, note: verify) {
            var total = 0
            for document in signed {
                guard let value = try? JSONValue(parsing: document) else { continue }
                if (try? proofVerifier.verify(value))?.isVerified == true { total &+= 1 }
            }
            return total
        }
        let verifier = CredentialVerifier()
        bench.measure(section: "verify", operation: "verify (all checks)", input: label, bytes: signedBytes, items: signed.count, note: verify) {
            var total = 0
            for document in signed {
                guard let value = try? JSONValue(parsing: document) else { continue }
                if verifier.verify(value).passes(strict: false) { total &+= 1 }
            }
            return total
        }

        // Batches: JSON Lines in, JSON Lines out, one core against every core.
        let batchSize = 2000
        var lines: [UInt8] = []
        var signedLines: [UInt8] = []
        for index in 0 ..< batchSize {
            lines += templates[index % templates.count] + [0x0A]
            signedLines += signed[index % signed.count] + [0x0A]
        }
        let cores = ParallelMap.defaultJobs
        let batchLabel = "\(batchSize) lines"
        let issueOne = bench.measure(section: "batch", operation: "issue --batch --jobs 1", input: batchLabel, bytes: lines.count, items: batchSize, note: sign) {
            issuer.issueBatch(lines, jobs: 1).count
        }
        bench.measure(section: "batch", operation: "issue --batch --jobs \(cores)", input: batchLabel, bytes: lines.count, items: batchSize,
                      note: { "×\(Bench.ratio($0, of: issueOne)) of one core" }) {
            issuer.issueBatch(lines, jobs: cores).count
        }
        let verifyOne = bench.measure(section: "batch", operation: "verify --batch --jobs 1", input: batchLabel, bytes: signedLines.count, items: batchSize, note: verify) {
            verifier.verifyLines(signedLines, file: "bench", jobs: 1).credentials.count
        }
        bench.measure(section: "batch", operation: "verify --batch --jobs \(cores)", input: batchLabel, bytes: signedLines.count, items: batchSize,
                      note: { "×\(Bench.ratio($0, of: verifyOne)) of one core" }) {
            verifier.verifyLines(signedLines, file: "bench", jobs: cores).credentials.count
        }
    }
}
