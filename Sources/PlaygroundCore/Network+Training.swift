/// Training: forward, backward with batch accumulation, update (SPEC §3–4).
///
/// The work happens in `Kernel`, a view of the network's flat storage through raw pointers,
/// made once per call (per epoch or per loss), so the per-example loops touch no array
/// bookkeeping, no reference counts and no bounds checks.
extension Network {
    /// Learning settings that apply at the update (the learning rate applies live).
    public struct Hyperparameters: Equatable, Sendable {
        public var learningRate: Double
        public var regularization: Regularization
        public var regularizationRate: Double
        public var batchSize: Int
        public init(learningRate: Double, regularization: Regularization = .none,
                    regularizationRate: Double = 0, batchSize: Int) {
            precondition(batchSize >= 1, "batch size must be at least 1")
            self.learningRate = learningRate
            self.regularization = regularization
            self.regularizationRate = regularizationRate
            self.batchSize = batchSize
        }
    }

    /// One epoch (TF's `oneStep`): every training example in order, forward and backward, and an
    /// update after each full batch. A partial batch at the end carries into the next epoch.
    /// `inputs` is flat, `labels.count × inputCount`.
    public mutating func trainEpoch(inputs: [Double], labels: [Double], settings: Hyperparameters) {
        precondition(inputs.count == labels.count * inputCount, "inputs do not match the input layer")
        let layout = Layout(self)
        var accumulated = accumulatedExamples
        storage.withUnsafeMutableBufferPointer { memory in
            dead.withUnsafeMutableBufferPointer { deadLinks in
                inputs.withUnsafeBufferPointer { input in
                    labels.withUnsafeBufferPointer { label in
                        let kernel = Kernel(layout: layout, memory: memory.baseAddress!, dead: deadLinks.baseAddress)
                        let width = layout.sizes[0]
                        for example in 0..<label.count {
                            kernel.forward(input.baseAddress! + example * width)
                            kernel.backward(label: label[example])
                            accumulated += 1
                            if (example + 1) % settings.batchSize == 0 {
                                kernel.update(examples: accumulated, settings: settings)
                                accumulated = 0
                            }
                        }
                    }
                }
            }
        }
        accumulatedExamples = accumulated
    }

    /// The network's output for one input row (`inputCount` values).
    public mutating func output(for input: [Double]) -> Double {
        precondition(input.count == inputCount, "input does not match the input layer")
        let layout = Layout(self)
        return storage.withUnsafeMutableBufferPointer { memory in
            input.withUnsafeBufferPointer { row in
                Kernel(layout: layout, memory: memory.baseAddress!, dead: nil).forward(row.baseAddress!)
            }
        }
    }

    /// Mean of `0.5 (out - label)²` over the examples, on the current weights (0 with none).
    /// NaN or infinity when training diverged: check `isFinite`.
    public mutating func loss(inputs: [Double], labels: [Double]) -> Double {
        precondition(inputs.count == labels.count * inputCount, "inputs do not match the input layer")
        if labels.isEmpty { return 0 }
        let layout = Layout(self)
        return storage.withUnsafeMutableBufferPointer { memory in
            inputs.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { label in
                    let kernel = Kernel(layout: layout, memory: memory.baseAddress!, dead: nil)
                    var sum = 0.0
                    for example in 0..<label.count {
                        let difference = kernel.forward(input.baseAddress! + example * layout.sizes[0]) - label[example]
                        sum += 0.5 * difference * difference
                    }
                    return sum / Double(label.count)
                }
            }
        }
    }

    /// The gradient of one example's error `E = 0.5 (out - label)²`.
    public struct Gradients: Sendable {
        /// ∂E/∂w, in the order of `allWeights`.
        public var weights: [Double]
        /// ∂E/∂b per node, network order (input nodes' entries are 0).
        public var biases: [Double]
        /// ∂E/∂α (PReLU) per node, network order.
        public var slopes: [Double]
        /// ∂E/∂input for each input node.
        public var inputs: [Double]
    }

    /// ∂E/∂parameter (and ∂E/∂input) for one example, as an update with a batch of one would
    /// see it: the gradient sums after a single backward pass from zero. For gradient checks
    /// and for explaining a single step; training never calls it.
    public func gradients(input: [Double], label: Double) -> Gradients {
        var copy = self
        copy.clearGradients()
        let layout = Layout(copy)
        copy.storage.withUnsafeMutableBufferPointer { memory in
            input.withUnsafeBufferPointer { row in
                let kernel = Kernel(layout: layout, memory: memory.baseAddress!, dead: nil)
                kernel.forward(row.baseAddress!)
                kernel.backward(label: label)
            }
        }
        // The backward pass stops at layer 1; the inputs' share is Σ_i w_ij · inputDer_i.
        let inputs = (0..<sizes[0]).map { j in
            (0..<sizes[1]).reduce(0.0) { sum, i in
                sum + copy.weight(layer: 1, node: i, source: j) * copy.storage[copy.inputDersAt + copy.nodeStart[1] + i]
            }
        }
        let s = copy.storage
        return Gradients(weights: Array(s[weightSumsAt..<(weightSumsAt + weightCount)]),
                         biases: Array(s[biasSumsAt..<(biasSumsAt + nodeCount)]),
                         slopes: Array(s[slopeSumsAt..<(slopeSumsAt + nodeCount)]),
                         inputs: inputs)
    }

    /// Applies the sums accumulated so far as one update, if there are any.
    public mutating func applyAccumulatedGradients(settings: Hyperparameters) {
        guard accumulatedExamples > 0 else { return }
        let layout = Layout(self)
        let count = accumulatedExamples
        storage.withUnsafeMutableBufferPointer { memory in
            dead.withUnsafeMutableBufferPointer { deadLinks in
                Kernel(layout: layout, memory: memory.baseAddress!, dead: deadLinks.baseAddress)
                    .update(examples: count, settings: settings)
            }
        }
        accumulatedExamples = 0
    }

    /// Forgets a partial batch.
    public mutating func clearGradients() {
        for index in weightSumsAt..<(weightSumsAt + weightCount) { storage[index] = 0 }
        for index in biasSumsAt..<(biasSumsAt + nodeCount) { storage[index] = 0 }
        for index in slopeSumsAt..<(slopeSumsAt + nodeCount) { storage[index] = 0 }
        accumulatedExamples = 0
    }
}

