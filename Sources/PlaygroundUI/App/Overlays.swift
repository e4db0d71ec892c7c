// The help screen and the link box, drawn over everything.
/// What is drawn over the screen: the help screen (every key) and the link box.
enum Overlays {
    static func draw(_ overlay: Overlay, _ state: AppState, into grid: inout CellGrid) {
        switch overlay {
        case .help: help(state, into: &grid)
        case .link: link(state, into: &grid)
        }
    }

    /// Columns beside a box narrower than this are cleared with it: a scrap of what lies under
    /// (`5` after `┐`, `F│`) would read as part of the box.
    static let scrapWidth = 4

    /// A box with a title, cleared inside and one column either side (to the screen's edge when
    /// less than `scrapWidth` columns are left beside it); returns the inner rectangle.
    static func box(_ rect: Rect, title: String, capabilities: Capabilities, into grid: inout CellGrid) -> Rect {
        let glyphs = Glyphs.forTerminal(unicode: capabilities.unicode)
        let style = CellStyle(foreground: Palette(capabilities.colors).title)
        let left = rect.x < scrapWidth ? 0 : rect.x - 1
        let right = grid.width - rect.maxX < scrapWidth ? grid.width : rect.maxX + 1
        grid.fill(Rect(x: left, y: rect.y, width: right - left, height: rect.height))
        for x in rect.x..<rect.maxX {
            grid.set(x: x, y: rect.y, Cell(glyphs.horizontal, style: style))
            grid.set(x: x, y: rect.maxY - 1, Cell(glyphs.horizontal, style: style))
        }
        for y in rect.y..<rect.maxY {
            grid.set(x: rect.x, y: y, Cell(glyphs.vertical, style: style))
            grid.set(x: rect.maxX - 1, y: y, Cell(glyphs.vertical, style: style))
        }
        grid.set(x: rect.x, y: rect.y, Cell(glyphs.topLeft, style: style))
        grid.set(x: rect.maxX - 1, y: rect.y, Cell(glyphs.topRight, style: style))
        grid.set(x: rect.x, y: rect.maxY - 1, Cell(glyphs.bottomLeft, style: style))
        grid.set(x: rect.maxX - 1, y: rect.maxY - 1, Cell(glyphs.bottomRight, style: style))
        grid.put(" " + title + " ", x: rect.x + 2, y: rect.y, style: CellStyle(bold: true), clip: rect)
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }

    /// Every binding of `KeyMap.bindings` (keys, then help text), in one column or two as the
    /// height allows, and on pages of two columns when even two do not hold them all (80×24):
    /// PgDn/PgUp turn them, the bottom line says "page 1/2". Each column is as wide as its
    /// own longest row; the box keeps one size on every page.
    static func help(_ state: AppState, into grid: inout CellGrid) {
        let pages = helpPages(state, height: grid.height)
        let page = pages[min(max(0, state.helpPage), pages.count - 1)]
        func widths(_ columns: [ArraySlice<HelpRow>]) -> (keys: [Int], columns: [Int]) {
            let keys = columns.map { column in column.map(\.keys.unicodeScalars.count).max()! + 1 }
            return (keys, zip(columns, keys).map { column, keyWidth in keyWidth + column.map(\.text.count).max()! })
        }
        let boxWidth = pages.map { page in widths(page).columns.reduce(0, +) + 4 + (page.count - 1) * 2 }.max()!
        let perColumn = pages.flatMap { $0.map(\.count) }.max()!
        let width = min(grid.width, boxWidth)
        let height = min(grid.height, perColumn + 3)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        let inner = box(rect, title: "Keys", capabilities: state.capabilities, into: &grid)
        let (keyWidths, columnWidths) = widths(page)
        var x = inner.x
        for (index, column) in page.enumerated() {
            for (row, line) in column.enumerated() {
                grid.put(line.keys, x: x, y: inner.y + row, style: CellStyle(bold: true), clip: inner)
                grid.put(line.text, x: x + keyWidths[index], y: inner.y + row, clip: inner)
            }
            x += columnWidths[index] + 2
        }
        let pageNumber = min(max(0, state.helpPage), pages.count - 1) + 1
        let closing = state.drawing == nil ? "any key closes" : "other keys: as in the playground; any key closes"
        let hint = (pages.count > 1 ? "PgDn PgUp: page \(pageNumber)/\(pages.count)   " : "") + closing
        grid.put(hint, x: max(inner.x, inner.maxX - hint.count), y: inner.maxY - 1,
                 style: CellStyle(foreground: Palette(state.capabilities.colors).dim), clip: inner)
    }

    typealias HelpRow = (keys: String, text: String)

    /// The help's rows of the mode on screen, as pages of columns: one column when the rows fit
    /// the height (`height` − 4), else two per page, balanced on a single page.
    static func helpPages(_ state: AppState, height: Int) -> [[ArraySlice<HelpRow>]] {
        let unicode = state.capabilities.unicode
        let rows: [HelpRow] = state.settingTable.bindings.filter { KeyMap.isInHelp($0, of: state) }
            .map { (keys: $0.helpLabel(unicode: unicode), text: $0.help) }
        let maxRows = max(1, height - 4)
        let perColumn = rows.count <= maxRows ? rows.count : min(maxRows, (rows.count + 1) / 2)
        let columns = stride(from: 0, to: rows.count, by: perColumn).map { rows[$0..<min(rows.count, $0 + perColumn)] }
        let perPage = rows.count <= maxRows ? 1 : 2
        return stride(from: 0, to: columns.count, by: perPage).map { Array(columns[$0..<min(columns.count, $0 + perPage)]) }
    }

    /// How many pages the help has on `state`'s screen.
    static func helpPageCount(_ state: AppState) -> Int { helpPages(state, height: state.height).count }

    /// The state as a TensorFlow Playground link: see `LinkBox`.
    static func link(_ state: AppState, into grid: inout CellGrid) {
        LinkBox(state)?.draw(state, into: &grid)
    }
}
