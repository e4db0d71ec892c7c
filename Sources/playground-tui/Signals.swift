import Glibc
import Synchronization

/// Every signal that can end, stop or resize the app while it owns the terminal, caught so that
/// the terminal always goes back through `Terminal.giveBack` (in a crash, `giveBackAfterCrash`).
///
/// - Stopping signals only record themselves (an atomic store and a `write` to a pipe are
///   async-signal-safe); the run loop sees them, the terminal is closed, and `reraise` ends the
///   process by the same signal with its default action, so the shell sees 128 + signal.
///   ncurses' own handlers would exit with status 1 on INT and TERM and ignore HUP; the default
///   actions of QUIT, USR1, USR2, ALRM and PIPE would leave the terminal raw.
/// - Crash signals cannot wait for the loop: their handler gives the terminal back on the spot
///   (`Terminal.giveBackAfterCrash`: fixed bytes and the saved terminal modes, no ncurses) and
///   re-raises with the default action. They (and QUIT) replace the Swift runtime's backtracer,
///   installed before us: on a terminal it asks for a key ("Press space to interact") on the
///   app's screen, so the app would hang instead of ending.
/// - Ctrl-Z (TSTP), CONT and WINCH are flags the terminal acts on when it next reads.
///
/// Each handler also writes a byte to a pipe that the reader polls beside the terminal, so a
/// signal ends even an unbounded wait at once, whenever it lands.
enum Signals {
    /// Asked to stop: recorded, acted on by the run loop, re-raised after the teardown.
    static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
                                    SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPOLL]
    /// The process is broken. Swift traps are SIGILL (x86) or SIGTRAP (arm).
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]
    /// Caught even when the app was started with them ignored: the interactive app never writes to
    /// a pipe, so a PIPE or a QUIT (Ctrl-\) is someone asking it to stop.
    static let alwaysCaught: Set<Int32> = [SIGQUIT, SIGPIPE]
    static let jobControl: [Int32] = [SIGTSTP, SIGCONT, SIGWINCH]

    /// The last stopping signal received, 0 for none.
    private static let pending = Atomic<Int32>(0)
    private static let suspendRequested = Atomic<Bool>(false)
    private static let continued = Atomic<Bool>(false)
    private static let resized = Atomic<Bool>(false)
    /// True while the app owns the terminal: whoever sets it to false first gives it back.
    private static let terminalOwned = Atomic<Bool>(false)
    /// The pipe the handlers write to (read end, write end); -1 before `install`.
    private static let wakeRead = Atomic<Int32>(-1)
    private static let wakeWrite = Atomic<Int32>(-1)
    /// The dispositions found at `install`, put back by `uninstall`.
    nonisolated(unsafe) private static var previous: [Int32: SignalAction] = [:]

    /// Installs the handlers. Call before `newterm`: ncurses only installs its own for signals
    /// whose handler is still the default, so ours stay in place.
    static func install() {
        // Touch the lazily initialised statics now, never first inside a handler.
        _ = pending.load(ordering: .relaxed)
        _ = (suspendRequested.load(ordering: .relaxed), continued.load(ordering: .relaxed), resized.load(ordering: .relaxed))
        _ = terminalOwned.load(ordering: .relaxed)
        var ends: [Int32] = [-1, -1]
        if wakeRead.load(ordering: .relaxed) < 0, pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)  // a full pipe must not block a handler
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            wakeRead.store(ends[0], ordering: .relaxed)
            wakeWrite.store(ends[1], ordering: .relaxed)
        }
        startWatchdog()
        for signal in stopping {
            handle(signal, flags: SA_RESTART) { Signals.stopAsked($0) }
        }
        handle(SIGTSTP, flags: SA_RESTART) { _ in Signals.suspendRequested.store(true, ordering: .relaxed); Signals.wake() }
        handle(SIGCONT, flags: SA_RESTART) { _ in Signals.continued.store(true, ordering: .relaxed); Signals.wake() }
        handle(SIGWINCH, flags: SA_RESTART) { _ in Signals.resized.store(true, ordering: .relaxed); Signals.wake() }
        for signal in crashing {
            // Back to the default on entry and not blocked inside, so the re-raise ends the process
            // at once; on the alternate stack when there is one (a stack overflow has no room).
            let flags = Int32(bitPattern: UInt32(SA_RESETHAND)) | SA_NODEFER | SA_ONSTACK
            handle(signal, flags: flags) { Signals.crashed($0) }
        }
    }

    /// Puts back what `install` found (the app is about to end, or to run without the terminal).
    static func uninstall() {
        for (signal, action) in previous {
            var action = action
            sigaction(signal, &action, nil)
        }
        previous.removeAll()
    }

    private static func handle(_ signal: Int32, flags: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var old = SignalAction()
        sigaction(signal, nil, &old)
        // An ignored signal (nohup, a background job) stays ignored: it is no exit path.
        let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        if ignored, !alwaysCaught.contains(signal) { return }
        if previous[signal] == nil { previous[signal] = old }
        var action = SignalAction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        sigaction(signal, &action, nil)
    }

    /// A stopping signal: recorded for the run loop, which ends the app. Output another program
    /// suspended is resumed (`tcflow`, async-signal-safe), so a frame's write blocked on it goes
    /// on and the loop sees the signal; and the watchdog is told, in case the app still cannot end.
    private static func stopAsked(_ signal: Int32) {
        let savedErrno = errno
        _ = firstStop.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
        pending.store(signal, ordering: .relaxed)
        _ = tcflow(STDOUT_FILENO, TCOON)
        var byte: UInt8 = 1
        _ = write(watchdogWrite.load(ordering: .relaxed), &byte, 1)
        errno = savedErrno
        wake()
    }

    /// How long the app has to end after a stopping signal before the watchdog ends it.
    static let stopBound: Int = 3
    /// The first stopping signal, the one the watchdog ends the process by; 0 before one.
    private static let firstStop = Atomic<Int32>(0)
    private static let watchdogWrite = Atomic<Int32>(-1)

    /// A thread that sleeps on a pipe until a stopping signal arrives, then gives the app
    /// `stopBound` seconds to end; if it has not (its teardown or a frame blocked writing to a
    /// terminal that takes no output), it gives the terminal back with bounded writes
    /// (`Terminal.giveBackStuck`) and ends the process by that signal. Started once.
    private static func startWatchdog() {
        _ = firstStop.load(ordering: .relaxed)
        guard watchdogWrite.load(ordering: .relaxed) < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        watchdogRead = ends[0]
        var thread = pthread_t()
        guard pthread_create(&thread, nil, { _ in Signals.watch(); return nil }, nil) == 0 else {
            close(ends[0])
            close(ends[1])
            return
        }
        pthread_detach(thread)
        watchdogWrite.store(ends[1], ordering: .relaxed)
    }

    nonisolated(unsafe) private static var watchdogRead: Int32 = -1

    private static func watch() {
        // Signals are for the main thread's handlers, never this one.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        var byte: UInt8 = 0
        while read(watchdogRead, &byte, 1) < 0 && errno == EINTR {}
        sleep(seconds: stopBound)
        Terminal.giveBackStuck()
        let signal = firstStop.load(ordering: .relaxed)
        var action = SignalAction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        kill(getpid(), signal)  // to the process: the main thread has it unblocked
        sleep(seconds: 1)
        _exit(128 + signal)
    }

    private static func sleep(seconds: Int) {
        var request = timespec(tv_sec: seconds, tv_nsec: 0), remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    /// Makes the reader's poll return (async-signal-safe; keeps `errno` for the code it interrupted).
    private static func wake() {
        let savedErrno = errno
        var byte: UInt8 = 1
        _ = write(wakeWrite.load(ordering: .relaxed), &byte, 1)
        errno = savedErrno
    }

    /// The read end of the wake-up pipe, for `poll`; -1 if it could not be made.
    static var wakeDescriptor: Int32 { wakeRead.load(ordering: .relaxed) }

    /// Empties the wake-up pipe (the flags say what happened).
    static func drainWakeups() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
    }

    /// The stopping signal received since the last call, if any.
    static func takePending() -> Int32? {
        let signal = pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    static func takeSuspendRequest() -> Bool { suspendRequested.exchange(false, ordering: .relaxed) }
    static func takeContinued() -> Bool { continued.exchange(false, ordering: .relaxed) }
    static func takeResized() -> Bool { resized.exchange(false, ordering: .relaxed) }

    /// The app owns the terminal from now on (a crash must give it back).
    static func claimTerminal() { terminalOwned.store(true, ordering: .sequentiallyConsistent) }

    /// True exactly once per claim: for the first caller, who must then give the terminal back.
    static func releaseTerminal() -> Bool { terminalOwned.exchange(false, ordering: .sequentiallyConsistent) }

    /// Stops the process as Ctrl-Z would have (TSTP with its default action) and returns when a
    /// CONT resumes it. In an orphaned process group (no shell with job control) the kernel
    /// discards the stop and this returns at once.
    static func stopProcess() {
        var defaultAction = SignalAction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        var ours = SignalAction()
        sigaction(SIGTSTP, &defaultAction, &ours)
        unblock(SIGTSTP)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &ours, nil)
    }

    /// Ends the process by `signal` with its default action, so the parent sees it (status 128 + n).
    static func reraise(_ signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        unblock(signal)
        raise(signal)
        exit(128 + signal)  // a signal whose default is to continue (none of ours)
    }

    private static func unblock(_ signal: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private static func crashed(_ signal: Int32) {
        // Only async-signal-safe calls: the crash may have come inside malloc or stdio.
        Terminal.giveBackAfterCrash()
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}

/// `sigaction` names both the struct and the function; this names the struct.
typealias SignalAction = sigaction
