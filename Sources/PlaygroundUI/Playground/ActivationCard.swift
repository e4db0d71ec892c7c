// The activation card: the activation's curve and formula, shown while it is changed.
import PlaygroundCore

/// The activation card: drawn over the heat map while the activation knob is focused or just
/// changed (until the next key), so the network stays in sight. The function f and its
/// derivative f' over z ∈ [-5, 5] in braille, f solid and f' dotted (they read apart without
/// colour; with colour f is blue, f' orange), the line y = 0 faint under both, then the
/// activation's properties (`Activation.properties`), wrapped:
///
/// ```
/// Tanh  ⠒⠒ f  ⠂⠂ f'
/// 1                   ⣀⡠⠤⠔⠒⠒⠊⠉⠉
///              ⢀⠔⠁ ⠈⠢⡀
/// ...
/// -1 ⠒⠒⠒⠉⠁
/// z from -5 to 5
/// range (-1, 1), zero-centred, saturates, cannot die
/// ```
/// In ASCII one character per cell: `*` for f, `.` for f', `-` for y = 0.
enum ActivationCard {
    static let zLow = -5.0, zHigh = 5.0

    static func draw(_ activation: Activation, capabilities: Capabilities, in rect: Rect, into grid: inout CellGrid) {
        guard rect.width >= 12, rect.height >= 5 else { return }
        grid.fill(rect)
        let palette = Palette(capabilities.colors)
        let unicode = capabilities.unicode
        let fStyle = CellStyle(foreground: palette.title, bold: true), derivativeStyle = CellStyle(foreground: palette.testLine)
        let dim = CellStyle(foreground: palette.dim)

        // Title and legend.
        var x = grid.put(activation.title, x: rect.x, y: rect.y, style: CellStyle(bold: true), clip: rect)
        x = grid.put("  " + (unicode ? "⠒⠒" : "**"), x: x, y: rect.y, style: fStyle, clip: rect)
        x = grid.put(" f  ", x: x, y: rect.y, clip: rect)
        x = grid.put(unicode ? "⠂⠂" : "..", x: x, y: rect.y, style: derivativeStyle, clip: rect)
        grid.put(" f'", x: x, y: rect.y, clip: rect)

        // The properties at the bottom, then the z axis's line, the plot between.
        let properties = wrap(activation.properties.summary(unicode: unicode), width: rect.width)
        let propertyRows = min(properties.count, rect.height - 4)
        for (index, line) in properties.prefix(propertyRows).enumerated() {
            grid.put(line, x: rect.x, y: rect.maxY - propertyRows + index, clip: rect)
        }
        // f' in words, above the properties: the activation's own text, the one the lessons show.
        let words = activation.derivativeText(output: "f", total: "z")
        grid.put(unicode ? "f′ = " + words : "f' = " + DerivativeText.ascii(words), x: rect.x, y: rect.maxY - propertyRows - 1,
                 style: derivativeStyle, clip: rect)
        let axisY = rect.maxY - propertyRows - 2
        grid.put("z from -5 to 5", x: rect.x, y: axisY, style: dim, clip: rect)
        let plotRows = axisY - rect.y - 1
        guard plotRows >= 2 else { return }

        let curves = samples(activation, count: rect.width * (unicode ? 2 : 1))
        let low = min(0, curves.map { min($0.value, $0.derivative) }.min()!)
        let high = max(1, curves.map { max($0.value, $0.derivative) }.max()!)
        let labels = (top: Format.shortNumber(high), bottom: Format.shortNumber(low))
        let labelWidth = max(labels.top.count, labels.bottom.count) + 1
        grid.put(labels.top, x: rect.x, y: rect.y + 1, style: dim, clip: rect)
        grid.put(labels.bottom, x: rect.x, y: rect.y + plotRows, style: dim, clip: rect)
        let plot = Rect(x: rect.x + labelWidth, y: rect.y + 1, width: rect.width - labelWidth, height: plotRows)
        drawCurves(activation, low: low, high: high, unicode: unicode,
                   styles: (fStyle, derivativeStyle, dim), in: plot, into: &grid)
    }

    /// f and f' at `count` evenly spaced z from -5 to 5 (PReLU at its initial slope).
    static func samples(_ activation: Activation, count: Int) -> [(z: Double, value: Double, derivative: Double)] {
        (0..<max(2, count)).map { index in
            let z = zLow + (zHigh - zLow) * Double(index) / Double(max(2, count) - 1)
            let a = activation.value(z)
            return (z, a, activation.derivative(total: z, output: a))
        }
    }

    /// The curves into `plot`: braille dots (2×4 per cell), or one character per cell in ASCII.
    /// A cell takes the style of the highest curve in it: f, then f', then the zero line.
    static func drawCurves(_ activation: Activation, low: Double, high: Double, unicode: Bool,
                           styles: (f: CellStyle, derivative: CellStyle, zero: CellStyle), in plot: Rect,
                           into grid: inout CellGrid) {
        let (columnsPerCell, rowsPerCell) = unicode ? (2, 4) : (1, 1)
        var fDots = LossChart.Dots(width: plot.width * columnsPerCell, height: plot.height * rowsPerCell)
        var derivativeDots = fDots, zeroDots = fDots
        func row(_ y: Double) -> Int {
            Int(((high - y) / (high - low) * Double(fDots.height - 1)).rounded())
        }
        let curves = samples(activation, count: fDots.width)
        fDots.plot(curves.enumerated().map { (x: $0.offset, y: row($0.element.value)) }, dotted: false)
        derivativeDots.plot(curves.enumerated().map { (x: $0.offset, y: row($0.element.derivative)) }, dotted: unicode)
        zeroDots.plot([(x: 0, y: row(0)), (x: zeroDots.width - 1, y: row(0))], dotted: unicode)
        for cellRow in 0..<plot.height {
            for column in 0..<plot.width {
                var bits: [UInt8] = [0, 0, 0]
                for dy in 0..<rowsPerCell {
                    for dx in 0..<columnsPerCell {
                        let index = (cellRow * rowsPerCell + dy) * fDots.width + column * columnsPerCell + dx
                        let bit = unicode ? LossChart.dotBits[dy][dx] : 1
                        for (layer, dots) in [fDots, derivativeDots, zeroDots].enumerated() where dots.on[index] { bits[layer] |= bit }
                    }
                }
                guard let top = bits.firstIndex(where: { $0 != 0 }) else { continue }
                let style = [styles.f, styles.derivative, styles.zero][top]
                let scalar: Unicode.Scalar = unicode ? Unicode.Scalar(0x2800 + UInt32(bits[0] | bits[1] | bits[2]))!
                    : (["*", ".", "-"] as [Unicode.Scalar])[top]
                grid.set(x: plot.x + column, y: plot.y + cellRow, Cell(scalar, style: style), clip: plot)
            }
        }
    }

    /// `text` in lines of at most `width` columns, broken at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
