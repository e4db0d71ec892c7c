// The screen's arrangement for a size and settings: every panel's rectangle.
import PlaygroundCore

/// Where everything goes on a screen of a given size: a header row, the knob panels and the
/// network drawing on the left, the output (heat map, switches, stats, loss chart) on the right
/// (`OutputLayout`), a footer row. Computed from the size and the settings alone, so drawing and
/// mouse hit-testing agree.
///
/// The left side takes one of two forms, whichever draws the network's nodes larger (side by
/// side when equal):
/// ```
/// side by side (120×40 and up)            stacked (80×24, 80×50)
/// Data ─────────  │ Features  - +   - +   Features  - +   - +
/// [▀▀▀] ▀▀▀ ▀▀▀   │ 1 X1 ▀▀ ⠉⠒ ▀▀ ⠒ ▀▀    1 X1 ▀▀ ⠉⠒⠤ ▀▀ ⠒⠤ ▀▀
/// Data set  Circle│ 2 X2 ▀▀ ⣀⠤ ▀▀        …
/// Noise          0│ …                     inspector (two lines)
/// Network ──────  │                       Data ────────  Network ─────
/// Hidden layers  2│                       pictures       Hidden layers 2
/// …               │                       Data set  …    …
/// inspector (two lines, the whole left width)             Display ── (80×24)
/// ```
/// A knob column is at most `knobColumnWidth` wide, so a label and its value stay close. The
/// feature names with their keys ("7 sin(X2)") always keep their room: the drawing takes a
/// smaller node size instead.
public struct Layout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// Rows of the inspector: the selected node or edge, or the entry line.
    static let inspectorRows = 2
    /// The widest a knob column gets.
    public static let knobColumnWidth = 30
    /// The names of the inputs with their keys: "7 sin(X2)".
    public static let featureLabelWidth = 9

    public let width: Int
    public let height: Int
    /// Below 80×24: only the "too small" message is drawn.
    public let isTooSmall: Bool
    public let header: Rect
    public let footer: Rect
    /// The drawing's area: its heading rows and the nodes.
    public let networkPanel: Rect
    /// The network drawing: columns, nodes, edge areas (nil when too small or when the gradient
    /// panel is open).
    public let diagram: NetworkDiagram?
    /// The gradient health panel, in the drawing's area while it is open; else empty.
    public let gradientPanel: Rect
    /// True when the knob panels are a column left of the drawing; false when under it.
    public let knobsBesideNetwork: Bool
    /// The selected node or edge, or the entry line.
    public let inspector: Rect
    /// Title row, the data-set pictures, the knobs: data set, noise, ratio, batch size.
    public let dataPanel: Rect
    /// The data sets as pictures, in the data panel (empty when there is no room or the link hides it).
    public let picker: Rect
    /// Title row and knobs: hidden layers, activation, learning rate, regularization, rate, problem,
    /// then those beyond TF (optimizer, β, loss, init).
    public let settingsPanel: Rect
    /// Show test data, discretize, speed: under the heat map, or a titled panel on the left.
    public let displayPanel: Rect
    /// True when the display panel is on the left (with a title row).
    public let displayOnLeft: Bool
    /// The right-hand area: a title row, the heat map and everything beside or under it.
    public let outputPanel: Rect
    /// The column of the line between the left side and the output.
    public let separatorX: Int
    /// The heat map in cells; its pixels are `width × 2 height` (square).
    public let heatMap: Rect
    /// The colour scale and its labels (2 rows), the point marks' legend (1 row); empty without room.
    public let colorBar: Rect
    public let pointLegend: Rect
    /// Epoch, training loss, test loss.
    public let stats: Rect
    /// The loss chart (its title and legend are the row above).
    public let chart: Rect
    /// Every knob's hit rectangle (hit-testing and drawing use the same ones). A feature's is
    /// its input node with its name; a layer's neuron count is its heading.
    public let knobs: [(knob: Knob, rect: Rect)]
    /// The "-" and "+" above each hidden layer: one neuron less or more.
    public let neuronButtons: [(layer: Int, delta: Int, rect: Rect)]
    /// The problem whose data sets the picker shows.
    let problem: Problem

    /// `gradientPanel`: the gradient health panel takes the drawing's place (`diagram` is nil,
    /// so nothing of the drawing is drawn or clicked).
    /// `table`: the settings whose knobs the panels show.
    public init(width: Int, height: Int, settings: PlaygroundState, gradientPanel: Bool = false, table: SettingTable = .standard) {
        self.width = width
        self.height = height
        problem = settings.problem
        isTooSmall = width < Layout.minimumWidth || height < Layout.minimumHeight
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        guard !isTooSmall else {
            (header, footer, networkPanel, inspector, dataPanel, picker, settingsPanel) = (empty, empty, empty, empty, empty, empty, empty)
            (displayPanel, outputPanel, heatMap, colorBar, pointLegend, stats, chart) = (empty, empty, empty, empty, empty, empty, empty)
            (diagram, separatorX, knobs, neuronButtons, knobsBesideNetwork, displayOnLeft) = (nil, 0, [], [], false, false)
            self.gradientPanel = empty
            return
        }
        header = Rect(x: 0, y: 0, width: width, height: 1)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        let dataKnobs = table.knobs(in: .data, for: settings)
        let networkKnobs = table.knobs(in: .network, for: settings)
        let displayKnobs = table.knobs(in: .display, for: settings)

        let columns = settings.networkShape.count + 2
        let compact = NetworkDiagram.compactSize
        let drawingNeeds = Layout.featureLabelWidth + columns * compact.width + (columns - 1) * NetworkDiagram.minimumGap(for: compact) + 1
        let output = OutputLayout(width: width, body: body, displayRows: displayKnobs.count, leftNeeds: drawingNeeds)
        (outputPanel, heatMap, colorBar, pointLegend, stats, chart) =
            (output.panel, output.heatMap, output.colorBar, output.pointLegend, output.stats, output.chart)
        displayOnLeft = output.display.isEmpty && !displayKnobs.isEmpty
        let left = Rect(x: 0, y: body.y, width: output.panel.x - 2, height: body.height)
        separatorX = left.maxX

        let plan = LeftLayout(left: left, settings: settings, groups: [dataKnobs, networkKnobs, displayOnLeft ? displayKnobs : []],
                            showsPicker: dataKnobs.contains(.dataset))
        (diagram, knobsBesideNetwork, networkPanel, inspector) = (gradientPanel ? nil : plan.diagram, plan.beside, plan.network,
                                                                  plan.inspector)
        self.gradientPanel = gradientPanel ? plan.network : Rect(x: 0, y: 0, width: 0, height: 0)
        (dataPanel, picker, settingsPanel) = (plan.panels[0], plan.picker, plan.panels[1])
        displayPanel = displayOnLeft ? plan.panels[2] : output.display

        var knobs: [(knob: Knob, rect: Rect)] = []
        // A knob a classroom link hides takes no line: the ones under it move up, as TF's
        // `display: none` closes the gap.
        func place(_ list: [Knob], in panel: Rect, top: Int) {
            for (row, knob) in list.enumerated() { knobs.append((knob, Rect(x: panel.x, y: top + row, width: panel.width, height: 1))) }
        }
        place(dataKnobs, in: dataPanel, top: picker.isEmpty ? dataPanel.y + 1 : picker.maxY)
        place(networkKnobs, in: settingsPanel, top: settingsPanel.y + 1)
        place(displayKnobs, in: displayPanel, top: displayPanel.y + (displayOnLeft ? 1 : 0))

        // The drawing's knobs: shown features on their input slots, neuron counts on the headings.
        var buttons: [(layer: Int, delta: Int, rect: Rect)] = []
        if let diagram {
            for (slot, feature) in settings.shownFeatures.enumerated() {
                let node = diagram.columns[0].nodes[slot]
                let label = diagram.labelRect(slot: slot)
                knobs.append((.feature(feature), Rect(x: label.x, y: node.y, width: node.maxX - label.x, height: node.height)))
            }
            for layer in settings.networkShape.indices {
                let center = diagram.columns[layer + 1].center
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

    /// The data set whose picture (or its name under it) is at a cell, if any.
    public func dataset(atX x: Int, y: Int) -> Dataset? {
        guard picker.contains(x: x, y: y) else { return nil }
        return DatasetPicker.dataset(atX: x, y: y, in: picker, problem: problem)
    }

    /// Where a knob is drawn.
    public func rect(of knob: Knob) -> Rect? {
        knobs.first { $0.knob == knob }?.rect
    }

    /// The areas that must not overlap, by name (for tests and for reasoning about the layout);
    /// optional ones are empty when they have no room.
    public var regions: [(name: String, rect: Rect)] {
        [("header", header), ("footer", footer), ("network", networkPanel), ("inspector", inspector),
         ("data", dataPanel), ("settings", settingsPanel), ("display", displayPanel), ("heat map", heatMap),
         ("colour bar", colorBar), ("point legend", pointLegend), ("stats", stats),
         ("chart title", Rect(x: chart.x, y: chart.y - 1, width: chart.width, height: 1)), ("chart", chart)]
    }

    public static func == (a: Layout, b: Layout) -> Bool {
        a.width == b.width && a.height == b.height && a.regions.map(\.rect) == b.regions.map(\.rect)
            && a.knobs.map(\.knob) == b.knobs.map(\.knob) && a.knobs.map(\.rect) == b.knobs.map(\.rect)
            && a.diagram == b.diagram && a.picker == b.picker && a.gradientPanel == b.gradientPanel
    }
}
