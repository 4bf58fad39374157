import CredentialCore
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process does on SIGINT, SIGTERM and SIGPIPE.
///
/// SIGPIPE is ignored, so a closed pipe shows up as `EPIPE` from `write(2)` (a quiet exit, see
/// `Terminal`) instead of killing the process mid-line. SIGINT and SIGTERM remove the temporary files
/// of any write in progress, then end the process by the same signal, so the shell sees the usual status.
enum Interruption {
    /// Installs the handlers; keep the returned sources alive for the life of the process.
    static func install() -> [any DispatchSourceSignal] {
        signal(SIGPIPE, SIG_IGN)
        return [SIGINT, SIGTERM].map { number in
            // A dispatch source runs its handler on a queue, outside signal context, so it may
            // take locks and call unlink; the signal's default action must be off meanwhile.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileIO.removeTemporaryFiles()
                signal(number, SIG_DFL)
                kill(getpid(), number)
            }
            source.resume()
            return source
        }
    }
}
