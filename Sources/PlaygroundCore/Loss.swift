/// The error of one example and its derivative, the start of every backward pass.
///
/// - `square` (TF's, the default): E = 0.5·(out − label)², written `0.5 * (d * d)` as TF
///   evaluates it; ∂E/∂out = d. The output node keeps its own activation (tanh or linear).
/// - `crossentropy` (classification only): the output node's total input z is read as a
///   probability p = σ(z) of the positive class, the target is t = (label + 1) / 2, and
///   E = −(t·log p + (1 − t)·log(1 − p)). Computed without overflow as
///   E = max(z, 0) − t·z + log(1 + e^−|z|), and ∂E/∂z = σ(z) − t: the sigmoid's derivative
///   cancels, so a confidently wrong output still gets a large gradient (the point of the loss).
///   The heat map keeps showing tanh(z) in −1…1 (tanh(z) = 2σ(2z) − 1 has the same sign).
public enum Loss: String, CaseIterable, Sendable {
    case square
    case crossentropy

    /// A name for people.
    public var title: String {
        switch self {
        case .square: "Square"
        case .crossentropy: "Cross-entropy"
        }
    }

    /// Square loss of one example from the output `out`: `0.5 * (d * d)`, in that order. TF's
    /// `0.5 * Math.pow(d, 2)` squares first, and `0.5 * d * d` (left to right) can differ from it
    /// in the last bit.
    @inline(__always)
    public static func squareError(output out: Double, label: Double) -> Double {
        let d = out - label
        return 0.5 * (d * d)
    }

    /// ∂E/∂out of square loss.
    @inline(__always)
    public static func squareDerivative(output out: Double, label: Double) -> Double { out - label }

    /// The target probability of a ±1 label.
    @inline(__always)
    public static func target(_ label: Double) -> Double { (label + 1) / 2 }

    /// Cross-entropy of one example from the output node's total input `z`.
    @inline(__always)
    public static func crossEntropyError(total z: Double, label: Double) -> Double {
        let t = target(label)
        return (z > 0 ? z : 0) - t * z + Math.log1p(Math.exp(-abs(z)))
    }

    /// ∂E/∂z of cross-entropy: σ(z) − t.
    @inline(__always)
    public static func crossEntropyDerivative(total z: Double, label: Double) -> Double {
        Activation.sigmoid.value(z) - target(label)  // σ(z), the sigmoid activation's own formula
    }
}

/// How a network's first weights and biases are drawn. Every rule takes exactly one draw `R()`
/// of the seeded stream per weight, in TF's order (layer by layer, destination by destination,
/// source by source), so runs repeat and `tf` is TF's own network.
///
/// - `tf`: w = R() − 0.5 (uniform in [−0.5, 0.5)), biases 0.1 (TF Playground).
/// - `xavier` (Glorot and Bengio, 2010, "normalized initialization"): w uniform in [−a, a) with
///   a = √(6 / (fanIn + fanOut)); biases 0.
/// - `he` (He et al., 2015, for ReLU layers, uniform form): w uniform in [−a, a) with
///   a = √(6 / fanIn), variance 2 / fanIn; biases 0.
/// fanIn is the layer below's node count, fanOut the layer's own. `initZero` still wins: it
/// makes weights and biases 0 but every draw is taken.
public enum Initialization: String, CaseIterable, Sendable {
    case tf, xavier, he

    /// A name for people.
    public var title: String {
        switch self {
        case .tf: "TF (±0.5)"
        case .xavier: "Xavier"
        case .he: "He"
        }
    }

    /// Half the width of the uniform interval of a layer's weights.
    public func limit(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .tf: 0.5
        case .xavier: (6 / Double(fanIn + fanOut)).squareRoot()
        case .he: (6 / Double(max(1, fanIn))).squareRoot()
        }
    }

    /// A weight from one draw `r` of the stream: `U(−a, a) = r·2a − a` (SPEC's U(a, b) form);
    /// for `tf` exactly TF's `r − 0.5`.
    @inline(__always)
    public func weight(draw r: Double, limit a: Double) -> Double {
        self == .tf ? r - 0.5 : r * (2 * a) - a
    }

    /// Every bias's first value.
    public var bias: Double { self == .tf ? 0.1 : 0 }
}
