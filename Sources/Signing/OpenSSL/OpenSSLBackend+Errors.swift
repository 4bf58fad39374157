import COpenSSL

extension OpenSSLBackend {
    /// An `openSSLFailure` naming the function that failed, with OpenSSL's error queue.
    static func failure(_ function: String) -> SigningError {
        SigningError(.openSSLFailure, "\(function) failed: \(drainErrorQueue())")
    }

    /// Empties this thread's OpenSSL error queue (`ERR_get_error`, `ERR_error_string_n`) into one line.
    static func drainErrorQueue() -> String {
        var lines: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        while true {
            let code = ERR_get_error()
            guard code != 0 else { break }
            unsafe ERR_error_string_n(code, &buffer, buffer.count)
            let end = buffer.firstIndex(of: 0) ?? buffer.count
            lines.append(String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return lines.isEmpty ? "no OpenSSL error reported" : lines.joined(separator: "; ")
    }
}
