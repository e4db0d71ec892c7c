// The loss chart's past: where its plot lies (for a click), the ghosts' faded curves, the marker at the epoch on screen.
import PlaygroundCore

extension LossChart {
    /// Where the plot lies in the chart's rectangle, its y axis, and the epochs its width spans
    /// (the records' and the ghosts'): what drawing and a click on the chart both read.
    struct Geometry: Equatable {
        let plot: Rect
        let axis: Axis
        let epochs: ClosedRange<Int>
        /// Dot columns per cell (braille: 2; one character per cell without Unicode).
        let columnsPerCell: Int

        /// Nil when no loss is finite (nothing to plot).
        init?(_ records: [LossHistory.Record], ghosts: [[LossHistory.Record]], logScale: Bool, in rect: Rect, unicode: Bool = true) {
            var low = Int.max, high = Int.min, values: [Double] = []
            for series in [records] + ghosts {
                for record in series {
                    low = min(low, record.epoch)
                    high = max(high, record.epoch)
                    values.append(record.training)
                    values.append(record.test)
                }
            }
            guard low <= high, let axis = Axis(values: values, logScale: logScale) else { return nil }
            self.axis = axis
            epochs = low...high
            columnsPerCell = unicode ? 2 : 1
            let plotRows = rect.height >= 3 ? rect.height - 1 : rect.height
            let labelWidth = max(axis.topLabel.count, axis.bottomLabel.count) + 1
            plot = plotRows >= 2 && rect.width - labelWidth >= 4
                ? Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: plotRows)
                : Rect(x: rect.x, y: rect.y, width: rect.width, height: plotRows)
        }

        /// The dot column of `epoch` (as `drawLines` places it).
        func dotColumn(of epoch: Int) -> Int {
            let span = epochs.upperBound - epochs.lowerBound, dots = plot.width * columnsPerCell
            return span <= 0 ? 0 : (epoch - epochs.lowerBound) * (dots - 1) / span
        }

        /// The epoch under screen column `x` (the middle of its cell); nil outside the plot.
        func epoch(atX x: Int) -> Int? {
            guard x >= plot.x, x < plot.maxX else { return nil }
            let span = epochs.upperBound - epochs.lowerBound, dots = plot.width * columnsPerCell
            guard span > 0, dots > 1 else { return epochs.lowerBound }
            let dot = (x - plot.x) * columnsPerCell + columnsPerCell / 2
            return epochs.lowerBound + Int((Double(dot) * Double(span) / Double(dots - 1)).rounded())
        }
    }

    /// The colour of a ghost's curve (full colour: a dark grey; with 8 colours or none the ghost
    /// is drawn with `ghostGlyph` instead, as a dim colour cannot be told from the lines).
    static func ghostColor(_ palette: Palette) -> TerminalColor { palette.color(full: 239, eight: 7) }

    /// The ghost's cell where braille in a faded colour cannot be told apart.
    static func ghostGlyph(unicode: Bool) -> Unicode.Scalar { unicode ? "·" : "." }

    /// Every ghost's training and test losses, faded, in the cells no line of the run takes
    /// (the run's lines are drawn over them).
    static func drawGhosts(_ ghosts: [[LossHistory.Record]], geometry: Geometry, capabilities: Capabilities,
                           into grid: inout CellGrid) {
        guard !ghosts.isEmpty else { return }
        let plot = geometry.plot
        let braille = capabilities.unicode && capabilities.colors == .full
        let (columnsPerCell, rowsPerCell) = braille ? (2, 4) : (1, 1)
        var dots = Dots(width: plot.width * columnsPerCell, height: plot.height * rowsPerCell)
        let scale = braille ? 1 : geometry.columnsPerCell
        for ghost in ghosts {
            for loss in [\LossHistory.Record.training, \LossHistory.Record.test] {
                dots.plot(ghost.map { record in
                    geometry.axis.row(record[keyPath: loss], rows: dots.height).map { (geometry.dotColumn(of: record.epoch) / scale, $0) }
                }, dotted: false)
            }
        }
        let style = CellStyle(foreground: ghostColor(Palette(capabilities.colors)))
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                var bits: UInt8 = 0
                for dy in 0..<rowsPerCell {
                    for dx in 0..<columnsPerCell where dots.on[(row * rowsPerCell + dy) * dots.width + column * columnsPerCell + dx] {
                        bits |= braille ? dotBits[dy][dx] : 1
                    }
                }
                guard bits != 0 else { continue }
                let scalar = braille ? Unicode.Scalar(0x2800 + UInt32(bits))! : ghostGlyph(unicode: capabilities.unicode)
                grid.set(x: plot.x + column, y: plot.y + row, Cell(scalar, style: style), clip: plot)
            }
        }
    }

    /// A faded vertical rule at `epoch`'s column, in the cells the lines leave empty.
    static func drawMarker(at epoch: Int, geometry: Geometry, capabilities: Capabilities, into grid: inout CellGrid) {
        let plot = geometry.plot
        let x = plot.x + geometry.dotColumn(of: epoch) / geometry.columnsPerCell
        let glyph = Glyphs.forTerminal(unicode: capabilities.unicode).vertical
        let style = CellStyle(foreground: Palette(capabilities.colors).title)
        for y in plot.y..<plot.maxY { grid.set(x: x, y: y, Cell(glyph, style: style), clip: plot) }
    }

    /// The axis row while a past epoch is on screen: "epoch 412  training 0.123  test 0.145",
    /// shortened to fit ("412 train 0.123 test 0.145", "412: 0.123 0.145"), each loss in its line's colour.
    static func drawMarkerLine(_ marker: LossHistory.Record, in line: Rect, capabilities: Capabilities, into grid: inout CellGrid) {
        let palette = Palette(capabilities.colors)
        let epoch = Format.grouped(marker.epoch)
        let training = Format.decimal(marker.training, places: 3), test = Format.decimal(marker.test, places: 3)
        let variants: [[String]] = [["epoch \(epoch)  ", "training \(training)", "  test \(test)"],
                                    ["\(epoch) ", "train \(training)", " test \(test)"],
                                    ["\(epoch): ", training, " " + test]]
        let parts = variants.first { $0.joined().unicodeScalars.count <= line.width } ?? variants[variants.count - 1]
        var x = grid.put(parts[0], x: line.x, y: line.y, style: CellStyle(bold: true), clip: line)
        x = grid.put(parts[1], x: x, y: line.y, style: CellStyle(foreground: palette.trainingLine), clip: line)
        grid.put(parts[2], x: x, y: line.y, style: CellStyle(foreground: palette.testLine), clip: line)
    }
}
