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
    /// Decides what each frame writes (and keeps the frame shown); `surface` writes it.
    private var screenWriter: ScreenWriter
    private var surface: CursesSurface
    private var isOpen = true

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities, palette: ColorPairs) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        screenWriter = ScreenWriter(unicode: capabilities.unicode, colorPairs: palette)
        surface = CursesSurface(window: window)
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
    private static func setUpColors() -> (Capabilities.Colors, ColorPairs) {
        let none = (Capabilities.Colors.none, ColorPairs(mode: .none, limit: 0, defaultColors: false))
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return none }
        guard has_colors(), start_color() == OK else { return none }
        let defaultColors = use_default_colors() == OK
        let mode: Capabilities.Colors = cn_colors() >= 256 ? .full : cn_colors() >= 8 ? .eight : .none
        return (mode, ColorPairs(mode: mode, limit: Int32(cn_color_pairs()), defaultColors: defaultColors))
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
    func invalidate() { screenWriter.invalidate() }

    /// Writes the cells of `grid` that differ from the last frame, then updates the screen once.
    func draw(_ grid: CellGrid) { screenWriter.draw(grid, on: &surface) }

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