/// The shape of a network and where its regions start, copied out so the kernels can read it
/// without touching the network while its storage is borrowed.
struct Layout {
    let sizes: [Int]
    let nodeStart: [Int]
    let weightStart: [Int]
    let hidden: Activation
    let output: Activation
    let weights, weightSums, biases, biasSums, slopes, slopeSums, totals, outputs, inputDers, outputDers: Int
    let weightCount: Int

    init(_ network: Network) {
        sizes = network.sizes
        nodeStart = network.nodeStart
        weightStart = network.weightStart
        hidden = network.hiddenActivation
        output = network.outputActivation
        weights = network.weightsAt
        weightSums = network.weightSumsAt
        biases = network.biasesAt
        biasSums = network.biasSumsAt
        slopes = network.slopesAt
        slopeSums = network.slopeSumsAt
        totals = network.totalsAt
        outputs = network.outputsAt
        inputDers = network.inputDersAt
        outputDers = network.outputDersAt
        weightCount = network.weightCount
    }
}

/// Raw-pointer view of one network's storage: the per-example forward, backward and update.
struct Kernel {
    let layout: Layout
    let memory: UnsafeMutablePointer<Double>
    let dead: UnsafeMutablePointer<UInt8>?

    /// Forward: `total = bias`, then `total += w_j · out_j` in source order; `out = f(total)`.
    @inline(__always) @discardableResult
    func forward(_ input: UnsafePointer<Double>) -> Double {
        let sizes = layout.sizes
        let outputs = memory + layout.outputs
        for j in 0..<sizes[0] { outputs[j] = input[j] }
        let last = sizes.count - 1
        for l in 1...last {
            let count = sizes[l], sourceCount = sizes[l - 1]
            let node = layout.nodeStart[l]
            let previous = UnsafePointer(outputs + layout.nodeStart[l - 1])
            var row = UnsafePointer(memory + layout.weights + layout.weightStart[l])
            let bias = memory + layout.biases + node
            let total = memory + layout.totals + node
            let out = outputs + node
            for i in 0..<count {
                var t = bias[i]
                for j in 0..<sourceCount { t += row[j] * previous[j] }
                total[i] = t
                row += sourceCount
            }
            let activation = l == last ? layout.output : layout.hidden
            switch activation {
            case .tanh: for i in 0..<count { out[i] = Math.tanh(total[i]) }
            case .relu: for i in 0..<count { out[i] = total[i] > 0 ? total[i] : 0 }
            case .linear: for i in 0..<count { out[i] = total[i] }
            case .prelu:
                let slope = memory + layout.slopes + node
                for i in 0..<count { out[i] = activation.value(total[i], slope: slope[i]) }
            default: for i in 0..<count { out[i] = activation.value(total[i]) }
            }
        }
        return outputs[layout.nodeStart[last]]
    }

