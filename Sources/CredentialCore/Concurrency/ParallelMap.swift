import Foundation
import Dispatch
import Synchronization

/// Ordered parallel work over many independent items (batch issue and verify).
public enum ParallelMap {
    /// The number of active processor cores, the default worker count.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Transforms `items` on up to `jobs` threads and returns the results in input order.
    ///
    /// Workers take chunks of items from a shared counter, so a slow item does not stall a whole
    /// share of the input. `progress`, when given, is called with the number of finished items after
    /// each chunk, from whichever worker finished it (calls are serialised).
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int = defaultJobs, chunkSize: Int = 64,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        let total = items.count
        guard total > 0 else { return [] }
        let workers = max(1, min(jobs, (total + chunkSize - 1) / chunkSize))
        if workers == 1 {
            var results: [Result] = []
            results.reserveCapacity(total)
            for start in stride(from: 0, to: total, by: chunkSize) {
                for index in start..<min(start + chunkSize, total) { results.append(transform(items[index])) }
                progress?(results.count, total)
            }
            return results
        }
        let state = Mutex(State<Result>(chunks: Array(repeating: nil, count: (total + chunkSize - 1) / chunkSize)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            work(on: items, chunkSize: chunkSize, state: state, progress: progress, transform)
        }
        return state.withLock { state in state.chunks.flatMap { $0 ?? [] } }
    }

    /// One worker: takes the next chunk from the shared counter until none is left, and stores
    /// each chunk's results (reporting `progress` under the lock).
    private static func work<Item: Sendable, Result: Sendable>(
        on items: [Item], chunkSize: Int, state: borrowing Mutex<State<Result>>,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?, _ transform: (Item) -> Result
    ) {
        while true {
            let chunk: Int? = state.withLock { state in
                guard state.next < state.chunks.count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
            guard let chunk else { return }
            let range = (chunk * chunkSize) ..< min((chunk + 1) * chunkSize, items.count)
            let results = range.map { transform(items[$0]) }
            state.withLock { state in
                state.chunks[chunk] = results
                state.done += results.count
                progress?(state.done, items.count)
            }
        }
    }

    /// Starts `map` on background threads and returns at once, so the caller can do other work
    /// (write the previous window, read the next) while the items are transformed; `wait()` gives
    /// the results in input order. Every started map must be waited for.
    public static func start<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int = defaultJobs, chunkSize: Int = 64,
        _ transform: @escaping @Sendable (Item) -> Result
    ) -> Pending<Result> {
        let pending = Pending<Result>(chunks: (items.count + chunkSize - 1) / chunkSize)
        let workers = max(1, min(jobs, (items.count + chunkSize - 1) / chunkSize))
        guard !items.isEmpty else { return pending }
        for _ in 0 ..< workers {
            DispatchQueue.global().async(group: pending.group) {
                work(on: items, chunkSize: chunkSize, state: pending.state, progress: nil, transform)
            }
        }
        return pending
    }

    /// A map started with `start`: its workers run until every chunk is done.
    public final class Pending<Result: Sendable>: Sendable {
        let group = DispatchGroup()
        let state: Mutex<State<Result>>

        init(chunks: Int) {
            state = Mutex(State(chunks: Array(repeating: nil, count: chunks)))
        }

        /// Waits for every worker and returns the results in input order.
        public func wait() -> [Result] {
            group.wait()
            return state.withLock { state in state.chunks.flatMap { $0 ?? [] } }
        }
    }

    struct State<Result> {
        var chunks: [[Result]?]
        var next = 0
        var done = 0
    }
}
