public import CredentialCore
public import Foundation

/// Hands out status list indices at random, never twice (Bitstring Status List §6.2, herd privacy).
///
/// Every call takes an advisory lock on `LIST.json.lock`, reads the record `LIST.json.alloc`,
/// chooses indices that are neither recorded nor set in the list, and writes the record
/// atomically before returning: an index is recorded before any credential carries it, so a
/// crash can waste indices but never hand one out twice, and two runs on one machine wait for
/// each other. Indices set in the list count as used even when the record was lost.
public struct StatusIndexAllocator: Sendable {
    /// The status list file.
    public let listPath: String
    /// How long to wait for another run's lock.
    public var lockTimeout: TimeInterval

    /// An allocator for the list stored at `listPath`.
    public init(listPath: String, lockTimeout: TimeInterval = 30) {
        self.listPath = listPath
        self.lockTimeout = lockTimeout
    }

    /// The allocation record's path: `LIST.json.alloc`, next to the list.
    public var recordPath: String { listPath + ".alloc" }

    /// Allocates `count` unused indices chosen at random inside `range` (default: the whole list),
    /// records them, and returns one `credentialStatus` entry per index.
    /// - Throws: `capacityExceeded` (before recording anything) when fewer than `count` indices
    ///   are free; `invalidList`, `invalidOption`, `fileFailure`.
    public func allocate(
        count: Int, range: ClosedRange<Int>? = nil
    ) throws(IssuerError) -> [StatusListEntry] {
        var generator = SystemRandomNumberGenerator()
        return try allocate(count: count, range: range, using: &generator)
    }

    /// As `allocate(count:range:)`, with a given random number generator (tests).
    public func allocate(
        count: Int, range: ClosedRange<Int>?, using generator: inout some RandomNumberGenerator
    ) throws(IssuerError) -> [StatusListEntry] {
        guard count >= 0 else { throw IssuerError(.invalidOption, "cannot allocate \(count) indices") }
        return try withRecord { list, record throws(IssuerError) in
            let bounds = try checkedRange(range, list: list)
            var free = 0
            for index in bounds where !record.allocated[index] && !list.list[index] { free += 1 }
            guard free >= count else {
                let scope = range.map { "the range \($0.lowerBound)-\($0.upperBound)" } ?? "the list"
                throw IssuerError(
                    .capacityExceeded,
                    "\(count) status \(count == 1 ? "index" : "indices") needed, but \(scope) of \(list.id) has \(free) free of \(bounds.count); nothing was signed")
            }
            let chosen = Self.choose(count, free: free, in: bounds, generator: &generator) { index in
                record.allocated[index] || list.list[index]
            }
            for index in chosen { record.allocated[index] = true }
            return chosen.map { Self.entry(index: $0, list: list) }
        }
    }

    /// Allocates the one index the issuer chose, refusing one that was handed out or is set.
    /// - Throws: `indexInUse`, `invalidList`, `invalidOption`, `fileFailure`.
    public func allocate(index: Int) throws(IssuerError) -> StatusListEntry {
        try withRecord { list, record throws(IssuerError) in
            _ = try checkedRange(index...index, list: list)
            guard !record.allocated[index], !list.list[index] else {
                throw IssuerError(.indexInUse, "status index \(index) of \(list.id) was already handed out")
            }
            record.allocated[index] = true
            return Self.entry(index: index, list: list)
        }
    }

    /// Returns indices to the pool: only for indices no signed credential ever carried (a batch
    /// that failed before writing them).
    /// - Throws: `invalidList`, `fileFailure`.
    public func release(_ indices: [Int]) throws(IssuerError) {
        guard !indices.isEmpty else { return }
        try withRecord { list, record throws(IssuerError) in
            for index in indices where list.list.contains(index) { record.allocated[index] = false }
        }
    }

    /// The number of indices recorded as handed out.
    /// - Throws: `invalidList`, `fileFailure`.
    public func allocatedCount() throws(IssuerError) -> Int {
        try withRecord { _, record throws(IssuerError) in record.allocated.setCount }
    }

