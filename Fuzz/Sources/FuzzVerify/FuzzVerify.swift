import FuzzSupport
import CredentialCore
import Foundation
import Verifier

/// The checking time is fixed so that a run is reproducible.
let verifier = CredentialVerifier(at: Date(timeIntervalSince1970: 1_800_000_000))

/// One fuzz input: `verify` on arbitrary bytes must answer (a report or an error), never crash.
func fuzzVerify(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    let report = verifier.verifyDocument(bytes, file: "fuzz")
    _ = report.verdict(strict: true)
    _ = report.jsonValue(strict: true).canonicalBytes
    return 0
}

/// The entry point SwiftPM links (`FuzzVerify_main`): libFuzzer's driver with this target's callback.
@_cdecl("FuzzVerify_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzVerify(data, count) }
}