    /// Backward for one example (after `forward`): adds ∂E/∂bias, ∂E/∂w (and ∂E/∂α) to the sums.
    @inline(__always)
    func backward(label: Double) {
        let sizes = layout.sizes
        let last = sizes.count - 1
        let outputs = memory + layout.outputs
        let totals = memory + layout.totals
        let inputDers = memory + layout.inputDers
        let outputDers = memory + layout.outputDers
        let outputNode = layout.nodeStart[last]
        outputDers[outputNode] = outputs[outputNode] - label  // dE/dout of 0.5 (out - label)²
        var l = last
        while l >= 1 {
            let count = sizes[l], sourceCount = sizes[l - 1]
            let node = layout.nodeStart[l], sourceNode = layout.nodeStart[l - 1]
            let out = outputs + node, total = totals + node
            let inputDer = inputDers + node, outputDer = outputDers + node
            let biasSum = memory + layout.biasSums + node
            let activation = l == last ? layout.output : layout.hidden
            // inputDer = outputDer · f'(total), from the stored output where exact.
            switch activation {
            case .tanh: for i in 0..<count { inputDer[i] = outputDer[i] * (1 - out[i] * out[i]) }
            case .relu: for i in 0..<count { inputDer[i] = outputDer[i] * (total[i] <= 0 ? 0 : 1) }
            case .linear: for i in 0..<count { inputDer[i] = outputDer[i] }
            case .sigmoid: for i in 0..<count { inputDer[i] = outputDer[i] * (out[i] * (1 - out[i])) }
            case .prelu:
                let slope = memory + layout.slopes + node
                let slopeSum = memory + layout.slopeSums + node
                for i in 0..<count {
                    inputDer[i] = outputDer[i] * (total[i] <= 0 ? slope[i] : 1)
                    slopeSum[i] += outputDer[i] * (total[i] <= 0 ? total[i] : 0)  // ∂out/∂α = z below 0
                }
            default:
                for i in 0..<count {
                    inputDer[i] = outputDer[i] * activation.derivative(total: total[i], output: out[i])
                }
            }
            for i in 0..<count { biasSum[i] += inputDer[i] }
            // ∂E/∂w_ij += inputDer_i · out_j (a dead link's sum is never read, so no test here).
            let source = UnsafePointer(outputs + sourceNode)
            var sums = memory + layout.weightSums + layout.weightStart[l]
            for i in 0..<count {
                let d = inputDer[i]
                for j in 0..<sourceCount { sums[j] += d * source[j] }
                sums += sourceCount
            }
            if l > 1 {
                // The layer below: outputDer_j = Σ_i w_ij · inputDer_i, in destination order.
                let weights = UnsafePointer(memory + layout.weights + layout.weightStart[l])
                let below = outputDers + sourceNode
                for j in 0..<sourceCount {
                    var s = 0.0
                    for i in 0..<count { s += weights[i * sourceCount + j] * inputDer[i] }
                    below[j] = s
                }
            }
            l -= 1
        }
    }

    /// Update with the sums of `n` examples, then zero them. Bias: `b -= lr · sum / n`.
    /// Weight: `w -= (lr / n) · sum`, then the penalty `w2 = w - lr · rate · reg'(w_old)`; under
    /// L1 a weight pushed through zero becomes 0 and its link dead for good.
    @inline(__always)
    func update(examples n: Int, settings: Network.Hyperparameters) {
        let count = Double(n)
        let rate = settings.learningRate
        let nodeCount = layout.nodeStart[layout.sizes.count]
        let biases = memory + layout.biases, biasSums = memory + layout.biasSums
        let firstNode = layout.sizes[0]
        for index in firstNode..<nodeCount {
            biases[index] -= rate * biasSums[index] / count
            biasSums[index] = 0
        }
        if layout.hidden == .prelu {
            let slopes = memory + layout.slopes, slopeSums = memory + layout.slopeSums
            for index in firstNode..<nodeCount {
                slopes[index] = slopes[index] - (rate / count) * slopeSums[index]
                slopeSums[index] = 0
            }
        }
        let weights = memory + layout.weights, sums = memory + layout.weightSums
        let step = rate / count
        switch settings.regularization {
        case .none:
            for k in 0..<layout.weightCount where dead?[k] ?? 0 == 0 {
                let w = weights[k] - step * sums[k]
                weights[k] = w - (rate * settings.regularizationRate) * 0
                sums[k] = 0
            }
        case .l2:
            let decay = rate * settings.regularizationRate
            for k in 0..<layout.weightCount where dead?[k] ?? 0 == 0 {
                let old = weights[k]
                weights[k] = (old - step * sums[k]) - decay * old
                sums[k] = 0
            }
        case .l1:
            let decay = rate * settings.regularizationRate
            for k in 0..<layout.weightCount where dead?[k] ?? 0 == 0 {
                let old = weights[k]
                let rd: Double = old < 0 ? -1 : (old > 0 ? 1 : 0)
                let w = old - step * sums[k]
                let w2 = w - decay * rd
                if w * w2 < 0 {
                    weights[k] = 0
                    dead?[k] = 1
                } else {
                    weights[k] = w2
                }
                sums[k] = 0
            }
        }
    }
}
