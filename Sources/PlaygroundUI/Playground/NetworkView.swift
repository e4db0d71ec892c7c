// The network drawing widget: a run's nodes (thumbnails), edges and bias marks.
import PlaygroundCore

/// The network drawing: the input slots with their names (a disabled feature dimmed; one a
/// classroom link hides is not drawn at all), every node a live thumbnail of its own output, the
/// edges between columns in braille coloured by weight, each node's bias as a mark left of it,
/// and "N neurons" with "-"/"+" over each hidden layer.
///
/// Edge routing: straight lines from the source node's right edge to the destination's left
/// edge. A node's outgoing edges leave from ports spread down its right edge in destination
/// order, and its incoming edges arrive at ports spread down its left edge in source order, so
/// the eight edges of one node fan out instead of merging into one line. Where edges cross, a
/// cell shows the strongest edge's colour (`EdgeCanvas`), so what matters stays visible in a
/// dense 8×8 layer; a selected edge outranks everything and is drawn in reverse.
enum NetworkView {
    /// What the drawing marks besides the run it draws: the knob focus, the layer `-`/`+`
    /// change, the inspected node or edge.
    struct Marks: Equatable {
        var focus: Knob
        var selectedLayer: Int
        var selection: Selection?

        init(_ state: AppState) {
            focus = state.focus
            selectedLayer = state.selectedLayer
            selection = state.selection
        }
    }

    /// The app's frame drawn: its shown run, its units' health, the app's marks.
    static func draw(_ state: AppState, layout: Layout, into grid: inout CellGrid) {
        let frame = state.frame
        draw(frame.shown, health: frame.unitHealth, marks: Marks(state), settings: state.settings,
             capabilities: state.capabilities, layout: layout, into: &grid)
    }

    /// `run` drawn with its pictures as they are (nothing is evaluated here); `health` marks
    /// dead and saturated units (none when empty).
    static func draw(_ run: ShownRun, health: [[UnitDiagnostics]], marks: Marks, settings: PlaygroundState,
                     capabilities caps: Capabilities, layout: Layout, into grid: inout CellGrid) {
        guard let diagram = layout.diagram else { return }
        let palette = Palette(caps.colors)
        let network = run.network
        let thumbnails = run.thumbnails
        let painter = HalfBlocks(caps)
        let size = diagram.nodeSize
        let dim = CellStyle(foreground: palette.dim)

        // Links first: bias marks and nodes sit at their ends.
        let highlighted = selectedLinkID(marks.selection, sizes: network.sizes)
        for layer in 1..<diagram.columns.count {
            let canvas = edgeCanvas(into: layer, run: run, settings: settings, selection: marks.selection, diagram: diagram)
            canvas.draw(into: &grid, unicode: caps.unicode,
                        highlighted: highlighted?.layer == layer ? highlighted?.id : nil) { weight in
                palette.shade(ShadeScale.shade(weight))
            }
        }

        // Headings: "Features" over the inputs, "N neurons" and its buttons over each hidden layer.
        if diagram.headingRows == 2, !diagram.columns[0].nodes.isEmpty {
            grid.put("Features", x: diagram.labelRect(slot: 0).x, y: diagram.headerY, style: dim, clip: diagram.rect)
        }
        for (knob, rect) in layout.knobs {
            guard case .neurons(let layer) = knob, settings.networkShape.indices.contains(layer) else { continue }
            let count = settings.networkShape[layer]
            let selected = layer == marks.selectedLayer
            let style = CellStyle(foreground: selected ? palette.title : .default, bold: selected, reverse: marks.focus == knob)
            grid.put(diagram.headingRows == 2 ? Layout.neuronHeading(count) : String(count), x: rect.x, y: rect.y, style: style)
        }
        // ASCII "-": the minus sign U+2212 is ambiguous-width (two cells in a CJK terminal).
        let minus: Unicode.Scalar = "-"
        for button in layout.neuronButtons {
            let x = button.delta < 0 ? button.rect.maxX - 1 : button.rect.x
            let scalar = button.delta < 0 ? minus : "+"
            grid.set(x: x, y: button.rect.y, Cell(scalar, style: CellStyle(bold: true, reverse: diagram.headingRows == 2)))
        }

        // The input slots: every shown feature's picture (faded when off) with its key and name.
        let inputs = settings.inputFeatures
        for (slot, feature) in settings.shownFeatures.enumerated() {
            let node = diagram.columns[0].nodes[slot]
            let label = diagram.labelRect(slot: slot)
            let index = inputs.firstIndex(of: feature)
            let selected = index.map { marks.selection == .node(layer: 0, node: $0) } ?? false
            let focused = marks.focus == .feature(feature)
            drawFeatureLabel(feature, isOn: index != nil, highlighted: selected || focused, unicode: caps.unicode,
                             palette: palette, in: label, into: &grid)
            guard let number = Feature.allCases.firstIndex(of: feature), thumbnails.featurePictures.indices.contains(number)
            else { continue }
            let values = thumbnails.featurePictures[number][...]
            if index != nil {
                painter.draw(codes: HalfBlocks.codes(values), values: values, width: size.pixelWidth, rect: node, into: &grid)
            } else {
                drawFaded(values, width: size.pixelWidth, caps: caps, painter: painter, in: node, into: &grid)
            }
        }

        // Hidden and output nodes with their bias marks, and a dead or saturated unit's mark
        // (the units' health, computed once per frame by `Frame.build`).
        for column in diagram.columns.dropFirst() {
            for (index, node) in column.nodes.enumerated() {
                let values = thumbnails.outputs(layer: column.layer, node: index)
                painter.draw(codes: HalfBlocks.codes(values), values: values, width: size.pixelWidth, rect: node, into: &grid)
                if health.indices.contains(column.layer - 1), health[column.layer - 1].indices.contains(index),
                   let mark = healthMark(health[column.layer - 1][index], unicode: caps.unicode) {
                    grid.set(x: node.maxX - 1, y: node.y, mark)
                }
                guard let mark = diagram.biasMark(layer: column.layer, node: index) else { continue }
                let bias = network.bias(layer: column.layer, node: index)
                let selected = marks.selection == .node(layer: column.layer, node: index)
                grid.set(x: mark.x, y: mark.y, biasCell(bias, selected: selected, caps: caps, palette: palette))
            }
        }
    }

