/// A line chart of both losses in braille: each cell is 2×4 dots, so a 20×8 area has 40×32
/// dots. Training and test each get a line in their own colour; without colour the test line
/// is dotted. The y range runs from the lowest to the highest loss since the last reset.
/// Without Unicode: one character per cell (`*` training, `o` test).
enum LossChart {
    /// The braille dot bits, indexed [row][column] within a cell (U+2800 + bits).
    static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// One series' dots: x from 0 to `dotWidth - 1` across the records, y down from the top.
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

        /// A line through the series' points, segment by segment; `dotted` keeps every other dot.
        mutating func plot(_ values: [Double], range: ClosedRange<Double>, dotted: Bool) {
            guard !values.isEmpty, width > 0, height > 0 else { return }
            let span = range.upperBound - range.lowerBound
            func row(_ value: Double) -> Int? {
                guard value.isFinite else { return nil }
                if span <= 1e-12 * max(1, abs(range.upperBound)) { return (height - 1) / 2 }
                return Int(((range.upperBound - value) / span * Double(height - 1)).rounded())
            }
            func column(_ index: Int) -> Int {
                values.count == 1 ? 0 : index * (width - 1) / (values.count - 1)
            }
            var previous: (x: Int, y: Int)?
            var count = 0
            for (index, value) in values.enumerated() {
                guard let y = row(value) else { previous = nil; continue }
                let point = (x: column(index), y: y)
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

    static func draw(training: [Double], test: [Double], range: ClosedRange<Double>?, in rect: Rect,
                     capabilities: Capabilities, into grid: inout CellGrid) {
        let area = rect.intersection(grid.bounds)
        guard !area.isEmpty else { return }
        grid.fill(rect.intersection(grid.bounds))
        guard let range else { return }
        let palette = Palette(capabilities.colors)
        let unicode = capabilities.unicode
        let (columnsPerCell, rowsPerCell) = unicode ? (2, 4) : (1, 1)
        var trainingDots = Dots(width: rect.width * columnsPerCell, height: rect.height * rowsPerCell)
        var testDots = trainingDots
        trainingDots.plot(training, range: range, dotted: false)
        testDots.plot(test, range: range, dotted: capabilities.colors == .none && unicode)
        for row in 0..<rect.height {
            for column in 0..<rect.width {
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
                let color = testBits != 0 ? palette.testLine : palette.trainingLine
                let scalar: Unicode.Scalar = unicode
                    ? Unicode.Scalar(0x2800 + UInt32(trainingBits | testBits))!
                    : (testBits != 0 ? "o" : "*")
                grid.set(x: rect.x + column, y: rect.y + row, Cell(scalar, style: CellStyle(foreground: color)), clip: rect)
            }
        }
    }
}
