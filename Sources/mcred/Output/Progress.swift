/// Progress on standard error for long batches: redrawn in place on a terminal, a line every 10%
/// otherwise, nothing for small batches.
struct Progress: Sendable {
    let verb: String
    let total: Int
    let isTTY = Terminal.isErrorTTY

    var isShown: Bool { total >= 1000 }

    /// Reports `done` of `total`; called from worker threads one at a time.
    func report(_ done: Int, _ total: Int) {
        guard isShown else { return }
        if isTTY {
            Terminal.note("\r\(verb) \(done)/\(total)", newline: done == total)
        } else {
            let step = max(1, total / 10)
            if done / step != (done - min(done, 64)) / step || done == total {
                Terminal.note("\(verb) \(done)/\(total)")
            }
        }
    }
}
