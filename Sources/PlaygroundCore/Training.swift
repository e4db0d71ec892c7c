/// What training keeps beside a network (SPEC §4): the gradient sums of the batch so far, the
/// links L1 killed, the partial batch carried between epochs, the optimizer's state per parameter
/// and the per-example scratch. The network itself (`Network`) holds only its parameters.
///
/// Every per-parameter array here is in `Network.parameters`' order (weights row by row, then a
/// bias per node, then a slope per node), so index k of a sum, a moment and a parameter are the
/// same number's.
public struct Training: Sendable {
    let layout: ParameterLayout
    /// ∂E/∂p summed over the examples since the last update, one per parameter.
    var gradientSums: [Double]
    /// 1 for a link whose weight L1 drove through zero: it no longer trains (TF's `isDead`).
    var deadLinks: [UInt8]
    /// Examples summed into `gradientSums` since the last update. A partial batch at the end of an
    /// epoch is not applied: it carries into the next epoch and is divided by the larger count.
    public internal(set) var accumulatedExamples = 0
    /// Updates applied so far (an optimizer's t, 1 during the first update).
    public internal(set) var updateCount = 0
    /// Optimizer state, one entry per parameter: a first moment (momentum's velocity, Adam's m)
    /// and a second moment (RMSProp's and Adam's mean square). SGD leaves both at 0.
    var firstMoments: [Double]
    var secondMoments: [Double]
    /// Per-example scratch, 4 per node: z, a, δ = ∂E/∂z, ∂E/∂a. Not part of the value's equality.
    var scratch: [Double]
    /// When true each update records what `LayerDiagnostics` reports of it (mean |g|, update
    /// size, weight size per layer); when false (the default) the update only checks this flag.
    /// An observation, not learning state: left out of equality.
    public var recordsDiagnostics = false
    /// The last recorded update (see `UpdateRecord`); empty until one was recorded.
    var updateRecord: [Double] = []

    /// Nothing learned yet: a fresh start for `network`.
    public init(for network: Network) {
        layout = network.layout
        gradientSums = [Double](repeating: 0, count: layout.parameterCount)
        deadLinks = [UInt8](repeating: 0, count: layout.weightCount)
        firstMoments = [Double](repeating: 0, count: layout.parameterCount)
        secondMoments = [Double](repeating: 0, count: layout.parameterCount)
        scratch = [Double](repeating: 0, count: 4 * layout.nodeCount)
    }

    /// Learning settings that apply at the update (the learning rate applies live).
    public struct Hyperparameters: Equatable, Sendable {
        public var learningRate: Double
        public var regularization: Regularization
        public var regularizationRate: Double
        public var batchSize: Int
        /// How each parameter moves (SGD: TF's rule).
        public var optimizer: Optimizer
        /// The error each example's backward pass starts from.
        public var loss: Loss
        public init(learningRate: Double, regularization: Regularization = .none,
                    regularizationRate: Double = 0, batchSize: Int, optimizer: Optimizer = Optimizer(),
                    loss: Loss = .square) {
            precondition(batchSize >= 1, "batch size must be at least 1")
            self.learningRate = learningRate
            self.regularization = regularization
            self.regularizationRate = regularizationRate
            self.batchSize = batchSize
            self.optimizer = optimizer
            self.loss = loss
        }
    }

    // MARK: Training

    /// One epoch (TF's `oneStep`): every training example in order, forward and backward into the
    /// sums, and an update after each full batch. `inputs` is flat, `labels.count × inputCount`.
    public mutating func trainEpoch(_ network: inout Network, inputs: [Double], labels: [Double],
                                    settings: Hyperparameters) {
        precondition(network.layout == layout, "this training belongs to a network of another shape")
        precondition(inputs.count == labels.count * network.inputCount, "inputs do not match the input layer")
        let width = network.inputCount
        var accumulated = accumulatedExamples, updates = updateCount
        withKernels(&network, loss: settings.loss) { kernel, update in
            inputs.withUnsafeBufferPointer { input in
                labels.withUnsafeBufferPointer { label in
                    for example in 0..<label.count {
                        kernel.pass.forward(input.baseAddress.map { $0 + example * width })
                        kernel.backward(label: label[example])
                        accumulated += 1
                        if (example + 1) % settings.batchSize == 0 {
                            updates += 1
                            update.apply(examples: accumulated, update: updates, settings: settings)
                            accumulated = 0
                        }
                    }
                }
            }
        }
        accumulatedExamples = accumulated
        updateCount = updates
    }

    /// Applies the sums accumulated so far as one update, if there are any.
    public mutating func applyAccumulatedGradients(to network: inout Network, settings: Hyperparameters) {
        precondition(network.layout == layout, "this training belongs to a network of another shape")
        guard accumulatedExamples > 0 else { return }
        let count = accumulatedExamples, update = updateCount + 1
        withKernels(&network, loss: settings.loss) { _, updater in updater.apply(examples: count, update: update, settings: settings) }
        accumulatedExamples = 0
        updateCount = update
    }

