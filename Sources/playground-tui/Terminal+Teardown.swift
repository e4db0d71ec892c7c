import CNcurses
import Glibc
import Synchronization

/// The terminal's modes and its teardown: flow control off while the app runs, and giving the
/// terminal back (normally through ncurses, after a crash or when stuck with bounded writes).
extension Terminal {
    /// Ctrl-S and Ctrl-Q are keys here, not flow control: `cbreak` leaves IXON on, and Ctrl-S
    /// would stop the terminal's output with no sign why, and with it every frame and the
    /// teardown. Off in the app's modes (`def_prog_mode` records them, so a resume after Ctrl-Z
    /// puts them back); `endwin` gives the shell its own modes, IXON included.
    static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        _ = def_prog_mode()
    }

    /// The one teardown: mouse reporting off, cursor visible, and ncurses' `endwin` (the normal
    /// screen, the terminal modes the shell had). Runs once per `Signals.claimTerminal`, whoever
    /// calls first (this or `giveBackAfterCrash`). Output another program suspended (`tcflow`,
    /// XOFF) is resumed first, so the teardown's writes cannot wait on it.
    static func giveBack() {
        guard Signals.releaseTerminal() else { return }
        _ = tcflow(STDOUT_FILENO, TCOON)
        if mouseReporting.load(ordering: .sequentiallyConsistent) { writeToTerminal(mouseOff) }
        _ = curs_set(1)
        endwin()
    }

    /// The teardown for a crash signal's handler, with async-signal-safe calls only: the process
    /// may have died inside `malloc` or stdio, where ncurses (`curs_set`, `endwin`) could
    /// deadlock. Fixed bytes by `write` (attributes reset, cursor shown, mouse reporting off,
    /// the alternate screen left: xterm's sequences, which tmux, screen and every xterm-like
    /// terminal take) and `tcsetattr` with the modes saved at `open`.
    static func giveBackAfterCrash() {
        guard Signals.releaseTerminal() else { return }
        restoreBounded()
    }

    /// The teardown when the usual one may be stuck (`Signals`' watchdog: a stop was asked and
    /// the process has not ended): whether or not a teardown already began. Same as after a crash.
    static func giveBackStuck() {
        _ = Signals.releaseTerminal()
        restoreBounded()
    }

    /// Fixed bytes and the saved modes, async-signal-safe and bounded: output resumed
    /// (`TCOON`), the bytes written once without waiting (`O_NONBLOCK` for the moment: a terminal
    /// that takes nothing loses them, the process does not hang), the modes set at once (`TCSANOW`,
    /// not after output drains).
    private static func restoreBounded() {
        _ = tcflow(STDOUT_FILENO, TCOON)
        let flags = fcntl(STDOUT_FILENO, F_GETFL)
        if flags >= 0 { _ = fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK) }
        var budget = 20  // polls of 50 ms: at most a second for the terminal to take the bytes
        writeBounded("\u{1B}[0m\u{1B}[?25h", budget: &budget)
        if mouseReporting.load(ordering: .sequentiallyConsistent) { writeBounded(mouseOff, budget: &budget) }
        writeBounded("\u{1B}[?1049l", budget: &budget)
        // Never O_NONBLOCK afterwards, even if a crash came inside a write that had set it: the
        // shell shares this open terminal.
        if flags >= 0 { _ = fcntl(STDOUT_FILENO, F_SETFL, flags & ~O_NONBLOCK) }
        if shellModesSaved.load(ordering: .sequentiallyConsistent) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, shellModes)
        }
    }

    /// Writes `bytes` to a non-blocking standard output, waiting for room (`poll`) at most
    /// `budget` times 50 ms in all (async-signal-safe).
    private static func writeBounded(_ bytes: StaticString, budget: inout Int) {
        var offset = 0
        while offset < bytes.utf8CodeUnitCount {
            let written = write(STDOUT_FILENO, bytes.utf8Start + offset, bytes.utf8CodeUnitCount - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EAGAIN && budget > 0 {
                budget -= 1
                var room = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                _ = poll(&room, 1, 50)
            } else {
                return
            }
        }
    }

    /// Writes `bytes` to the terminal at once, past ncurses' buffer (async-signal-safe).
    static func writeToTerminal(_ bytes: StaticString) {
        Platform.writeWaiting(STDOUT_FILENO, UnsafeRawBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount))
    }
}
