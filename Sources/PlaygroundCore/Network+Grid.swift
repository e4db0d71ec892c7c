/// Every node's output over many points in one batched pass: the main heat map (the output
/// node) and the per-node thumbnails come from the same evaluation.
///
/// The points are processed layer by layer with the points innermost, so each weight is read
/// once per layer and the inner loops run over contiguous rows. Each point sees the same
/// operations in the same order as `forward` (bias, then sources in order), so with exact
/// activations the results equal the per-point forward bit for bit.
public struct GridEvaluation: Sendable {
    /// Points evaluated.
    public private(set) var count = 0
    /// Node outputs, node-major: node `k` (in network order, inputs first) at `k * count + p`.
    public private(set) var values: [Double] = []
    let nodeStart: [Int]

    public init() { nodeStart = [] }

    init(count: Int, values: [Double], nodeStart: [Int]) {
        self.count = count
        self.values = values
        self.nodeStart = nodeStart
    }

    /// The outputs of node `node` of layer `layer` over all points.
    public func outputs(layer: Int, node: Int) -> ArraySlice<Double> {
        let start = (nodeStart[layer] + node) * count
        return values[start..<(start + count)]
    }

    /// The value of one node at one point.
    public func value(layer: Int, node: Int, point: Int) -> Double {
        values[(nodeStart[layer] + node) * count + point]
    }
}

extension Network {
    /// Evaluates every node at `count` points whose features are given feature-major
    /// (`featureColumns[f * count + p]`), reusing `result`'s storage when it fits. Per node
    /// `z = b + Σ_j w_j x_j` (the bias first, then the sources in order, as `forward` sums) and
    /// `a = f(z)` with the activation's one formula. `approximate` swaps tanh for `FastMath.tanh`
    /// (|error| < 1e-4), a separate approximation kept for pictures only.
    public func evaluate(featureColumns: [Double], count: Int, approximate: Bool = false,
                         into result: inout GridEvaluation) {
        precondition(count >= 0, "a negative number of points")
        precondition(featureColumns.count == inputCount * count, "feature columns do not match the input layer")
        var values = result.values
        result = GridEvaluation()  // release the old reference so `values` is uniquely owned
        let needed = nodeCount * count
        if values.count != needed { values = [Double](repeating: 0, count: needed) }
        let layout = self.layout, sizes = layout.sizes
        if count > 0 {
            values.withUnsafeMutableBufferPointer { out in
                featureColumns.withUnsafeBufferPointer { features in
                    parameters.withUnsafeBufferPointer { parameters in
                        let base = out.start
                        if let first = features.baseAddress { base.update(from: first, count: features.count) }
                        for l in 1..<sizes.count {
                            let sources = sizes[l - 1]
                            let activation = activation(ofLayer: l)
                            for i in 0..<sizes[l] {
                                let node = layout.nodeStart[l] + i
                                let row = base + node * count
                                let bias = parameters[layout.biasesAt + node]
                                for p in 0..<count { row[p] = bias }
                                for j in 0..<sources {
                                    let w = parameters[layout.weightsAt + layout.weightStart[l] + i * sources + j]
                                    let source = UnsafePointer(base + (layout.nodeStart[l - 1] + j) * count)
                                    for p in 0..<count { row[p] += w * source[p] }
                                }
                                if approximate && activation == .tanh {
                                    for p in 0..<count { row[p] = FastMath.tanh(row[p]) }
                                } else {
                                    activation.dispatch(ActivateRow(
                                        row: row, count: count, slope: parameters[layout.slopesAt + node]))
                                }
                            }
                        }
                    }
                }
            }
        }
        result = GridEvaluation(count: count, values: values, nodeStart: layout.nodeStart)
    }

    /// a = f(z) in place over one node's row of points (one α per node).
    private struct ActivateRow: ActivationVisitor {
        let row: UnsafeMutablePointer<Double>
        let count: Int
        let slope: Double
        @inline(__always) func visit<F: ActivationFormula>(_: F.Type) {
            for p in 0..<count { row[p] = F.value(row[p], slope: slope) }
        }
    }
}

extension Array where Element == Feature {
    /// The features at each point of a `width × height` grid over [-extent, extent]² (row 0 at
    /// the top, y up; cell centres), feature-major for `Network.evaluate`.
    public func gridColumns(width: Int, height: Int, extent: Double = 6) -> [Double] {
        var columns = [Double]()
        columns.reserveCapacity(count * width * height)
        for feature in self {
            for row in 0..<height {
                let y = extent - (Double(row) + 0.5) / Double(height) * 2 * extent
                for column in 0..<width {
                    let x = -extent + (Double(column) + 0.5) / Double(width) * 2 * extent
                    columns.append(feature.value(x: x, y: y))
                }
            }
        }
        return columns
    }
}

/// Fast approximations for pictures, with their error bounds stated and tested. Deliberately a
/// second formula beside `Activation`'s exact one (STYLE 15): the eye cannot tell them apart, the
/// heat map is several times faster, and training and losses never use it.
public enum FastMath {
    /// tanh by a [7/6] Padé (continued-fraction) approximant, clamped to ±1 beyond |x| = 4.97,
    /// where the two errors balance: |error| < 1e-4 over all x (9.7e-5 at the clamp), far below
    /// one of the heat map's 31 shades (2/31 ≈ 0.065 wide). Odd and monotone like tanh.
    @inline(__always)
    public static func tanh(_ x: Double) -> Double {
        if x > 4.97 { return 1 }
        if x < -4.97 { return -1 }
        let x2 = x * x
        let p = x * (135_135 + x2 * (17_325 + x2 * (378 + x2)))
        let q = 135_135 + x2 * (62_370 + x2 * (3_150 + x2 * 28))
        return p / q
    }
}
