import CredentialCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process does on SIGINT, SIGTERM, SIGHUP and SIGPIPE.
///
/// SIGPIPE is ignored, so a closed pipe shows up as `EPIPE` from `write(2)` (a quiet exit, see
/// `Terminal`) instead of killing the process mid-line. SIGINT, SIGTERM and SIGHUP (a closed
/// terminal) remove the temporary files of any write in progress, then end the process by the same
/// signal, so the shell sees the usual status. A SIGHUP that was ignored when mcred started (as
/// `nohup` arranges) stays ignored: the run goes on.
enum Interruption {
    /// Installs the handlers; keep the returned sources alive for the life of the process.
    static func install() -> [any DispatchSourceSignal] {
        signal(SIGPIPE, SIG_IGN)
        var handled = [SIGINT, SIGTERM]
        if !ignoredAtStart(SIGHUP) { handled.append(SIGHUP) }
        return handled.map { number in
            // A dispatch source runs its handler on a queue, outside signal context, so it may
            // take locks and call unlink; the signal's default action must be off meanwhile.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileIO.removeTemporaryFiles()
                // End by the signal itself: default action, unblocked on this thread (a parent may
                // have started mcred with signals blocked), raised here. Exit as a shell would otherwise.
                signal(number, SIG_DFL)
                var unblock = sigset_t()
                sigemptyset(&unblock)
                sigaddset(&unblock, number)
                pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
                raise(number)
                _exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Whether `number` was ignored when the process started, from the `SigIgn` mask of
    /// `/proc/self/status` (proc(5)). Where that file cannot be read the answer is yes, so a
    /// signal mcred cannot tell about keeps the disposition its parent gave it.
    static func ignoredAtStart(_ number: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return true }
        return ignoredSignals(inProcStatus: status).map { $0 & (1 << UInt64(number - 1)) != 0 } ?? true
    }

    /// The `SigIgn:` mask of a `/proc/PID/status` text (hexadecimal, bit N-1 for signal N), or nil.
    static func ignoredSignals(inProcStatus status: String) -> UInt64? {
        for line in status.split(separator: "\n") where line.hasPrefix("SigIgn:") {
            return UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        }
        return nil
    }
}
