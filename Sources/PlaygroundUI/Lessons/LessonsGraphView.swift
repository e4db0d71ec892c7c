// Lessons 1-3's graph picture: a tree of boxes and wires, laid out and drawn.
import PlaygroundCore

/// A graph lesson's graph as a tree of boxes and arrows, left to right, drawn so that no wire
/// can be read as a join: every use of a variable is its own leaf (`[y]` twice in `x*y + y*z`;
/// the variable's gradient is the sum of its leaves', "gradients add at branches"), so the
/// picture is a tree, and each wire has its own lane.
///
/// Leaves take one band each (value above, box, gradient below), top to bottom in the order the
/// expression reads; a gate sits on its first input's band, so that input runs straight in
/// (`─►`) and its second input comes up from below into the box (`▲`). Columns go by height (a
/// leaf is column 0, a gate one more than its highest input). A wire then never meets another:
/// the cells a wire crosses between a node and its parent belong to no other node's subtree.
/// The value is above the box's outgoing wire (`q=3`, every computed node with its name), the
/// gradient below it (`∂-4`, ASCII `d-4`) in a second colour. `spacing` widens the gaps and the
/// bands on large screens; the lesson screen scrolls the picture to the active node when it does
/// not fit.
struct GraphPicture {
    /// One box: the graph node it shows, and the gate it feeds (nil for the output) and where.
    struct Item: Equatable {
        let node: Int
        let parent: Int?
        let slot: Int
        var children: [Int] = []
    }

    /// Extra cells between columns, rows per band (3 at least), and whether the labels go over
    /// and under the box (compact: a column as wide as its widest box or label) instead of right
    /// of it on the wire.
    struct Spacing: Equatable {
        var gap = 0
        var band = 3
        var compact = false
    }

    let grid: CellGrid
    let items: [Item]
    /// Each item's box.
    let boxes: [Rect]

    /// The first box that shows graph node `node`.
    func box(of node: Int) -> Rect? { items.firstIndex { $0.node == node }.map { boxes[$0] } }

    /// The items of a graph: a depth-first walk from the output, every use of a leaf its own item.
    static func items(_ graph: ScalarGraph) -> [Item] {
        var items: [Item] = []
        func add(_ node: Int, parent: Int?, slot: Int) -> Int {
            let index = items.count
            items.append(Item(node: node, parent: parent, slot: slot))
            for (slot, input) in graph.nodes[node].inputs.enumerated() {
                let child = add(input, parent: index, slot: slot)
                items[index].children.append(child)
            }
            return index
        }
        if !graph.nodes.isEmpty { _ = add(graph.output, parent: nil, slot: 0) }
        return items
    }

    /// The largest spacing at which the picture fits `width × height` (the tightest if none does).
    static func spacing(_ lesson: GraphLesson, capabilities: Capabilities, full: Bool, width: Int, height: Int) -> Spacing {
        let tight = GraphPicture(lesson, capabilities: capabilities, full: full, spacing: Spacing())
        let compact = tight.grid.width > width
        let narrow = compact ? GraphPicture(lesson, capabilities: capabilities, full: full, spacing: Spacing(compact: true)) : tight
        let leaves = max(1, tight.grid.height / 3)
        let band = min(10, max(3, height / leaves))
        let gaps = Set(tight.boxes.map(\.x)).count - 1
        let gap = gaps > 0 ? min(30, max(0, (width * 4 / 5 - narrow.grid.width) / gaps)) : 0
        return Spacing(gap: gap, band: band, compact: compact)
    }

