/// Putting a `CellGrid` on the screen: which cells changed, where the cursor must move, which
/// character and colour pair each cell becomes. The terminal library (ncurses) only carries out
/// the operations it is given through `TerminalSurface`, so all of this is tested without one.

/// A cell as the terminal will show it: a scalar exactly one column wide there, its attributes,
/// and the colour pair holding its colours.
public struct TerminalCell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var bold: Bool
    public var reverse: Bool
    public var pair: Int32

    public init(_ scalar: Unicode.Scalar, bold: Bool = false, reverse: Bool = false, pair: Int32 = 0) {
        self.scalar = scalar
        self.bold = bold
        self.reverse = reverse
        self.pair = pair
    }
}

/// What the screen writer needs from a terminal library: one call per operation it decides on.
///
/// Cells are written as *inks*: a frame repeats a few hundred distinct cells thousands of times,
/// so each distinct cell is described once (`prepare`, where ncurses builds its `cchar_t`) and
/// then written by number.
public protocol TerminalSurface {
    /// The screen's size in cells now; nothing is written outside it.
    var width: Int { get }
    var height: Int { get }
    /// How many columns the terminal gives `scalar` (`wcwidth`): 1 for most, 2 for wide
    /// characters, 0 or less for combining or unprintable ones.
    func columns(of scalar: Unicode.Scalar) -> Int
    /// Makes colour pair `pair` show `foreground` on `background` (-1: the terminal's default);
    /// false when the terminal refuses.
    mutating func definePair(_ pair: Int32, foreground: Int16, background: Int16) -> Bool
    /// Blanks the screen and repaints all of it at the next `present` (the terminal may show
    /// anything after a resize or a suspend).
    mutating func clear()
    /// Makes ink number `ink` stand for `cell`, replacing what it stood for before.
    mutating func prepare(ink: Int, as cell: TerminalCell)
    /// Puts the cursor at column `x`, row `y`.
    mutating func move(x: Int, y: Int)
    /// Writes an ink at the cursor and moves the cursor one column right. After the last column
    /// of a row the cursor's place is not relied on (ncurses wraps it, except in the last row).
    mutating func write(ink: Int)
    /// Sends the changes to the terminal.
    mutating func present()
}

/// Keeps what the screen shows and writes only what a new frame changes: one `move` per run of
/// changed cells in a row, one `write` per changed cell; a cleared screen after `invalidate` or
/// when the frame's size changes.
public struct ScreenWriter: Sendable {
    /// False when the locale cannot show UTF-8: everything beyond ASCII gets an `AsciiFallback`.
    public let unicode: Bool
    public var colorPairs: ColorPairs { pairs }
    /// The frame on the screen; nil when the screen must be cleared and drawn whole.
    public var shown: CellGrid? { frameShown }

    // `draw` is inlinable so that the terminal's module specializes it for its surface;
    // otherwise every cell's `move` and `write` would go through the protocol's witness table.
    @usableFromInline var pairs: ColorPairs
    @usableFromInline var frameShown: CellGrid?
    /// The ink each distinct cell was prepared as.
    @usableFromInline var inks: [Cell: Int] = [:]
    /// Inks before the table starts over (a frame has a few hundred distinct cells; many more
    /// only appear over time, as the heat map and the text change).
    public static let inkLimit = 8192

    public init(unicode: Bool, colorPairs: ColorPairs) {
        self.unicode = unicode
        pairs = colorPairs
    }

    /// Forgets what the screen shows (after a resize, a suspend, anything that wrote over it):
    /// the next `draw` clears the screen and writes every cell.
    public mutating func invalidate() { frameShown = nil }

    /// Changed cells written by the last `draw`.
    public var cellsWritten: Int { written }
    /// The last `draw` stopped at its limit: part of the frame is still to be written.
    public var isBehind: Bool { behind }
    @usableFromInline var written = 0
    @usableFromInline var behind = false
    /// Where a limited draw starts (the row after the one where the last one stopped), so that
    /// over a slow link every row gets its turn.
    @usableFromInline var resumeRow = 0

    /// Writes the cells of `grid` that differ from the frame shown, clipped to the surface, then
    /// presents them. At most `cellLimit` changed cells when the screen is not cleared (over a
    /// slow link: the rest follows with the next frames, starting from the next row, so that a
    /// key's change never waits behind a whole picture).
    @inlinable
    public mutating func draw<Surface: TerminalSurface>(_ grid: CellGrid, on surface: inout Surface, cellLimit: Int = .max) {
        let previous = frameShown.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if let previous, cellLimit < grid.cells.count {
            drawLimited(grid, previous: previous, on: &surface, limit: max(1, cellLimit))
            return
        }
        behind = false
        resumeRow = 0
        if previous == nil { surface.clear() }
        written = 0
        let width = min(grid.width, surface.width), height = min(grid.height, surface.height)
        grid.cells.withUnsafeBufferPointer { cells in
            if let previous {
                previous.cells.withUnsafeBufferPointer { old in
                    writeRows(cells, old: old, gridWidth: grid.width, width: width, height: height, on: &surface)
                }
            } else {
                writeRows(cells, old: nil, gridWidth: grid.width, width: width, height: height, on: &surface)
            }
        }
        surface.present()
        frameShown = grid
    }

