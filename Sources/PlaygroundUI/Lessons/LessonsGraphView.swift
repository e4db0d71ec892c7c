import PlaygroundCore

/// A graph lesson's graph as boxes and arrows, left to right: one column per depth (a variable
/// is depth 0, a gate one more than its deepest input), each node a one-line box with its
/// outgoing wire; the value above the wire (`=3`), the gradient below it (`∂-4`, ASCII `d-4`) in a
/// second colour, so that the two read apart without colour too. Drawn at its natural size into
/// its own grid; the lesson screen shows the part around the active node when it does not fit.
struct GraphPicture {
    let grid: CellGrid
    /// Each node's box.
    let boxes: [Rect]

    /// Rows per node: the value, the box and its wire, the gradient.
    static let band = 3

    /// Wide: each label right of its box, on the wire. Compact (when the wide one is wider than
    /// `maxWidth`): labels over and under the box itself, so a column is only as wide as the
    /// wider of the two.
    init(_ lesson: GraphLesson, capabilities: Capabilities, maxWidth: Int = .max) {
        let graph = lesson.graph
        let unicode = capabilities.unicode
        let palette = Palette(capabilities.colors)
        let nodes = graph.nodes
        let number = ScalarGraph.rounded(3)
        let d = unicode ? "∂" : "d"

        // Columns by depth; bands by the inputs' mean, avoiding bands that longer wires cross.
        var depth = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices where !nodes[index].inputs.isEmpty {
            depth[index] = 1 + nodes[index].inputs.map { depth[$0] }.max()!
        }
        let columnCount = (depth.max() ?? 0) + 1
        var bandOf = [Int](repeating: 0, count: nodes.count)
        var used = [Set<Int>](repeating: [], count: columnCount)
        for column in 0..<columnCount {
            var reserved = Set<Int>()
            for index in nodes.indices where depth[index] > column {
                for input in nodes[index].inputs where depth[input] < column { reserved.insert(bandOf[input]) }
            }
            for index in nodes.indices where depth[index] == column {
                let inputs = nodes[index].inputs
                let wanted = column == 0 || inputs.isEmpty ? used[column].count
                    : Int((Double(inputs.map { bandOf[$0] }.reduce(0, +)) / Double(inputs.count)).rounded(.down))
                var band = wanted, offset = 0
                while used[column].contains(band) || reserved.contains(band) || band < 0 {
                    offset += 1
                    band = wanted + (offset % 2 == 1 ? (offset + 1) / 2 : -offset / 2)
                }
                bandOf[index] = band
                used[column].insert(band)
            }
        }

        // Widths: the box, then room for the longer of the two labels, a space, the bus, the arrow.
        let boxText = nodes.indices.map { Self.boxText(graph, $0, unicode: unicode) }
        let valueText = nodes.indices.map { index in
            let name = nodes[index].name
            let named = nodes[index].operation != .variable && !name.hasPrefix("n") && Double(name) == nil
            return (named ? name : "") + "=" + number(nodes[index].value)
        }
        let gradientText = nodes.indices.map { d + number(nodes[$0].gradient) }
        var boxWidth = [Int](repeating: 0, count: columnCount), labelWidth = boxWidth
        for index in nodes.indices {
            boxWidth[depth[index]] = max(boxWidth[depth[index]], boxText[index].unicodeScalars.count + 2)
            labelWidth[depth[index]] = max(labelWidth[depth[index]], valueText[index].count, gradientText[index].unicodeScalars.count)
        }
        let wide = (0..<columnCount).map { boxWidth[$0] + labelWidth[$0] + 4 }
        let compact = wide.reduce(0, +) - 3 > maxWidth
        var columnX = [0]
        for column in 0..<columnCount {
            columnX.append(columnX[column] + (compact ? max(boxWidth[column], labelWidth[column]) + 3 : wide[column]))
        }
        let height = ((bandOf.max() ?? 0) + 1) * Self.band
        var grid = CellGrid(width: columnX[columnCount] - 3, height: height)
        let row = { (index: Int) in bandOf[index] * Self.band + 1 }
        let boxes = nodes.indices.map { Rect(x: columnX[depth[$0]], y: row($0), width: boxText[$0].unicodeScalars.count + 2, height: 1) }

        // Wires: right from the input's box to the bus before the node's column, along the bus,
        // then into the node with an arrowhead.
        var canvas = WireCanvas(width: grid.width, height: grid.height)
        for index in nodes.indices {
            let bus = columnX[depth[index]] - 2
            for input in nodes[index].inputs {
                canvas.horizontal(y: row(input), from: boxes[input].maxX - 1, to: bus)
                canvas.vertical(x: bus, from: row(input), to: row(index))
                canvas.horizontal(y: row(index), from: bus, to: bus + 1)
            }
        }
        let wireStyle = CellStyle(foreground: palette.dim)
        canvas.draw(into: &grid, unicode: unicode, style: wireStyle)
        for index in nodes.indices where !nodes[index].inputs.isEmpty {
            grid.set(x: boxes[index].x - 1, y: row(index), Cell(unicode ? "►" : ">", style: wireStyle))
        }

        // Boxes and labels, as far as the lesson has stepped.
        let gradients = lesson.gradients
        let active = lesson.activeNode
        let selected = graph.variables.isEmpty ? nil : graph.variables[min(lesson.selectedVariable, graph.variables.count - 1)]
        let valueStyle = CellStyle(foreground: palette.color(full: 114, eight: 2))
        let gradientStyle = CellStyle(foreground: palette.color(full: 209, eight: 3), bold: true)
        let upstream = lesson.lastBackwardStep?.node
        for index in nodes.indices {
            let known = lesson.hasValue(index)
            let style = CellStyle(foreground: known ? palette.title : palette.dim, bold: index == upstream || index == selected,
                                  reverse: index == active)
            let (open, close): (String, String) = nodes[index].operation == .variable ? ("[", "]") : ("(", ")")
            grid.put(open + boxText[index] + close, x: boxes[index].x, y: row(index), style: style)
            let labelX = compact ? boxes[index].x : boxes[index].maxX + 1
            if known { grid.put(valueText[index], x: labelX, y: row(index) - 1, style: valueStyle) }
            if let gradient = gradients[index] { grid.put(d + number(gradient), x: labelX, y: row(index) + 1, style: gradientStyle) }
        }
        self.grid = grid
        self.boxes = boxes
    }

