// Pixels drawn two to a cell with half blocks (or shading characters without colour).
/// Pixels drawn two to a cell with `▀` (upper pixel the foreground, lower the background): the
/// main heat map and every node's thumbnail share it. A pixel is a shade code 0–30 (points are
/// drawn over the cells afterwards, by `PointMarks`).
/// Without Unicode: one colour per cell (the upper pixel's).
/// Without colour: a shading character per cell from the mean of its two values.
struct HalfBlocks {
    let capabilities: Capabilities
    let glyphs: Glyphs
    /// The colour of every code: the 31 shades.
    let colors: [TerminalColor]

    init(_ capabilities: Capabilities) {
        self.capabilities = capabilities
        glyphs = Glyphs.forTerminal(unicode: capabilities.unicode)
        let palette = Palette(capabilities.colors)
        colors = (0..<ShadeScale.count).map { palette.shade($0) }
    }

    /// The shade codes of `values` (no points).
    static func codes(_ values: ArraySlice<Double>) -> [UInt8] { values.map { UInt8(ShadeScale.shade($0)) } }

    /// Draws `codes` (`width × 2·rect.height`, row-major from the top-left) into `rect`, clipped
    /// to the grid. `values` are the pixels' values (used without colour; may be empty).
    func draw(codes pixels: [UInt8], values: ArraySlice<Double>, discretize: Bool = false, width: Int, rect: Rect,
              into grid: inout CellGrid) {
        guard pixels.count >= width * 2 * rect.height else { return }
        let clip = rect.intersection(grid.bounds)
        let start = values.startIndex
        for row in 0..<rect.height {
            let y = rect.y + row
            guard y >= clip.y, y < clip.maxY else { continue }
            for column in 0..<width where rect.x + column >= clip.x && rect.x + column < clip.maxX {
                let upper = pixels[2 * row * width + column], lower = pixels[(2 * row + 1) * width + column]
                let cell: Cell
                if capabilities.colors == .none {
                    let scalar: Unicode.Scalar
                    if values.count == pixels.count {
                        var mean = (values[start + 2 * row * width + column] + values[start + (2 * row + 1) * width + column]) / 2
                        if discretize { mean = mean >= 0 ? 1 : -1 }
                        scalar = ShadeScale.rampCharacter(mean, unicode: capabilities.unicode)
                    } else {
                        scalar = " "
                    }
                    cell = Cell(scalar)
                } else if capabilities.unicode {
                    cell = Cell(glyphs.upperHalf, style: CellStyle(foreground: colors[Int(upper)], background: colors[Int(lower)]))
                } else {
                    cell = Cell(" ", style: CellStyle(background: colors[Int(upper)]))
                }
                grid[rect.x + column, y] = cell
            }
        }
    }
}
