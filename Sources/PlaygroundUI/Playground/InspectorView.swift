// The inspector line: the selected node or edge, or the entry line for its value.
import PlaygroundCore

/// The two lines under the network drawing: what the selected node or edge is (activation,
/// bias, weights), the entry line while a value is typed, or a hint when nothing is selected.
enum InspectorView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        grid.fill(rect)
        let lines = self.lines(state, width: rect.width - 1)
        let palette = Palette(state.capabilities.colors)
        for (row, line) in lines.enumerated() where row < rect.height {
            let style: CellStyle
            switch line.kind {
            case .main: style = CellStyle(bold: true)
            case .plain: style = .plain
            case .hint: style = CellStyle(foreground: palette.dim)
            case .warning: style = CellStyle(foreground: palette.warning, bold: true)
            }
            grid.put(line.text, x: rect.x + 1, y: rect.y + row, style: style,
                     clip: Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1))
        }
    }

    enum Kind { case main, plain, hint, warning }

    /// The lines' text (tests read them).
    static func lines(_ state: AppState, width: Int = 200) -> [(text: String, kind: Kind)] {
        let settings = state.settings
        let unicode = state.capabilities.unicode
        if let entry = state.entry {
            let cursor = unicode ? "▏" : "_"
            let title = Inspector.title(entry.target, settings: settings, unicode: unicode)
            let second: (String, Kind) = entry.error.map { ($0, .warning) }
                ?? (fit("Enter sets it, Esc cancels; a number ", "Enter sets, Esc cancels; ", Entry.accepted, width), .hint)
            return [(title + ": " + entry.text + String(cursor), .main), second]
        }
        guard let selection = state.selection, selection.exists(in: state.frame.shown.network.sizes) else {
            return [(fit("i or a click inspects a node or edge; ", "i or a click: inspect; ", "the heat map then shows it", width), .hint)]
        }
        let network = state.frame.shown.network
        let sizes = network.sizes
        switch selection {
        case .edge(let layer, let node, let source):
            let weight = network.weight(layer: layer, node: node, source: source)
            let dead = state.frame.shown.isDead(layer: layer, node: node, source: source) ? " (dead: L1 drove it to 0)" : ""
            return [(Inspector.title(selection, settings: settings, unicode: unicode) + " = " + Format.decimal(weight, places: 3) + dead, .main),
                    (fit("Enter types a new weight, w/W next/previous edge, ", "Enter edits, w/W other edges, ",
                         (unicode ? "←/→" : "Left/Right") + " its ends", width), .hint)]
        case .node(0, let node):
            let name = Inspector.name(layer: 0, node: node, settings: settings, unicode: unicode)
            let outgoing = sizes.count > 1 ? (0..<sizes[1]).map { network.weight(layer: 1, node: $0, source: node) } : []
            return [("input \(name): the feature itself, fixed", .main), (fit("weights out: ", "out: ", list(outgoing), width), .plain)]
        case .node(let layer, let node):
            let name = Inspector.name(layer: layer, node: node, settings: settings, unicode: unicode)
            let activation = network.activation(ofLayer: layer)
            var text = name + (layer == sizes.count - 1 ? " (output)" : " (layer \(layer), node \(node + 1))")
            text += "  " + activation.title + "  bias " + Format.decimal(network.bias(layer: layer, node: node), places: 3)
            if activation == .prelu { text += "  slope " + Format.decimal(network.slope(layer: layer, node: node), places: 3) }
            let incoming = (0..<sizes[layer - 1]).map { network.weight(layer: layer, node: node, source: $0) }
            return [(text, .main), (fit("weights in: ", "in: ", list(incoming), width), .plain)]
        }
    }

    /// The long prefix when the line fits with it, else the short one.
    static func fit(_ long: String, _ short: String, _ rest: String, _ width: Int) -> String {
        (long.count + rest.count <= width ? long : short) + rest
    }

    /// Weights with two decimals, space-separated.
    static func list(_ values: [Double]) -> String {
        values.isEmpty ? "none" : values.map { Format.decimal($0, places: 2) }.joined(separator: " ")
    }
}
