import CNcurses
import Glibc
import PlaygroundUI
import Synchronization

/// Why the interactive playground cannot run here, said in one line.
struct TerminalUnavailable: Error {
    let reason: String
    var message: String { "playground-tui: \(reason); for headless training use 'playground-tui train'" }
}

/// The one owner of the terminal (htop's CRT_init / CRT_done): setup, drawing, input, teardown.
///
/// `open` refuses before writing a byte when stdin or stdout is not a terminal, or when ncurses
/// does not know `TERM`. ncurses sets the terminal up and gives it back; frames go out as
/// `CursesSurface` encodes them, through `TerminalOutput`; input is read from standard input by `TerminalInput`,
/// and mouse reporting is switched on here (xterm's modes 1000 and 1006: presses and releases,
/// reported in the SGR form that reaches any column).
///
/// Every way out goes through `giveBack`, the one place that restores the terminal: `close`
/// (quit, and the stopping signals the run loop sees) and Ctrl-Z, which gives the terminal back,
/// stops, and takes it again on `fg`. A crash signal's handler uses `giveBackAfterCrash` instead
/// (async-signal-safe calls only).
final class Terminal {
    let capabilities: Capabilities
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Decides what each frame writes (and keeps the frame shown); `surface` writes it.
    private var screenWriter: ScreenWriter
    private var surface: CursesSurface
    /// The bytes on their way to the terminal; a frame waits while earlier ones have not gone.
    let output = TerminalOutput()
    /// Whether the terminal has shown the last frame (it answers a status question after each).
    private var acknowledgement = FrameAcknowledgement()
    /// ECMA-48's device status report: the terminal answers `ESC [ 0 n`.
    private static let statusQuestion: [UInt8] = Array("\u{1B}[5n".utf8)
    private var isOpen = true
    private var input = TerminalInput()
    /// Keys decoded from one read but not yet handed out.
    private var queued: [Key] = []