    /// A unit's mark in its node's top-right cell, in reverse video so it reads on any picture
    /// and without colour: `✕` (`x`) dead, `~` saturated on more than half the training points.
    static func healthMark(_ unit: UnitDiagnostics, unicode: Bool) -> Cell? {
        let style = CellStyle(bold: true, reverse: true)
        if unit.dead { return Cell(unicode ? "✕" : "x", style: style) }
        if unit.saturated > 0.5 { return Cell("~", style: style) }
        return nil
    }

    /// "1 X1": the feature's key (bold) and its name, right-aligned in `rect`; the name dimmed
    /// when the feature is off; all in reverse when the feature is selected or focused.
    static func drawFeatureLabel(_ feature: Feature, isOn: Bool, highlighted: Bool, unicode: Bool, palette: Palette,
                                 in rect: Rect, into grid: inout CellGrid) {
        let key = String((Feature.allCases.firstIndex(of: feature) ?? 0) + 1)
        let name = unicode ? feature.label : feature.asciiLabel
        let x = rect.maxX - key.count - 1 - name.unicodeScalars.count
        let end = grid.put(key, x: x, y: rect.y, style: CellStyle(bold: true, reverse: highlighted), clip: rect)
        grid.put(" " + name, x: end, y: rect.y, style: CellStyle(foreground: isOn ? .default : palette.dim, bold: highlighted && isOn,
                                                                reverse: highlighted), clip: rect)
    }

    /// How much of its strength a disabled feature's picture keeps in 256 colours: a washed-out
    /// version of the shades, towards the scale's pale middle.
    static let fadedStrength = 0.35

    /// A disabled feature's picture. In 256 colours the shades of `fadedStrength × value` (the
    /// value first clamped to the scale's [-1, 1], as the map's colours are); with
    /// fewer colours or none, a sparse dot pattern (two braille dots per pixel, `.` in ASCII): in
    /// 8 colours every pixel dotted in its shade's colour, without colour only the positive pixels.
    static func drawFaded(_ values: ArraySlice<Double>, width: Int, caps: Capabilities, painter: HalfBlocks, in rect: Rect,
                          into grid: inout CellGrid) {
        if caps.colors == .full {
            let faded = values.map { max(-1, min(1, $0)) * fadedStrength }[...]
            painter.draw(codes: HalfBlocks.codes(faded), values: faded, width: width, rect: rect, into: &grid)
            return
        }
        let palette = Palette(caps.colors)
        let start = values.startIndex
        for row in 0..<rect.height {
            for column in 0..<width {
                let upper = values[start + 2 * row * width + column], lower = values[start + (2 * row + 1) * width + column]
                grid.set(x: rect.x + column, y: rect.y + row, fadedCell(upper: upper, lower: lower, caps: caps, palette: palette),
                         clip: rect)
            }
        }
    }

