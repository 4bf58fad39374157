import ArgumentParser
import CredentialCore
import Issuer

/// `issue`'s options for adding a `credentialStatus` entry from a status list.
struct StatusOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Give each credential a status entry in this status list (an unused index at random, recorded in LIST.json.alloc).",
        valueName: "list.json"))
    var statusList: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Use this index instead of a random one (one credential only).", valueName: "n"))
    var statusIndex: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Pick random indices only inside A-B (for several machines issuing from one list).", valueName: "A-B"))
    var statusIndexRange: String?

    func validate() throws {
        if statusList == nil && (statusIndex != nil || statusIndexRange != nil) {
            throw ValidationError("--status-index and --status-index-range need --status-list")
        }
        if statusIndex != nil && statusIndexRange != nil {
            throw ValidationError("give either --status-index or --status-index-range, not both")
        }
        if let statusIndex, statusIndex < 0 { throw ValidationError("--status-index must be 0 or more") }
        _ = try range()
    }

    /// `--status-index-range` as a closed range.
    func range() throws -> ClosedRange<Int>? {
        guard let text = statusIndexRange else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), low >= 0, low <= high else {
            throw ValidationError("--status-index-range \"\(text)\" must be two indices A-B with A ≤ B, e.g. 0-65535")
        }
        return low...high
    }

    /// Allocates and records `count` status entries (none without `--status-list`); refuses a
    /// batch larger than the free capacity before anything is signed.
    func allocate(count: Int) throws -> [StatusListEntry] {
        guard let statusList, count > 0 else { return [] }
        let allocator = StatusIndexAllocator(listPath: statusList)
        if let statusIndex {
            guard count == 1 else { throw ValidationError("--status-index gives one index; use --status-index-range for a batch") }
            return [try allocator.allocate(index: statusIndex)]
        }
        return try allocator.allocate(count: count, range: range())
    }

    /// The number of non-blank lines of a batch file, counted in windows (bounded memory) so that
    /// indices can be allocated, and the capacity checked, before anything is signed.
    static func countLines(_ path: String) throws -> Int {
        guard path != "-" else {
            throw ValidationError("--status-list needs --batch to name a file, not standard input: the lines are counted first")
        }
        let reader = try JSONLinesReader(path: path)
        var count = 0
        while true {
            let lines = try reader.nextWindow()
            if lines.isEmpty { return count }
            count += lines.count
        }
    }

    /// Returns indices no written credential carries (their credentials failed or were not written).
    func release(_ entries: [StatusListEntry]) {
        guard let statusList, !entries.isEmpty else { return }
        do {
            try StatusIndexAllocator(listPath: statusList).release(entries.map(\.statusListIndex))
        } catch {
            Terminal.error("warning: could not return \(entries.count) unused status indices: " + TerminalSafe.escape(error.description))
        }
    }
}
