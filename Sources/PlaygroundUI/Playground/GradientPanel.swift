// The gradient health panel widget (`h`): per layer, the gradient, its history, sat and dead.
import PlaygroundCore

/// Gradient health (`h`), in the network drawing's place while open: one row per layer of
/// weights, first hidden layer first, the output last (`Playground.diagnostics()`).
///
/// ```
///  Gradient health ─────────────────────────────────────
///      1e-8       1 |dL/dw|  history      upd/w   sat dead
///  h1  ███▍.......  3.2e-6  ▁▁▂▂▃▃▄▄▅▅▆  2.1e-5    0%   0%
///  out ████████▊..  4.0e-2  ▆▆▅▅▄▄▃▃▂▂▁  1.3e-2   12%   0%
/// ```
/// - the bar: mean |∂L/∂w| of the last update on a log axis from 10⁻⁸ (empty) to 10⁰ (full),
///   in eighths of a cell (`#` whole cells in ASCII), so a layer whose gradients are 100× smaller
///   has a bar two decades (a quarter of the axis) shorter; the value beside it in short
///   scientific form;
/// - history: the last epochs' means (`Playground.gradientHistory`), one per cell from the
///   right, each row on its own log scale from its smallest to its largest value, so it shows
///   the trend (a flat row is steady);
/// - upd/w: ‖Δw‖/‖w‖ of the last update; sat and dead: the saturated and dead fractions.
/// Before any update is recorded the gradient columns show "-" and a line says to train.
enum GradientPanel {
    /// The bar's log axis, in powers of ten.
    static let lowestDecade = -8.0, highestDecade = 0.0
    static let eighths: [Unicode.Scalar] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let sparkLevels: [Unicode.Scalar] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiSparkLevels: [Unicode.Scalar] = ["_", ".", ",", "-", "=", "+", "*", "#"]
    /// Columns of the name, the value, the ratio and the two fractions, with their spaces.
    static let fixedWidth = 31

