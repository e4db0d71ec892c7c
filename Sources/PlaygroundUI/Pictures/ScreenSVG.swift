/// Turns a finished screen (a `CellGrid`, as `render` draws it) into an SVG picture of what a
/// 256-colour terminal shows: each cell's background, its glyph in its colours, bold and reverse.
///
/// Colours go through `ColorPairs.terminalColors` (the same mapping the terminal backend uses)
/// and the xterm palette, so a cell's SVG colour is the colour xterm shows for it. Block pixels
/// (`▀ ▄ █ ▌ ▐`, the shades `░ ▒ ▓`), braille dots and the light box lines are drawn as shapes, so
/// they look crisp and line up whatever font the viewer has; every other glyph is text in a
/// monospace font, each at its own cell's position. Shapes of one colour share one path, and
/// neighbouring cells of one colour merge into one rectangle, which keeps the file small. The
/// output depends on the grid alone: the same screen gives the same bytes.
public enum ScreenSVG {
    /// One cell in SVG units (a terminal cell is about twice as tall as wide, so `▀` pixels are square).
    public static let cellWidth = 9
    public static let cellHeight = 18
    /// The margin around the screen, in the background colour.
    public static let margin = 12
    public static let fontSize = 15
    public static let fontFamily = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"
    /// The terminal's own colours (ncurses' default pair): a dark terminal.
    public static let defaultForeground = RGB(0xd0, 0xd0, 0xd0)
    public static let defaultBackground = RGB(0x1c, 0x1c, 0x1c)

    /// The picture's width and height in SVG units for a grid.
    public static func size(columns: Int, rows: Int) -> (width: Int, height: Int) {
        (columns * cellWidth + 2 * margin, rows * cellHeight + 2 * margin)
    }

    /// The top-left corner of cell (`x`, `y`) in the picture.
    public static func origin(x: Int, y: Int) -> (x: Int, y: Int) { (margin + x * cellWidth, margin + y * cellHeight) }

    /// The colours a cell shows on a 256-colour terminal: foreground and background, reverse applied.
    public static func colors(of style: CellStyle) -> (foreground: RGB, background: RGB) {
        let pairs = ColorPairs(mode: .full, limit: 256, defaultColors: true).terminalColors(style)
        func rgb(_ number: Int16, default color: RGB) -> RGB {
            number < 0 ? color : XTermPalette.approximateRGB(ofIndex: Int(number))
        }
        let foreground = rgb(pairs.foreground, default: defaultForeground)
        let background = rgb(pairs.background, default: defaultBackground)
        return style.reverse ? (background, foreground) : (foreground, background)
    }

    /// The SVG document for `grid`. `title` names the picture (for screen readers and file
    /// browsers); `description` may say how it was made (the state, the epoch).
    public static func document(_ grid: CellGrid, title: String, description: String? = nil) -> String {
        let (width, height) = size(columns: grid.width, rows: grid.height)
        var shapes = ShapeSet()
        var text: [String] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let (foreground, background) = colors(of: cell.style)
                let (left, top) = origin(x: x, y: y)
                if background != defaultBackground {
                    shapes.add(background, x: left, y: top, width: cellWidth, height: cellHeight, layer: 0)
                }
                _ = CellShapes.draw(cell.scalar, color: foreground, x: left, y: top, into: &shapes)
            }
            text += TextRuns.elements(row: y, of: grid)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title>\(escaped(title))</title>\n"
        if let description { out += "<desc>\(escaped(description))</desc>\n" }
        out += "<rect width=\"\(width)\" height=\"\(height)\" rx=\"6\" fill=\"\(hex(defaultBackground))\"/>\n"
        out += shapes.paths()
        out += "<g font-family=\"\(fontFamily)\" font-size=\"\(fontSize)\" xml:space=\"preserve\">\n"
        for element in text { out += element + "\n" }
        out += "</g>\n</svg>\n"
        return out
    }

    /// `#rrggbb`.
    public static func hex(_ color: RGB) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = "#"
        for channel in [color.red, color.green, color.blue] {
            let byte = max(0, min(255, channel))
            text.unicodeScalars.append(digits[byte >> 4])
            text.unicodeScalars.append(digits[byte & 15])
        }
        return text
    }

    /// Text made safe inside an XML element or attribute: `& < > "` escaped, and characters XML
    /// does not allow (control characters) as `?`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                let allowed = scalar == "\n" || scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7f
                    && !(0x80..<0xa0).contains(scalar.value) && scalar.value != 0xfffe && scalar.value != 0xffff)
                out.unicodeScalars.append(allowed ? scalar : "?")
            }
        }
        return out
    }
}

/// Rectangles gathered per (layer, colour, opacity): one SVG path each, in a fixed order.
struct ShapeSet {
    struct Key: Hashable, Comparable {
        var layer: Int
        var color: RGB
        /// Percent.
        var opacity: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.layer, a.color.red, a.color.green, a.color.blue, a.opacity) < (b.layer, b.color.red, b.color.green, b.color.blue, b.opacity)
        }
    }

    struct Box { var x, y, width, height: Int }

    private(set) var boxes: [Key: [Box]] = [:]

    /// Adds a rectangle; one that continues the last one of its kind on the same band (same top
    /// and height, touching on the left) makes that one longer instead.
    mutating func add(_ color: RGB, x: Int, y: Int, width: Int, height: Int, layer: Int, opacity: Int = 100) {
        let key = Key(layer: layer, color: color, opacity: opacity)
        if var list = boxes[key], let last = list.last, last.y == y, last.height == height, last.x + last.width == x {
            list[list.count - 1].width += width
            boxes[key] = list
        } else {
            boxes[key, default: []].append(Box(x: x, y: y, width: width, height: height))
        }
    }

    func paths() -> String {
        var out = ""
        for key in boxes.keys.sorted() {
            var d = ""
            for box in boxes[key]! { d += "M\(box.x) \(box.y)h\(box.width)v\(box.height)h-\(box.width)z" }
            let opacity = key.opacity == 100 ? "" : " fill-opacity=\"0.\(key.opacity < 10 ? "0" : "")\(key.opacity)\""
            out += "<path fill=\"\(ScreenSVG.hex(key.color))\"\(opacity) d=\"\(d)\"/>\n"
        }
        return out
    }
}

