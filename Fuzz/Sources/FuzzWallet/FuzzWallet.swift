import FuzzSupport
import Wallet

/// One fuzz input: the wallet reader on arbitrary bytes, and the encrypted-backup opener on the same
/// bytes as a JWE, must answer with a value or an error, never crash or hang. The backup is opened
/// with a low iteration cap, so a hostile `p2c` is refused before any key is derived.
func fuzzWallet(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = inputBytes(data, count)
    if let wallet = try? Wallet(parsing: bytes, file: "fuzz") {
        _ = wallet.jsonValue.canonicalBytes
    }
    _ = try? Wallet.openBackup(String(decoding: bytes, as: UTF8.self), passphrase: Array("fuzz".utf8), file: "fuzz", maxIterations: 1000)
    return 0
}

/// The entry point SwiftPM links (`FuzzWallet_main`): libFuzzer's driver with this target's callback.
@_cdecl("FuzzWallet_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzWallet(data, count) }
}
