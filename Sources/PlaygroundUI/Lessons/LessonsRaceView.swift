// Lesson 5's screen: the surface as a banded heat map with every optimizer's path, and the table.
import PlaygroundCore

/// Lesson 5's screen: the surface as a banded heat map (low loss dark, each band a contour)
/// with every optimizer's path, and the live table beside it.
enum RaceView {
    /// Bands of the log-scaled loss: each edge between two bands is a contour.
    static let bandCount = 10

    /// Path colours (256, 8) and letters; the trail is `•` in colour, the lower-case letter without.
    static let marks: [(full: UInt8, eight: UInt8, letter: Character)] = [
        (231, 7, "G"), (196, 1, "M"), (201, 5, "N"), (46, 2, "R"), (226, 3, "A"),
    ]

    static func draw(_ state: AppState, _ race: OptimizerRace, in rect: Rect, into grid: inout CellGrid) {
        let tableWidth = min(44, max(40, rect.width / 3))
        let map = mapRect(in: rect, tableWidth: tableWidth)
        drawSurface(race.surface, capabilities: state.capabilities, in: map, into: &grid)
        drawAxes(race.surface, capabilities: state.capabilities, map: map, into: &grid)
        drawPaths(race, capabilities: state.capabilities, in: map, into: &grid)
        drawTable(state, race, map: map, in: Rect(x: rect.maxX - tableWidth, y: rect.y, width: tableWidth, height: rect.height),
                  into: &grid)
    }

    /// The map's cells: left of the table, with a column of y values at its left and a row of x
    /// values under it.
    static func mapRect(in rect: Rect, tableWidth: Int) -> Rect {
        Rect(x: rect.x + axisWidth, y: rect.y, width: max(1, rect.width - tableWidth - 1 - axisWidth), height: max(1, rect.height - 1))
    }

    /// The y values' column.
    static let axisWidth = 3

    /// The axes' values (the domain's ends, its middle, and 0 when inside) beside and under the
    /// map, each at its own cell; the minimum (or the saddle point) marked on the map.
    static func drawAxes(_ surface: LossSurface, capabilities: Capabilities, map: Rect, into grid: inout CellGrid) {
        let palette = Palette(capabilities.colors)
        let dim = CellStyle(foreground: palette.dim)
        let d = surface.domain
        func ticks(_ low: Double, _ high: Double) -> [Double] {
            var values = [low, (low + high) / 2, high]
            if low < 0, high > 0, !values.contains(0) { values.append(0) }
            return values
        }
        let number = { (value: Double) in NumberFormat.javaScript((value * 10).rounded() / 10) }
        for value in ticks(d.minX, d.maxX) {
            let text = number(value)
            let column = min(map.width - 1, Int((value - d.minX) / (d.maxX - d.minX) * Double(map.width)))
            let x = min(map.maxX - text.count, max(map.x, map.x + column - (value == d.minX ? 0 : text.count / 2)))
            grid.put(text, x: x, y: map.maxY, style: dim)
        }
        for value in ticks(d.minY, d.maxY) {
            let text = number(value)
            let row = min(map.height - 1, Int((d.maxY - value) / (d.maxY - d.minY) * Double(map.height)))
            grid.put(String(repeating: " ", count: max(0, axisWidth - 1 - text.count)) + text, x: map.x - axisWidth, y: map.y + row,
                     style: dim)
        }
        let low = surface.minimum
        if let at = cell(surface, x: low.x, y: low.y, in: map) {
            let mark: Unicode.Scalar = capabilities.unicode ? (low.isMinimum ? "×" : "+") : (low.isMinimum ? "x" : "+")
            grid.set(x: at.x, y: at.y, Cell(mark, style: CellStyle(foreground: palette.title, bold: true)))
        }
    }

    /// The plane point at the centre of pixel (column, row) of a map `width × pixelRows`.
    static func point(_ surface: LossSurface, column: Double, row: Double, width: Int, pixelRows: Int) -> (x: Double, y: Double) {
        let d = surface.domain
        return (d.minX + (column + 0.5) / Double(width) * (d.maxX - d.minX),
                d.maxY - (row + 0.5) / Double(pixelRows) * (d.maxY - d.minY))
    }

    /// Each pixel's band, two pixels a cell high: 0 lowest loss.
    static func bands(_ surface: LossSurface, width: Int, height: Int) -> [Int] {
        let rows = 2 * height
        var values: [Double] = []
        values.reserveCapacity(width * rows)
        for row in 0..<rows {
            for column in 0..<width {
                let p = point(surface, column: Double(column), row: Double(row), width: width, pixelRows: rows)
                values.append(surface.value(x: p.x, y: p.y))
            }
        }
        let low = values.min() ?? 0, high = values.max() ?? 1
        let scale = Math.log(1 + (high - low))
        return values.map { value in
            let t = scale > 0 ? Math.log(1 + (value - low)) / scale : 0
            return min(bandCount - 1, max(0, Int(t * Double(bandCount))))
        }
    }

    static func drawSurface(_ surface: LossSurface, capabilities: Capabilities, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let bands = bands(surface, width: rect.width, height: rect.height)
        let palette = Palette(capabilities.colors)
        // Greys from dark (low) to light (high); with eight colours, stripes of black and blue.
        let colors: [TerminalColor] = (0..<bandCount).map { (band: Int) -> TerminalColor in
            let grey = UInt8(233 + 2 * band), stripe: UInt8 = band % 2 == 0 ? 0 : 4
            return palette.color(full: grey, eight: stripe)
        }
        let glyphs = Glyphs.forTerminal(unicode: capabilities.unicode)
        let width = rect.width
        for row in 0..<rect.height {
            for column in 0..<width {
                let upper = bands[2 * row * width + column], lower = bands[(2 * row + 1) * width + column]
                let cell: Cell
                if capabilities.colors == .none {
                    // Without colour, only the contours: a dot where the band changes.
                    let right = column + 1 < width ? bands[2 * row * width + column + 1] : upper
                    let isEdge = upper != lower || upper != right
                    cell = Cell(isEdge ? (capabilities.unicode ? "·" : ".") : " ")
                } else if capabilities.unicode {
                    cell = Cell(glyphs.upperHalf, style: CellStyle(foreground: colors[upper], background: colors[lower]))
                } else {
                    cell = Cell(" ", style: CellStyle(background: colors[upper]))
                }
                grid.set(x: rect.x + column, y: rect.y + row, cell, clip: rect)
            }
        }
    }

