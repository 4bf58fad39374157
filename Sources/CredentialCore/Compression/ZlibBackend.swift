import CZlib

/// Every call into zlib, behind internal functions over `[UInt8]`.
///
/// This is the only file of `CredentialCore` that imports `CZlib` or touches unsafe pointers
/// (STYLE.md, "Unsafe code lives at the edge"). Each `z_stream` is initialised and its `defer`
/// frees it on the next line; every return code is checked. Decompression never produces more
/// than the caller's limit, so a gzip bomb is an error, not gigabytes of memory.
enum ZlibBackend {
    /// zlib's `windowBits` for a 32 KiB window with a gzip (RFC 1952) header and trailer.
    static let gzipWindowBits: Int32 = 15 + 16
    /// Bytes inflated per `inflate` call.
    static let chunkSize = 64 * 1024

    /// Compresses `input` into one gzip member (RFC 1952) with `deflateInit2`, `deflateBound`,
    /// `deflate(Z_FINISH)` and `deflateEnd`.
    /// - Throws: `compressionFailed` when zlib reports an error.
    static func gzip(_ input: [UInt8], level: Int32 = Z_BEST_COMPRESSION) throws(CredentialError) -> [UInt8] {
        var stream = unsafe z_stream()
        guard unsafe mcred_deflateInit2(&stream, level, gzipWindowBits, 8) == Z_OK else {
            throw CredentialError(.compressionFailed, "zlib deflateInit2 failed")
        }
        defer { _ = unsafe deflateEnd(&stream) }
        let bound = Int(unsafe deflateBound(&stream, uLong(input.count)))
        var source = input
        var output = [UInt8](repeating: 0, count: bound)
        // deflateBound guarantees that one call with Z_FINISH and this much room ends the stream.
        let status: Int32 = unsafe source.withUnsafeMutableBufferPointer { inBuffer in
            unsafe output.withUnsafeMutableBufferPointer { outBuffer in
                unsafe stream.next_in = inBuffer.baseAddress
                unsafe stream.avail_in = uInt(inBuffer.count)
                unsafe stream.next_out = outBuffer.baseAddress
                unsafe stream.avail_out = uInt(outBuffer.count)
                return unsafe deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw CredentialError(.compressionFailed, "zlib deflate returned \(status)")
        }
        unsafe output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses exactly one gzip member (RFC 1952) with `inflateInit2`, `inflate` and
    /// `inflateEnd`, producing at most `limit` bytes.
    /// - Throws: `tooLarge` when the output would exceed `limit`; `invalidCompression` when the
    ///   data is not gzip, is corrupt or truncated, or has bytes after the member;
    ///   `compressionFailed` when zlib cannot start.
    static func gunzip(_ input: [UInt8], limit: Int) throws(CredentialError) -> [UInt8] {
        var stream = unsafe z_stream()
        guard unsafe mcred_inflateInit2(&stream, gzipWindowBits) == Z_OK else {
            throw CredentialError(.compressionFailed, "zlib inflateInit2 failed")
        }
        defer { _ = unsafe inflateEnd(&stream) }
        enum Outcome { case done, truncated, corrupt(Int32), tooLarge, trailing }
        var source = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let outcome: Outcome = unsafe source.withUnsafeMutableBufferPointer { inBuffer in
            unsafe stream.next_in = inBuffer.baseAddress
            unsafe stream.avail_in = uInt(inBuffer.count)
            while true {
                var status: Int32 = Z_OK
                let produced = unsafe chunk.withUnsafeMutableBufferPointer { outBuffer in
                    unsafe stream.next_out = outBuffer.baseAddress
                    unsafe stream.avail_out = uInt(outBuffer.count)
                    status = unsafe inflate(&stream, Z_NO_FLUSH)
                    return unsafe outBuffer.count - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
                    break
                default:
                    return .corrupt(status)
                }
                // Check before keeping the bytes: the limit bounds memory, not just the result.
                if produced > limit - output.count { return .tooLarge }
                output += chunk[0..<produced]
                if status == Z_STREAM_END { return unsafe stream.avail_in == 0 ? .done : .trailing }
                // No progress with all input consumed: the member ends early.
                if unsafe produced == 0 && (status == Z_BUF_ERROR || stream.avail_in == 0) { return .truncated }
            }
        }
        switch outcome {
        case .done:
            return output
        case .tooLarge:
            throw CredentialError(.tooLarge, "the compressed data expands beyond the limit of \(limit) bytes")
        case .truncated:
            throw CredentialError(.invalidCompression, "the gzip data ends before its last block")
        case .trailing:
            throw CredentialError(.invalidCompression, "bytes follow the gzip member")
        case .corrupt(let status):
            throw CredentialError(.invalidCompression, "not valid gzip data (zlib inflate returned \(status))")
        }
    }
}
