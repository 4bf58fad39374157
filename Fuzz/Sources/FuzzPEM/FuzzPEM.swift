import FuzzSupport
import Signing

/// One fuzz input: the PEM key readers (PKCS#8 private, SPKI public) on arbitrary text must
/// answer with a key or an error, never crash.
func fuzzPEM(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: inputBytes(data, count), as: UTF8.self)
    if let key = try? Ed25519.PrivateKey(pemRepresentation: text) {
        _ = key.publicKey.rawRepresentation
    }
    _ = try? Ed25519.PublicKey(pemRepresentation: text)
    return 0
}

/// The entry point SwiftPM links (`FuzzPEM_main`): libFuzzer's driver with this target's callback.
@_cdecl("FuzzPEM_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzPEM(data, count) }
}
