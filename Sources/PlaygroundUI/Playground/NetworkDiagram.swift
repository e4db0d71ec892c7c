// Where the network drawing puts its columns, nodes and edge areas.
/// Where the network drawing puts its columns and nodes: one column per layer (the input
/// features, each hidden layer, the output), every node a small heat map of its own output, the
/// edges in the gaps between columns. Pure geometry, so it is tested at every size.
///
/// The input column has a slot for each feature the page shows, enabled or not (TF shows them
/// all, less those a classroom link hides): a disabled feature's slot is drawn dimmed and has no
/// edges. Network input `k` is the `k`-th enabled feature; `Inspector.row` maps it to its slot.
public struct NetworkDiagram: Equatable, Sendable {
    /// How big each node is drawn, in cells. A node of `width × height` cells shows a
    /// `width × 2·height` pixel thumbnail with half blocks (square pixels).
    public struct NodeSize: Equatable, Sendable {
        public let width: Int
        public let height: Int
        public var pixelWidth: Int { width }
        public var pixelHeight: Int { 2 * height }
    }

    /// Thumbnail sizes from the largest (a large screen's drawing uses its height) to the
    /// compact form (2×1 cells, 2×2 pixels).
    public static let nodeSizes = [NodeSize(width: 12, height: 6), NodeSize(width: 10, height: 5),
                                   NodeSize(width: 8, height: 4), NodeSize(width: 6, height: 3),
                                   NodeSize(width: 4, height: 2), NodeSize(width: 2, height: 1)]

    public struct Column: Equatable, Sendable {
        /// The network layer this column draws (0 = inputs).
        public let layer: Int
        /// One rectangle per node (per feature slot in the input column), top to bottom.
        public let nodes: [Rect]
        /// The column's left edge and width.
        public let x: Int
        public let width: Int
        /// The column's middle cell (headings centre on it).
        public var center: Int { x + width / 2 }
    }

    public let rect: Rect
    public let nodeSize: NodeSize
    /// Width kept at the left of the input column for the features' names.
    public let labelWidth: Int
    /// The first heading row above the nodes.
    public let headerY: Int
    /// Heading rows: 2 (the "- +" buttons, then "8 neurons") when a column pitch has room for
    /// "8 neurons" and the height allows, else 1 ("-8+").
    public let headingRows: Int
    /// Blank rows between nodes (1, or 0 in the tightest case).
    public let rowGap: Int
    public let columns: [Column]
    /// Empty cells between one column's right edge and the next column's left edge: the edges'
    /// room, whose last cell holds each node's bias mark.
    public let gap: Int

    /// The smallest node size.
    public static var compactSize: NodeSize { nodeSizes[nodeSizes.count - 1] }
    /// True when nodes are the compact 2×1 cells.
    public var isCompact: Bool { nodeSize == NetworkDiagram.nodeSizes.last }
    /// From one column's left edge to the next one's.
    public var pitch: Int { nodeSize.width + gap }
    /// The rows the drawing uses, headings included.
    public var usedHeight: Int { (columns.flatMap(\.nodes).map(\.maxY).max() ?? rect.y) - rect.y }

    /// The room a heading "8 neurons" needs, with a space to the next one.
    static let wideHeading = 10

    /// Lays out a network of `sizes` (input slots, hidden…, 1) in `rect`, with the largest node
    /// size that fits beside `labelWidth` columns of input names (never narrowed: the names stay
    /// readable and the nodes shrink instead); nil when even the compact form does not fit.
    public static func layout(sizes: [Int], in rect: Rect, labelWidth: Int) -> NetworkDiagram? {
        precondition(sizes.count >= 2, "a network has at least inputs and an output")
        let tallest = max(1, sizes.max() ?? 1)
        let columnCount = sizes.count
        // A blank row between nodes whenever it fits (touching thumbnails blur into one), the
        // largest nodes that fit with it; without it only when nothing else fits.
        for rowGap in [1, 0] {
            for nodeSize in nodeSizes {
                let free = rect.width - labelWidth - columnCount * nodeSize.width
                let gap = min(maximumGap, columnCount > 1 ? free / (columnCount - 1) : 0)
                guard gap >= minimumGap(for: nodeSize) else { continue }
                // "8 neurons" headings where the pitch has room and the height allows, else "-8+".
                for headingRows in nodeSize.width + gap >= wideHeading ? [2, 1] : [1] {
                    let height = headingRows + tallest * nodeSize.height + (tallest - 1) * rowGap
                    guard height <= rect.height else { continue }
                    return NetworkDiagram(rect: rect, nodeSize: nodeSize, sizes: sizes, rowGap: rowGap,
                                          labelWidth: labelWidth, gap: gap, headingRows: headingRows)
                }
            }
        }
        return nil
    }

    /// Links need room to be told apart: wider gaps for bigger nodes.
    static func minimumGap(for nodeSize: NodeSize) -> Int { nodeSize.width >= 6 ? 6 : 4 }
    static let maximumGap = 16

    private init(rect: Rect, nodeSize: NodeSize, sizes: [Int], rowGap: Int, labelWidth: Int, gap: Int, headingRows: Int) {
        self.rect = rect
        self.nodeSize = nodeSize
        self.labelWidth = labelWidth
        self.gap = gap
        self.rowGap = rowGap
        self.headingRows = headingRows
        headerY = rect.y
        let used = labelWidth + sizes.count * nodeSize.width + (sizes.count - 1) * gap
        let left = rect.x + labelWidth + max(0, (rect.width - used) / 2)
        columns = sizes.enumerated().map { layer, count in
            let x = left + layer * (nodeSize.width + gap)
            let nodes = (0..<count).map { index in
                Rect(x: x, y: rect.y + headingRows + index * (nodeSize.height + rowGap),
                     width: nodeSize.width, height: nodeSize.height)
            }
            return Column(layer: layer, nodes: nodes, x: x, width: nodeSize.width)
        }
    }

    /// The node (or input slot) under a cell, if any: (layer, index in the column).
    public func node(atX x: Int, y: Int) -> (layer: Int, node: Int)? {
        for column in columns {
            for (index, node) in column.nodes.enumerated() where node.contains(x: x, y: y) {
                return (column.layer, index)
            }
        }
        return nil
    }

    /// The cell that marks a node's bias (just left of the node; inputs have none).
    public func biasMark(layer: Int, node: Int) -> (x: Int, y: Int)? {
        guard layer > 0 else { return nil }
        let rect = columns[layer].nodes[node]
        return (rect.x - 1, rect.y + rect.height - 1)
    }

    /// The rectangle the edges from layer `layer - 1` into `layer` are drawn in.
    public func linkArea(intoLayer layer: Int) -> Rect {
        let left = columns[layer - 1].x + nodeSize.width
        let top = rect.y + headingRows
        let bottom = columns.flatMap(\.nodes).map(\.maxY).max() ?? top
        return Rect(x: left, y: top, width: columns[layer].x - 1 - left, height: bottom - top)
    }

    /// Where the input features' names go: left of the input column.
    public func labelRect(slot: Int) -> Rect {
        let node = columns[0].nodes[slot]
        return Rect(x: columns[0].x - labelWidth, y: node.y + (node.height - 1) / 2, width: labelWidth, height: 1)
    }
}
