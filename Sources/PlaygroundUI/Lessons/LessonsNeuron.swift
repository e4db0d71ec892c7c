// Lesson 4's model: one node of the running network on one training example, forward and backward.
import PlaygroundCore

/// Lesson 4: one node of the running network on one training example, forward and backward,
/// with the numbers training uses.
///
/// Forward, from the network's read API: `x_j` are the outputs of the layer below (the input
/// features for layer 1), `z = b + Σ_j w_j·x_j` summed in source order as training sums it,
/// `out = f(z)`. Backward, for the error `E = ½(out_net − label)²` of this one example:
/// `∂E/∂z` and `∂E/∂w_j` come straight from `Network.gradients(input:label:)`, the backward pass
/// training runs. Beside them the chain rule that produces them:
///
///     ∂E/∂out = out − label                      (the output node)
///     ∂E/∂out = Σ_k w_kj · ∂E/∂z_k               (a hidden node: every node k it feeds)
///     ∂E/∂z   = ∂E/∂out · f'(z)
///     ∂E/∂w_j = ∂E/∂z · x_j,   ∂E/∂b = ∂E/∂z
public struct NeuronLesson: Equatable, Sendable {
    public let layer: Int
    public let node: Int
    /// Index of the training example.
    public let point: Int
    public let label: Double
    public let activation: Activation
    /// The names of the sources (features, or `h1.2`) and their values x_j.
    public let sourceNames: [String]
    public let inputs: [Double]
    public let weights: [Double]
    public let bias: Double
    public let total: Double
    public let output: Double
    /// The network's output for this example and its error E.
    public let networkOutput: Double
    public let error: Double
    /// ∂E/∂out by the chain rule, f'(z), and their product.
    public let outputGradient: Double
    public let slope: Double
    public let chainTotalGradient: Double
    /// From `Network.gradients`: ∂E/∂z (= ∂E/∂b) and ∂E/∂w_j.
    public let totalGradient: Double
    public let weightGradients: [Double]

    public var isOutput: Bool { layer == sizesCount - 1 }
    let sizesCount: Int

    /// The lesson for `node` of `layer` (≥ 1) on training example `point` of `playground`.
    public init(playground: Playground, layer: Int, node: Int, point: Int, unicode: Bool = true) {
        let network = playground.network
        let sizes = network.sizes
        let features = playground.state.inputFeatures
        let width = sizes[0]
        let count = width == 0 ? playground.trainLabels.count : playground.trainInputs.count / width
        let point = count == 0 ? 0 : min(max(0, point), count - 1)
        // No training point: a row of zeros, so the forward pass has an input for every node.
        let row = count == 0 ? Array(repeating: 0.0, count: width) : Array(playground.trainInputs[(point * width)..<((point + 1) * width)])
        let label = playground.trainLabels.isEmpty ? 0 : playground.trainLabels[point]

        // Forward through every layer, as training does it.
        var outputs = [row]
        var totals: [[Double]] = [[]]
        for l in 1..<sizes.count {
            let f = network.activation(ofLayer: l)
            var layerTotals: [Double] = [], layerOutputs: [Double] = []
            for i in 0..<sizes[l] {
                var t = network.bias(layer: l, node: i)
                for j in 0..<sizes[l - 1] { t += network.weight(layer: l, node: i, source: j) * outputs[l - 1][j] }
                layerTotals.append(t)
                layerOutputs.append(f.value(t, slope: network.slope(layer: l, node: i)))
            }
            totals.append(layerTotals)
            outputs.append(layerOutputs)
        }
        let gradients = network.gradients(input: row, label: label)
        let nodeStart = sizes.indices.map { sizes.prefix($0).reduce(0, +) }
        // Where each layer's weights start in `gradients.weights` (layer by layer, row by row).
        let weightStart = sizes.indices.map { l in (0..<l).reduce(0) { $0 + ($1 >= 1 ? sizes[$1] * sizes[$1 - 1] : 0) } }

        self.layer = layer
        self.node = node
        self.point = point
        self.label = label
        sizesCount = sizes.count
        activation = network.activation(ofLayer: layer)
        sourceNames = (0..<sizes[layer - 1]).map { j in
            layer == 1 ? (unicode ? features[j].label : features[j].asciiLabel) : "h\(layer - 1).\(j + 1)"
        }
        inputs = outputs[layer - 1]
        weights = (0..<sizes[layer - 1]).map { network.weight(layer: layer, node: node, source: $0) }
        bias = network.bias(layer: layer, node: node)
        total = totals[layer][node]
        output = outputs[layer][node]
        networkOutput = outputs[sizes.count - 1][0]
        error = 0.5 * (networkOutput - label) * (networkOutput - label)
        if layer == sizes.count - 1 {
            outputGradient = networkOutput - label
        } else {
            outputGradient = (0..<sizes[layer + 1]).reduce(0.0) { sum, k in
                sum + network.weight(layer: layer + 1, node: k, source: node) * gradients.biases[nodeStart[layer + 1] + k]
            }
        }
        slope = activation.derivative(total: total, output: output, slope: network.slope(layer: layer, node: node))
        chainTotalGradient = outputGradient * slope
        totalGradient = gradients.biases[nodeStart[layer] + node]
        let first = weightStart[layer] + node * sizes[layer - 1]
        weightGradients = Array(gradients.weights[first..<(first + sizes[layer - 1])])
    }

    /// What lesson 4 needs and the playground lacks (no training point, no input feature), said
    /// for the screen; nil when the lesson can be drawn.
    public static func missing(_ playground: Playground) -> String? {
        let sizes = playground.network.sizes
        if sizes.first == 0 { return "lesson 4 needs an input: this network has no input feature (turn one on in the playground)" }
        if sizes.count < 2 { return "lesson 4 needs a network with at least one layer after the inputs" }
        if playground.trainLabels.isEmpty || playground.trainInputs.count < sizes[0] {
            return "lesson 4 needs a training point: this data has none (raise the training ratio or add points)"
        }
        return nil
    }

    /// The node's name as the inspector writes it: `h1.2` for a hidden node, `output`.
    public var name: String { isOutput ? "output" : "h\(layer).\(node + 1)" }
}

extension AppState {
    /// The node lesson 4 starts on: the inspected node (a link's destination), else the output.
    var lessonNodeFromSelection: (layer: Int, node: Int) {
        let sizes = playground.network.sizes
        switch selection {
        case .node(let layer, let node)? where layer >= 1: return (layer, node)
        case .edge(let layer, let node, _)?: return (layer, node)
        default: return (sizes.count - 1, 0)
        }
    }
}
