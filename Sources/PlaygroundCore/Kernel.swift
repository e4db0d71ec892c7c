/// The per-example loops of SPEC §3–4 over raw pointers: no object per neuron or link, no array
/// bookkeeping, reference counts or bounds checks inside. The public entry points (`Network`'s
/// output and loss, `Training`) check every size before they lend a kernel, so these loops may
/// trust the pointers they are given.

/// One layer's shape and where its numbers start, kept in a small buffer the loops read.
struct LayerInfo {
    /// Nodes in the layer and in the layer below.
    let count: Int
    let sourceCount: Int
    /// First node of the layer and of the layer below, in the per-node regions.
    let node: Int
    let sourceNode: Int
    /// First weight of the layer, in the weight region.
    let weight: Int
    let activation: Activation
}

extension ParameterLayout {
    /// Lends the per-layer facts of a network of this shape as plain memory.
    func withLayers<R>(hidden: Activation, output: Activation, _ body: (UnsafeBufferPointer<LayerInfo>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: LayerInfo.self, capacity: sizes.count) { layers in
            for l in 0..<sizes.count {
                layers.initializeElement(at: l, to: LayerInfo(
                    count: sizes[l], sourceCount: l == 0 ? 0 : sizes[l - 1], node: nodeStart[l],
                    sourceNode: l == 0 ? 0 : nodeStart[l - 1], weight: weightStart[l],
                    activation: l == sizes.count - 1 ? output : hidden))
            }
            return body(UnsafeBufferPointer(layers))
        }
    }
}

extension UnsafeMutableBufferPointer {
    /// The first element, for a buffer that is never empty (a network always has an output node,
    /// so its parameters and per-node scratch always exist).
    var start: UnsafeMutablePointer<Element> {
        guard let base = baseAddress else { preconditionFailure("an empty buffer where a network's numbers belong") }
        return base
    }
}

extension UnsafeBufferPointer {
    /// The first element, for a buffer that is never empty (see the mutable one).
    var start: UnsafePointer<Element> {
        guard let base = baseAddress else { preconditionFailure("an empty buffer where a network's numbers belong") }
        return base
    }
}

/// The forward pass over a network's parameters, with a scratch buffer for z and a.
struct ForwardKernel {
    let layers: UnsafeBufferPointer<LayerInfo>
    /// `Network.parameters`' three regions.
    let weights, biases, slopes: UnsafePointer<Double>
    /// Per node: the total input z and the output a = f(z) (layer 0's a is the input).
    let totals, outputs: UnsafeMutablePointer<Double>

    init(layers: UnsafeBufferPointer<LayerInfo>, layout: ParameterLayout, parameters: UnsafePointer<Double>,
         scratch: UnsafeMutablePointer<Double>) {
        self.layers = layers
        weights = parameters + layout.weightsAt
        biases = parameters + layout.biasesAt
        slopes = parameters + layout.slopesAt
        totals = scratch
        outputs = scratch + layout.nodeCount
    }

    /// One example, `input` holding layer 0's values (nil only when there are none). Per layer
    /// `z = b + W·x` (the bias first, then the sources in order, as TF sums), then `a = f(z)`.
    /// Returns the output node's a.
    @inline(__always) @discardableResult
    func forward(_ input: UnsafePointer<Double>?) -> Double {
        if let input { outputs.update(from: input, count: layers[0].count) }
        for l in 1..<layers.count {
            let layer = layers[l]
            let x = UnsafePointer(outputs + layer.sourceNode), b = biases + layer.node, z = totals + layer.node
            var row = weights + layer.weight  // W's row i: the weights into node i
            for i in 0..<layer.count {
                var sum = b[i]
                for j in 0..<layer.sourceCount { sum += row[j] * x[j] }
                z[i] = sum
                row += layer.sourceCount
            }
            layer.activation.dispatch(Activate(
                totals: UnsafePointer(z), slopes: slopes + layer.node, outputs: outputs + layer.node, count: layer.count))
        }
        return outputs[layers[layers.count - 1].node]
    }

    /// a = f(z) over one layer's nodes.
    private struct Activate: ActivationVisitor {
        let totals, slopes: UnsafePointer<Double>
        let outputs: UnsafeMutablePointer<Double>
        let count: Int
        @inline(__always) func visit<F: ActivationFormula>(_: F.Type) {
            for i in 0..<count { outputs[i] = F.value(totals[i], slope: slopes[i]) }
        }
    }
}

