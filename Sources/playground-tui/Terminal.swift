import CNcurses
import Glibc
import PlaygroundUI

/// Why the interactive playground cannot run here, said in one line.
struct TerminalUnavailable: Error {
    let reason: String
    var message: String { "playground-tui: \(reason); for headless training use 'playground-tui train'" }
}

/// The one owner of the terminal (htop's CRT_init / CRT_done): setup, drawing, input, teardown.
///
/// `open` refuses before writing a byte when stdin or stdout is not a terminal, or when ncurses
/// does not know `TERM`. `close` must run on every exit path; `Signals` covers the ones that do
/// not come back through the run loop.
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

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities, palette: ColorPalette) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        self.palette = palette
    }

    static func open() throws(TerminalUnavailable) -> Terminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalUnavailable(reason: "the interactive playground needs a terminal on stdin and stdout")
        }
        let unicode = chooseLocale()
        Signals.install()
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !termName.isEmpty, let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
            let name = termName.isEmpty ? "TERM is not set" : "unknown terminal type TERM=\(termName)"
            throw TerminalUnavailable(reason: name)
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalUnavailable(reason: "the terminal type TERM=\(termName) cannot move the cursor")
        }
        Signals.setTerminalActive(true)
        let window = cn_stdscr()!
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        _ = curs_set(0)
        set_escdelay(25)

        let (colors, palette) = setUpColors()
        mouseinterval(0)  // report presses at once instead of waiting to see a click
        // Releases are asked for too (and ignored by the decoder): without them in the mask ncurses
        // swallowed the next press now and then, so quick clicks were lost or came a click late.
        let granted = mousemask(cn_button1_pressed() | cn_button1_released() | cn_button1_clicked() | cn_button4_pressed() | cn_button5_pressed(), nil)
        let mouse = granted & cn_button1_pressed() != 0
        let capabilities = Capabilities(colors: colors, unicode: unicode, mouse: mouse)
        return Terminal(screen: screen, window: window, capabilities: capabilities, palette: palette)
    }

    /// The user's locale, then C.UTF-8 when it cannot show UTF-8; false means draw in ASCII.
    private static func chooseLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8() {
            setenv("LC_CTYPE", "C.UTF-8", 1)
            return true
        }
        return false
    }

    private static func isUTF8() -> Bool {
        let codeset = String(cString: cn_codeset()).lowercased()
        return codeset == "utf-8" || codeset == "utf8"
    }

    /// `NO_COLOR` (any non-empty value) wins; then the terminal's count of colours.
    private static func setUpColors() -> (Capabilities.Colors, ColorPalette) {
        let none = (Capabilities.Colors.none, ColorPalette(mode: .none, pairLimit: 0, defaultColors: false))
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return none }
        guard has_colors(), start_color() == OK else { return none }
        let defaultColors = use_default_colors() == OK
        let mode: Capabilities.Colors = cn_colors() >= 256 ? .full : cn_colors() >= 8 ? .eight : .none
        return (mode, ColorPalette(mode: mode, pairLimit: Int32(cn_color_pairs()), defaultColors: defaultColors))
    }

    /// Gives the terminal back: mouse reporting off, cursor on, normal screen. Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        mousemask(0, nil)
        _ = curs_set(1)
        endwin()
        Signals.setTerminalActive(false)
        delscreen(screen)
    }

    deinit { close() }

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
    }

    /// Reads one input event, waiting at most `timeoutMilliseconds` (-1: until input or a signal).
    func read(timeoutMilliseconds: Int32) -> Read {
        wtimeout(window, timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return .nothing }
        let event = InputDecoder.decode(isFunctionKey: status == cn_key_code_yes(), code: UInt32(code)) {
            var event = MEVENT()
            return getmouse(&event) == OK ? event : nil
        }
        return event.map(Read.event) ?? .ignored
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
