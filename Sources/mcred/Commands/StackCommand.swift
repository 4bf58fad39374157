import ArgumentParser
import CredentialCore
import Foundation
import Issuer
import Signing

/// `mcred stack`: sign a stacked credential over a learner's micro-credentials.
struct StackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stack",
        abstract: "Sign a stacked credential that binds several micro-credentials of one learner.",
        discussion: """
            Every component is verified first (signature, schema, EU profile, validity) and must \
            belong to the same learner (credentialSubject.id). The signed credential gets the type \
            StackedCredential, lists each component in the order given in relatedResource by its id \
            and digestMultibase (sha2-256 of its RFC 8785 bytes, proof included), and states the \
            components' exact ECTS total in achievement.ectsCredits. The template may leave out \
            the total and the learner (both are filled in); a template that states another total, \
            a failing component, another learner's, the same component twice or one without \
            ectsCredits is refused (exit 1), naming the component. Optional rules in \
            achievement.stackingRules (minimumEctsCredits, requiredAchievements) must hold. A \
            component declared standalone is stacked with a warning on standard error. \
            spec/credential.md §10 defines the format.

            Example:
              mcred stack --key keys-example/issuer.key \\
                --template spec/examples/stack/pathway.json --out pathway.signed.json \\
                spec/examples/construction.signed.json \\
                spec/examples/wood-furniture.signed.json \\
                spec/examples/agri-food.signed.json
            """
    )

    @Option(help: ArgumentHelp("The awarding body's private key (PKCS#8 PEM).", valueName: "key-file"))
    var key: String

    @Option(help: ArgumentHelp("The unsigned stacked-credential template (JSON; - for standard input).", valueName: "stack.json"))
    var template: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the signed stacked credential (default: standard output; - too).", valueName: "file"))
    var out: String = "-"

    @Flag(help: "Replace --out if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Set validUntil on the stacked credential: a dateTime with a time zone, or a day, which means the end of that day in UTC (2031-06-30 is 2031-06-30T23:59:59Z).", valueName: "date"))
    var validUntil: String?

    @Argument(help: ArgumentHelp("The signed component credentials, in the order to bind them.", valueName: "component.json"))
    var components: [String]

    func validate() throws {
        if components.filter({ $0 == "-" }).count + (template == "-" ? 1 : 0) > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
        if let validUntil { _ = try parseDateOption(validUntil, option: "--valid-until", bound: .end) }
        try OutputOptions.refuse(out, [("the --key file", key), ("the template", template)] + components.map { ("a component", $0) })
    }

    func run() throws {
        let signingKey = try KeyPermissions.readPrivateKey(at: key)
        let until = try validUntil.map { try parseDateOption($0, option: "--valid-until", bound: .end).text }
        let stacker = StackIssuer(issuer: try CredentialIssuer(key: signingKey, validUntil: until))
        let parts = try components.map { file in StackIssuer.Component(try Self.readJSON(file), name: Self.displayName(file)) }
        let document = try Self.readJSON(template)
        let result: StackIssuer.Result
        do throws(IssuerError) {
            result = try stacker.stack(document, components: parts)
        } catch {
            // The template's own faults name the template file (the components' name themselves).
            let named = [.invalidTemplate, .totalMismatch, .stackingRuleBroken, .invalidCredential, .incomplete].contains(error.code)
                ? IssuerError(error.code, "\(Self.displayName(template)): \(error.message)", problems: error.problems) : error
            throw named
        }
        for warning in result.warnings { Terminal.error("warning: " + TerminalSafe.escape(warning)) }
        let bytes = Array(result.signed.prettyPrinted().utf8)
        try OutputOptions.write(bytes, to: out, force: force)
        if out != "-" {
            Terminal.note(
                "stacked \(parts.count) component\(parts.count == 1 ? "" : "s") (\(result.total) ECTS) into "
                    + (TerminalSafe.escape(result.signed["id"]?.stringValue) ?? "a credential") + " as \(stacker.issuer.issuerDID.did) → " + TerminalSafe.escape(out))
        }
    }

    /// Reads and parses a JSON file, naming it in errors.
    static func readJSON(_ file: String) throws -> JSONValue {
        do {
            return try JSONValue(parsing: try FileIO.read(file))
        } catch {
            throw error.inFile(displayName(file))
        }
    }

    /// The file's name in messages (`<stdin>` for `-`).
    static func displayName(_ file: String) -> String { file == "-" ? "<stdin>" : file }
}
