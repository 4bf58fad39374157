/// Command-line flags of the benchmark.
struct BenchOptions {
    /// Seconds spent on each measurement.
    var seconds = 1.0
    /// Which section to run, or `all`.
    var section = "all"
    /// Only the operations whose name contains this text (for profiling one row).
    var only: String?

    /// Parses `--seconds N`, `--section NAME` and `--only TEXT`.
    static func parse(_ arguments: [String], sections: [String]) -> Result<BenchOptions, BenchOptionError> {
        var options = BenchOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { return .failure(BenchOptionError("\(flag) needs a value")) }
            switch flag {
            case "--seconds":
                guard let seconds = Double(value), seconds > 0 else {
                    return .failure(BenchOptionError("--seconds needs a positive number, found \(value)"))
                }
                options.seconds = seconds
            case "--only":
                options.only = value
            case "--section":
                guard value == "all" || sections.contains(value) else {
                    return .failure(BenchOptionError("unknown section \(value)"))
                }
                options.section = value
            default:
                return .failure(BenchOptionError("unknown option \(flag)"))
            }
        }
        return .success(options)
    }
}

/// A usage problem, printed with the usage line.
struct BenchOptionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
