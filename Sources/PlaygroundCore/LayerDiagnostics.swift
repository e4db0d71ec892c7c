/// Gradient health: what the course says makes a network fail to learn, measured per layer of
/// weights (layer 1, the first hidden layer, first; the output layer last).
///
/// - `meanAbsGradient`: mean |g| over the layer's live weights (links L1 has not killed) in the
///   last update, g = the batch's gradient sum / its examples (the g every optimizer sees). 0
///   before the first recorded update.
/// - `updateRatio`: ‖Δw‖₂ / ‖w‖₂ over the layer's weights in the last update, Δw the whole move
///   (optimizer step and penalty) and w the weights before it; 0 when ‖w‖₂ is 0 (initZero's
///   first update) or before the first recorded update. Around 1e-3 is healthy; much smaller
///   learns slowly, much larger jumps about.
/// - `saturated`: the fraction of (unit, training point) pairs of the layer whose output is
///   saturated: tanh |a| > 0.99, sigmoid a < 0.01 or a > 0.99 (the derivative is then below
///   0.02 and passes almost nothing back). 0 for every other activation.
/// - `dead`: the fraction of the layer's units that are ReLU and whose total input z is ≤ 0 on
///   every training point: their output and derivative are 0 everywhere, so no gradient ever
///   reaches them again. Leaky ReLU, PReLU and ELU keep a nonzero slope below zero and never
///   die this way (PReLU's α could learn 0, which is rare and not counted); 0 for them and the
///   rest.
/// Biases and PReLU slopes are left out of the gradient and update figures: a layer's weights
/// are what the figures compare across layers.
public struct LayerDiagnostics: Equatable, Codable, Sendable {
    public var meanAbsGradient: Double
    public var updateRatio: Double
    public var saturated: Double
    public var dead: Double

    public init(meanAbsGradient: Double, updateRatio: Double, saturated: Double, dead: Double) {
        self.meanAbsGradient = meanAbsGradient
        self.updateRatio = updateRatio
        self.saturated = saturated
        self.dead = dead
    }
}

/// One unit's health over the training points, for marking nodes in the drawing.
public struct UnitDiagnostics: Equatable, Sendable {
    /// The fraction of training points on which the unit is saturated (see `LayerDiagnostics`).
    public var saturated: Double
    /// A ReLU unit whose total input is ≤ 0 on every training point.
    public var dead: Bool

    public init(saturated: Double, dead: Bool) {
        self.saturated = saturated
        self.dead = dead
    }
}

extension Activation {
    /// True when an output `a` of this activation lies where its derivative nearly vanishes:
    /// tanh |a| > 0.99, sigmoid a < 0.01 or a > 0.99; never for the others.
    public func isSaturated(output a: Double) -> Bool {
        switch self {
        case .tanh: abs(a) > 0.99
        case .sigmoid: a < 0.01 || a > 0.99
        default: false
        }
    }

    /// True when a unit can die: output and derivative exactly 0 for every z ≤ 0 (ReLU only).
    public var canDie: Bool { self == .relu }
}

extension Network {
    /// Each unit's health over `inputs` (flat, `count × inputCount`), per layer from 1 (the
    /// first hidden layer) to the output. One forward pass per point.
    public func unitDiagnostics(inputs: [Double]) -> [[UnitDiagnostics]] {
        precondition(inputs.count % max(1, inputCount) == 0, "inputs do not match the input layer")
        let width = inputCount, points = width == 0 ? 0 : inputs.count / width
        let layout = self.layout
        var saturatedCounts = [Int](repeating: 0, count: layout.nodeCount)
        var everPositive = [Bool](repeating: false, count: layout.nodeCount)
        withForwardKernel { kernel in
            inputs.withUnsafeBufferPointer { input in
                for point in 0..<points {
                    kernel.forward(input.baseAddress.map { $0 + point * width })
                    for l in 1..<layout.sizes.count {
                        let activation = self.activation(ofLayer: l)
                        for k in layout.nodeStart[l]..<layout.nodeStart[l + 1] {
                            if activation.isSaturated(output: kernel.outputs[k]) { saturatedCounts[k] += 1 }
                            if kernel.totals[k] > 0 { everPositive[k] = true }
                        }
                    }
                }
            }
        }
        return (1..<layout.sizes.count).map { l in
            let canDie = activation(ofLayer: l).canDie
            return (layout.nodeStart[l]..<layout.nodeStart[l + 1]).map { k in
                UnitDiagnostics(saturated: points == 0 ? 0 : Double(saturatedCounts[k]) / Double(points),
                                dead: canDie && points > 0 && !everPositive[k])
            }
        }
    }
}

