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
}
