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
/// does not know `TERM`. ncurses draws; input is read from standard input by `TerminalInput`,
/// and mouse reporting is switched on here (xterm's modes 1000 and 1006: presses and releases,
/// reported in the SGR form that reaches any column).
///
/// Every way out goes through `giveBack`, the one place that restores the terminal: `close`
/// (quit, and the stopping signals the run loop sees), a crash signal's handler, and Ctrl-Z,
/// which gives the terminal back, stops, and takes it again on `fg`.
final class Terminal {
    let capabilities: Capabilities
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var palette: ColorPalette
    /// What the screen shows now; nil after a resize, so the next frame draws every cell.
    private var shown: CellGrid?
    /// Finished `cchar_t`s by cell: a frame repeats a few hundred distinct cells many times.
    private var prebuilt: [Cell: cchar_t] = [:]
    private var isOpen = true
    private var input = TerminalInput()
    /// Keys decoded from one read but not yet handed out.
    private var queued: [Key] = []

    /// Mouse reports on: button presses and releases (1000), in the SGR encoding (1006).
    private static let mouseOn: StaticString = "\u{1B}[?1000h\u{1B}[?1006h"
    private static let mouseOff: StaticString = "\u{1B}[?1006l\u{1B}[?1000l"
    /// Whether `mouseOn` was sent (read by `giveBack`, which may run in a signal handler).
    private static let mouseReporting = Atomic<Bool>(false)

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities, palette: ColorPalette) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        self.palette = palette
    }

    /// `asciiRequested`: `--ascii`, draw in ASCII whatever the locale.
    static func open(asciiRequested: Bool = false) throws(TerminalUnavailable) -> Terminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalUnavailable(reason: "the interactive playground needs a terminal on stdin and stdout")
        }
        let unicode = chooseLocale(asciiRequested: asciiRequested)
        _ = mouseReporting.load(ordering: .relaxed)  // initialised here, never first in a handler
        Signals.install()
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !termName.isEmpty, let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
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
    private static func setUpColors() -> (Capabilities.Colors, ColorPalette) {
        let none = (Capabilities.Colors.none, ColorPalette(mode: .none, pairLimit: 0, defaultColors: false))
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return none }
        guard has_colors(), start_color() == OK else { return none }
        let defaultColors = use_default_colors() == OK
        let mode: Capabilities.Colors = cn_colors() >= 256 ? .full : cn_colors() >= 8 ? .eight : .none
        return (mode, ColorPalette(mode: mode, pairLimit: Int32(cn_color_pairs()), defaultColors: defaultColors))
    }

    /// Gives the terminal back for good and puts back the signal handlers found at start.
    /// Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        Self.giveBack()
        delscreen(screen)
        Signals.uninstall()
    }

    deinit { close() }

    /// The one teardown: mouse reporting off, cursor visible, and ncurses' `endwin` (the normal
    /// screen, the terminal modes the shell had). Runs once per `Signals.claimTerminal`, whoever
    /// calls first; the crash handler calls it too, so it writes its own bytes with `write`.
    static func giveBack() {
        guard Signals.releaseTerminal() else { return }
        if mouseReporting.load(ordering: .sequentiallyConsistent) { writeToTerminal(mouseOff) }
        _ = curs_set(1)
        endwin()
    }

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

    /// Writes `bytes` to the terminal at once, past ncurses' buffer (async-signal-safe).
    private static func writeToTerminal(_ bytes: StaticString) {
        var offset = 0
        while offset < bytes.utf8CodeUnitCount {
            let written = write(STDOUT_FILENO, bytes.utf8Start + offset, bytes.utf8CodeUnitCount - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// The terminal's size in cells.
    var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    /// Forgets what the screen shows: the next `draw` clears it and writes every cell.
    func invalidate() { shown = nil }

    /// Writes the cells of `grid` that differ from the last frame, then updates the screen once.
    func draw(_ grid: CellGrid) {
        let full = shown.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full {
            werase(window)
            clearok(window, true)
        }
        let width = min(grid.width, size.width), height = min(grid.height, size.height)
        let previous = full ? nil : shown
        grid.cells.withUnsafeBufferPointer { cells in
            if let previous {
                previous.cells.withUnsafeBufferPointer { writeRows(cells, old: $0, gridWidth: grid.width, width: width, height: height) }
            } else {
                writeRows(cells, old: nil, gridWidth: grid.width, width: width, height: height)
            }
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid
    }

    private func writeRows(_ cells: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>?,
                           gridWidth: Int, width: Int, height: Int) {
        for y in 0..<height {
            var cursorX = -1  // where ncurses' cursor is after the last write in this row
            for x in 0..<width {
                let index = y * gridWidth + x
                let cell = cells[index]
                if let old, old[index] == cell { continue }
                var character = prebuilt[cell] ?? build(cell)
                if cursorX == x {
                    wadd_wch(window, &character)
                } else {
                    wmove(window, Int32(y), Int32(x))
                    wadd_wch(window, &character)
                }
                cursorX = x + 1
            }
        }
    }

    private func build(_ cell: Cell) -> cchar_t {
        var attributes = cn_a_normal()
        if cell.style.bold { attributes |= cn_a_bold() }
        if cell.style.reverse { attributes |= cn_a_reverse() }
        let pair = palette.pair(for: cell.style)
        var character = cchar_t()
        _ = cn_set_cell(&character, displayable(cell.scalar), attributes, pair)
        if prebuilt.count > 8192 { prebuilt.removeAll(keepingCapacity: true) }
        prebuilt[cell] = character
        return character
    }

    /// A scalar that takes exactly one cell here: control and wide characters become spaces or
    /// "?", and without UTF-8 everything beyond ASCII gets an ASCII stand-in.
    private func displayable(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value < 0x20 || scalar.value == 0x7f { return 0x20 }
        if scalar.isASCII { return scalar.value }
        if !capabilities.unicode { return AsciiFallback.character(for: scalar).value }
        return cn_wcwidth(scalar.value) == 1 ? scalar.value : 0x3f
    }

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
        switch input.read(timeoutMilliseconds: timeoutMilliseconds) {
        case .nothing: return .nothing
        case .closed: return .closed
        case .keys(let keys):
            guard let first = keys.first else { return .ignored }
            queued.append(contentsOf: keys.dropFirst())
            return .event(.key(first))
        }
    }
}

/// ASCII stand-ins for the characters the UI draws, for locales without UTF-8.
enum AsciiFallback {
    static func character(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576: "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577: "|"
        case 0x250C...0x254B, 0x2552...0x256C: "+"
        case 0x256D...0x2570: "+"
        case 0x2571: "/"
        case 0x2572: "\\"
        case 0x2800: " "
        case 0x2801...0x28FF: "."  // braille chart dots
        case 0x2580...0x2590, 0x2594...0x259F: "#"  // half and full blocks
        case 0x2591: "."
        case 0x2592: ":"
        case 0x2593: "%"
        case 0x25CF, 0x2022, 0x25CB, 0x25E6: "o"
        case 0x00B7, 0x2219, 0x22C5: "."
        case 0x00D7: "x"
        case 0x2190, 0x25C0, 0x25C2: "<"
        case 0x2192, 0x25B6, 0x25B8: ">"
        case 0x2191, 0x25B2, 0x25B4: "^"
        case 0x2193, 0x25BC, 0x25BE: "v"
        case 0x2026: "."
        case 0x2013, 0x2014, 0x2212: "-"
        case 0x00B2: "2"
        default: "?"
        }
    }
}
