/// The course's two worked examples of backpropagation on a graph, as graphs ready to step
/// through (values computed, gradients after `backward()`).
public enum AutogradLesson: String, CaseIterable, Sendable {
    /// f(x, y, z) = (x + y)·z at x = -2, y = 5, z = -4, with q = x + y.
    case chain
    /// f(w, x) = 1 / (1 + e^-(w0·x0 + w1·x1 + w2)) at w = (2, -3, -3), x = (-1, -2), drawn as
    /// the gates *, +, *-1, exp, +1, 1/x.
    case sigmoid
    /// The same neuron with σ as one gate: σ'(z) = (1 − σ(z))·σ(z).
    case sigmoidGate = "sigmoid-gate"

    public var title: String {
        switch self {
        case .chain: "The chain rule: f = (x + y) * z"
        case .sigmoid: "A sigmoid neuron as a graph of gates"
        case .sigmoidGate: "The same neuron with the sigmoid as one gate"
        }
    }

    /// The expression in the expression language: parsing it gives the same gates.
    public var expression: String {
        switch self {
        case .chain: "(x+y)*z"
        case .sigmoid: "1/(1+exp(-(w0*x0+w1*x1+w2)))"
        case .sigmoidGate: "sigmoid(w0*x0+w1*x1+w2)"
        }
    }

    /// The variables' values, in the assignment language.
    public var values: String {
        switch self {
        case .chain: "x=-2, y=5, z=-4"
        case .sigmoid, .sigmoidGate: "w0=2, x0=-1, w1=-3, x1=-2, w2=-3"
        }
    }

    /// The lesson's graph, forward and backward done.
    public var graph: ScalarGraph {
        var graph = ScalarGraph()
        switch self {
        case .chain:
            let x = graph.variable("x", -2), y = graph.variable("y", 5), z = graph.variable("z", -4)
            let q = graph.apply(.add, x, y, name: "q")
            graph.apply(.multiply, q, z, name: "f")
        case .sigmoid, .sigmoidGate:
            let w0 = graph.variable("w0", 2), x0 = graph.variable("x0", -1)
            let w1 = graph.variable("w1", -3), x1 = graph.variable("x1", -2)
            let w2 = graph.variable("w2", -3)
            let first = graph.apply(.multiply, w0, x0)
            let second = graph.apply(.multiply, w1, x1)
            let sum = graph.apply(.add, first, second)
            let total = graph.apply(.add, sum, w2)
            if self == .sigmoidGate {
                graph.apply(.sigmoid, total, name: "f")
            } else {
                let negated = graph.apply(.multiplyByConstant(-1), total)
                let exponential = graph.apply(.exp, negated)
                let denominator = graph.apply(.addConstant(1), exponential)
                graph.apply(.reciprocal, denominator, name: "f")
            }
        }
        graph.backward()
        return graph
    }
}
