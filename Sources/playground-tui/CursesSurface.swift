import CNcurses
import PlaygroundUI

/// The screen writer's operations carried out by ncurses on one window. The decisions (what
/// changed, where to move, which character and pair) are `ScreenWriter`'s; this only translates.
struct CursesSurface: TerminalSurface {
    let window: UnsafeMutablePointer<WINDOW>
    /// Prepared cells by ink number: `wadd_wch` of a finished `cchar_t` is about 8x faster than
    /// setting attributes and adding a string per cell.
    private var inks: [cchar_t] = []

    init(window: UnsafeMutablePointer<WINDOW>) { self.window = window }

    var width: Int { Int(cn_cols()) }
    var height: Int { Int(cn_lines()) }

    func columns(of scalar: Unicode.Scalar) -> Int { Int(cn_wcwidth(scalar.value)) }

    mutating func definePair(_ pair: Int32, foreground: Int16, background: Int16) -> Bool {
        init_extended_pair(pair, Int32(foreground), Int32(background)) == OK
    }

    mutating func clear() {
        werase(window)
        clearok(window, true)
    }

    mutating func prepare(ink: Int, as cell: TerminalCell) {
        var attributes = cn_a_normal()
        if cell.bold { attributes |= cn_a_bold() }
        if cell.reverse { attributes |= cn_a_reverse() }
        var character = cchar_t()
        // The pair goes through setcchar's extended argument: COLOR_PAIR() holds only 8 bits.
        _ = cn_set_cell(&character, cell.scalar.value, attributes, cell.pair)
        precondition(ink <= inks.count, "inks are numbered from 0 without gaps")
        if ink == inks.count { inks.append(character) } else { inks[ink] = character }
    }

    mutating func move(x: Int, y: Int) { wmove(window, Int32(y), Int32(x)) }

    mutating func write(ink: Int) {
        var character = inks[ink]
        // ERR in the screen's last cell only says the cursor could not advance; the cell is drawn.
        _ = wadd_wch(window, &character)
    }

    mutating func present() {
        wnoutrefresh(window)
        doupdate()
    }
}
