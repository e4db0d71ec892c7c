import CNcurses
import Glibc
import Synchronization

/// The signals that end the app, caught so that the terminal is always restored.
///
/// ncurses' own handler exits with status 1 on INT and TERM and ignores HUP, leaving the terminal
/// raw. Ours only record the signal (an atomic store is async-signal-safe); the run loop sees it,
/// the `Terminal` is closed, and `reraise` ends the process with the signal's own status
/// (128 + signal in a shell). Crash signals cannot wait for the loop: their handler restores the
/// terminal on the spot and re-raise the signal with the default action. (Not the Swift
/// runtime's backtracer, which was installed before us: on a terminal it waits for a key
/// before exiting, which would leave the app hanging after a crash.)
enum Signals {
    /// Asked to stop: recorded here, acted on by the run loop.
    static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The process is broken: restore the terminal now. Swift traps are SIGILL (x86) or SIGTRAP (arm).
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The last stopping signal received, 0 for none.
    private static let pending = Atomic<Int32>(0)
    /// True while ncurses owns the terminal (so a crash knows to call `endwin`).
    private static let terminalActive = Atomic<Bool>(false)

    /// Installs the handlers. Call before `newterm`: ncurses only catches INT and TERM when their
    /// handler is still the default, so ours stay in place.
    static func install() {
        // Touch the lazily initialised statics now, never first inside a handler.
        _ = pending.load(ordering: .relaxed)
        _ = terminalActive.load(ordering: .relaxed)
        for signal in stopping {
            var action = SignalAction()
            action.__sigaction_handler.sa_handler = { Signals.pending.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocking read returns early, so the loop notices the signal.
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        for signal in crashing {
            var action = SignalAction()
            action.__sigaction_handler.sa_handler = { Signals.crashed($0) }
            sigemptyset(&action.sa_mask)
            // Back to the default on entry; not blocked inside, so the re-raise ends the process at once.
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND)) | SA_NODEFER
            sigaction(signal, &action, nil)
        }
    }

    /// The stopping signal received since the last call, if any.
    static func takePending() -> Int32? {
        let signal = pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// Whether a crash must restore the terminal.
    static func setTerminalActive(_ active: Bool) {
        terminalActive.store(active, ordering: .sequentiallyConsistent)
    }

    /// Ends the process by `signal` with its default action, so the parent sees it (status 128 + n).
    static func reraise(_ signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        exit(128 + signal)
    }

    private static func crashed(_ signal: Int32) {
        if terminalActive.exchange(false, ordering: .sequentiallyConsistent) {
            // Not async-signal-safe, but the process is dying and a raw terminal is worse (htop does the same).
            mousemask(0, nil)
            _ = curs_set(1)
            _ = endwin()
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}

/// `sigaction` names both the struct and the function; this names the struct.
typealias SignalAction = sigaction
