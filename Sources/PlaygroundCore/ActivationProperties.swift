/// What a course says about an activation, as one table: its range, whether its outputs are
/// centred on zero, where it saturates (f' > 0 everywhere but → 0 as z → −∞ or +∞, so a unit
/// pushed there passes almost no gradient back) and whether a unit can die (output and derivative
/// exactly 0 for every z ≤ 0, so once every input lands there no gradient ever reaches it).
///
/// `canDie` is `Activation.canDie` (the rule the diagnostics count by), so the card and the
/// counts never disagree; tests check every row against the formulas themselves.
public struct ActivationProperties: Equatable, Sendable {
    /// The set of outputs over all z, as written for people: "(-1, 1)", "[0, ∞)".
    public let range: String
    /// The same range in ASCII ("inf" for ∞).
    public let asciiRange: String
    /// Odd, f(−z) = −f(z): inputs spread around 0 give outputs spread around 0, so the next
    /// layer's weight gradients do not all share one sign (sigmoid's (0, 1) outputs make them).
    public let zeroCentred: Bool
    /// Where f' > 0 tends to 0: at both ends (tanh, sigmoid), below 0 only (ELU, softplus), or
    /// nowhere. ReLU's f' is exactly 0 below 0: that is dying, not saturating.
    public let saturation: Saturation
    /// See `Activation.canDie`.
    public let canDie: Bool

    public enum Saturation: String, Sendable {
        case none = "no saturation", below = "saturates below 0", both = "saturates"
    }

    /// One line: "range (-1, 1), zero-centred, saturates, cannot die".
    public func summary(unicode: Bool = true) -> String {
        ["range " + (unicode ? range : asciiRange), zeroCentred ? "zero-centred" : "not zero-centred",
         saturation.rawValue, canDie ? "can die" : "cannot die"].joined(separator: ", ")
    }
}

extension Activation {
    /// The properties of this activation (see `ActivationProperties`). ELU's outputs are
    /// bounded below by -1 (its left tail saturates, f' = e^z → 0, but it never dies); leaky ReLU
    /// and PReLU keep a slope below zero; softplus is ReLU made smooth (f' = σ(z) → 0 below).
    public var properties: ActivationProperties {
        switch self {
        case .relu: .init(range: "[0, ∞)", asciiRange: "[0, inf)", zeroCentred: false, saturation: .none, canDie: canDie)
        case .tanh: .init(range: "(-1, 1)", asciiRange: "(-1, 1)", zeroCentred: true, saturation: .both, canDie: canDie)
        case .sigmoid: .init(range: "(0, 1)", asciiRange: "(0, 1)", zeroCentred: false, saturation: .both, canDie: canDie)
        case .linear: .init(range: "(-∞, ∞)", asciiRange: "(-inf, inf)", zeroCentred: true, saturation: .none, canDie: canDie)
        case .leakyrelu: .init(range: "(-∞, ∞)", asciiRange: "(-inf, inf)", zeroCentred: false, saturation: .none, canDie: canDie)
        case .prelu: .init(range: "(-∞, ∞)", asciiRange: "(-inf, inf)", zeroCentred: false, saturation: .none, canDie: canDie)
        case .elu: .init(range: "(-1, ∞)", asciiRange: "(-1, inf)", zeroCentred: false, saturation: .below, canDie: canDie)
        case .softplus: .init(range: "(0, ∞)", asciiRange: "(0, inf)", zeroCentred: false, saturation: .below, canDie: canDie)
        }
    }
}
