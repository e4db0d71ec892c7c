/// A fully connected network as a value with flat storage.
///
/// Layer 0 holds the inputs, the last layer the single output. Every number lives in one
/// `[Double]` (`storage`), cut into regions: weights (row = destination node, column = source
/// node, layer after layer), their gradient sums, then per node biases, bias sums, PReLU
/// slopes and slope sums, and the per-example scratch (total input, output, ∂E/∂total,
/// ∂E/∂output). Training runs over raw pointers into that one buffer: no object per neuron or
/// link, no allocation per example.
public struct Network: Equatable, Sendable {
    /// Node counts per layer: `[inputs] + hidden + [1]`.
    public let sizes: [Int]
    public let hiddenActivation: Activation
    public let outputActivation: Activation
    /// Index of each layer's first node in the per-node regions (a prefix sum of `sizes`).
    let nodeStart: [Int]
    /// Index of each layer's first weight (layer 0 has none; `weightStart[0] == 0`).
    let weightStart: [Int]
    let nodeCount: Int
    let weightCount: Int

    var storage: [Double]
    /// A link whose weight L1 drove through zero is dead for good: 1, else 0.
    var dead: [UInt8]
    /// Examples summed into the gradient since the last update (partial batches carry over).
    public internal(set) var accumulatedExamples = 0

    // Region offsets into `storage`.
    var weightsAt: Int { 0 }
    var weightSumsAt: Int { weightCount }
    var biasesAt: Int { 2 * weightCount }
    var biasSumsAt: Int { 2 * weightCount + nodeCount }
    var slopesAt: Int { 2 * weightCount + 2 * nodeCount }
    var slopeSumsAt: Int { 2 * weightCount + 3 * nodeCount }
    var totalsAt: Int { 2 * weightCount + 4 * nodeCount }
    var outputsAt: Int { 2 * weightCount + 5 * nodeCount }
    var inputDersAt: Int { 2 * weightCount + 6 * nodeCount }
    var outputDersAt: Int { 2 * weightCount + 7 * nodeCount }

    /// Builds a network in TF's order: layer by layer, destination node by destination node,
    /// source by source, each weight `R() - 0.5`; biases 0.1. With `initZero` weights and biases
    /// are 0, but every weight still consumes its draw.
    public init(
        inputCount: Int, hiddenLayers: [Int], activation: Activation, outputActivation: Activation,
        initZero: Bool = false, using rng: inout SeededRandom
    ) {
        precondition(inputCount >= 0 && hiddenLayers.allSatisfy { $0 > 0 }, "layer sizes must be positive")
        sizes = [inputCount] + hiddenLayers + [1]
        hiddenActivation = activation
        self.outputActivation = outputActivation
        var nodeStart = [0], weightStart = [0]
        for l in 0..<sizes.count {
            nodeStart.append(nodeStart[l] + sizes[l])
            weightStart.append(weightStart[l] + (l == 0 ? 0 : sizes[l] * sizes[l - 1]))
        }
        self.nodeStart = nodeStart
        self.weightStart = weightStart
        nodeCount = nodeStart[sizes.count]
        weightCount = weightStart[sizes.count]
        storage = [Double](repeating: 0, count: 2 * weightCount + 8 * nodeCount)
        dead = [UInt8](repeating: 0, count: weightCount)
        for l in 1..<sizes.count {
            for node in 0..<sizes[l] {
                storage[biasesAt + nodeStart[l] + node] = initZero ? 0 : 0.1
                for source in 0..<sizes[l - 1] {
                    let w = rng.nextDouble() - 0.5
                    storage[weightsAt + weightStart[l] + node * sizes[l - 1] + source] = initZero ? 0 : w
                }
            }
        }
        for index in 0..<nodeCount { storage[slopesAt + index] = Activation.initialPReLUSlope }
    }

    public static func == (a: Network, b: Network) -> Bool {
        a.sizes == b.sizes && a.hiddenActivation == b.hiddenActivation
            && a.outputActivation == b.outputActivation && a.storage == b.storage && a.dead == b.dead
            && a.accumulatedExamples == b.accumulatedExamples
    }

    // MARK: Reading and editing parameters

    public var layerCount: Int { sizes.count }
    public var inputCount: Int { sizes[0] }

    /// The activation of the nodes of layer `l` (l ≥ 1).
    public func activation(ofLayer l: Int) -> Activation {
        l == sizes.count - 1 ? outputActivation : hiddenActivation
    }

    func weightIndex(_ layer: Int, _ node: Int, _ source: Int) -> Int {
        precondition(layer >= 1 && layer < sizes.count && node < sizes[layer] && source < sizes[layer - 1])
        return weightStart[layer] + node * sizes[layer - 1] + source
    }

    func nodeIndex(_ layer: Int, _ node: Int) -> Int {
        precondition(layer >= 0 && layer < sizes.count && node < sizes[layer])
        return nodeStart[layer] + node
    }

    /// The weight of the link from `source` in layer `layer - 1` to `node` in `layer`.
    public func weight(layer: Int, node: Int, source: Int) -> Double {
        storage[weightsAt + weightIndex(layer, node, source)]
    }

    /// Sets a weight (an edit by the user). A dead link comes back to life: the user chose it.
    public mutating func setWeight(_ value: Double, layer: Int, node: Int, source: Int) {
        let index = weightIndex(layer, node, source)
        storage[weightsAt + index] = value
        dead[index] = 0
    }

    /// True when L1 drove the link through zero and it no longer trains.
    public func isDead(layer: Int, node: Int, source: Int) -> Bool {
        dead[weightIndex(layer, node, source)] != 0
    }

    public func bias(layer: Int, node: Int) -> Double { storage[biasesAt + nodeIndex(layer, node)] }

    public mutating func setBias(_ value: Double, layer: Int, node: Int) {
        storage[biasesAt + nodeIndex(layer, node)] = value
    }

    /// PReLU's learned α of a node (0.25 until trained; unused by other activations).
    public func slope(layer: Int, node: Int) -> Double { storage[slopesAt + nodeIndex(layer, node)] }

    public mutating func setSlope(_ value: Double, layer: Int, node: Int) {
        storage[slopesAt + nodeIndex(layer, node)] = value
    }

    /// The weights of layer `l` (l ≥ 1) as `[node][source]`.
    public func weights(ofLayer l: Int) -> [[Double]] {
        (0..<sizes[l]).map { node in (0..<sizes[l - 1]).map { weight(layer: l, node: node, source: $0) } }
    }

    /// The biases of layer `l` (l ≥ 1).
    public func biases(ofLayer l: Int) -> [Double] { (0..<sizes[l]).map { bias(layer: l, node: $0) } }

    /// Every weight, layer after layer, row by row (the order of initialisation).
    public var allWeights: ArraySlice<Double> { storage[weightsAt..<(weightsAt + weightCount)] }
}
