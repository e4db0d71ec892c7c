// Inspecting the network: the selection of a node or edge and moving it.
import PlaygroundCore

/// What the inspector points at: a node or a edge, in the network's own indices (layer 0 holds
/// the enabled features, in order; the last layer the output).
public enum Selection: Hashable, Sendable {
    case node(layer: Int, node: Int)
    /// The edge into `node` of `layer` from `source` of `layer - 1`.
    case edge(layer: Int, node: Int, source: Int)

    /// The node a edge leads into, or the node itself.
    public var layer: Int {
        switch self {
        case .node(let layer, _), .edge(let layer, _, _): layer
        }
    }

    /// True when the selection names something in a network of these sizes.
    func exists(in sizes: [Int]) -> Bool {
        switch self {
        case .node(let layer, let node):
            return sizes.indices.contains(layer) && node >= 0 && node < sizes[layer]
        case .edge(let layer, let node, let source):
            return layer >= 1 && layer < sizes.count && node >= 0 && node < sizes[layer]
                && source >= 0 && source < sizes[layer - 1]
        }
    }
}

/// Names and moves for the inspector.
enum Inspector {
    /// A node's short name: the feature's label for inputs, "out" for the output, "h2.3" for
    /// hidden node 3 (1-based) of hidden layer 2.
    static func name(layer: Int, node: Int, settings: PlaygroundState, unicode: Bool = true) -> String {
        if layer == 0 {
            let features = settings.inputFeatures
            guard features.indices.contains(node) else { return "input \(node + 1)" }
            return unicode ? features[node].label : features[node].asciiLabel
        }
        if layer == settings.networkShape.count + 1 { return "out" }
        return "h\(layer).\(node + 1)"
    }

    /// "weight X1 → h1.3" or "bias h1.3": what an edit of the selection changes.
    static func title(_ selection: Selection, settings: PlaygroundState, unicode: Bool = true) -> String {
        let arrow = unicode ? "→" : "->"
        switch selection {
        case .node(let layer, let node):
            return "bias " + name(layer: layer, node: node, settings: settings, unicode: unicode)
        case .edge(let layer, let node, let source):
            return "weight " + name(layer: layer - 1, node: source, settings: settings, unicode: unicode) + " \(arrow) "
                + name(layer: layer, node: node, settings: settings, unicode: unicode)
        }
    }

    /// The row a node is drawn on: an input sits in its feature's slot, other nodes in order.
    static func row(layer: Int, node: Int, settings: PlaygroundState) -> Int {
        guard layer == 0 else { return node }
        let features = settings.inputFeatures
        guard features.indices.contains(node) else { return node }
        return settings.shownFeatures.firstIndex(of: features[node])!
    }

    /// The selection after an arrow: ←/→ to the neighbouring layer's node on the nearest row,
    /// ↑/↓ within the layer (held at the ends). On a edge, ← goes to its source node, → to its
    /// destination, ↑/↓ to the previous or next edge into the same node.
    static func moved(_ selection: Selection, dx: Int, dy: Int, sizes: [Int], settings: PlaygroundState) -> Selection {
        switch selection {
        case .edge(let layer, let node, let source):
            if dx < 0 { return .node(layer: layer - 1, node: source) }
            if dx > 0 { return .node(layer: layer, node: node) }
            let next = max(0, min(sizes[layer - 1] - 1, source + dy))
            return .edge(layer: layer, node: node, source: next)
        case .node(let layer, let node):
            if dx != 0 {
                var target = layer + (dx > 0 ? 1 : -1)
                // Skip an input layer with no feature on.
                if target == 0 && sizes[0] == 0 { target = layer }
                guard target >= 0, target < sizes.count, target != layer else { return selection }
                let row = Inspector.row(layer: layer, node: node, settings: settings)
                let nearest = (0..<sizes[target]).min { a, b in
                    abs(Inspector.row(layer: target, node: a, settings: settings) - row)
                        < abs(Inspector.row(layer: target, node: b, settings: settings) - row)
                } ?? 0
                return .node(layer: target, node: nearest)
            }
            return .node(layer: layer, node: max(0, min(sizes[layer] - 1, node + dy)))
        }
    }

    /// `w`/`W`: the next (or previous) edge into the selected node, wrapping around; from a node,
    /// its first (or last) incoming edge. Nil for inputs, which have none.
    static func steppedEdge(_ selection: Selection, by delta: Int, sizes: [Int]) -> Selection? {
        switch selection {
        case .node(let layer, let node):
            guard layer >= 1, sizes[layer - 1] > 0 else { return nil }
            return .edge(layer: layer, node: node, source: delta > 0 ? 0 : sizes[layer - 1] - 1)
        case .edge(let layer, let node, let source):
            let count = sizes[layer - 1]
            return .edge(layer: layer, node: node, source: ((source + delta) % count + count) % count)
        }
    }
}

extension AppState {
    /// The node whose output the main heat map shows instead of the network's: the selected
    /// node, unless it is the output itself (or nothing, or a edge, is selected).
    public var shownNode: (layer: Int, node: Int)? {
        guard case .node(let layer, let node) = selection, selection?.exists(in: playground.network.sizes) == true,
              layer < playground.network.layerCount - 1 else { return nil }
        return (layer, node)
    }
}
