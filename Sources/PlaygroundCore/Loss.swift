/// The error of one example, TF's square loss: `E = 0.5 · d²` with `d = out - label`.
///
/// Written once and used by training (its derivative) and by the losses (its value).
enum SquareLoss {
    /// `0.5 * (d * d)`, in that order: TF's `0.5 * Math.pow(d, 2)` squares first, and
    /// `0.5 * d * d` (left to right) can differ from it in the last bit.
    @inline(__always)
    static func error(output: Double, label: Double) -> Double {
        let d = output - label
        return 0.5 * (d * d)
    }

    /// ∂E/∂out = d.
    @inline(__always)
    static func derivative(output: Double, label: Double) -> Double { output - label }
}