    /// Forgets a partial batch: every sum back to 0.
    public mutating func clearGradients() {
        for k in gradientSums.indices { gradientSums[k] = 0 }
        accumulatedExamples = 0
    }

    /// One example's forward and backward into the sums, without an update; returns ∂E/∂input
    /// (the backward pass carried on through layer 1's weights).
    mutating func accumulate(_ network: inout Network, input: [Double], label: Double, loss: Loss = .square) -> [Double] {
        precondition(network.layout == layout, "this training belongs to a network of another shape")
        precondition(input.count == network.inputCount, "input does not match the input layer")
        withKernels(&network, loss: loss) { kernel, _ in
            _ = input.withUnsafeBufferPointer { kernel.pass.forward($0.baseAddress) }
            kernel.backward(label: label)
            kernel.propagateDown(kernel.pass.layers[1])
        }
        accumulatedExamples += 1
        let inputDers = 3 * layout.nodeCount  // layer 0's ∂E/∂a, in the scratch
        return Array(scratch[inputDers..<(inputDers + network.inputCount)])
    }

    // MARK: Reading and editing

    /// True when L1 drove the link through zero and it no longer trains.
    public func isDead(layer: Int, node: Int, source: Int) -> Bool {
        deadLinks[layout.weightIndex(layer, node, source)] != 0
    }

    /// Forgets what training kept for a weight the user set: its gradient sum (computed for the
    /// old value), its dead flag (the user chose the value: the link trains again) and its
    /// optimizer state. The next update moves it by that update's own gradient and penalty only.
    public mutating func forgetWeight(layer: Int, node: Int, source: Int) {
        let k = layout.weightIndex(layer, node, source)
        deadLinks[k] = 0
        forgetParameter(at: layout.weightsAt + k)
    }

    /// Forgets what training kept for a bias the user set (its sum and optimizer state).
    public mutating func forgetBias(layer: Int, node: Int) {
        forgetParameter(at: layout.biasesAt + layout.nodeIndex(layer, node))
    }

    /// Forgets what training kept for a PReLU slope the user set (its sum and optimizer state).
    public mutating func forgetSlope(layer: Int, node: Int) {
        forgetParameter(at: layout.slopesAt + layout.nodeIndex(layer, node))
    }

    private mutating func forgetParameter(at index: Int) {
        gradientSums[index] = 0
        firstMoments[index] = 0
        secondMoments[index] = 0
    }

    /// Lends the backward kernel (starting from `loss`) and the update over `network`'s
    /// parameters and this training's arrays, with the layer facts in a small stack buffer.
    private mutating func withKernels<R>(_ network: inout Network, loss: Loss,
                                         _ body: (BackwardKernel, UpdateKernel) -> R) -> R {
        let layout = self.layout
        let recordSize = recordsDiagnostics ? UpdateRecord.size(layout) : 0
        // Moved out while lent (the kernels borrow self too), unique so nothing is copied.
        var record = updateRecord.count == recordSize ? updateRecord : [Double](repeating: 0, count: recordSize)
        updateRecord = []
        defer { updateRecord = record }
        return record.withUnsafeMutableBufferPointer { record in
            withKernels(&network, loss: loss, record: recordSize > 0 ? record.baseAddress : nil, body)
        }
    }

    private mutating func withKernels<R>(_ network: inout Network, loss: Loss, record: UnsafeMutablePointer<Double>?,
                                         _ body: (BackwardKernel, UpdateKernel) -> R) -> R {
        let layout = self.layout
        return layout.withLayers(hidden: network.hiddenActivation, output: network.outputActivation) { layers in
            network.parameters.withUnsafeMutableBufferPointer { parameters in
                gradientSums.withUnsafeMutableBufferPointer { sums in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        deadLinks.withUnsafeMutableBufferPointer { dead in
                            firstMoments.withUnsafeMutableBufferPointer { first in
                                secondMoments.withUnsafeMutableBufferPointer { second in
                                    body(BackwardKernel(layers: layers, layout: layout, parameters: parameters.start,
                                                        scratch: scratch.start, sums: sums.start,
                                                        crossEntropy: loss == .crossentropy),
                                         UpdateKernel(layers: layers, layout: layout, parameters: parameters.start,
                                                      sums: sums.start, dead: dead.baseAddress,
                                                      firstMoments: first.start, secondMoments: second.start,
                                                      record: record))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Training: Equatable {
    /// Equal when they hold the same learning state; the scratch is left out (it is rewritten by
    /// every example before it is read).
    public static func == (a: Training, b: Training) -> Bool {
        a.layout == b.layout && a.gradientSums == b.gradientSums && a.deadLinks == b.deadLinks
            && a.accumulatedExamples == b.accumulatedExamples && a.updateCount == b.updateCount
            && a.firstMoments == b.firstMoments && a.secondMoments == b.secondMoments
    }
}