    init(_ lesson: GraphLesson, capabilities: Capabilities, full: Bool = false, spacing: Spacing = Spacing()) {
        let graph = lesson.graph
        let unicode = capabilities.unicode
        let palette = Palette(capabilities.colors)
        let nodes = graph.nodes
        let number = GraphLesson.number(full: full)
        let d = unicode ? "∂" : "d"
        let items = Self.items(graph)

        // Columns by height, bands by the order of the leaves.
        var column = [Int](repeating: 0, count: items.count), band = column
        var leaves = 0
        func place(_ index: Int) {
            for child in items[index].children { place(child) }
            if items[index].children.isEmpty {
                band[index] = leaves
                leaves += 1
            } else {
                column[index] = 1 + items[index].children.map { column[$0] }.max()!
                band[index] = band[items[index].children[0]]
            }
        }
        if !items.isEmpty { place(0) }

        // Texts, measured at their final values so that stepping never moves a box.
        let boxText = items.map { Self.boxText(graph, $0.node, unicode: unicode, number: number) }
        func valueText(_ item: Item) -> String? {
            switch nodes[item.node].operation {
            case .constant: nil
            case .variable: "=" + number(nodes[item.node].value)
            default: nodes[item.node].name + "=" + number(nodes[item.node].value)
            }
        }
        func gradient(_ item: Item, final: Bool) -> Double? {
            if case .constant = nodes[item.node].operation { return nil }
            if nodes[item.node].operation == .variable, let parent = item.parent {
                let node = items[parent].node
                if final {
                    return graph.backwardSteps.first { $0.node == node && $0.inputSlot == item.slot }?.contribution
                }
                return lesson.share(node: node, slot: item.slot)
            }
            return final ? nodes[item.node].gradient : lesson.gradients[item.node]
        }
        let columnCount = (column.max() ?? 0) + 1
        var boxWidth = [Int](repeating: 0, count: columnCount), labelWidth = boxWidth, compactWidth = boxWidth
        for (index, item) in items.enumerated() {
            let c = column[index]
            let box = boxText[index].unicodeScalars.count + 2
            boxWidth[c] = max(boxWidth[c], box)
            let gradientWidth = gradient(item, final: true).map { (d + number($0)).unicodeScalars.count } ?? 0
            let valueWidth = valueText(item)?.unicodeScalars.count ?? 0
            labelWidth[c] = max(labelWidth[c], valueWidth, gradientWidth)
            compactWidth[c] = max(compactWidth[c], box, valueWidth, gradientWidth + Self.gradientIndent(item))
        }
        var columnX = [0]
        for c in 0..<columnCount {
            let width = spacing.compact ? compactWidth[c] + 2 : boxWidth[c] + 1 + labelWidth[c] + 3
            columnX.append(columnX[c] + width + spacing.gap)
        }
        let trailing = spacing.compact ? 2 : 3
        let bandHeight = max(3, spacing.band)
        var grid = CellGrid(width: max(1, columnX[columnCount] - trailing - spacing.gap), height: max(1, leaves) * bandHeight)
        let row = { (index: Int) in band[index] * bandHeight + 1 }
        let boxes = items.indices.map { Rect(x: columnX[column[$0]], y: row($0), width: boxText[$0].unicodeScalars.count + 2, height: 1) }

        // Wires: the first input straight along its row into the box's left side; the second
        // along its row to under the box, then up into it.
        var canvas = WireCanvas(width: grid.width, height: grid.height)
        var arrows: [(x: Int, y: Int, glyph: Unicode.Scalar)] = []
        for (index, item) in items.enumerated() {
            guard let parent = item.parent else { continue }
            let target = boxes[parent]
            if item.slot == 0 {
                canvas.horizontal(y: row(index), from: boxes[index].maxX - 1, to: target.x - 2)
                arrows.append((target.x - 1, row(index), unicode ? "►" : ">"))
            } else {
                let x = target.x + 1
                canvas.horizontal(y: row(index), from: boxes[index].maxX - 1, to: x)
                canvas.vertical(x: x, from: row(index), to: target.y + 2)
                arrows.append((x, target.y + 1, unicode ? "▲" : "^"))
            }
        }
        let wireStyle = CellStyle(foreground: palette.dim)
        canvas.draw(into: &grid, unicode: unicode, style: wireStyle)
        for arrow in arrows { grid.set(x: arrow.x, y: arrow.y, Cell(arrow.glyph, style: wireStyle)) }

        // Boxes and labels, as far as the lesson has stepped.
        let active = lesson.activeNode
        let selected = graph.variables.isEmpty ? nil : graph.variables[min(lesson.selectedVariable, graph.variables.count - 1)]
        let valueStyle = CellStyle(foreground: palette.color(full: 114, eight: 2))
        let gradientStyle = CellStyle(foreground: palette.color(full: 209, eight: 3), bold: true)
        let last = lesson.lastBackwardStep
        for (index, item) in items.enumerated() {
            let node = item.node
            let known = lesson.hasValue(node)
            // The active box: the node just computed, or the one use of a variable just reached.
            let isActive = node == active && (last == nil || item.parent.map { items[$0].node } == last?.node
                                                || nodes[node].operation != .variable)
            let style = CellStyle(foreground: known ? palette.title : palette.dim, bold: node == last?.node || node == selected,
                                  reverse: isActive)
            let (open, close): (String, String) = graph.isLeaf(node) ? ("[", "]") : ("(", ")")
            grid.put(open + boxText[index] + close, x: boxes[index].x, y: row(index), style: style)
            let labelX = spacing.compact ? boxes[index].x : boxes[index].maxX + 1
            let gradientX = spacing.compact ? labelX + Self.gradientIndent(item) : labelX
            if known, let value = valueText(item) { grid.put(value, x: labelX, y: row(index) - 1, style: valueStyle) }
            if let value = gradient(item, final: false) { grid.put(d + number(value), x: gradientX, y: row(index) + 1, style: gradientStyle) }
        }
        self.grid = grid
        self.items = items
        self.boxes = boxes
    }

    /// Compact labels under a gate of two inputs start right of the arrow that comes up into it.
    static func gradientIndent(_ item: Item) -> Int { item.children.count > 1 ? 2 : 0 }

    /// What a box says: a variable's name, a constant's number, a gate's symbol (`×`, `σ`, `+0.46`),
    /// its numbers written by `number`.
    static func boxText(_ graph: ScalarGraph, _ index: Int, unicode: Bool,
                        number: (Double) -> String = GraphLesson.number(full: false)) -> String {
        let node = graph.nodes[index]
        let times = unicode ? "×" : "*"
        switch node.operation {
        case .variable: return node.name
        case .constant(let c): return number(c)
        case .multiply: return times
        case .multiplyByConstant(let c): return times + number(c)
        case .addConstant(let c): return c < 0 ? number(c) : "+" + number(c)
        case .power(let c): return "^" + number(c)
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