/// Forward and backward for training: the forward pass, then the chain rule layer by layer into
/// the gradient sums (summed with `+=`; the update averages and zeroes them).
struct BackwardKernel {
    let pass: ForwardKernel
    /// Per node: δ = ∂E/∂z and ∂E/∂a.
    let deltas, outputDers: UnsafeMutablePointer<Double>
    /// The gradient sums, in `Network.parameters`' order.
    let weightSums, biasSums, slopeSums: UnsafeMutablePointer<Double>
    /// True for cross-entropy: the output's δ is σ(z) − t (`Loss`), else square loss's
    /// ∂E/∂a · f'(z).
    let crossEntropy: Bool

    /// `scratch` holds 4 values per node: z, a, δ, ∂E/∂a; `sums` one per parameter.
    init(layers: UnsafeBufferPointer<LayerInfo>, layout: ParameterLayout, parameters: UnsafePointer<Double>,
         scratch: UnsafeMutablePointer<Double>, sums: UnsafeMutablePointer<Double>, crossEntropy: Bool = false) {
        self.crossEntropy = crossEntropy
        pass = ForwardKernel(layers: layers, layout: layout, parameters: parameters, scratch: scratch)
        deltas = scratch + 2 * layout.nodeCount
        outputDers = scratch + 3 * layout.nodeCount
        weightSums = sums + layout.weightsAt
        biasSums = sums + layout.biasesAt
        slopeSums = sums + layout.slopesAt
    }

    /// One example after `pass.forward`: ∂E/∂a at the output from the loss, then from the last
    /// layer down to layer 1: `δ = ∂E/∂a · f'(z)`, `∂b += δ`, `∂W += δ·xᵀ` (and `∂α += ∂E/∂a ·
    /// ∂a/∂α` for PReLU), and `∂E/∂x = Wᵀ·δ` as the layer below's ∂E/∂a. Cross-entropy reads
    /// the output's z as a probability σ(z), so its δ is σ(z) − t directly: the output
    /// activation is not part of that loss.
    @inline(__always)
    func backward(label: Double) {
        let layers = pass.layers
        let output = layers[layers.count - 1].node
        outputDers[output] = Loss.squareDerivative(output: pass.outputs[output], label: label)
        var l = layers.count - 1
        while l >= 1 {
            let layer = layers[l]
            let delta = deltas + layer.node
            if crossEntropy && l == layers.count - 1 {
                delta[0] = Loss.crossEntropyDerivative(total: pass.totals[output], label: label)
            } else {
                // δ = ∂E/∂a · f'(z)
                layer.activation.dispatch(Deltas(
                    totals: UnsafePointer(pass.totals + layer.node), outputs: UnsafePointer(pass.outputs + layer.node),
                    slopes: pass.slopes + layer.node, outputDers: UnsafePointer(outputDers + layer.node),
                    deltas: delta, slopeSums: slopeSums + layer.node, count: layer.count))
            }
            // ∂b += δ
            let biasSum = biasSums + layer.node
            for i in 0..<layer.count { biasSum[i] += delta[i] }
            // ∂W += δ·xᵀ, row by row. A dead link's sum is zeroed at the update and never read.
            let x = UnsafePointer(pass.outputs + layer.sourceNode)
            var sums = weightSums + layer.weight
            for i in 0..<layer.count {
                let d = delta[i]
                for j in 0..<layer.sourceCount { sums[j] += d * x[j] }
                sums += layer.sourceCount
            }
            // ∂E/∂x = Wᵀ·δ: layer 1's inputs are data, so training stops above them.
            if l > 1 { propagateDown(layer) }
            l -= 1
        }
    }

    /// `∂E/∂x = Wᵀ·δ` into the ∂E/∂a of the layer below: each source's Σ_i w_ij δ_i, summed from
    /// 0 in destination order (TF's order), row by row so the inner loop reads contiguous weights.
    @inline(__always)
    func propagateDown(_ layer: LayerInfo) {
        let below = outputDers + layer.sourceNode, delta = deltas + layer.node
        below.update(repeating: 0, count: layer.sourceCount)
        var row = pass.weights + layer.weight
        for i in 0..<layer.count {
            let d = delta[i]
            for j in 0..<layer.sourceCount { below[j] += row[j] * d }
            row += layer.sourceCount
        }
    }

    /// δ = ∂E/∂a · f'(z) over one layer's nodes; with a learned slope also ∂α += ∂E/∂a · ∂a/∂α.
    private struct Deltas: ActivationVisitor {
        let totals, outputs, slopes, outputDers: UnsafePointer<Double>
        let deltas, slopeSums: UnsafeMutablePointer<Double>
        let count: Int
        @inline(__always) func visit<F: ActivationFormula>(_: F.Type) {
            for i in 0..<count {
                deltas[i] = outputDers[i] * F.derivative(total: totals[i], output: outputs[i], slope: slopes[i])
            }
            if F.learnsSlope {
                for i in 0..<count { slopeSums[i] += outputDers[i] * F.slopeDerivative(total: totals[i]) }
            }
        }
    }
}
