// The loss chart with several series: one curve per run, each its own colour or marker.
import PlaygroundCore

extension LossChart {
    /// Series colours (256 colours; 8 colours): distinct up to nine in 256 colours; in eight
    /// colours they repeat after six, and the curves are drawn with their number as the marker.
    static let seriesColors: [(full: UInt8, eight: UInt8)] = [
        (39, 4), (208, 3), (40, 2), (196, 1), (171, 5), (51, 6), (226, 3), (250, 7), (130, 1),
    ]

    /// Series `index`'s colour (nothing without colour).
    static func seriesColor(_ index: Int, _ palette: Palette) -> TerminalColor {
        let color = seriesColors[index % seriesColors.count]
        return palette.color(full: color.full, eight: color.eight)
    }

    /// Series `index`'s marker where the curves cannot be told apart by colour: its number, 1 to 9.
    static func seriesMarker(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(UInt8(ascii: "1") + UInt8(index % 9))
    }

    /// Braille curves need 256 colours to be told apart; with fewer (or no Unicode) each cell
    /// a curve passes through shows its number.
    static func usesMarkers(_ capabilities: Capabilities) -> Bool {
        capabilities.colors != .full || !capabilities.unicode
    }

    /// One curve per series (each a list of (epoch, loss)), over a shared epoch axis and loss
    /// axis, in `rect` (cleared first): the loss labels beside the top and bottom rows, the epoch
    /// span on the last row. A cell several curves pass through shows the last one's.
    static func drawSeries(_ series: [[(epoch: Int, loss: Double)]], logScale: Bool = false, in rect: Rect,
                           capabilities: Capabilities, into grid: inout CellGrid) {
        guard !rect.intersection(grid.bounds).isEmpty else { return }
        grid.fill(rect.intersection(grid.bounds))
        let epochs = series.flatMap { $0.map(\.epoch) }
        guard let firstEpoch = epochs.min(), let lastEpoch = epochs.max() else { return }
        let plotRows = rect.height >= 3 ? rect.height - 1 : rect.height
        if rect.height >= 3 {
            drawEpochAxis(first: firstEpoch, last: lastEpoch, logScale: logScale,
                          in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), into: &grid)
        }
        guard let axis = Axis(values: series.flatMap { $0.map(\.loss) }, logScale: logScale) else { return }
        var plot = Rect(x: rect.x, y: rect.y, width: rect.width, height: plotRows)
        let labelWidth = max(axis.topLabel.count, axis.bottomLabel.count) + 1
        if plotRows >= 2, rect.width - labelWidth >= 4 {
            let dim = CellStyle(foreground: Palette(capabilities.colors).dim)
            grid.put(axis.topLabel, x: rect.x, y: rect.y, style: dim, clip: rect)
            grid.put(axis.bottomLabel, x: rect.x, y: rect.y + plotRows - 1, style: dim, clip: rect)
            plot = Rect(x: rect.x + labelWidth, y: rect.y, width: rect.width - labelWidth, height: plotRows)
        }
        guard !plot.isEmpty else { return }
        let palette = Palette(capabilities.colors)
        let markers = usesMarkers(capabilities)
        let (columnsPerCell, rowsPerCell) = markers ? (1, 1) : (2, 4)
        let span = lastEpoch - firstEpoch
        for (index, points) in series.enumerated() {
            var dots = Dots(width: plot.width * columnsPerCell, height: plot.height * rowsPerCell)
            dots.plot(points.map { point in
                axis.row(point.loss, rows: dots.height).map { (span <= 0 ? 0 : (point.epoch - firstEpoch) * (dots.width - 1) / span, $0) }
            }, dotted: false)
            let style = CellStyle(foreground: seriesColor(index, palette))
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    var bits: UInt8 = 0
                    for dy in 0..<rowsPerCell {
                        for dx in 0..<columnsPerCell where dots.on[(row * rowsPerCell + dy) * dots.width + column * columnsPerCell + dx] {
                            bits |= markers ? 1 : dotBits[dy][dx]
                        }
                    }
                    guard bits != 0 else { continue }
                    let scalar = markers ? seriesMarker(index) : Unicode.Scalar(0x2800 + UInt32(bits))!
                    grid.set(x: plot.x + column, y: plot.y + row, Cell(scalar, style: style), clip: plot)
                }
            }
        }
    }

    /// A legend row's sample of series `index`: two braille dashes in its colour, or its number
    /// where the chart draws numbers.
    static func seriesSample(_ index: Int, capabilities: Capabilities) -> (text: String, style: CellStyle) {
        let style = CellStyle(foreground: seriesColor(index, Palette(capabilities.colors)), bold: true)
        return usesMarkers(capabilities) ? (String(Character(seriesMarker(index))) + " ", style) : ("⠒⠒", style)
    }
}
