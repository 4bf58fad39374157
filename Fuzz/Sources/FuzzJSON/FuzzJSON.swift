import FuzzSupport
import CredentialCore

/// One fuzz input: strict parse, then the RFC 8785 round trip must hold for whatever parsed.
///
/// Properties: canonical(parse(x)) parses back to an equal value whose canonical form is the same
/// bytes (canonicalisation is idempotent); a text the parser takes for its own canonical form is
/// exactly that form (verifiers hash such batch lines as written), and so is the text with any one
/// member cut out; the canonical form is always taken for canonical. A violation is a crash,
/// which libFuzzer reports.
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    guard let (value, noted) = try? JSONValue.parsingNotingCanonicalForm(bytes) else {
        guard (try? JSONValue(parsing: bytes)) == nil else { fatalError("the two parsers disagree on validity") }
        return 0
    }
    let canonical = value.canonicalBytes
    if let noted {
        guard noted.bytes == canonical else { fatalError("a text taken for canonical is not: \(String(decoding: bytes, as: UTF8.self))") }
        if case .object(let object) = value {
            for position in object.indices {
                var without = object
                without.removeValue(forKey: object[position].key)
                guard noted.removingMember(at: position) == JSONValue.object(without).canonicalBytes else {
                    fatalError("cutting member \(position) out of a canonical text is not canonical")
                }
            }
        }
    } else if case .object = value, (try? JSONValue.parsingNotingCanonicalForm(canonical))?.canonical == nil {
        fatalError("a canonical form was not taken for canonical: \(String(decoding: canonical, as: UTF8.self))")
    }
    guard let again = try? JSONValue(parsing: canonical) else {
        fatalError("the canonical form of a parsed document does not parse: \(String(decoding: canonical, as: UTF8.self))")
    }
    guard again == value else { fatalError("the canonical form parses to another value") }
    guard again.canonicalBytes == canonical else { fatalError("canonicalisation is not idempotent") }
    return 0
}

/// The entry point SwiftPM links (`FuzzJSON_main`): libFuzzer's driver with this target's callback.
@_cdecl("FuzzJSON_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzJSON(data, count) }
}