    /// One cell of a disabled feature's dotted picture (see `drawFaded`).
    static func fadedCell(upper: Double, lower: Double, caps: Capabilities, palette: Palette) -> Cell {
        let colored = caps.colors != .none
        let style = CellStyle(foreground: colored ? palette.shade(ShadeScale.shade((upper + lower) / 2)) : .default)
        let (showUpper, showLower) = colored ? (true, true) : (upper > 0, lower > 0)
        guard caps.unicode else { return Cell(showUpper || showLower ? "." : " ", style: style) }
        // Braille dots 1 and 5 for the upper pixel, 3 and 8 for the lower: a sparse diagonal.
        let bits = (showUpper ? 0x11 : 0) | (showLower ? 0x84 : 0)
        return Cell(bits == 0 ? " " : Unicode.Scalar(0x2800 + UInt32(bits))!, style: style)
    }

    /// A bias mark: a small square in the bias's colour (a sign without colour); the selected
    /// node's mark is an arrow in reverse video pointing at it. "▪" and "▸" are narrow in every
    /// terminal ("●" and "▶" are ambiguous-width: two cells in a CJK terminal).
    static func biasCell(_ bias: Double, selected: Bool, caps: Capabilities, palette: Palette) -> Cell {
        let scalar: Unicode.Scalar
        if selected {
            scalar = caps.unicode ? "▸" : ">"
        } else if caps.colors == .none {
            scalar = abs(bias) < 0.05 ? "." : (bias < 0 ? "-" : "+")
        } else {
            scalar = caps.unicode ? "▪" : "o"
        }
        return Cell(scalar, style: CellStyle(foreground: palette.shade(ShadeScale.shade(bias)), bold: abs(bias) >= 1 || selected,
                                             reverse: selected))
    }

    /// The selected edge as (layer, id in its canvas).
    static func selectedLinkID(_ selection: Selection?, sizes: [Int]) -> (layer: Int, id: Int)? {
        guard case .edge(let layer, let node, let source) = selection, selection?.exists(in: sizes) == true else { return nil }
        return (layer, node * sizes[layer - 1] + source)
    }

    /// The app's edges from layer `layer - 1` into `layer` (its frame's run).
    static func edgeCanvas(into layer: Int, state: AppState, diagram: NetworkDiagram) -> EdgeCanvas {
        edgeCanvas(into: layer, run: state.frame.shown, settings: state.settings, selection: state.selection, diagram: diagram)
    }

    /// The edges from layer `layer - 1` into `layer`, each with id `node × sources + source`.
    /// Dead (L1) edges are not drawn.
    static func edgeCanvas(into layer: Int, run: ShownRun, settings: PlaygroundState, selection: Selection?,
                           diagram: NetworkDiagram) -> EdgeCanvas {
        let area = diagram.linkArea(intoLayer: layer)
        var canvas = EdgeCanvas(area: area)
        let network = run.network
        let sizes = network.sizes
        guard area.width > 0, layer < sizes.count else { return canvas }
        let sources = sizes[layer - 1], destinations = sizes[layer]
        let selected = selectedLinkID(selection, sizes: sizes)
        let right = canvas.dotWidth - 1
        for node in 0..<destinations {
            let target = diagram.columns[layer].nodes[node]
            for source in 0..<sources {
                guard !run.isDead(layer: layer, node: node, source: source) else { continue }
                let row = Inspector.row(layer: layer - 1, node: source, settings: settings)
                let origin = diagram.columns[layer - 1].nodes[row]
                let start = port(of: origin, index: node, count: destinations, top: area.y)
                let end = port(of: target, index: source, count: sources, top: area.y)
                let id = node * sources + source
                let weight = network.weight(layer: layer, node: node, source: source)
                let rank: Double? = selected?.layer == layer && selected?.id == id ? 1e9 : nil
                canvas.edge(from: (0, start), to: (right, end), weight: weight, priority: rank, id: id)
            }
        }
        return canvas
    }

    /// Port `index` of `count` spread evenly down a node's edge, in dots from the area's top.
    static func port(of node: Rect, index: Int, count: Int, top: Int) -> Int {
        let dots = node.height * 4
        return (node.y - top) * 4 + (2 * index + 1) * dots / (2 * max(1, count))
    }

    /// The edge whose colour a cell shows, if the cell is in a edge area: what a click selects.
    static func edge(atX x: Int, y: Int, state: AppState, layout: Layout) -> Selection? {
        guard let diagram = layout.diagram else { return nil }
        for layer in 1..<diagram.columns.count where diagram.linkArea(intoLayer: layer).contains(x: x, y: y) {
            let canvas = edgeCanvas(into: layer, state: state, diagram: diagram)
            guard let id = canvas.owner(column: x - canvas.area.x, row: y - canvas.area.y) else { return nil }
            let sources = state.frame.shown.network.sizes[layer - 1]
            return .edge(layer: layer, node: id / sources, source: id % sources)
        }
        return nil
    }
}
