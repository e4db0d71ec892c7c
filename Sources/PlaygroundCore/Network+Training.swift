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
        var accumulated = accumulatedExamples
        let width = inputCount
        withKernel { kernel in
            inputs.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { label in
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
        accumulatedExamples = accumulated
    }

    /// The network's output for one input row (`inputCount` values).
    public mutating func output(for input: [Double]) -> Double {
        precondition(input.count == inputCount, "input does not match the input layer")
        return withKernel { kernel in input.withUnsafeBufferPointer { kernel.forward($0.baseAddress!) } }
    }

    /// Mean of `0.5 (out - label)²` over the examples, on the current weights (0 with none).
    /// NaN or infinity when training diverged: check `isFinite`.
    public mutating func loss(inputs: [Double], labels: [Double]) -> Double {
        precondition(inputs.count == labels.count * inputCount, "inputs do not match the input layer")
        if labels.isEmpty { return 0 }
        let width = inputCount
        return withKernel { kernel in
            inputs.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { label in
                    var sum = 0.0
                    for example in 0..<label.count {
                        let difference = kernel.forward(input.baseAddress! + example * width) - label[example]
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
        copy.withKernel { kernel in
            input.withUnsafeBufferPointer { row in
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
        let count = accumulatedExamples
        withKernel { $0.update(examples: count, settings: settings) }
        accumulatedExamples = 0
    }

    /// Forgets a partial batch.
    public mutating func clearGradients() {
        for index in weightSumsAt..<(weightSumsAt + weightCount) { storage[index] = 0 }
        for index in biasSumsAt..<(biasSumsAt + nodeCount) { storage[index] = 0 }
        for index in slopeSumsAt..<(slopeSumsAt + nodeCount) { storage[index] = 0 }
        accumulatedExamples = 0
    }

    /// Lends a kernel over this network's storage: the per-layer facts are copied into a
    /// small stack buffer so the per-example loops read plain memory.
    mutating func withKernel<R>(_ body: (Kernel) -> R) -> R {
        let sizes = self.sizes, nodeStart = self.nodeStart, weightStart = self.weightStart
        let hidden = hiddenActivation, output = outputActivation
        let offsets = Kernel.Offsets(
            weightSums: weightSumsAt, biases: biasesAt, biasSums: biasSumsAt, slopes: slopesAt,
            slopeSums: slopeSumsAt, totals: totalsAt, outputs: outputsAt, inputDers: inputDersAt,
            outputDers: outputDersAt, weightCount: weightCount, nodeCount: nodeCount)
        return withUnsafeTemporaryAllocation(of: Kernel.LayerInfo.self, capacity: sizes.count) { layers in
            for l in 0..<sizes.count {
                layers.initializeElement(at: l, to: Kernel.LayerInfo(
                    count: sizes[l], sourceCount: l == 0 ? 0 : sizes[l - 1], node: nodeStart[l],
                    sourceNode: l == 0 ? 0 : nodeStart[l - 1], weight: weightStart[l],
                    activation: l == sizes.count - 1 ? output : hidden))
            }
            return storage.withUnsafeMutableBufferPointer { memory in
                dead.withUnsafeMutableBufferPointer { deadLinks in
                    body(Kernel(layers: UnsafePointer(layers.baseAddress!), layerCount: sizes.count,
                                offsets: offsets, memory: memory.baseAddress!, dead: deadLinks.baseAddress,
                                hidden: hidden))
                }
            }
        }
    }
}

/// Raw-pointer view of one network's storage: the per-example forward, backward and update.
struct Kernel {
    /// One layer's shape and where its numbers start.
    struct LayerInfo {
        let count: Int
        let sourceCount: Int
        /// First node of the layer and of the layer below, in the per-node regions.
        let node: Int
        let sourceNode: Int
        /// First weight of the layer, in the weight regions.
        let weight: Int
        let activation: Activation
    }

    struct Offsets {
        let weightSums, biases, biasSums, slopes, slopeSums, totals, outputs, inputDers, outputDers: Int
        let weightCount, nodeCount: Int
    }

    let layers: UnsafePointer<LayerInfo>
    let layerCount: Int
    let offsets: Offsets
    let memory: UnsafeMutablePointer<Double>
    let dead: UnsafeMutablePointer<UInt8>?
    let hidden: Activation

    /// Forward: `total = bias`, then `total += w_j · out_j` in source order; `out = f(total)`.
    @inline(__always) @discardableResult
    func forward(_ input: UnsafePointer<Double>) -> Double {
        let outputs = memory + offsets.outputs
        outputs.update(from: input, count: layers[0].count)
        let weights = UnsafePointer(memory)  // the weight region starts at 0
        let biases = UnsafePointer(memory + offsets.biases)
        let totals = memory + offsets.totals
        for l in 1..<layerCount {
            let layer = layers[l]
            let sourceCount = layer.sourceCount
            let previous = UnsafePointer(outputs + layer.sourceNode)
            var row = weights + layer.weight
            let bias = biases + layer.node, total = totals + layer.node, out = outputs + layer.node
            for i in 0..<layer.count {
                var t = bias[i]
                for j in 0..<sourceCount { t += row[j] * previous[j] }
                total[i] = t
                row += sourceCount
            }
            switch layer.activation {
            case .tanh: for i in 0..<layer.count { out[i] = Math.tanh(total[i]) }
            case .relu: for i in 0..<layer.count { out[i] = total[i] > 0 ? total[i] : 0 }
            case .linear: for i in 0..<layer.count { out[i] = total[i] }
            case .prelu:
                let slope = memory + offsets.slopes + layer.node
                for i in 0..<layer.count { out[i] = layer.activation.value(total[i], slope: slope[i]) }
            default: for i in 0..<layer.count { out[i] = layer.activation.value(total[i]) }
            }
        }
        return outputs[layers[layerCount - 1].node]
    }

    /// Backward for one example (after `forward`): adds ∂E/∂bias, ∂E/∂w (and ∂E/∂α) to the sums.
    @inline(__always)
    func backward(label: Double) {
        let outputs = memory + offsets.outputs, totals = memory + offsets.totals
        let inputDers = memory + offsets.inputDers, outputDers = memory + offsets.outputDers
        let outputNode = layers[layerCount - 1].node
        outputDers[outputNode] = outputs[outputNode] - label  // dE/dout of 0.5 (out - label)²
        var l = layerCount - 1
        while l >= 1 {
            let layer = layers[l]
            let count = layer.count, sourceCount = layer.sourceCount
            let out = outputs + layer.node, total = totals + layer.node
            let inputDer = inputDers + layer.node, outputDer = outputDers + layer.node
            // inputDer = outputDer · f'(total), from the stored output where exact.
            switch layer.activation {
            case .tanh: for i in 0..<count { inputDer[i] = outputDer[i] * (1 - out[i] * out[i]) }
            case .relu: for i in 0..<count { inputDer[i] = outputDer[i] * (total[i] <= 0 ? 0 : 1) }
            case .linear: for i in 0..<count { inputDer[i] = outputDer[i] }
            case .sigmoid: for i in 0..<count { inputDer[i] = outputDer[i] * (out[i] * (1 - out[i])) }
            case .prelu:
                let slope = memory + offsets.slopes + layer.node
                let slopeSum = memory + offsets.slopeSums + layer.node
                for i in 0..<count {
                    inputDer[i] = outputDer[i] * (total[i] <= 0 ? slope[i] : 1)
                    slopeSum[i] += outputDer[i] * (total[i] <= 0 ? total[i] : 0)  // ∂out/∂α = z below 0
                }
            default:
                for i in 0..<count {
                    inputDer[i] = outputDer[i] * layer.activation.derivative(total: total[i], output: out[i])
                }
            }
            let biasSum = memory + offsets.biasSums + layer.node
            for i in 0..<count { biasSum[i] += inputDer[i] }
            // ∂E/∂w_ij += inputDer_i · out_j (a dead link's sum is never read, so no test here).
            let source = UnsafePointer(outputs + layer.sourceNode)
            var sums = memory + offsets.weightSums + layer.weight
            for i in 0..<count {
                let d = inputDer[i]
                for j in 0..<sourceCount { sums[j] += d * source[j] }
                sums += sourceCount
            }
            if l > 1 {
                // The layer below: outputDer_j = Σ_i w_ij · inputDer_i, summed from 0 in
                // destination order. Row by row, so each sum sees the same order and the
                // inner loop runs over contiguous weights.
                var row = UnsafePointer(memory + layer.weight)
                let below = outputDers + layer.sourceNode
                below.update(repeating: 0, count: sourceCount)
                for i in 0..<count {
                    let d = inputDer[i]
                    for j in 0..<sourceCount { below[j] += row[j] * d }
                    row += sourceCount
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
        let biases = memory + offsets.biases, biasSums = memory + offsets.biasSums
        let firstNode = layers[0].count
        for index in firstNode..<offsets.nodeCount {
            biases[index] -= rate * biasSums[index] / count
            biasSums[index] = 0
        }
        if hidden == .prelu {
            let slopes = memory + offsets.slopes, slopeSums = memory + offsets.slopeSums
            for index in firstNode..<offsets.nodeCount {
                slopes[index] = slopes[index] - (rate / count) * slopeSums[index]
                slopeSums[index] = 0
            }
        }
        let weights = memory, sums = memory + offsets.weightSums
        let step = rate / count
        let decay = rate * settings.regularizationRate
        switch settings.regularization {
        case .none:
            for k in 0..<offsets.weightCount where dead?[k] ?? 0 == 0 {
                weights[k] = weights[k] - step * sums[k]
                sums[k] = 0
            }
        case .l2:
            for k in 0..<offsets.weightCount where dead?[k] ?? 0 == 0 {
                let old = weights[k]
                weights[k] = (old - step * sums[k]) - decay * old
                sums[k] = 0
            }
        case .l1:
            for k in 0..<offsets.weightCount where dead?[k] ?? 0 == 0 {
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
