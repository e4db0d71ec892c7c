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

    /// Applies the sums of `n` examples as update number `t` (1 at the first), then zeroes every sum.
    ///
    /// Each trained parameter p moves against its averaged gradient g = ∂p / n: SGD is TF's own
    /// rule in TF's order of operations, `b -= lr · ∂b / n` for a bias and `p -= (lr / n) · ∂p` for
    /// a weight or a PReLU slope. These three moves are where an optimizer goes: it reads and
    /// writes its state at the same index k in `firstMoments`/`secondMoments`, with t for bias
    /// correction. A weight then takes its penalty from the value it had before the move,
    /// `w2 = w - lr · rate · reg'(w_old)`; under L1 a weight that the penalty pushes through zero
    /// becomes 0 and its link dead for good (skipped from then on). Biases and slopes are never
    /// regularized; input nodes' biases and slopes are not parameters of any function and stay.
    @inline(__always)
    func apply(examples n: Int, update t: Int, settings: Training.Hyperparameters) {
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

    /// The weights' move (`moved`: where an optimizer's step replaces SGD's) and penalty, in a loop
    /// specialised to the penalty P. A dead link's sum is zeroed too: every sum is 0 after an update.
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
                    let penalised = moved - decay * P.derivative(old)
                    if P.killsAtZero && moved * penalised < 0 {
                        weights[k] = 0
                        dead[k] = 1
                    } else {
                        weights[k] = penalised
                    }
                }
                sums[k] = 0
            }
        }
    }
}
