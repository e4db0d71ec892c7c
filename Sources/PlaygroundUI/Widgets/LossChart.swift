// The loss chart widget: a series of training and test losses in braille.
import PlaygroundCore

/// A line chart of both losses over the epochs, in braille: each cell is 2×4 dots, so a 20×8
/// area has 40×32 dots. Training and test each get a line in their own colour; a cell both
/// lines pass through gets a third colour ("both"), so neither hides the other. Without colour
/// the test line is dotted and the cells of both are bold. Without Unicode: one character per
/// cell (`*` training, `o` test, `#` both).
///
/// ```
/// 0.693 ⠉⠢⣀              ← the highest loss beside the top row
///          ⠑⠢⣀
/// 0.012        ⠉⠉⠉⠉⠉     ← the lowest beside the bottom row ("<1e-4" when clamped on log)
/// epochs 0-1,250     log  ← the epoch span; "log" on the log scale
/// ```
/// The x axis is the epoch: the first record at the left column, the last at the right. The y
/// axis runs from the lowest to the highest finite loss shown, linear or (with `logScale`)
/// logarithmic with losses below `logFloor` drawn at the floor. NaN and ±∞ (a diverged run)
/// leave a gap. With 3 rows or more the last row is the epoch axis; the value labels need room
/// for a plot at least 4 columns wide beside them.
enum LossChart {
    /// Rows below which the chart has no epoch axis; rows that read well (4 plot rows + axis).
    static let minimumHeight = 2
    static let idealHeight = 5

    /// The braille dot bits, indexed [row][column] within a cell (U+2800 + bits).
    static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// The colour of a cell that both lines pass through.
    static func bothColor(_ palette: Palette) -> TerminalColor { palette.color(full: 117, eight: 6) }

    /// One series' dots, `width × height`, y down from the top.
    struct Dots {
        let width: Int
        let height: Int
        var on: [Bool]
        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            on = [Bool](repeating: false, count: width * height)
        }
        mutating func set(_ x: Int, _ y: Int) {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            on[y * width + x] = true
        }

