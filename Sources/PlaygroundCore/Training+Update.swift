/// The update at the end of a batch (SPEC §4), over raw pointers into a network's parameters and
/// its training's sums, dead links and optimizer state (all in the parameters' order).
struct UpdateKernel {
    let layers: UnsafeBufferPointer<LayerInfo>
    let layout: ParameterLayout
    let parameters: UnsafeMutablePointer<Double>
    let sums: UnsafeMutablePointer<Double>
    /// One flag per weight (nil when the network has no weights).
    let dead: UnsafeMutablePointer<UInt8>?
    /// Optimizer state per parameter; plain SGD does not read it.
    let firstMoments, secondMoments: UnsafeMutablePointer<Double>
    /// Where the update records what the diagnostics need (`UpdateRecord`); nil when nobody
    /// asked, and then the update does nothing more than the move itself.
    let record: UnsafeMutablePointer<Double>?

    /// Applies the sums of `n` examples as update number `t` (1 at the first), then zeroes every sum.
    ///
    /// Each trained parameter p moves against its averaged gradient g = ∂p / n. SGD is TF's own
    /// rule in TF's order of operations, `b -= lr · ∂b / n` for a bias and `p -= (lr / n) · ∂p` for
    /// a weight or a PReLU slope (bit for bit TF's numbers). Every other optimizer moves p by
    /// `Optimizer.step(g)`, reading and writing its state at the same index k in
    /// `firstMoments`/`secondMoments`, with t for Adam's bias correction. A weight then takes its
    /// penalty from the value it had before the move, `w2 = moved - lr · rate · reg'(w_old)`;
    /// under L1 a weight that the penalty pushes through zero becomes 0 and its link dead for
    /// good (skipped from then on). Biases and slopes are never regularized; input nodes' biases
    /// and slopes are not parameters of any function and stay.
    @inline(__always)
    func apply(examples n: Int, update t: Int, settings: Training.Hyperparameters) {
        if let record, let dead { UpdateRecord.before(self, examples: n, record: record, dead: dead) }
        let optimizer = settings.optimizer
        if optimizer.kind == .sgd {
            applySGD(examples: n, settings: settings)
        } else {
            applyOptimizer(optimizer, examples: n, update: Optimizer.Update(learningRate: settings.learningRate, t: t),
                           settings: settings)
        }
        if let record { UpdateRecord.after(self, record: record) }
    }

    /// TF's rule, untouched.
    @inline(__always)
    private func applySGD(examples n: Int, settings: Training.Hyperparameters) {
        let count = Double(n), rate = settings.learningRate
        let trained = layout.nodeStart[1]..<layout.nodeCount  // every node above the inputs
        let biases = parameters + layout.biasesAt, biasSums = sums + layout.biasesAt
        for k in trained {
            biases[k] -= rate * biasSums[k] / count
            biasSums[k] = 0
        }
        let slopes = parameters + layout.slopesAt, slopeSums = sums + layout.slopesAt
        let step = rate / count
        for l in 1..<layers.count where layers[l].activation.learnsSlope {
            for k in layers[l].node..<(layers[l].node + layers[l].count) {
                slopes[k] = slopes[k] - step * slopeSums[k]
                slopeSums[k] = 0
            }
        }
        guard let dead else { return }
        settings.regularization.dispatch(WeightStep(
            weights: parameters + layout.weightsAt, sums: sums + layout.weightsAt, dead: dead,
            count: layout.weightCount, step: step, decay: rate * settings.regularizationRate))
    }

    /// Any optimizer but SGD: the same places, the same penalty, the move from `Optimizer.step`.
    private func applyOptimizer(_ optimizer: Optimizer, examples n: Int, update: Optimizer.Update,
                                settings: Training.Hyperparameters) {
        let count = Double(n)
        let biases = parameters + layout.biasesAt, biasSums = sums + layout.biasesAt
        let first = firstMoments, second = secondMoments
        for k in layout.nodeStart[1]..<layout.nodeCount {
            let i = layout.biasesAt + k
            biases[k] -= optimizer.step(biasSums[k] / count, first: &first[i], second: &second[i], update)
            biasSums[k] = 0
        }
        let slopes = parameters + layout.slopesAt, slopeSums = sums + layout.slopesAt
        for l in 1..<layers.count where layers[l].activation.learnsSlope {
            for k in layers[l].node..<(layers[l].node + layers[l].count) {
                let i = layout.slopesAt + k
                slopes[k] -= optimizer.step(slopeSums[k] / count, first: &first[i], second: &second[i], update)
                slopeSums[k] = 0
            }
        }
        guard let dead else { return }
        settings.regularization.dispatch(OptimizedWeightStep(
            weights: parameters + layout.weightsAt, sums: sums + layout.weightsAt, dead: dead,
            first: first + layout.weightsAt, second: second + layout.weightsAt, count: layout.weightCount,
            examples: count, optimizer: optimizer, update: update,
            decay: settings.learningRate * settings.regularizationRate))
    }

    /// The weights' SGD move and penalty, in a loop specialised to the penalty P. A dead link's
    /// sum is zeroed too: every sum is 0 after an update.
    private struct WeightStep: PenaltyVisitor {
        let weights, sums: UnsafeMutablePointer<Double>
        let dead: UnsafeMutablePointer<UInt8>
        let count: Int
        /// lr / n, and lr · regularization rate.
        let step, decay: Double

        @inline(__always) func visit<P: PenaltyFormula>(_: P.Type) {
            for k in 0..<count {
                if dead[k] == 0 {
                    let old = weights[k]
                    let moved = old - step * sums[k]
                    weights[k] = P.penalise(old: old, moved: moved, decay: decay, dead: &dead[k])
                }
                sums[k] = 0
            }
        }
    }

    /// The weights' move by an optimizer and the same penalty.
    private struct OptimizedWeightStep: PenaltyVisitor {
        let weights, sums: UnsafeMutablePointer<Double>
        let dead: UnsafeMutablePointer<UInt8>
        let first, second: UnsafeMutablePointer<Double>
        let count: Int
        let examples: Double
        let optimizer: Optimizer
        let update: Optimizer.Update
        let decay: Double

        func visit<P: PenaltyFormula>(_: P.Type) {
            for k in 0..<count {
                if dead[k] == 0 {
                    let old = weights[k]
                    let moved = old - optimizer.step(sums[k] / examples, first: &first[k], second: &second[k], update)
                    weights[k] = P.penalise(old: old, moved: moved, decay: decay, dead: &dead[k])
                }
                sums[k] = 0
            }
        }
    }
}

extension PenaltyFormula {
    /// The penalty after the move: `moved - decay · P'(old)`, the derivative taken at the weight
    /// before the update (TF's order). Under L1 a weight the penalty pushes through zero becomes
    /// 0 and its link dead.
    @inline(__always)
    static func penalise(old: Double, moved: Double, decay: Double, dead: inout UInt8) -> Double {
        let penalised = moved - decay * derivative(old)
        if killsAtZero && moved * penalised < 0 {
            dead = 1
            return 0
        }
        return penalised
    }
}