extension Training {
    /// The last recorded update, per layer of weights: (mean |g|, ‖Δw‖₂ / ‖w‖₂); zeros when none
    /// was recorded (`recordsDiagnostics` off, or no update yet).
    public func lastUpdateStatistics() -> [(meanAbsGradient: Double, updateRatio: Double)] {
        (1..<layout.sizes.count).map { l in
            guard !updateRecord.isEmpty else { return (0, 0) }
            let at = layout.weightCount + 4 * (l - 1)
            let absSum = updateRecord[at], live = updateRecord[at + 1]
            let weightSquares = updateRecord[at + 2], moveSquares = updateRecord[at + 3]
            return (live > 0 ? absSum / live : 0,
                    weightSquares > 0 ? (moveSquares / weightSquares).squareRoot() : 0)
        }
    }
}

/// What a recorded update keeps, in one buffer: the weights before the move (`weightCount`
/// values), then per layer of weights four numbers: Σ|g| over live weights, the live count,
/// Σw² before and Σ(Δw)².
enum UpdateRecord {
    static func size(_ layout: ParameterLayout) -> Int { layout.weightCount + 4 * (layout.sizes.count - 1) }

    /// Before the move: |g| over live weights, the old weights and their size.
    static func before(_ kernel: UpdateKernel, examples n: Int, record: UnsafeMutablePointer<Double>,
                       dead: UnsafeMutablePointer<UInt8>?) {
        let layout = kernel.layout, count = Double(n)
        let weights = kernel.parameters + layout.weightsAt, sums = kernel.sums + layout.weightsAt
        for l in 1..<layout.sizes.count {
            var absSum = 0.0, live = 0.0, squares = 0.0
            for k in layout.weightStart[l]..<layout.weightStart[l + 1] {
                if dead?[k] ?? 0 == 0 {
                    absSum += abs(sums[k] / count)
                    live += 1
                }
                record[k] = weights[k]
                squares += weights[k] * weights[k]
            }
            let at = record + layout.weightCount + 4 * (l - 1)
            at[0] = absSum
            at[1] = live
            at[2] = squares
        }
    }

    /// After the move: Σ(Δw)² per layer.
    static func after(_ kernel: UpdateKernel, record: UnsafeMutablePointer<Double>) {
        let layout = kernel.layout
        let weights = kernel.parameters + layout.weightsAt
        for l in 1..<layout.sizes.count {
            var squares = 0.0
            for k in layout.weightStart[l]..<layout.weightStart[l + 1] {
                let move = weights[k] - record[k]
                squares += move * move
            }
            record[layout.weightCount + 4 * (l - 1) + 3] = squares
        }
    }
}

extension Playground {
    /// How many epochs of `gradientHistory` are kept.
    public static let gradientHistoryLength = 60

    /// Gradient health per layer of weights (first hidden layer first, output last): the last
    /// update's figures (recorded only while `recordsDiagnostics` is on) and the units' state
    /// over the training points on the current weights. See `LayerDiagnostics`.
    public func diagnostics() -> [LayerDiagnostics] {
        let updates = training.lastUpdateStatistics()
        return zip(unitDiagnostics(), updates).map { units, update in
            LayerDiagnostics(meanAbsGradient: update.meanAbsGradient, updateRatio: update.updateRatio,
                             saturated: units.map(\.saturated).reduce(0, +) / Double(units.count),
                             dead: Double(units.filter(\.dead).count) / Double(units.count))
        }
    }

    /// Each unit's health over the training points, per layer from the first hidden layer to
    /// the output (for marking dead and saturated nodes).
    public func unitDiagnostics() -> [[UnitDiagnostics]] { network.unitDiagnostics(inputs: trainInputs) }
}