    // MARK: - Record file

    /// Runs `body` under the lock with the list and its record; writes the record back when
    /// `body` changed it.
    func withRecord<T>(
        _ body: (StatusListCredential, inout StatusAllocationRecord) throws(IssuerError) -> T
    ) throws(IssuerError) -> T {
        let lock: FileLock
        do {
            lock = try FileLock(protecting: listPath, timeout: lockTimeout)
        } catch {
            throw IssuerError(.fileFailure, error.description)
        }
        let result = try withLockedRecord(body)
        lock.unlock()
        return result
    }

    /// The part of `withRecord` that runs while the lock is held.
    private func withLockedRecord<T>(
        _ body: (StatusListCredential, inout StatusAllocationRecord) throws(IssuerError) -> T
    ) throws(IssuerError) -> T {
        let list: StatusListCredential
        do {
            list = try StatusListCredential(try JSONValue(parsing: try FileIO.read(listPath)))
        } catch {
            throw IssuerError(.invalidList, error.inFile(listPath).description)
        }
        var record: StatusAllocationRecord
        do {
            if FileManager.default.fileExists(atPath: recordPath) {
                record = try StatusAllocationRecord(try JSONValue(parsing: try FileIO.read(recordPath)))
            } else {
                record = try StatusAllocationRecord(statusListCredential: list.id, count: list.list.count)
            }
        } catch {
            throw IssuerError(.fileFailure, error.inFile(recordPath).description)
        }
        guard record.statusListCredential.utf8.elementsEqual(list.id.utf8), record.allocated.count == list.list.count else {
            throw IssuerError(
                .invalidList,
                "\(recordPath) records indices of \(record.statusListCredential) (\(record.allocated.count) bits), not of this list \(list.id) (\(list.list.count) bits)")
        }
        let before = record
        let result = try body(list, &record)
        if record != before {
            do {
                try FileIO.write(Array((try record.jsonValue().prettyPrinted()).utf8), to: recordPath, overwrite: true)
            } catch {
                throw IssuerError(.fileFailure, error.description)
            }
        }
        return result
    }

    func checkedRange(_ range: ClosedRange<Int>?, list: StatusListCredential) throws(IssuerError) -> ClosedRange<Int> {
        let whole = 0...(list.list.count - 1)
        guard let range else { return whole }
        guard range.lowerBound >= 0, range.upperBound < list.list.count else {
            throw IssuerError(
                .invalidOption, "status index range \(range.lowerBound)-\(range.upperBound) is outside the list's 0-\(list.list.count - 1)")
        }
        return range
    }

    static func entry(index: Int, list: StatusListCredential) -> StatusListEntry {
        StatusListEntry(statusPurpose: list.statusPurposes[0], statusListIndex: index, statusListCredential: list.id)
    }

    /// Picks `count` distinct free indices uniformly: by rejection while at least half the range
    /// is free, else by a partial Fisher–Yates shuffle of the free indices.
    static func choose(
        _ count: Int, free: Int, in bounds: ClosedRange<Int>, generator: inout some RandomNumberGenerator,
        isUsed: (Int) -> Bool
    ) -> [Int] {
        var chosen: [Int] = []
        chosen.reserveCapacity(count)
        if free >= 2 * count && free * 2 >= bounds.count {
            var taken = Set<Int>()
            while chosen.count < count {
                let index = bounds.lowerBound + Int(generator.next(upperBound: UInt64(bounds.count)))
                if !isUsed(index) && taken.insert(index).inserted { chosen.append(index) }
            }
            return chosen
        }
        var candidates = bounds.filter { !isUsed($0) }
        for position in 0..<count {
            let pick = position + Int(generator.next(upperBound: UInt64(candidates.count - position)))
            candidates.swapAt(position, pick)
            chosen.append(candidates[position])
        }
        return chosen
    }
}