    /// The app's frame's figures (`Frame.build` computes them while the panel is open).
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        draw(state.frame.layerHealth, history: state.frame.gradientHistory, names: layerNames(state.settings),
             capabilities: state.capabilities,
             diverged: !state.frame.shown.network.parametersAreFinite, in: rect, into: &grid)
    }

    /// "h1" … "h6" for the hidden layers, "out" for the output.
    static func layerNames(_ settings: PlaygroundState) -> [String] {
        settings.networkShape.indices.map { "h\($0 + 1)" } + ["out"]
    }

    /// The panel for given figures (`history` empty: nothing recorded yet).
    /// `diverged`: a parameter is NaN or infinite; the fractions then mean nothing (every z is
    /// NaN, so no ReLU is ever "positive") and the panel says what happened instead.
    static func draw(_ layers: [LayerDiagnostics], history: [[Double]], names: [String], capabilities: Capabilities,
                     diverged: Bool = false, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect)
        let palette = Palette(capabilities.colors)
        let dim = CellStyle(foreground: palette.dim)
        Panels.title("Gradient health", in: rect, capabilities: capabilities, into: &grid)
        let room = max(2, rect.width - fixedWidth)
        let sparkWidth = min(Playground.gradientHistoryLength, room / 2), barWidth = room - sparkWidth
        let recorded = !history.isEmpty
        // Column starts.
        let barX = rect.x + 5, valueX = barX + barWidth + 1, sparkX = valueX + 8
        let ratioX = sparkX + sparkWidth + 1, satX = ratioX + 7, deadX = satX + 5

        let header = rect.y + 1
        grid.put("1e-8", x: barX, y: header, style: dim, clip: rect)
        grid.put("1", x: barX + barWidth - 1, y: header, style: dim, clip: rect)
        grid.put("|dL/dw|", x: valueX, y: header, style: dim, clip: rect)
        grid.put("history", x: sparkX, y: header, style: dim, clip: rect)
        grid.put("upd/w", x: ratioX, y: header, style: dim, clip: rect)
        grid.put(" sat", x: satX, y: header, style: dim, clip: rect)
        grid.put("dead", x: deadX, y: header, style: dim, clip: rect)

        for (index, layer) in layers.enumerated() {
            let y = header + 1 + index
            guard y < rect.maxY else { break }
            let vanishing = recorded && layer.meanAbsGradient < 1e-5
            grid.put(index < names.count ? names[index] : "", x: rect.x + 1, y: y, style: CellStyle(bold: true), clip: rect)
            let barStyle = CellStyle(foreground: vanishing ? palette.warning : palette.title)
            drawBar(recorded ? layer.meanAbsGradient : 0, width: barWidth, unicode: capabilities.unicode, style: barStyle,
                    track: dim, x: barX, y: y, clip: rect, into: &grid)
            grid.put(recorded ? Format.scientific(layer.meanAbsGradient) : "-", x: valueX, y: y,
                     style: CellStyle(foreground: vanishing ? palette.warning : .default, bold: vanishing), clip: rect)
            if recorded, index < history.count {
                grid.put(sparkline(history[index], width: sparkWidth, unicode: capabilities.unicode), x: sparkX, y: y,
                         style: CellStyle(foreground: palette.title), clip: rect)
            }
            grid.put(recorded ? Format.scientific(layer.updateRatio) : "-", x: ratioX, y: y, clip: rect)
            if diverged {
                grid.put("   -", x: satX, y: y, clip: rect)
                grid.put("   -", x: deadX, y: y, clip: rect)
                continue
            }
            grid.put(Format.percent(layer.saturated), x: satX, y: y, style: CellStyle(bold: layer.saturated >= 0.5), clip: rect)
            grid.put(Format.percent(layer.dead), x: deadX, y: y,
                     style: CellStyle(foreground: layer.dead > 0 ? palette.warning : .default, bold: layer.dead > 0), clip: rect)
        }
        let noteY = header + 1 + layers.count
        if diverged {
            let notes = ["diverged: the weights are NaN or infinite", "reset (r), or a lower learning rate (l)"]
            for (index, note) in notes.enumerated() where noteY + index < rect.maxY {
                grid.put(note, x: rect.x + 1, y: noteY + index, style: CellStyle(foreground: palette.warning, bold: index == 0), clip: rect)
            }
        } else if !recorded, noteY < rect.maxY {
            grid.put("train (Space or s) to measure the gradients", x: rect.x + 1, y: noteY, style: dim, clip: rect)
        } else {
            // What the fractions count, when there is room under the rows.
            let notes = ["sat: tanh |a|>.99, sigmoid a<.01 or >.99", "dead: ReLU with z<=0 on every training point"]
            for (index, note) in notes.enumerated() where noteY + 1 + index < rect.maxY {
                grid.put(note, x: rect.x + 1, y: noteY + 1 + index, style: dim, clip: rect)
            }
        }
    }

    /// A bar of `width` cells for `value` on the log axis (empty at or below 10⁻⁸ and for 0),
    /// the rest of the width a dotted track.
    static func drawBar(_ value: Double, width: Int, unicode: Bool, style: CellStyle, track: CellStyle, x: Int, y: Int,
                        clip: Rect, into grid: inout CellGrid) {
        let eighthsLit = barEighths(value, width: width)
        for column in 0..<width {
            let lit = min(8, max(0, eighthsLit - 8 * column))
            let cell: Cell
            if lit == 0 {
                cell = Cell(".", style: track)
            } else if unicode {
                cell = Cell(eighths[lit - 1], style: style)
            } else {
                cell = lit >= 4 ? Cell("#", style: style) : Cell(".", style: track)
            }
            grid.set(x: x + column, y: y, cell, clip: clip)
        }
    }

    /// How many eighths of the `width` cells the bar of `value` lights: the position of
    /// log10(value) between `lowestDecade` and `highestDecade`, clamped to the bar.
    static func barEighths(_ value: Double, width: Int) -> Int {
        guard value > 0 else { return 0 }  // NaN too
        let position = (Math.log(value) / Math.log(10) - lowestDecade) / (highestDecade - lowestDecade)
        return Int((max(0, min(1, position)) * Double(8 * width)).rounded())
    }

    /// The last `width` values of `history` as one cell each, aligned right, on the row's own
    /// log scale (the lowest level for every value when they are all equal); 0 and non-finite
    /// values leave a blank.
    static func sparkline(_ history: [Double], width: Int, unicode: Bool) -> String {
        let shown = history.suffix(width)
        let logs = shown.map { $0 > 0 && $0.isFinite ? Math.log($0) : nil }
        let finite = logs.compactMap { $0 }
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        let levels = unicode ? sparkLevels : asciiSparkLevels
        var text = String(repeating: " ", count: width - shown.count)
        for log in logs {
            guard let log else { text.append(" "); continue }
            let level = high > low ? Int(((log - low) / (high - low) * Double(levels.count - 1)).rounded()) : 0
            text.unicodeScalars.append(levels[level])
        }
        return text
    }

}