    /// What a box says: a variable's name, a constant's number, a gate's symbol (`×`, `σ`).
    static func boxText(_ graph: ScalarGraph, _ index: Int, unicode: Bool) -> String {
        let node = graph.nodes[index]
        switch node.operation {
        case .variable: return node.name
        case .multiply where unicode: return "×"
        case .multiplyByConstant(let c) where unicode: return "×" + NumberFormat.javaScript(c)
        case .sigmoid where unicode: return "σ"
        default: return node.operation.symbol
        }
    }
}

/// Line segments on a grid of cells, joined where they meet (box-drawing characters; `-`, `|`,
/// `+` in ASCII).
struct WireCanvas {
    private static let left: UInt8 = 1, right: UInt8 = 2, up: UInt8 = 4, down: UInt8 = 8
    let width: Int
    let height: Int
    private var cells: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = [UInt8](repeating: 0, count: width * height)
    }

    private mutating func add(_ x: Int, _ y: Int, _ bits: UInt8) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] |= bits
    }

    mutating func horizontal(y: Int, from a: Int, to b: Int) {
        for x in min(a, b)..<max(a, b) {
            add(x, y, Self.right)
            add(x + 1, y, Self.left)
        }
    }

    mutating func vertical(x: Int, from a: Int, to b: Int) {
        for y in min(a, b)..<max(a, b) {
            add(x, y, Self.down)
            add(x, y + 1, Self.up)
        }
    }

    func draw(into grid: inout CellGrid, unicode: Bool, style: CellStyle) {
        for y in 0..<height {
            for x in 0..<width where cells[y * width + x] != 0 {
                grid.set(x: x, y: y, Cell(Self.glyph(cells[y * width + x], unicode: unicode), style: style))
            }
        }
    }

    static func glyph(_ bits: UInt8, unicode: Bool) -> Unicode.Scalar {
        let horizontal = bits & (left | right) != 0, vertical = bits & (up | down) != 0
        guard unicode else { return horizontal && vertical ? "+" : (vertical ? "|" : "-") }
        switch bits {
        case left | right, left, right: return "─"
        case up | down, up, down: return "│"
        case down | right: return "┌"
        case down | left: return "┐"
        case up | right: return "└"
        case up | left: return "┘"
        case left | right | down: return "┬"
        case left | right | up: return "┴"
        case up | down | right: return "├"
        case up | down | left: return "┤"
        default: return "┼"
        }
    }
}
