import PlaygroundCore

/// Where everything goes on a screen of a given size: a header row, the network drawing at the
/// top left with the inspector's two lines and the settings under it, the output (heat map,
/// switches, losses, chart) down the right, a footer row. Computed from the size and the
/// settings alone, so drawing and mouse hit-testing agree.
///
/// ```
/// header ──────────────────────────────────────────────────────────────────────
/// Features     - +       - +                        │ Output ─────────────────
///           8 neurons 8 neurons                     │ ┌heat map (square, ▀)┐
///      X1 ▀▀▀▀⠉⠒⠤⣀ ▪▀▀▀▀⠉⠒⠤ ▪▀▀▀▀                   │ │                     │
///      X2 ▀▀▀▀⣀⠤⠒⠉ ▪▀▀▀▀⣀⠤⠒                          │ └─────────────────────┘
///  (input slots, each hidden layer, the output)     │ colour bar, test data,
/// inspector: the selected node or link, the entry   │ discretize, point legend
/// Data ─────────────── Network ─────────────────────│ epoch, losses, speed
///  4 knobs              6 knobs                     │ Loss chart
/// footer ──────────────────────────────────────────────────────────────────────
/// ```
/// The right side takes three tenths of the width. The drawing picks the largest node size
/// that fits (8×4, 6×3, 4×2 cells; 2×1 at 80×24, where the headings shrink to "-8+" and the
/// loss chart moves under the settings).
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// Rows under the drawing: the inspector's two lines, then the settings (title and six knobs).
    static let inspectorRows = 2
    static let settingsRows = 7

    public let width: Int
    public let height: Int
    /// Below 80×24: only the "too small" message is drawn.
    public let isTooSmall: Bool
    public let header: Rect
    public let footer: Rect
    /// The drawing's title row and the drawing.
    public let networkPanel: Rect
    /// The network drawing: columns, nodes, link areas (nil only when too small).
    public let diagram: NetworkDiagram?
    /// The selected node or link, or the entry line.
    public let inspector: Rect
    /// Title row and knobs: data set, noise, ratio, batch size.
    public let dataPanel: Rect
    /// Title row and knobs: hidden layers, activation, learning rate, regularization, rate, problem.
    public let settingsPanel: Rect
    /// The right-hand area: a title row, the heat map and everything under it.
    public let outputPanel: Rect
    /// The column of the line between the left side and the output.
    public let separatorX: Int
    /// The heat map in cells; its pixels are `width × 2 height` (square).
    public let heatMap: Rect
    /// Under the heat map: the colour bar and its labels (when there is room), the two switches,
    /// the point legend (when there is room).
    public let legend: Rect
    /// Epoch, losses, speed.
    public let stats: Rect
    /// The loss chart (its title is the row above); empty when there is no room.
    public let chart: Rect
    /// Every knob's hit rectangle (hit-testing and drawing use the same ones). A feature's is
    /// its input node with its name; a layer's neuron count is its heading.
    public let knobs: [(knob: Knob, rect: Rect)]
    /// The "-" and "+" above each hidden layer: one neuron less or more.
    public let neuronButtons: [(layer: Int, delta: Int, rect: Rect)]

    public init(width: Int, height: Int, settings: PlaygroundState) {
        self.width = width
        self.height = height
        isTooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        guard !isTooSmall else {
            (header, footer, networkPanel, inspector, dataPanel, settingsPanel) = (empty, empty, empty, empty, empty, empty)
            (outputPanel, heatMap, legend, stats, chart) = (empty, empty, empty, empty, empty)
            diagram = nil
            separatorX = 0
            knobs = []
            neuronButtons = []
            return
        }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        var knobs: [(knob: Knob, rect: Rect)] = []
        // A knob a classroom link hides takes no line: the ones under it move up, as TF's
        // `display: none` closes the gap.
        func place(_ list: [Knob], x: Int, width: Int, top: Int) {
            let shown = list.filter { !$0.isHidden(in: settings) }
            for (row, knob) in shown.enumerated() { knobs.append((knob, Rect(x: x, y: top + row, width: width, height: 1))) }
        }

        // Right: three tenths of the width (at least 26 columns), the heat map as large as a
        // square fits with the switches and the stats under it.
        let rightWidth = max(26, (width - 2) * 3 / 10)
        let leftWidth = width - rightWidth - 2
        separatorX = leftWidth
        let right = Rect(x: leftWidth + 2, y: body.y, width: rightWidth, height: body.height)
        outputPanel = right
        let required = 1 + 2 + 4  // title, switches, stats
        let rows = max(4, min(right.width / 2, right.height - required))
        heatMap = Rect(x: right.x, y: right.y + 1, width: 2 * rows, height: rows)
        var spare = right.height - required - rows
        let colorBar = spare >= 2 ? 2 : 0
        spare -= colorBar
        let pointLegend = spare >= 6 ? 1 : 0  // only when the chart keeps room too
        spare -= pointLegend
        legend = Rect(x: right.x, y: heatMap.maxY, width: right.width, height: colorBar + 2 + pointLegend)
        place([.showTestData, .discretize], x: right.x, width: min(right.width, max(heatMap.width, 22)),
              top: legend.y + colorBar)
        stats = Rect(x: right.x, y: legend.maxY, width: right.width, height: 4)
        place([.speed], x: right.x, width: right.width, top: stats.y + 3)
        let rightChart = Rect(x: right.x, y: stats.maxY + 1, width: right.width, height: right.maxY - stats.maxY - 1)

        // Left: the drawing as large as fits over the inspector and the settings (its heading
        // row is its title), a blank row after it when that leaves the chart its room.
        let chartNeeds = rightChart.height >= 2 ? 0 : 3
        let room = Rect(x: 0, y: body.y, width: leftWidth - 1,
                        height: body.height - Layout.inspectorRows - Layout.settingsRows - chartNeeds)
        let sizes = [settings.shownFeatures.count] + settings.networkShape + [1]
        diagram = NetworkDiagram.layout(sizes: sizes, in: room, labelWidth: 7)
        let used = diagram?.usedHeight ?? room.height
        let drawingEnd = room.y + used + (room.height - used >= 1 ? 1 : 0)
        networkPanel = Rect(x: 0, y: body.y, width: leftWidth, height: drawingEnd - body.y)
        inspector = Rect(x: 0, y: networkPanel.maxY, width: leftWidth, height: Layout.inspectorRows)
        let half = (leftWidth - 1) / 2
        dataPanel = Rect(x: 0, y: inspector.maxY, width: half, height: 5)
        settingsPanel = Rect(x: half + 1, y: inspector.maxY, width: leftWidth - half - 1, height: Layout.settingsRows)
        place([.dataset, .noise, .trainingRatio, .batchSize], x: 0, width: half, top: dataPanel.y + 1)
        place([.hiddenLayers, .activation, .learningRate, .regularization, .regularizationRate, .problem],
              x: settingsPanel.x, width: settingsPanel.width, top: settingsPanel.y + 1)
        // The chart where there is more room: under the stats, or under the settings.
        let leftChart = Rect(x: 0, y: settingsPanel.maxY + 1, width: leftWidth, height: body.maxY - settingsPanel.maxY - 1)
        chart = rightChart.height >= max(2, leftChart.height) ? rightChart : (leftChart.height >= 2 ? leftChart : empty)

        // The drawing's knobs: shown features on their input slots, neuron counts on the headings.
        var buttons: [(layer: Int, delta: Int, rect: Rect)] = []
        if let diagram {
            for (slot, feature) in settings.shownFeatures.enumerated() {
                let node = diagram.columns[0].nodes[slot]
                let label = diagram.labelRect(slot: slot)
                knobs.append((.feature(feature), Rect(x: label.x, y: node.y, width: node.maxX - label.x, height: node.height)))
            }
            for layer in settings.networkShape.indices {
                let column = diagram.columns[layer + 1]
                let center = column.center
                if diagram.headingRows == 2 {
                    let text = Layout.neuronHeading(settings.networkShape[layer])
                    let start = center - text.count / 2
                    knobs.append((.neurons(layer: layer), Rect(x: start, y: diagram.headerY + 1, width: text.count, height: 1)))
                    buttons.append((layer, -1, Rect(x: center - 3, y: diagram.headerY, width: 2, height: 1)))
                    buttons.append((layer, 1, Rect(x: center + 1, y: diagram.headerY, width: 2, height: 1)))
                } else {
                    knobs.append((.neurons(layer: layer), Rect(x: center - 1, y: diagram.headerY, width: 1, height: 1)))
                    buttons.append((layer, -1, Rect(x: center - 2, y: diagram.headerY, width: 1, height: 1)))
                    buttons.append((layer, 1, Rect(x: center, y: diagram.headerY, width: 1, height: 1)))
                }
            }
        }
        self.knobs = knobs
        neuronButtons = buttons
    }

    /// "8 neurons", "1 neuron".
    static func neuronHeading(_ count: Int) -> String { count == 1 ? "1 neuron" : "\(count) neurons" }

    /// The knob drawn at a cell, if any.
    public func knob(atX x: Int, y: Int) -> Knob? {
        knobs.first { $0.rect.contains(x: x, y: y) }?.knob
    }

    /// The "-"/"+" button at a cell, if any.
    public func neuronButton(atX x: Int, y: Int) -> (layer: Int, delta: Int)? {
        neuronButtons.first { $0.rect.contains(x: x, y: y) }.map { ($0.layer, $0.delta) }
    }

    /// Where a knob is drawn.
    public func rect(of knob: Knob) -> Rect? {
        knobs.first { $0.knob == knob }?.rect
    }

    /// The areas that must not overlap, by name (for tests and for reasoning about the layout).
    public var regions: [(name: String, rect: Rect)] {
        [("header", header), ("footer", footer), ("network", networkPanel), ("inspector", inspector),
         ("data", dataPanel), ("settings", settingsPanel), ("heat map", heatMap), ("legend", legend),
         ("stats", stats), ("chart", chart)]
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.width == b.width && a.height == b.height && a.regions.map(\.rect) == b.regions.map(\.rect)
            && a.knobs.map(\.knob) == b.knobs.map(\.knob) && a.knobs.map(\.rect) == b.knobs.map(\.rect)
            && a.diagram == b.diagram
    }
}
