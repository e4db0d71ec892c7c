// The contract between the UI and the terminal: cells, the cell grid, colours, keys, capabilities.
/// What the UI and the terminal backend agree on: cells, colours, keys and capabilities.
/// The UI draws into a `CellGrid`; the backend (the only code that touches ncurses) writes
/// the cells that changed and turns terminal input into `Key`s.

/// A colour: the terminal's default, or an index into the 256-colour palette. The backend
/// maps indices down to 8 colours, or drops colour altogether, as the terminal allows.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case index(UInt8)
}

/// How a cell looks.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                bold: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
    }

    public static let plain = CellStyle()
}

/// One terminal cell: a single-width character and its style.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: CellStyle

    public init(_ scalar: Unicode.Scalar = " ", style: CellStyle = .plain) {
        self.scalar = scalar
        self.style = style
    }
}

/// A rectangle of cells: `x`, `y` of the top-left corner.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }
}

/// A screen's worth of cells, row-major.
public struct CellGrid: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes one cell if it lies inside `clip` (and the grid).
    public mutating func set(x: Int, y: Int, _ cell: Cell, clip: Rect? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let clip, !clip.contains(x: x, y: y) { return }
        cells[y * width + x] = cell
    }

    /// Writes `text` from (x, y) to the right, one cell per scalar, clipped to `clip`.
    /// Returns the column after the last scalar written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, clip: Rect? = nil) -> Int {
        var column = x
        for scalar in text.unicodeScalars {
            set(x: column, y: y, Cell(scalar, style: style), clip: clip)
            column += 1
        }
        return column
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = Cell()) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY { for x in area.x..<area.maxX { cells[y * width + x] = cell } }
    }

    /// The text of row `y` (scalars only), for tests and captures.
    public func line(_ y: Int) -> String {
        var text = String.UnicodeScalarView()
        for x in 0..<width { text.append(cells[y * width + x].scalar) }
        return String(text)
    }

    /// All rows as text.
    public var lines: [String] { (0..<height).map(line) }
}

/// What the terminal can show, found by the backend at start.
public struct Capabilities: Equatable, Sendable {
    public enum Colors: Equatable, Sendable {
        /// `NO_COLOR`, or a terminal without colour: shapes and shading characters only.
        case none
        /// The eight basic colours.
        case eight
        /// The 256-colour palette.
        case full
    }

    public var colors: Colors
    /// False when the locale cannot show UTF-8: ASCII drawing only.
    public var unicode: Bool
    /// The terminal reports mouse clicks.
    public var mouse: Bool

    public init(colors: Colors = .full, unicode: Bool = true, mouse: Bool = false) {
        self.colors = colors
        self.unicode = unicode
        self.mouse = mouse
    }
}

/// One key press (or event) as the backend reports it.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    case enter, escape, tab, backTab, backspace
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-C when the terminal delivers it as a key.
    case interrupt
    /// A mouse button press at a cell (0-based column and row).
    case click(x: Int, y: Int)
    /// The mouse wheel, up or down, at a cell.
    case scroll(up: Bool, x: Int, y: Int)
}
