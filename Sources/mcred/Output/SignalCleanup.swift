import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a temporary file and exits (128 + the signal's number) when the command is
/// interrupted (SIGINT) or stopped (SIGTERM) while the file is being written.
final class SignalCleanup {
    private var sources: [any DispatchSourceSignal] = []
    private static let signals: [Int32] = [SIGINT, SIGTERM]

    /// Starts watching for SIGINT and SIGTERM; until `cancel()`, either removes `path` and exits.
    init(removing path: String) {
        // A serial queue of its own gets a thread even while every core is busy with the batch.
        let queue = DispatchQueue(label: "mcred.signal-cleanup")
        for number in Self.signals {
            _ = signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                _ = unlink(path)
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching and restores the default handling of both signals.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.signals { _ = signal(number, SIG_DFL) }
    }
}
