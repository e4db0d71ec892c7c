/// What is drawn over the screen: the help screen (every key) and the link box.
enum Overlays {
    static func draw(_ overlay: Overlay, _ state: AppState, into grid: inout CellGrid) {
        switch overlay {
        case .help: help(state, into: &grid)
        case .link: link(state, into: &grid)
        }
    }

    /// A box with a title, cleared inside; returns the inner rectangle.
    static func box(_ rect: Rect, title: String, capabilities: Capabilities, into grid: inout CellGrid) -> Rect {
        let glyphs = Glyphs.forTerminal(unicode: capabilities.unicode)
        let style = CellStyle(foreground: Palette(capabilities.colors).title)
        grid.fill(rect)
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
    /// height allows; each column is as wide as its own longest row.
    static func help(_ state: AppState, into grid: inout CellGrid) {
        let unicode = state.capabilities.unicode
        let rows = KeyMap.bindings.filter { KeyMap.isInHelp($0, of: state) }
            .map { (keys: $0.helpLabel(unicode: unicode), text: $0.help) }
        let maxRows = max(1, grid.height - 4)
        let columnCount = rows.count <= maxRows ? 1 : 2
        let perColumn = (rows.count + columnCount - 1) / columnCount
        let columns = stride(from: 0, to: rows.count, by: perColumn).map { rows[$0..<min(rows.count, $0 + perColumn)] }
        let keyWidths = columns.map { column in column.map(\.keys.unicodeScalars.count).max()! + 1 }
        let columnWidths = zip(columns, keyWidths).map { column, keyWidth in keyWidth + column.map(\.text.count).max()! }
        let width = min(grid.width, columnWidths.reduce(0, +) + 4 + (columns.count - 1) * 2)
        let height = min(grid.height, perColumn + 2)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        let inner = box(rect, title: "Keys", capabilities: state.capabilities, into: &grid)
        var x = inner.x
        for (index, column) in columns.enumerated() {
            for (row, line) in column.enumerated() {
                grid.put(line.keys, x: x, y: inner.y + row, style: CellStyle(bold: true), clip: inner)
                grid.put(line.text, x: x + keyWidths[index], y: inner.y + row, clip: inner)
            }
            x += columnWidths[index] + 2
        }
        // On the bottom border, so that every row inside holds keys.
        let hint = state.drawing == nil ? " any key closes " : " other keys: as in the playground; any key closes "
        grid.put(hint, x: max(rect.x + 1, rect.maxX - 2 - hint.count), y: rect.maxY - 1,
                 style: CellStyle(foreground: Palette(state.capabilities.colors).dim), clip: rect)
    }

    /// The state as a TensorFlow Playground link: see `LinkBox`.
    static func link(_ state: AppState, into grid: inout CellGrid) {
        LinkBox(state)?.draw(state, into: &grid)
    }
}
