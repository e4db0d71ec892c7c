/// Reading a network: its output, its loss over a data set, one example's gradient. None of these
/// changes the network; each lends the kernel a scratch buffer for the call (never per example).
extension Network {
    /// The network's output for one input row (`inputCount` values).
    public func output(for input: [Double]) -> Double {
        precondition(input.count == inputCount, "input does not match the input layer")
        return withForwardKernel { kernel in input.withUnsafeBufferPointer { kernel.forward($0.baseAddress) } }
    }

    /// Mean of the examples' errors under `loss`, on the current parameters (0 with none):
    /// square `E = 0.5 · (out - label)²` (TF's), or cross-entropy of σ(z) against (label + 1) / 2
    /// with z the output node's total input (see `Loss`). `inputs` is flat,
    /// `labels.count × inputCount`. NaN or infinity when training diverged: check `isFinite`.
    public func loss(inputs: [Double], labels: [Double], loss: Loss = .square) -> Double {
        precondition(inputs.count == labels.count * inputCount, "inputs do not match the input layer")
        if labels.isEmpty { return 0 }
        let width = inputCount
        return withForwardKernel { kernel in
            inputs.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { label in
                    var sum = 0.0
                    let outputNode = layout.nodeCount - 1
                    for example in 0..<label.count {
                        let out = kernel.forward(input.baseAddress.map { $0 + example * width })
                        switch loss {
                        case .square: sum += Loss.squareError(output: out, label: label[example])
                        case .crossentropy:
                            sum += Loss.crossEntropyError(total: kernel.totals[outputNode], label: label[example])
                        }
                    }
                    return sum / Double(label.count)
                }
            }
        }
    }

    /// The gradient of one example's error E under a loss (square: `0.5 · (out - label)²`).
    public struct Gradients: Sendable {
        /// ∂E/∂w, in the order of `allWeights`.
        public var weights: [Double]
        /// ∂E/∂b per node, network order (input nodes' entries are 0).
        public var biases: [Double]
        /// ∂E/∂α (PReLU) per node, network order (0 for other activations).
        public var slopes: [Double]
        /// ∂E/∂input for each input node.
        public var inputs: [Double]
    }

    /// ∂E/∂parameter (and ∂E/∂input) for one example (`inputCount` values), as an update with a
    /// batch of one would see it: the sums after a single backward pass from zero. For gradient
    /// checks and for explaining a single step; training never calls it.
    public func gradients(input: [Double], label: Double, loss: Loss = .square) -> Gradients {
        precondition(input.count == inputCount, "input does not match the input layer")
        var network = self
        var training = Training(for: network)
        let inputs = training.accumulate(&network, input: input, label: label, loss: loss)
        let sums = training.gradientSums
        return Gradients(weights: Array(sums[layout.weightsAt..<(layout.weightsAt + weightCount)]),
                         biases: Array(sums[layout.biasesAt..<(layout.biasesAt + nodeCount)]),
                         slopes: Array(sums[layout.slopesAt..<(layout.slopesAt + nodeCount)]),
                         inputs: inputs)
    }

    /// Lends a forward kernel over the parameters with a scratch buffer (z and a per node).
    func withForwardKernel<R>(_ body: (ForwardKernel) -> R) -> R {
        let layout = self.layout
        return layout.withLayers(hidden: hiddenActivation, output: outputActivation) { layers in
            parameters.withUnsafeBufferPointer { parameters in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * layout.nodeCount) { scratch in
                    body(ForwardKernel(layers: layers, layout: layout, parameters: parameters.start, scratch: scratch.start))
                }
            }
        }
    }
}

extension Network {
    /// False once training has diverged: a weight, bias or slope is NaN or infinite.
    public var parametersAreFinite: Bool { parameters.allSatisfy(\.isFinite) }
}