        /// A line through `points` in order, segment by segment; a nil point breaks the line.
        /// `dotted` keeps every other dot.
        mutating func plot(_ points: [(x: Int, y: Int)?], dotted: Bool) {
            var previous: (x: Int, y: Int)?
            var count = 0
            for point in points {
                guard let point else { previous = nil; continue }
                let start = previous ?? point
                let steps = max(abs(point.x - start.x), abs(point.y - start.y))
                for step in stride(from: previous == nil ? 0 : 1, through: steps, by: 1) {
                    let t = steps == 0 ? 0 : Double(step) / Double(steps)
                    let x = start.x + Int((Double(point.x - start.x) * t).rounded())
                    let y = start.y + Int((Double(point.y - start.y) * t).rounded())
                    if !dotted || count % 2 == 0 { set(x, y) }
                    count += 1
                }
                previous = point
            }
        }
    }

    /// Draws the chart of `records` into `rect` (cleared first, clipped to it), with the runs
    /// left by branching (`ghosts`, faded, under the lines) and a marker at the epoch on screen
    /// when it is a past one (`marker`: the axis row then says its epoch and both losses).
    static func draw(_ records: [LossHistory.Record], ghosts: [[LossHistory.Record]] = [], marker: LossHistory.Record? = nil,
                     logScale: Bool = false, in rect: Rect, capabilities: Capabilities, into grid: inout CellGrid) {
        guard !rect.intersection(grid.bounds).isEmpty else { return }
        grid.fill(rect.intersection(grid.bounds))
        guard let geometry = Geometry(records, ghosts: ghosts, logScale: logScale, in: rect, unicode: capabilities.unicode) else {
            if let first = records.first, let last = records.last, rect.height >= 3 {
                drawEpochAxis(first: first.epoch, last: last.epoch, logScale: logScale,
                              in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), into: &grid)
            }
            return
        }
        let plotRows = geometry.plot.height
        if rect.height >= 3 {
            let line = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
            if let marker {
                drawMarkerLine(marker, in: line, capabilities: capabilities, into: &grid)
            } else {
                drawEpochAxis(first: geometry.epochs.lowerBound, last: geometry.epochs.upperBound, logScale: logScale, in: line, into: &grid)
            }
        }
        let axis = geometry.axis
        if geometry.plot.x > rect.x {
            let dim = CellStyle(foreground: Palette(capabilities.colors).dim)
            grid.put(axis.topLabel, x: rect.x, y: rect.y, style: dim, clip: rect)
            grid.put(axis.bottomLabel, x: rect.x, y: rect.y + plotRows - 1, style: dim, clip: rect)
        }
        drawGhosts(ghosts, geometry: geometry, capabilities: capabilities, into: &grid)
        if let marker { drawMarker(at: marker.epoch, geometry: geometry, capabilities: capabilities, into: &grid) }
        guard !records.isEmpty else { return }
        drawLines(records, axis: axis, epochs: geometry.epochs, in: geometry.plot, capabilities: capabilities, into: &grid)
    }

    /// Both lines over `plot`, the x of a record by its epoch (`epochs` spans the plot's width).
    static func drawLines(_ records: [LossHistory.Record], axis: Axis, epochs: ClosedRange<Int>, in plot: Rect,
                          capabilities: Capabilities, into grid: inout CellGrid) {
        let palette = Palette(capabilities.colors)
        let unicode = capabilities.unicode
        let (columnsPerCell, rowsPerCell) = unicode ? (2, 4) : (1, 1)
        var trainingDots = Dots(width: plot.width * columnsPerCell, height: plot.height * rowsPerCell)
        var testDots = trainingDots
        let firstEpoch = epochs.lowerBound, span = epochs.upperBound - firstEpoch
        func column(_ epoch: Int) -> Int { span <= 0 ? 0 : (epoch - firstEpoch) * (trainingDots.width - 1) / span }
        func points(_ loss: KeyPath<LossHistory.Record, Double>) -> [(x: Int, y: Int)?] {
            records.map { record in
                axis.row(record[keyPath: loss], rows: trainingDots.height).map { (column(record.epoch), $0) }
            }
        }
        trainingDots.plot(points(\.training), dotted: false)
        testDots.plot(points(\.test), dotted: capabilities.colors == .none && unicode)
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                var trainingBits: UInt8 = 0, testBits: UInt8 = 0
                for dy in 0..<rowsPerCell {
                    for dx in 0..<columnsPerCell {
                        let index = (row * rowsPerCell + dy) * trainingDots.width + column * columnsPerCell + dx
                        let bit = unicode ? dotBits[dy][dx] : 1
                        if trainingDots.on[index] { trainingBits |= bit }
                        if testDots.on[index] { testBits |= bit }
                    }
                }
                guard trainingBits | testBits != 0 else { continue }
                let both = trainingBits != 0 && testBits != 0
                let style = both
                    ? CellStyle(foreground: bothColor(palette), bold: capabilities.colors == .none)
                    : CellStyle(foreground: testBits != 0 ? palette.testLine : palette.trainingLine)
                let scalar: Unicode.Scalar = unicode
                    ? Unicode.Scalar(0x2800 + UInt32(trainingBits | testBits))!
                    : (both ? "#" : (testBits != 0 ? "o" : "*"))
                grid.set(x: plot.x + column, y: plot.y + row, Cell(scalar, style: style), clip: plot)
            }
        }
    }

    /// "epochs 0-1,250" at the left, "log" at the right on the log scale; where that does not
    /// fit, the first epoch at the left and the last at the right ("0   4"), or the last alone.
    static func drawEpochAxis(first: Int, last: Int, logScale: Bool, in line: Rect, into grid: inout CellGrid) {
        let span = "epochs " + Format.grouped(first) + "-" + Format.grouped(last)
        if span.count <= line.width {
            let end = grid.put(span, x: line.x, y: line.y, clip: line)
            if logScale, end + 4 <= line.maxX { grid.put("log", x: line.maxX - 3, y: line.y, clip: line) }
            return
        }
        let (left, right) = (Format.grouped(first), Format.grouped(last))
        if left.count + 1 + right.count <= line.width { grid.put(left, x: line.x, y: line.y, clip: line) }
        grid.put(right, x: max(line.x, line.maxX - right.count), y: line.y, clip: line)
    }

    /// The legend: a sample of each line in its colour and style, then its name:
    /// "⠒⠒ training ⠒⠒ test ⠒⠒ both", shortened to fit ("⠒ train ⠒ test ⠒ both", then
    /// "⠒train ⠒test ⠒both"); nothing when even that does not fit. Returns the columns used.
    @discardableResult
    static func drawLegend(capabilities: Capabilities, in line: Rect, into grid: inout CellGrid) -> Int {
        let palette = Palette(capabilities.colors)
        let unicode = capabilities.unicode
        let noColor = capabilities.colors == .none
        let entries: [(names: [String], sample: Unicode.Scalar, style: CellStyle)] = [
            (["training", "train", "train"], unicode ? "⠒" : "*", CellStyle(foreground: palette.trainingLine)),
            (["test", "test", "test"], unicode ? (noColor ? "⠂" : "⠒") : "o", CellStyle(foreground: palette.testLine)),
            (["both", "both", "both"], unicode ? "⠒" : "#", CellStyle(foreground: bothColor(palette), bold: noColor)),
        ]
        // (sample cells, gap after the sample, gap between entries) per variant, widest first.
        let variants = [(2, 1, 2), (1, 1, 2), (1, 0, 1)]
        for (index, variant) in variants.enumerated() {
            let width = entries.reduce(0) { $0 + variant.0 + variant.1 + $1.names[index].count }
                + variant.2 * (entries.count - 1)
            guard width <= line.width else { continue }
            var x = line.x
            for (number, entry) in entries.enumerated() {
                if number > 0 { x = grid.put(String(repeating: " ", count: variant.2), x: x, y: line.y, clip: line) }
                for _ in 0..<variant.0 {
                    grid.set(x: x, y: line.y, Cell(entry.sample, style: entry.style), clip: line)
                    x += 1
                }
                x = grid.put(String(repeating: " ", count: variant.1) + entry.names[index], x: x, y: line.y, clip: line)
            }
            return width
        }
        return 0
    }
}
