import PlaygroundCore

/// Where everything goes on a screen of a given size: a header row, the settings panels down
/// the left, the output (heat map, losses, chart) on the right, a footer row. Computed from the
/// size and the settings alone, so drawing and mouse hit-testing agree.
///
/// ```
/// header ─────────────────────────────────────────────────────────────
/// Data          │ Output ──────────────────────────────────────────────
///  knobs        │ ┌heat map (square, ▀ pixels)┐  Epoch / losses / speed
/// Features      │ │                           │  Loss chart (braille)
///  1–7          │ └───────────────────────────┘
/// Network       │  colour bar, test data, discretize
///  knobs        │
/// footer ─────────────────────────────────────────────────────────────
/// ```
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public let width: Int
    public let height: Int
    /// Below 80×24: only the "too small" message is drawn.
    public let isTooSmall: Bool
    public let header: Rect
    public let footer: Rect
    /// Panels: a title row, then their knobs.
    public let dataPanel: Rect
    public let featuresPanel: Rect
    public let networkPanel: Rect
    /// The right-hand area: a title row, the heat map and everything beside and below it.
    public let outputPanel: Rect
    /// The column of the line between the left panels and the output.
    public let separatorX: Int
    /// The heat map in cells; its pixels are `width × 2 height` (square).
    public let heatMap: Rect
    /// Under the heat map: the colour bar and the display switches.
    public let legend: Rect
    /// Beside the heat map: epoch, losses, speed.
    public let stats: Rect
    /// The loss chart, under the stats.
    public let chart: Rect
    /// Every knob's line (hit-testing and drawing use the same rectangles).
    public let knobs: [(knob: Knob, rect: Rect)]
    /// Features (and neuron counts) go in two columns when the left side is short.
    public let featureColumns: Int
    public let neuronColumns: Int

    public init(width: Int, height: Int, settings: PlaygroundState) {
        self.width = width
        self.height = height
        isTooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        guard !isTooSmall else {
            let empty = Rect(x: 0, y: 0, width: 0, height: 0)
            (header, footer, dataPanel, featuresPanel, networkPanel, outputPanel) = (empty, empty, empty, empty, empty, empty)
            (heatMap, legend, stats, chart) = (empty, empty, empty, empty)
            separatorX = 0
            knobs = []
            featureColumns = 1
            neuronColumns = 1
            return
        }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)

        // Left column: as wide as its longest line needs, a little wider on big screens.
        let leftWidth = min(34, 27 + (width - Layout.minimumWidth) / 20)
        let layers = settings.networkShape.count
        var featureColumns = 1, neuronColumns = 1
        func needed() -> Int {
            let featureRows = (Feature.allCases.count + featureColumns - 1) / featureColumns
            let neuronRows = (layers + neuronColumns - 1) / neuronColumns
            return (1 + 4) + (1 + featureRows) + (1 + 1 + neuronRows + 5)
        }
        if needed() > body.height { featureColumns = 2 }
        if needed() > body.height { neuronColumns = 2 }
        self.featureColumns = featureColumns
        self.neuronColumns = neuronColumns
        let spare = body.height - needed()
        let gap = spare >= 2 ? 1 : 0

        var knobs: [(knob: Knob, rect: Rect)] = []
        var y = body.y
        func place(_ list: [Knob], columns: Int, x: Int, width: Int, top: Int) -> Int {
            let rows = (list.count + columns - 1) / columns
            let columnWidth = width / columns
            for (index, knob) in list.enumerated() {
                let column = index / rows, row = index % rows
                // The last column takes the remainder.
                let cellWidth = column == columns - 1 ? width - column * columnWidth : columnWidth
                knobs.append((knob, Rect(x: x + column * columnWidth, y: top + row, width: cellWidth, height: 1)))
            }
            return rows
        }
        dataPanel = Rect(x: 0, y: y, width: leftWidth, height: 5)
        _ = place([.dataset, .noise, .trainingRatio, .batchSize], columns: 1, x: 0, width: leftWidth, top: y + 1)
        y = dataPanel.maxY + gap
        let featureRows = place(Feature.allCases.map { .feature($0) }, columns: featureColumns, x: 0, width: leftWidth, top: y + 1)
        featuresPanel = Rect(x: 0, y: y, width: leftWidth, height: 1 + featureRows)
        y = featuresPanel.maxY + gap
        var networkRows = 1
        _ = place([.hiddenLayers], columns: 1, x: 0, width: leftWidth, top: y + networkRows)
        networkRows += 1
        networkRows += place(settings.networkShape.indices.map { .neurons(layer: $0) }, columns: neuronColumns,
                             x: 0, width: leftWidth, top: y + networkRows)
        networkRows += place([.activation, .learningRate, .regularization, .regularizationRate, .problem],
                             columns: 1, x: 0, width: leftWidth, top: y + networkRows)
        networkPanel = Rect(x: 0, y: y, width: leftWidth, height: networkRows)
        separatorX = leftWidth

        // Right: the heat map as large as a square fits beside a stats column of at least a
        // third of the width, leaving five rows below it (colour bar, its labels, two
        // switches, the point legend).
        let right = Rect(x: leftWidth + 2, y: body.y, width: width - leftWidth - 2, height: body.height)
        outputPanel = right
        let available = right.height - 1
        let statsMinimum = max(22, right.width / 3)
        let rows = max(1, min(available - 5, (right.width - statsMinimum - 1) / 2))
        heatMap = Rect(x: right.x, y: right.y + 1, width: 2 * rows, height: rows)
        legend = Rect(x: right.x, y: heatMap.maxY, width: heatMap.width, height: right.maxY - heatMap.maxY)
        let statsX = heatMap.maxX + 1
        stats = Rect(x: statsX, y: right.y + 1, width: width - statsX, height: 4)
        _ = place([.speed], columns: 1, x: statsX, width: stats.width, top: stats.y + 3)
        chart = Rect(x: statsX, y: stats.maxY + 2, width: stats.width, height: right.maxY - stats.maxY - 2)
        _ = place([.showTestData, .discretize], columns: 1, x: legend.x, width: legend.width, top: legend.y + 2)
        self.knobs = knobs
    }

    /// The knob drawn at a cell, if any.
    public func knob(atX x: Int, y: Int) -> Knob? {
        knobs.first { $0.rect.contains(x: x, y: y) }?.knob
    }

    /// Where a knob is drawn.
    public func rect(of knob: Knob) -> Rect? {
        knobs.first { $0.knob == knob }?.rect
    }

    /// The areas that must not overlap, by name (for tests and for reasoning about the layout).
    public var regions: [(name: String, rect: Rect)] {
        [("header", header), ("footer", footer), ("data", dataPanel), ("features", featuresPanel),
         ("network", networkPanel), ("heat map", heatMap), ("legend", legend), ("stats", stats), ("chart", chart)]
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.width == b.width && a.height == b.height && a.regions.map(\.rect) == b.regions.map(\.rect)
            && a.knobs.map(\.knob) == b.knobs.map(\.knob) && a.knobs.map(\.rect) == b.knobs.map(\.rect)
    }
}
