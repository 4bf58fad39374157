/// Times operations and prints one aligned row per measurement.
struct Bench {
    /// Seconds spent on each measurement (after one warm-up run), in three rounds.
    let seconds: Double
    /// Folded results, so the optimiser cannot drop the measured work.
    private(set) var checksum = 0

    /// When set, only operations whose name contains it are measured (others report 0 and print nothing).
    let only: String?

    init(seconds: Double, only: String? = nil) {
        self.seconds = seconds
        self.only = only
    }

    func printHeader() {
        print(pad("section", 8) + pad("operation", 30) + pad("input", 30) + padLeft("MB/s", 10) + padLeft("ops/s", 12) + "  note")
    }

    /// Runs `body` repeatedly for `seconds`; `bytes` is the input size of one run, `body` returns a
    /// value to fold. `items` is how many operations one run does; the result is operations per second.
    /// `note` turns that rate into a remark printed at the end of the row (e.g. a ratio).
    @discardableResult
    mutating func measure(
        section: String, operation: String, input: String, bytes: Int, items: Int = 1,
        note: (Double) -> String = { _ in "" }, _ body: () -> Int
    ) -> Double {
        if let only, !operation.contains(only) { return .nan }
        checksum &+= body()  // warm-up
        // The best of three rounds: this machine is shared, and a round slowed by a neighbour says
        // nothing about mcred. Ratios compare best with best.
        let clock = ContinuousClock()
        var best = (rate: 0.0, megabytes: 0.0)
        for _ in 0 ..< 3 {
            let start = clock.now
            var runs = 0
            var elapsed = Duration.zero
            repeat {
                checksum &+= body()
                runs += 1
                elapsed = clock.now - start
            } while elapsed < .seconds(seconds / 3)
            let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rate = Double(runs * items) / secondsTaken
            if rate > best.rate { best = (rate, Double(bytes) * Double(runs) / secondsTaken / 1_000_000) }
        }
        let operationsPerSecond = best.rate
        let megabytesPerSecond = best.megabytes
        let remark = note(operationsPerSecond)
        print(
            pad(section, 8) + pad(operation, 30) + pad(input, 30)
                + padLeft(format(megabytesPerSecond), 10) + padLeft(format(operationsPerSecond), 12)
                + (remark.isEmpty ? "" : "  " + remark))
        return operationsPerSecond
    }

    /// `value` as a ratio with two decimals, e.g. `0.83`.
    static func ratio(_ value: Double, of baseline: Double) -> String {
        guard baseline.isFinite && baseline > 0 else { return "n/a" }
        let hundredths = Int((value / baseline * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return value >= 100 ? String(Int(value.rounded())) : String(rounded)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
