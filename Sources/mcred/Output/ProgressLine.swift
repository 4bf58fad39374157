/// Progress of a long batch on standard error, redrawn in place, only when standard error is a
/// terminal (a log file or a pipe gets the one-line summary alone).
struct ProgressLine {
    let verb: String
    /// The input's size in bytes, when known, for a percentage.
    let totalBytes: Int?
    let isShown = Terminal.isErrorTTY

    /// Redraws the line: `lines` done, `bytesRead` of the input read.
    func report(lines: Int, bytesRead: Int) {
        guard isShown else { return }
        var text = "\r\(verb) \(lines) lines"
        if let totalBytes, totalBytes > 0 {
            text += " (\(min(100, bytesRead * 100 / totalBytes))%)"
        }
        Terminal.redraw(text)
    }

    /// Clears the progress line so that the summary starts on a clean line.
    func finish() {
        guard isShown else { return }
        Terminal.redraw("\r\u{1B}[K")
    }
}