    /// Mouse reports on: button presses and releases (1000), in the SGR encoding (1006).
    private static let mouseOn: StaticString = "\u{1B}[?1000h\u{1B}[?1006h"
    static let mouseOff: StaticString = "\u{1B}[?1006l\u{1B}[?1000l"
    /// Whether `mouseOn` was sent (read by `giveBackAfterCrash`, in a signal handler).
    static let mouseReporting = Atomic<Bool>(false)
    /// The terminal modes found before ncurses changed them (filled in by `open`, read by
    /// `giveBackAfterCrash`); allocated once and never freed, so a handler can always read it.
    /// Written before the handlers are installed, published by `shellModesSaved`.
    nonisolated(unsafe) static let shellModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    static let shellModesSaved = Atomic<Bool>(false)

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities, palette: ColorPairs) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        screenWriter = ScreenWriter(unicode: capabilities.unicode, colorPairs: palette)
        surface = CursesSurface(output: output)
    }

    /// `asciiRequested`: `--ascii`, draw in ASCII whatever the locale.
    static func open(asciiRequested: Bool = false) throws(TerminalUnavailable) -> Terminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalUnavailable(reason: "the interactive playground needs a terminal on stdin and stdout")
        }
        let unicode = chooseLocale(asciiRequested: asciiRequested)
        _ = mouseReporting.load(ordering: .relaxed)  // initialised here, never first in a handler
        // The shell's terminal modes, for the crash handler (which cannot call ncurses).
        if tcgetattr(STDIN_FILENO, shellModes) == 0 { shellModesSaved.store(true, ordering: .sequentiallyConsistent) }
        Signals.install()
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        // A missing entry (xterm-kitty over SSH) opens as the closest one there is (TerminalEntry).
        guard let entry = TerminalEntry.choose(term: termName).entry, let screen = newterm(entry, cn_stdout(), cn_stdin()) else {
            Signals.uninstall()
            let name = termName.isEmpty ? "TERM is not set" : "unknown terminal type TERM=\(termName)"
            throw TerminalUnavailable(reason: name)
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            Signals.uninstall()
            throw TerminalUnavailable(reason: "the terminal type TERM=\(termName) cannot move the cursor")
        }
        Signals.claimTerminal()
        let window = cn_stdscr()!
        cbreak()  // keys one by one; Ctrl-C, Ctrl-\\ and Ctrl-Z still send their signals
        noecho()
        nonl()
        disableFlowControl()
        // No keypad mode: the terminal's own key sequences come to InputDecoder. And no check for
        // waiting input in the middle of a refresh, which would leave the frame half drawn.
        typeahead(-1)
        _ = curs_set(0)

        let (colors, palette) = setUpColors()
        let mouse = cn_has_mouse() != 0
        if mouse {
            mouseReporting.store(true, ordering: .sequentiallyConsistent)
            writeToTerminal(mouseOn)
        }
        let capabilities = Capabilities(colors: colors, unicode: unicode, mouse: mouse)
        return Terminal(screen: screen, window: window, capabilities: capabilities, palette: palette)
    }

    /// Sets the locale by `LocaleRule` (the user's own; C.UTF-8 when none is set or the UTF-8
    /// one named is missing; ASCII when the user chose a non-UTF-8 locale or `--ascii`); false
    /// means draw in ASCII.
    private static func chooseLocale(asciiRequested: Bool) -> Bool {
        setlocale(LC_ALL, "")
        let environment = Dictionary(uniqueKeysWithValues: LocaleRule.variables.compactMap { name in
            getenv(name).map { (name, String(cString: $0)) }
        })
        switch LocaleRule.decide(environment: environment, codesetAfterSetlocale: codeset(), asciiRequested: asciiRequested) {
        case .unicode:
            return true
        case .ascii:
            return false
        case .tryCUTF8:
            guard setlocale(LC_CTYPE, "C.UTF-8") != nil, LocaleRule.isUTF8(codeset()) else { return false }
            setenv("LC_CTYPE", "C.UTF-8", 1)
            return true
        }
    }

    private static func codeset() -> String { String(cString: cn_codeset()) }

    /// `NO_COLOR` (any non-empty value) wins; then the terminal's count of colours.
    private static func setUpColors() -> (Capabilities.Colors, ColorPairs) {
        let none = (Capabilities.Colors.none, ColorPairs(mode: .none, limit: 0, defaultColors: false))
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return none }
        guard has_colors(), start_color() == OK else { return none }
        let defaultColors = use_default_colors() == OK
        let mode: Capabilities.Colors = cn_colors() >= 256 ? .full : cn_colors() >= 8 ? .eight : .none
        return (mode, ColorPairs(mode: mode, limit: Int32(cn_color_pairs()), defaultColors: defaultColors))
    }

    /// Gives the terminal back for good and puts back the signal handlers found at start.
    /// Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        finishOutput()
        Self.giveBack()
        delscreen(screen)
        Signals.uninstall()
    }

    deinit { close() }

    /// Undoes `giveBack` after a suspend: ncurses' first refresh after `endwin` restores its
    /// modes and the alternate screen (and looks at the window's size, which may have changed
    /// while the app was stopped and sent its SIGWINCH to the shell); the next `draw` writes every cell.
    private func takeBack() {
        Signals.claimTerminal()
        doupdate()
        _ = curs_set(0)
        if Self.mouseReporting.load(ordering: .sequentiallyConsistent) { Self.writeToTerminal(Self.mouseOn) }
        adoptWindowSize()
    }

    /// Ctrl-Z: the shell gets a working terminal while the app is stopped; `fg` brings it back.
    private func suspend() {
        finishOutput()
        Self.giveBack()
        Signals.stopProcess()
        _ = Signals.takeContinued()  // this resume is the one being handled
        takeBack()
    }

    /// The kernel's window size, for ncurses (which no longer sees SIGWINCH itself).
    private func adoptWindowSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        if cn_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 {
            resizeterm(rows, columns)
        }
        invalidate()
    }

    /// Sends what is still waiting, then normal attributes: ncurses, which takes over for the
    /// teardown, assumes them (it did not draw the frames).
    /// The answers still to come are read here, so that they do not reach the shell.
    private func finishOutput() {
        output.append(surface.resetBytes)
        output.flushWaiting()
        surface.forget()
        let end = Monotonic.now + 0.5
        while acknowledgement.hasAnswered, acknowledgement.unanswered > 0, Monotonic.now < end {
            let left = Int32(max(1, ((end - Monotonic.now) * 1000).rounded(.up)))
            if case .closed = input.read(timeoutMilliseconds: left) { break }
            acknowledgement.answered(input.takeStatusReports())
        }
        acknowledgement.restart()
    }

    /// Whether a new frame can go to the terminal now: the last one has gone out and the
    /// terminal has answered the question after it (see `FrameAcknowledgement`).
    func canTakeFrame(now: Double) -> Bool {
        output.canTakeFrame && acknowledgement.mayDraw(now: now)
    }

    /// Mouse reporting on or off while the app runs (off while the link box is open, so the
    /// terminal's own selection works). Nothing is written when it already is so, or when the
    /// terminal has no mouse; `giveBack` still turns it off at exit, and `takeBack` restores
    /// whichever state this set.
    func setMouseReporting(_ on: Bool) {
        guard capabilities.mouse, Self.mouseReporting.load(ordering: .sequentiallyConsistent) != on else { return }
        Self.mouseReporting.store(on, ordering: .sequentiallyConsistent)
        output.flushWaiting()
        Self.writeToTerminal(on ? Self.mouseOn : Self.mouseOff)
    }

    /// Writes a control sequence as it is (OSC 52 for the clipboard), between frames: it goes
    /// into the same queue as the frames, after the last one, so it cannot land inside one.
    func writeControl(_ sequence: String) {
        output.append(Array(sequence.utf8))
        output.flush()
    }

    /// Writes `text` once more from the start of `row` as one run that the terminal wraps at its
    /// right margin, so that it marks the rows as one wrapped line and a selection over them
    /// copies `text` without line breaks. The rows must already show exactly this text, in plain
    /// style, broken at the screen's width (`LinkBox` draws them so): ncurses' picture of the
    /// screen stays true. The cursor and attributes are saved and restored around it (DECSC /
    /// DECRC), so ncurses' idea of them holds too. Skipped for text that is not printable ASCII
    /// (its cells may differ from its bytes) and where plain cells are not the default colours.
    func rewriteWrapped(_ text: String, row: Int) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), row >= 0, row < size.height,
              screenWriter.colorPairs.defaultColors || capabilities.colors == .none else { return }
        let start = "\u{1B}7\u{1B}[\(row + 1);1H\u{1B}[0m"
        output.append(Array(start.utf8) + bytes + Array("\u{1B}8".utf8))
        output.flush()
    }

    private static func writeToTerminal(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { Platform.writeWaiting(STDOUT_FILENO, $0) }
    }

    /// The terminal's size in cells.
    var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    /// Forgets what the screen shows: the next `draw` clears it and writes every cell.
    func invalidate() { screenWriter.invalidate() }

    /// Writes the cells of `grid` that differ from the last frame, then updates the screen once.
    /// Over a slow link (as the answers measure it) at most what it carries in
    /// `FrameAcknowledgement.frameSeconds`; the rest follows with the next frames.
    func draw(_ grid: CellGrid) {
        var limit = Int.max
        if let bytes = acknowledgement.frameBytes {
            limit = max(Self.fewestCells, bytes / max(1, bytesPerCell))
        }
        screenWriter.draw(grid, on: &surface, cellLimit: limit)
        let bytes = surface.presentedBytes
        if screenWriter.cellsWritten >= 100 { bytesPerCell = max(1, bytes / screenWriter.cellsWritten) }
        guard bytes > 0, acknowledgement.asks else { return }
        output.append(Self.statusQuestion)
        output.flush()
        acknowledgement.asked(now: Monotonic.now, bytes: bytes)
    }

    /// Bytes a changed cell took in the last large frame (for the cell limit).
    private var bytesPerCell = 10
    /// A limited frame still writes this many cells.
    private static let fewestCells = 64

    /// Part of the last frame is still to be written (a slow link): draw again without waiting
    /// for a change.
    var isBehind: Bool { screenWriter.isBehind }

    /// What one read from the terminal gave.
    enum Read {
        /// Nothing arrived in time (or a signal cut the wait short).
        case nothing
        /// Input the app has no use for (a key release, an unknown escape sequence).
        case ignored
        case event(InputEvent)
        /// The terminal went away: nothing more will come.
        case closed
    }

    /// Reads one input event, waiting at most `timeoutMilliseconds` (-1: until input or a signal).
    /// A suspend, a resume after a stop, and a new window size are handled here and reported as `.resize`.
    func read(timeoutMilliseconds: Int32) -> Read {
        if Signals.takeSuspendRequest() {
            suspend()
            return .event(.resize)
        }
        if Signals.takeContinued() {
            // Stopped by something other than Ctrl-Z (SIGSTOP): the shell may have used the
            // terminal meanwhile, so take it over again from scratch.
            Self.giveBack()
            takeBack()
            return .event(.resize)
        }
        if Signals.takeResized() {
            adoptWindowSize()
            return .event(.resize)
        }
        if !queued.isEmpty { return .event(.key(queued.removeFirst())) }
        let read = input.read(timeoutMilliseconds: timeoutMilliseconds)
        acknowledgement.answered(input.takeStatusReports(), now: Monotonic.now)
        switch read {
        case .nothing: return .nothing
        case .closed: return .closed
        case .keys(let keys):
            guard let first = keys.first else { return .ignored }
            queued.append(contentsOf: keys.dropFirst())
            return .event(.key(first))
        }
    }
}