    /// The cell of a plane point, or nil outside the map.
    static func cell(_ surface: LossSurface, x: Double, y: Double, in rect: Rect) -> (x: Int, y: Int)? {
        let d = surface.domain
        let cx = (x - d.minX) / (d.maxX - d.minX) * Double(rect.width), cy = (d.maxY - y) / (d.maxY - d.minY) * Double(rect.height)
        guard cx.isFinite, cy.isFinite, cx >= 0, cy >= 0, cx < Double(rect.width), cy < Double(rect.height) else { return nil }
        return (rect.x + Int(cx), rect.y + Int(cy))
    }

    static func drawPaths(_ race: OptimizerRace, capabilities: Capabilities, in rect: Rect, into grid: inout CellGrid) {
        let palette = Palette(capabilities.colors)
        for (index, runner) in race.runners.enumerated().reversed() {
            let mark = marks[index]
            let color = palette.color(full: mark.full, eight: mark.eight)
            let trail: Unicode.Scalar = capabilities.colors == .none
                ? Character(mark.letter.lowercased()).unicodeScalars.first! : (capabilities.unicode ? "•" : "*")
            for (a, b) in zip(runner.path, runner.path.dropFirst()) {
                guard let from = cell(race.surface, x: a.x, y: a.y, in: rect) else { continue }
                let to = cell(race.surface, x: b.x, y: b.y, in: rect) ?? from
                let steps = max(abs(to.x - from.x), abs(to.y - from.y))
                for s in 0...steps {
                    let t = steps == 0 ? 0 : Double(s) / Double(steps)
                    let x = from.x + Int((Double(to.x - from.x) * t).rounded()), y = from.y + Int((Double(to.y - from.y) * t).rounded())
                    grid.set(x: x, y: y, Cell(trail, style: CellStyle(foreground: color, bold: true)), clip: rect)
                }
            }
            if let head = cell(race.surface, x: runner.x, y: runner.y, in: rect) {
                grid.set(x: head.x, y: head.y, Cell(mark.letter.unicodeScalars.first!, style: CellStyle(foreground: color, bold: true,
                                                                                                      reverse: true)), clip: rect)
            }
        }
    }

    static func drawTable(_ state: AppState, _ race: OptimizerRace, map: Rect, in rect: Rect, into grid: inout CellGrid) {
        let palette = Palette(state.capabilities.colors)
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var y = rect.y
        func line(_ text: String, _ style: CellStyle = CellStyle()) {
            if y < rect.maxY { grid.put(text, x: rect.x, y: y, style: style, clip: rect) }
            y += 1
        }
        let running = state.isPlaying ? "running" : (race.isFinished ? "finished" : "paused")
        line("step \(race.steps) of \(OptimizerRace.maxSteps)  \(running)", CellStyle(bold: true))
        line("learning rate \(NumberFormat.javaScript(race.learningRate))  (l/L)")
        line("start (\(NumberFormat.javaScript(race.startX)), \(NumberFormat.javaScript(race.startY)))  (arrows)")
        let low = race.surface.minimum
        let mark = state.capabilities.unicode ? (low.isMinimum ? "×" : "+") : (low.isMinimum ? "x" : "+")
        line("\(mark) \(low.isMinimum ? "minimum" : "saddle point") (\(NumberFormat.javaScript(low.x)), \(NumberFormat.javaScript(low.y)))",
             CellStyle(foreground: palette.dim))
        // Fixed columns: x and y in 7 cells, the loss in 9; a run off the map says "left".
        line("  optimizer  " + cell("x", 7) + cell("y", 8) + cell("loss", 9), CellStyle(foreground: palette.title, bold: true))
        for (index, runner) in race.runners.enumerated() {
            let mark = marks[index]
            let isOff = runner.hasDiverged || Self.cell(race.surface, x: runner.x, y: runner.y, in: map) == nil
            let loss = isOff ? "left" : LossChart.shortNumber(race.loss(of: runner))
            let text = " " + String(mark.letter) + " " + runner.optimizer.kind.title.padding(9)
                + cell(isOff ? "-" : Format.decimal(runner.x, places: 3), 7) + cell(isOff ? "-" : Format.decimal(runner.y, places: 3), 8)
                + cell(loss, 9)
            line(text, CellStyle(foreground: palette.color(full: mark.full, eight: mark.eight), bold: true))
        }
        line("")
        let key = Lessons.key
        let hints = ["\(key(.space)) run / pause, \(key(.raceStep)) one step",
                     "\(key(.toEnd)) all \(OptimizerRace.maxSteps) steps, \(key(.toStart)) restart",
                     "\(key(.surface(by: 1)))/\(key(.surface(by: -1))) surface, \(key(.rate(by: -1)))/\(key(.rate(by: 1))) learning rate", "SGD: x <- x - lr*dx",
                     "Momentum, Nesterov, RMSProp, Adam:", "the rules that train the network"]
        for hint in hints { line(hint, CellStyle(foreground: palette.dim)) }
    }
}

extension String {
    /// Padded with spaces to `width` characters (never cut).
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
