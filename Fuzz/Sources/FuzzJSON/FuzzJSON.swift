import FuzzSupport
import CredentialCore

/// One fuzz input: strict parse, then the RFC 8785 round trip must hold for whatever parsed.
///
/// Property: canonical(parse(x)) parses back to an equal value whose canonical form is the same
/// bytes (canonicalisation is idempotent). A violation is a crash, which libFuzzer reports.
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    guard let value = try? JSONValue(parsing: bytes) else { return 0 }
    let canonical = value.canonicalBytes
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