    /// `draw` with a limit, in two passes: first the cells whose character changes or is not a
    /// half block (text, marks, the focus: what a key changes), from the top; then the half
    /// blocks that only change colour (the pictures), rows from `resumeRow` on, wrapping. The
    /// frame shown becomes the old one with the cells written.
    @usableFromInline
    mutating func drawLimited<Surface: TerminalSurface>(_ grid: CellGrid, previous: CellGrid, on surface: inout Surface, limit: Int) {
        let width = min(grid.width, surface.width), height = min(grid.height, surface.height)
        var shown = previous
        var count = 0
        behind = false
        let start = height > 0 ? resumeRow % height : 0
        passes: for picturePass in [false, true] {
            for step in 0..<height {
                let y = picturePass ? (start + step) % height : step
                var cursorX = -1
                for x in 0..<width {
                    let index = y * grid.width + x
                    let cell = grid.cells[index], old = shown.cells[index]
                    if old == cell { continue }
                    let isPicture = cell.scalar == "▀" && old.scalar == "▀"
                    if isPicture != picturePass { continue }
                    if count == limit {
                        behind = true
                        if picturePass { resumeRow = y }
                        break passes
                    }
                    let ink = inks[cell] ?? prepareInk(for: cell, on: &surface)
                    if cursorX != x { surface.move(x: x, y: y) }
                    surface.write(ink: ink)
                    cursorX = x + 1
                    shown.cells[index] = cell
                    count += 1
                }
            }
        }
        if !behind { resumeRow = 0 }
        written = count
        surface.present()
        frameShown = behind ? shown : grid
    }

    @inlinable
    mutating func writeRows<Surface: TerminalSurface>(
        _ cells: UnsafeBufferPointer<Cell>, old: UnsafeBufferPointer<Cell>?,
        gridWidth: Int, width: Int, height: Int, on surface: inout Surface
    ) {
        // The last cell looked up and its ink: neighbours are often equal (blank space, a heat
        // map's even regions), and comparing is much cheaper than hashing. Still valid after a
        // restart of the ink table, which only happens in `prepareInk` for the new last cell.
        var lastCell: Cell?, lastInk = 0
        for y in 0..<height {
            var cursorX = -1  // where the cursor is after the last write in this row
            for x in 0..<width {
                let index = y * gridWidth + x
                let cell = cells[index]
                if let old, old[index] == cell { continue }
                if cell != lastCell {
                    lastInk = inks[cell] ?? prepareInk(for: cell, on: &surface)
                    lastCell = cell
                }
                let ink = lastInk
                if cursorX != x { surface.move(x: x, y: y) }
                surface.write(ink: ink)
                cursorX = x + 1
                written += 1
            }
        }
    }

    @usableFromInline
    mutating func prepareInk<Surface: TerminalSurface>(for cell: Cell, on surface: inout Surface) -> Int {
        let pair = pairs.pair(for: cell.style) { surface.definePair($0, foreground: $1, background: $2) }
        let scalar = Self.displayable(cell.scalar, unicode: unicode) { surface.columns(of: $0) }
        if inks.count >= Self.inkLimit { inks.removeAll(keepingCapacity: true) }
        let ink = inks.count
        inks[cell] = ink
        surface.prepare(ink: ink, as: TerminalCell(scalar, bold: cell.style.bold, reverse: cell.style.reverse, pair: pair))
        return ink
    }

    /// The scalar shown for `scalar`, one column wide: control characters become spaces; without
    /// Unicode everything beyond ASCII becomes its `AsciiFallback` ("?" when it has none); with
    /// Unicode a scalar the terminal does not draw exactly one column wide (wide, combining,
    /// unprintable) becomes "?", since a cell that took two columns would shift the rest of the row.
    /// East Asian ambiguous-width characters ("●", "▶") pass, as `wcwidth` says 1 outside CJK
    /// locales, but a CJK terminal draws them two wide: the widgets do not use them.
    public static func displayable(_ scalar: Unicode.Scalar, unicode: Bool,
                                   columns: (Unicode.Scalar) -> Int) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return " " }
        if scalar.isASCII { return scalar }
        if !unicode { return AsciiFallback.standIn(for: scalar) ?? "?" }
        return columns(scalar) == 1 ? scalar : "?"
    }
}
