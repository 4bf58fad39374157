import ArgumentParser
import CredentialCore
import Foundation
import Signing
import Verifier

/// `verify`'s options for the status lists and trust lists the verifier has at hand.
struct EvidenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A status list file (repeat for several); lists carried in a presentation or wallet are used too.",
        valueName: "list.json"))
    var status: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Status lists dated more than this many days before the checking time are no evidence.", valueName: "days"))
    var maxStatusAge: Int?

    @Option(help: ArgumentHelp("A trust list file (repeat for several); needs --anchor.", valueName: "trust.json"))
    var trust: [String] = []

    @Option(help: ArgumentHelp("The did:key of a trust anchor whose trust lists you accept (repeat for several).", valueName: "did"))
    var anchor: [String] = []

    func validate() throws {
        if !trust.isEmpty && anchor.isEmpty {
            throw ValidationError("--trust needs --anchor DID: name the anchors whose trust lists you accept")
        }
        if trust.isEmpty && !anchor.isEmpty {
            throw ValidationError("--anchor needs --trust TRUST.json: the trust lists in which to look for the anchor's word")
        }
        for did in anchor {
            do {
                _ = try DIDKey(parsing: did)
            } catch {
                throw ValidationError("--anchor \(TerminalSafe.escape(did)) is not an Ed25519 did:key: \(TerminalSafe.escape(error.message))")
            }
        }
        if let maxStatusAge, maxStatusAge < 0 { throw ValidationError("--max-status-age must be 0 or more days") }
    }

    /// Reads, decodes and verifies every list once, and hands them to `verifier`.
    /// - Throws: `CredentialError` (exit 2) for a file that cannot be read, is not JSON, or is not
    ///   a list of the expected kind.
    func configure(_ verifier: inout CredentialVerifier) throws {
        verifier.statusLists = try status.map { path in
            let document = try Self.read(path, kind: StatusListCredential.type)
            return StatusListEvidence(document, source: path)
        }
        let trustLists = try trust.map { path in TrustListEvidence(try Self.read(path, kind: TrustList.type), source: path) }
        verifier.trust = TrustEvaluator(lists: trustLists, anchors: anchor)
        verifier.maxStatusAge = maxStatusAge.map { Double($0) * 86_400 }
    }

    static func read(_ path: String, kind: String) throws -> JSONValue {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: FileIO.read(path))
        } catch {
            throw error.inFile(path)
        }
        guard Credential.includes(document["type"], kind) else {
            throw CredentialError(.invalidValue, "not \(kind.first.map { "AEIOU".contains($0) } == true ? "an" : "a") \(kind): its type does not include \(kind)", pointer: "/type", file: path)
        }
        return document
    }
}
