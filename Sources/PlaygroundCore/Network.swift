/// A fully connected network as a value: only what a network *is*.
///
/// Layer 0 holds the inputs, the last layer the single output. Every parameter lives in one
/// `[Double]` (`parameters`): the weights (row = destination node, column = source node, layer
/// after layer), then one bias per node, then one PReLU slope per node (input nodes have both but
/// never use them). What training keeps (gradient sums, dead links, the partial batch, optimizer
/// state, scratch) lives in `Training`, so equality, editing and reading an output never depend
/// on how far training got.
public struct Network: Equatable, Sendable {
    let layout: ParameterLayout
    public let hiddenActivation: Activation
    public let outputActivation: Activation
    /// Weights, biases, slopes: see `ParameterLayout` for where each one is.
    var parameters: [Double]

    /// Builds a network in TF's order: layer by layer, destination node by destination node,
    /// source by source, one draw R() per weight turned into a weight by `initialization` (TF's
    /// `R() - 0.5` by default; fanIn = the layer below's size, fanOut = the layer's own), and the
    /// rule's bias (TF: 0.1). With `initZero` weights and biases are 0, but every weight still
    /// consumes its draw.
    public init(
        inputCount: Int, hiddenLayers: [Int], activation: Activation, outputActivation: Activation,
        initialization: Initialization = .tf, initZero: Bool = false, using rng: inout SeededRandom
    ) {
        precondition(inputCount >= 0 && hiddenLayers.allSatisfy { $0 > 0 }, "layer sizes must be positive")
        layout = ParameterLayout(sizes: [inputCount] + hiddenLayers + [1])
        hiddenActivation = activation
        self.outputActivation = outputActivation
        parameters = [Double](repeating: 0, count: layout.parameterCount)
        let sizes = layout.sizes
        for l in 1..<sizes.count {
            let limit = initialization.limit(fanIn: sizes[l - 1], fanOut: sizes[l])
            for node in 0..<sizes[l] {
                parameters[layout.biasesAt + layout.nodeIndex(l, node)] = initZero ? 0 : initialization.bias
                for source in 0..<sizes[l - 1] {
                    let w = initialization.weight(draw: rng.nextDouble(), limit: limit)
                    parameters[layout.weightsAt + layout.weightIndex(l, node, source)] = initZero ? 0 : w
                }
            }
        }
        for node in 0..<layout.nodeCount { parameters[layout.slopesAt + node] = Activation.initialPReLUSlope }
    }

    // MARK: Shape

    /// Node counts per layer: `[inputs] + hidden + [1]`.
    public var sizes: [Int] { layout.sizes }
    public var layerCount: Int { layout.sizes.count }
    public var inputCount: Int { layout.sizes[0] }
    var nodeCount: Int { layout.nodeCount }
    var weightCount: Int { layout.weightCount }

    /// The activation of the nodes of layer `l` (l ≥ 1).
    public func activation(ofLayer l: Int) -> Activation {
        l == layout.sizes.count - 1 ? outputActivation : hiddenActivation
    }

    // MARK: Reading and editing parameters

    /// The weight of the link from `source` in layer `layer - 1` to `node` in `layer`.
    public func weight(layer: Int, node: Int, source: Int) -> Double {
        parameters[layout.weightsAt + layout.weightIndex(layer, node, source)]
    }

    /// Sets a weight. On a network in training, edit through `Playground.setWeight`, which also
    /// clears what training kept for it.
    public mutating func setWeight(_ value: Double, layer: Int, node: Int, source: Int) {
        parameters[layout.weightsAt + layout.weightIndex(layer, node, source)] = value
    }

    public func bias(layer: Int, node: Int) -> Double { parameters[layout.biasesAt + layout.nodeIndex(layer, node)] }

    public mutating func setBias(_ value: Double, layer: Int, node: Int) {
        parameters[layout.biasesAt + layout.nodeIndex(layer, node)] = value
    }

    /// PReLU's learned α of a node (0.25 until trained; unused by other activations).
    public func slope(layer: Int, node: Int) -> Double { parameters[layout.slopesAt + layout.nodeIndex(layer, node)] }

    public mutating func setSlope(_ value: Double, layer: Int, node: Int) {
        parameters[layout.slopesAt + layout.nodeIndex(layer, node)] = value
    }

    /// The weights of layer `l` (l ≥ 1) as `[node][source]`.
    public func weights(ofLayer l: Int) -> [[Double]] {
        (0..<sizes[l]).map { node in (0..<sizes[l - 1]).map { weight(layer: l, node: node, source: $0) } }
    }

    /// The biases of layer `l` (l ≥ 1).
    public func biases(ofLayer l: Int) -> [Double] { (0..<sizes[l]).map { bias(layer: l, node: $0) } }

    /// Every weight, layer after layer, row by row (the order of initialisation).
    public var allWeights: ArraySlice<Double> { parameters[layout.weightsAt..<(layout.weightsAt + layout.weightCount)] }
}

/// Where each number of a network lives in its flat arrays. `Network.parameters`, the training's
/// gradient sums and its optimizer state share this order: weights, biases, slopes.
struct ParameterLayout: Equatable, Sendable {
    /// Node counts per layer.
    let sizes: [Int]
    /// Index of each layer's first node in the per-node regions (a prefix sum of `sizes`).
    let nodeStart: [Int]
    /// Index of each layer's first weight (layer 0 has none; `weightStart[0] == 0`).
    let weightStart: [Int]

    init(sizes: [Int]) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 >= 0 } && sizes.last == 1,
                     "a network has an input layer and one output node")
        self.sizes = sizes
        var nodeStart = [0], weightStart = [0]
        for l in 0..<sizes.count {
            nodeStart.append(nodeStart[l] + sizes[l])
            weightStart.append(weightStart[l] + (l == 0 ? 0 : sizes[l] * sizes[l - 1]))
        }
        self.nodeStart = nodeStart
        self.weightStart = weightStart
    }

    var nodeCount: Int { nodeStart[sizes.count] }
    var weightCount: Int { weightStart[sizes.count] }
    /// Weights, then a bias and a slope per node.
    var parameterCount: Int { weightCount + 2 * nodeCount }
    var weightsAt: Int { 0 }
    var biasesAt: Int { weightCount }
    var slopesAt: Int { weightCount + nodeCount }

    /// The link from `source` in layer `layer - 1` to `node` in `layer`, among the weights.
    func weightIndex(_ layer: Int, _ node: Int, _ source: Int) -> Int {
        precondition(layer >= 1 && layer < sizes.count && node >= 0 && node < sizes[layer]
                     && source >= 0 && source < sizes[layer - 1], "no such link")
        return weightStart[layer] + node * sizes[layer - 1] + source
    }

    /// Node `node` of layer `layer`, among the nodes.
    func nodeIndex(_ layer: Int, _ node: Int) -> Int {
        precondition(layer >= 0 && layer < sizes.count && node >= 0 && node < sizes[layer], "no such node")
        return nodeStart[layer] + node
    }
}
