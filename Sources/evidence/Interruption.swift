import Foundation

/// Makes Ctrl-C and `kill` stop a writing command at once, whatever signal disposition
/// the parent process passed on (a shell script or test runner may ignore or block SIGINT).
///
/// Nothing needs cleaning up: every file is ingested in one SQLite transaction, which the
/// database rolls back when the process dies, and reports are moved into place only once
/// complete. The handler only writes a note and exits, both async-signal-safe.
enum Interruption {
    static func exitOnSignals() {
        signal(SIGINT) { _ in Interruption.stop(status: 130) }
        signal(SIGTERM) { _ in Interruption.stop(status: 143) }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    private static func stop(status: Int32) -> Never {
        let note = "\ninterrupted: the file in progress was not stored; the corpus is as it was before it\n"
        note.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        _exit(status)
    }
}