/// The glyphs drawn as shapes rather than text.
enum CellShapes {
    /// Draws `scalar` as shapes if it is one of the shaped glyphs; false when it is text (or blank).
    static func draw(_ scalar: Unicode.Scalar, color: RGB, x: Int, y: Int, into shapes: inout ShapeSet) -> Bool {
        let w = ScreenSVG.cellWidth, h = ScreenSVG.cellHeight
        func box(_ dx: Int, _ dy: Int, _ width: Int, _ height: Int, opacity: Int = 100) {
            shapes.add(color, x: x + dx, y: y + dy, width: width, height: height, layer: 1, opacity: opacity)
        }
        switch scalar {
        case "▀": box(0, 0, w, h / 2)
        case "▄": box(0, h / 2, w, h - h / 2)
        case "█": box(0, 0, w, h)
        case "▌": box(0, 0, (w + 1) / 2, h)
        case "▐": box((w + 1) / 2, 0, w - (w + 1) / 2, h)
        case "░": box(0, 0, w, h, opacity: 25)
        case "▒": box(0, 0, w, h, opacity: 50)
        case "▓": box(0, 0, w, h, opacity: 75)
        case "\u{2800}"..."\u{28ff}":
            // Braille: dots 1-2-3 and 7 down the left column, 4-5-6 and 8 down the right.
            let bits = Int(scalar.value - 0x2800)
            let places = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
            for (bit, place) in places.enumerated() where bits & (1 << bit) != 0 {
                shapes.add(color, x: x + 2 + place.0 * 4, y: y + 1 + place.1 * 4 + place.1 / 2, width: 2, height: 2, layer: 2)
            }
        default:
            guard let arms = boxArms[scalar] else { return false }
            // Light lines one unit thick through the cell's middle, out to the arms' edges.
            let cx = w / 2, cy = h / 2
            if arms.contains("l") || arms.contains("r") {
                let from = arms.contains("l") ? 0 : cx, to = arms.contains("r") ? w : cx + 1
                box(from, cy, to - from, 1)
            }
            // Each vertical arm covers the middle row too, so "│" is one unbroken line.
            if arms.contains("u") { box(cx, 0, 1, cy + 1) }
            if arms.contains("d") { box(cx, cy, 1, h - cy) }
        }
        return true
    }

    /// The light box-drawing characters by their arms: left, right, up, down.
    static let boxArms: [Unicode.Scalar: String] = [
        "─": "lr", "│": "ud", "┌": "rd", "┐": "ld", "└": "ru", "┘": "lu",
        "├": "rud", "┤": "lud", "┬": "lrd", "┴": "lru", "┼": "lrud",
    ]
}

/// A row's text: one `<text>` per run of neighbouring cells of one colour and weight (a single
/// space inside a run belongs to it; two or more end it), each run placed at its first cell and
/// stretched by `textLength` to exactly its cells' width, so a font of another width cannot drift
/// the columns far. (Per-glyph x lists would be exact, but not every renderer honours them.)
enum TextRuns {
    static func elements(row y: Int, of grid: CellGrid) -> [String] {
        var elements: [String] = []
        let baseline = ScreenSVG.origin(x: 0, y: y).y + ScreenSVG.cellHeight * 3 / 4 + 1
        var run: (start: Int, color: RGB, bold: Bool, text: String, cells: Int)?
        var spaces = 0
        func close() {
            guard let open = run else { return }
            let left = ScreenSVG.origin(x: open.start, y: y).x
            let weight = open.bold ? " font-weight=\"bold\"" : ""
            let stretch = open.cells > 1 ? " textLength=\"\(open.cells * ScreenSVG.cellWidth)\" lengthAdjust=\"spacing\"" : ""
            elements.append("<text x=\"\(left)\" y=\"\(baseline)\" fill=\"\(ScreenSVG.hex(open.color))\"\(weight)\(stretch)>"
                            + ScreenSVG.escaped(open.text) + "</text>")
            run = nil
        }
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.scalar == " " {
                spaces += 1
                continue
            }
            if isShape(cell.scalar) {
                close()
                continue
            }
            let color = ScreenSVG.colors(of: cell.style).foreground
            if let open = run, open.color == color, open.bold == cell.style.bold, spaces <= 1, open.start + open.cells + spaces == x {
                run!.text += String(repeating: " ", count: spaces) + String(cell.scalar)
                run!.cells += spaces + 1
            } else {
                close()
                run = (x, color, cell.style.bold, String(cell.scalar), 1)
            }
            spaces = 0
        }
        close()
        return elements
    }

    static func isShape(_ scalar: Unicode.Scalar) -> Bool {
        var probe = ShapeSet()
        return CellShapes.draw(scalar, color: RGB(0, 0, 0), x: 0, y: 0, into: &probe)
    }
}
