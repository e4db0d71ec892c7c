/// Weight regularization. The raw value is the state-string name (`none` is left out of links).
public enum Regularization: String, CaseIterable, Sendable {
    case none
    case l1 = "L1"
    case l2 = "L2"

    /// A name for people.
    public var title: String {
        switch self {
        case .none: "None"
        case .l1: "L1"
        case .l2: "L2"
        }
    }

    /// The penalty for one weight: L1 |w|, L2 w²/2.
    public func value(_ w: Double) -> Double {
        switch self {
        case .none: 0
        case .l1: abs(w)
        case .l2: 0.5 * w * w
        }
    }

    /// The penalty's derivative: L1 sign(w) (0 at 0), L2 w.
    @inline(__always)
    public func derivative(_ w: Double) -> Double {
        switch self {
        case .none: 0
        case .l1: w < 0 ? -1 : (w > 0 ? 1 : 0)
        case .l2: w
        }
    }
}
