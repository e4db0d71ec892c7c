// A canvas of braille lines, one per network edge, the strongest on top.
/// How heavy a edge's line is: it grows with |w| (TF widens the stroke).
public enum LinkStroke: Int, Comparable, Sendable {
    /// |w| < 0.25: every other dot.
    case dotted
    /// 0.25 ≤ |w| < 1: a one-dot line.
    case solid
    /// |w| ≥ 1: two dots high, drawn bold.
    case thick

    public init(weight: Double) {
        let size = abs(weight)
        self = size >= 1 ? .thick : size >= 0.25 ? .solid : .dotted
    }

    public static func < (a: LinkStroke, b: LinkStroke) -> Bool { a.rawValue < b.rawValue }
}

/// Straight edges drawn in braille dots (2×4 per cell) over a rectangle of cells.
///
/// A cell has one colour, so where edges cross the cell takes the colour of the edge with the
/// highest priority (|w|, or more for a selected edge): draw order never matters, and the
/// strong edges of a dense 8×8 layer stay visible through the weak ones. In ASCII mode each
/// cell shows the strongest edge's direction (`-`, `/`, `\`, `.` for dotted) instead of dots.
public struct EdgeCanvas: Sendable {
    public let area: Rect
    private var bits: [UInt8]
    private var priority: [Double]
    private var weight: [Double]
    private var stroke: [LinkStroke]
    private var direction: [Int8]
    /// Per cell: the id of the edge whose colour the cell shows (-1 where none passes).
    private var owner: [Int32]

    public init(area: Rect) {
        self.area = area
        let count = area.width * area.height
        bits = [UInt8](repeating: 0, count: count)
        priority = [Double](repeating: -1, count: count)
        weight = [Double](repeating: 0, count: count)
        stroke = [LinkStroke](repeating: .dotted, count: count)
        direction = [Int8](repeating: 0, count: count)
        owner = [Int32](repeating: -1, count: count)
    }

    /// Dots across and down.
    public var dotWidth: Int { area.width * 2 }
    public var dotHeight: Int { area.height * 4 }

    /// Draws a edge between two dots (relative to the area), with its weight's colour and stroke.
    /// `id` names the edge for `owner(column:row:)` (mouse hit-testing) and for highlighting.
    public mutating func edge(from start: (x: Int, y: Int), to end: (x: Int, y: Int), weight w: Double,
                              priority rank: Double? = nil, id: Int = -1) {
        let id = Int32(id)
        let stroke = LinkStroke(weight: w)
        let rank = rank ?? abs(w)
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1, stepY = start.y < end.y ? 1 : -1
        let slope: Int8 = 2 * dy > -dx ? 0 : (stepY == stepX ? 1 : -1)  // 0 flat, 1 down, -1 up
        var x = start.x, y = start.y, error = dx + dy, index = 0
        while true {
            if stroke != .dotted || index % 2 == 0 {
                plot(x, y, w, stroke, rank, slope, id)
                if stroke == .thick { plot(x, y + 1, w, stroke, rank, slope, id) }
            }
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
            index += 1
        }
    }

    private mutating func plot(_ x: Int, _ y: Int, _ w: Double, _ s: LinkStroke, _ rank: Double, _ slope: Int8,
                               _ id: Int32) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * area.width + x / 2
        bits[cell] |= EdgeCanvas.dotBit(column: x % 2, row: y % 4)
        if rank > priority[cell] {
            priority[cell] = rank
            weight[cell] = w
            stroke[cell] = s
            direction[cell] = slope
            owner[cell] = id
        }
    }

    /// The braille bit of a dot: columns of 1-2-3-7 and 4-5-6-8.
    static func dotBit(column: Int, row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }

    /// Writes the cells that hold dots into `grid`, coloured by `color(weight)`; the cells that
    /// show edge `highlighted` in reverse video.
    public func draw(into grid: inout CellGrid, unicode: Bool, highlighted: Int? = nil,
                     color: (Double) -> TerminalColor) {
        let highlight = Int32(highlighted ?? -2)
        for row in 0..<area.height {
            for column in 0..<area.width {
                let cell = row * area.width + column
                guard bits[cell] != 0 else { continue }
                let style = CellStyle(foreground: color(weight[cell]), bold: stroke[cell] == .thick,
                                      reverse: owner[cell] == highlight)
                let scalar: Unicode.Scalar
                if unicode {
                    scalar = Unicode.Scalar(0x2800 + UInt32(bits[cell]))!
                } else if stroke[cell] == .dotted {
                    scalar = "."
                } else {
                    scalar = direction[cell] == 0 ? "-" : (direction[cell] > 0 ? "\\" : "/")
                }
                grid.set(x: area.x + column, y: area.y + row, Cell(scalar, style: style))
            }
        }
    }

    /// The edge whose colour a cell shows (nil where none passes): what a click there selects.
    public func owner(column: Int, row: Int) -> Int? {
        guard column >= 0, row >= 0, column < area.width, row < area.height else { return nil }
        let cell = row * area.width + column
        return bits[cell] == 0 || owner[cell] < 0 ? nil : Int(owner[cell])
    }

    /// The weight whose colour a cell shows (nil where no edge passes), for tests.
    public func shownWeight(column: Int, row: Int) -> Double? {
        let cell = row * area.width + column
        return bits[cell] == 0 ? nil : weight[cell]
    }
}
