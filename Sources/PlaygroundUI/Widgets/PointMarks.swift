// The data points drawn over the heat map, one cell each.
import PlaygroundCore

/// How a data point is drawn on the heat map: one whole cell, a glyph that reads without colour
/// on top of a cell colour that stands out from the half-block map around it.
///
/// Glyphs (all single-width: East Asian width N or narrow; "●" and "○" are ambiguous and are avoided):
///
/// |          | label ≥ 0 (blue) | label < 0 (orange) |
/// |----------|------------------|--------------------|
/// | training | `+`              | `−` (ASCII `-`)    |
/// | test     | `⊞` (ASCII `#`)  | `⊟` (ASCII `=`)    |
///
/// So the class reads from plus/minus and training/test from plain/boxed, with no colour at all.
///
/// Colours, as TF's white ring (training) and dark ring (test):
/// - classification, training: a white cell, the glyph in its class's strong colour;
/// - classification, test: a dark cell, the glyph in its class's bright colour;
/// - regression: the cell in the label's own shade on the map's 31-shade scale (TF colours
///   regression points by value), the glyph black or white, whichever contrasts with that shade.
/// Without colour: the glyph in bold.
enum PointMarks {
    /// The glyph of a point: plus or minus by the label's sign, boxed for test points.
    static func glyph(positive: Bool, isTest: Bool, unicode: Bool) -> Unicode.Scalar {
        switch (isTest, positive) {
        case (false, true): "+"
        case (false, false): unicode ? "−" : "-"
        case (true, true): unicode ? "⊞" : "#"
        case (true, false): unicode ? "⊟" : "="
        }
    }

    /// The cell of a point with `label` (±1 in classification, [-1, 1] in regression).
    static func cell(label: Double, isTest: Bool, problem: Problem, capabilities: Capabilities) -> Cell {
        let scalar = glyph(positive: label >= 0, isTest: isTest, unicode: capabilities.unicode)
        let palette = Palette(capabilities.colors)
        guard capabilities.colors != .none else { return Cell(scalar, style: CellStyle(bold: true)) }
        let style: CellStyle
        if problem == .regression {
            let shade = ShadeScale.shade(label)
            let ink = isLight(shade: shade, colors: capabilities.colors) ? black(palette) : white(palette)
            style = CellStyle(foreground: ink, background: palette.shade(shade), bold: true)
        } else if isTest {
            let ink = label >= 0 ? palette.color(full: 75, eight: 6) : palette.color(full: 214, eight: 3)
            style = CellStyle(foreground: ink, background: palette.color(full: 236, eight: 0), bold: true)
        } else {
            let ink = label >= 0 ? palette.color(full: 25, eight: 4) : palette.color(full: 166, eight: 1)
            style = CellStyle(foreground: ink, background: white(palette), bold: true)
        }
        return Cell(scalar, style: style)
    }

    static func white(_ palette: Palette) -> TerminalColor { palette.color(full: 231, eight: 7) }
    static func black(_ palette: Palette) -> TerminalColor { palette.color(full: 16, eight: 0) }

    /// A shade whose colour wants black ink: relative luminance 0.299 r + 0.587 g + 0.114 b above
    /// 140 of 255 (the grey middle and the light orange and blue around it); on eight colours the
    /// yellow and white shades.
    static func isLight(shade: Int, colors: Capabilities.Colors) -> Bool {
        if colors == .eight { return ShadeScale.basicIndices[shade] != 4 }
        let rgb = ShadeScale.rgb(ofShade: shade)
        return 299 * rgb.red + 587 * rgb.green + 114 * rgb.blue > 140_000
    }

    /// The heat-map cell a point falls in: column ⌊(x + 6) / 12 · width⌋, row ⌊(6 − y) / 12 · height⌋
    /// (the map spans [-6, 6] in both directions, y up); nil outside.
    static func cellPosition(of point: Example, in rect: Rect) -> (x: Int, y: Int)? {
        let column = Int(((point.x + 6) / 12 * Double(rect.width)).rounded(.down))
        let row = Int(((6 - point.y) / 12 * Double(rect.height)).rounded(.down))
        guard column >= 0, column < rect.width, row >= 0, row < rect.height else { return nil }
        return (rect.x + column, rect.y + row)
    }

    /// Draws `points` as marks over the map in `rect` (clipped to it).
    static func draw(_ points: [Example], isTest: Bool, problem: Problem, capabilities: Capabilities,
                     in rect: Rect, into grid: inout CellGrid) {
        for point in points {
            guard let position = cellPosition(of: point, in: rect) else { continue }
            grid.set(x: position.x, y: position.y,
                     cell(label: point.label, isTest: isTest, problem: problem, capabilities: capabilities), clip: rect)
        }
    }
}
