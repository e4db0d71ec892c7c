/// Weight regularization. The raw value is the state-string name (`none` is left out of links).
///
/// Each penalty's value and derivative are written once, in its `PenaltyFormula` below; the
/// update applies them through `dispatch`, in a loop specialised to the penalty.
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
    public func value(_ w: Double) -> Double { dispatch(Value(w: w)) }

    /// The penalty's derivative: L1 sign(w) (0 at 0), L2 w.
    @inline(__always)
    public func derivative(_ w: Double) -> Double { dispatch(Derivative(w: w)) }

    /// Hands this penalty's formula to `visitor` as a type (see `Activation.dispatch`).
    @inline(__always)
    func dispatch<Visitor: PenaltyVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .none: visitor.visit(NoPenalty.self)
        case .l1: visitor.visit(L1Penalty.self)
        case .l2: visitor.visit(L2Penalty.self)
        }
    }

    private struct Value: PenaltyVisitor {
        let w: Double
        func visit<P: PenaltyFormula>(_: P.Type) -> Double { P.value(w) }
    }

    private struct Derivative: PenaltyVisitor {
        let w: Double
        @inline(__always) func visit<P: PenaltyFormula>(_: P.Type) -> Double { P.derivative(w) }
    }
}

/// Code that applies a penalty's formula, given as a type.
protocol PenaltyVisitor {
    associatedtype Result
    func visit<P: PenaltyFormula>(_ penalty: P.Type) -> Result
}

/// One weight penalty's math, each formula written once.
protocol PenaltyFormula {
    static func value(_ w: Double) -> Double
    static func derivative(_ w: Double) -> Double
    /// True when a weight that the penalty pushes through zero becomes 0 and its link dead (L1).
    static var killsAtZero: Bool { get }
}

enum NoPenalty: PenaltyFormula {
    @inline(__always) static func value(_ w: Double) -> Double { 0 }
    @inline(__always) static func derivative(_ w: Double) -> Double { 0 }
    static var killsAtZero: Bool { false }
}

/// |w|; its derivative sign(w), 0 at 0.
enum L1Penalty: PenaltyFormula {
    @inline(__always) static func value(_ w: Double) -> Double { abs(w) }
    @inline(__always) static func derivative(_ w: Double) -> Double { w < 0 ? -1 : (w > 0 ? 1 : 0) }
    static var killsAtZero: Bool { true }
}

/// w²/2; its derivative w.
enum L2Penalty: PenaltyFormula {
    @inline(__always) static func value(_ w: Double) -> Double { 0.5 * w * w }
    @inline(__always) static func derivative(_ w: Double) -> Double { w }
    static var killsAtZero: Bool { false }
}
