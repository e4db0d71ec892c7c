/// A node's activation function. The raw value is the state-string name.
///
/// TF Playground's four (relu, tanh, sigmoid, linear) and four it lacks. Each one's value and
/// derivative are written once, in its `ActivationFormula` below; `dispatch` is the one place that
/// maps a case to its formula, so the training kernel, the grid evaluation and the scalar
/// `value`/`derivative` all run the same text.
public enum Activation: String, CaseIterable, Sendable {
    case relu, tanh, sigmoid, linear
    /// max(0.01 z, z).
    case leakyrelu
    /// z for z > 0, α z otherwise, with a learned α per neuron (starts at 0.25).
    case prelu
    /// z for z > 0, e^z - 1 otherwise (α = 1).
    case elu
    /// log(1 + e^z), computed without overflow for large |z|.
    case softplus

    /// The slope below zero of leaky ReLU.
    public static let leakySlope = 0.01
    /// PReLU's initial α.
    public static let initialPReLUSlope = 0.25

    /// A name for people.
    public var title: String {
        switch self {
        case .relu: "ReLU"
        case .tanh: "Tanh"
        case .sigmoid: "Sigmoid"
        case .linear: "Linear"
        case .leakyrelu: "Leaky ReLU"
        case .prelu: "PReLU"
        case .elu: "ELU"
        case .softplus: "Softplus"
        }
    }

    /// True when each node has a learned parameter α (PReLU), trained like a bias.
    public var learnsSlope: Bool { dispatch(LearnsSlope()) }

    /// f(z). `slope` is PReLU's α (ignored by the others).
    @inline(__always)
    public func value(_ z: Double, slope: Double = Activation.initialPReLUSlope) -> Double {
        dispatch(Value(z: z, slope: slope))
    }

    /// f'(z), from the stored output `a = f(z)` where that is exact (tanh, sigmoid: the same
    /// number TF computes from z), otherwise from z.
    @inline(__always)
    public func derivative(total z: Double, output a: Double, slope: Double = Activation.initialPReLUSlope) -> Double {
        dispatch(Derivative(z: z, a: a, slope: slope))
    }

    /// Hands this activation's formula to `visitor` as a type, so a loop over many values (the
    /// training kernel, the grid) is specialised to it: a switch per layer, none per value.
    @inline(__always)
    func dispatch<Visitor: ActivationVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .relu: visitor.visit(ReLUFormula.self)
        case .tanh: visitor.visit(TanhFormula.self)
        case .sigmoid: visitor.visit(SigmoidFormula.self)
        case .linear: visitor.visit(LinearFormula.self)
        case .leakyrelu: visitor.visit(LeakyReLUFormula.self)
        case .prelu: visitor.visit(PReLUFormula.self)
        case .elu: visitor.visit(ELUFormula.self)
        case .softplus: visitor.visit(SoftplusFormula.self)
        }
    }

    private struct Value: ActivationVisitor {
        let z, slope: Double
        @inline(__always) func visit<F: ActivationFormula>(_: F.Type) -> Double { F.value(z, slope: slope) }
    }

    /// f'(z) in words, in the names given for the output and the total input: sigmoid's
    /// `(1 − out)·out`, ReLU's `1 if z > 0, else 0`. Unicode; `DerivativeText.ascii` spells it in
    /// ASCII. The one text of each rule, written beside its formula below.
    public func derivativeText(output: String = "out", total: String = "z") -> String {
        dispatch(DerivativeWords(output: output, total: total))
    }

    private struct DerivativeWords: ActivationVisitor {
        let output, total: String
        func visit<F: ActivationFormula>(_: F.Type) -> String { F.derivativeText(output: output, total: total) }
    }

    private struct LearnsSlope: ActivationVisitor {
        func visit<F: ActivationFormula>(_: F.Type) -> Bool { F.learnsSlope }
    }

    private struct Derivative: ActivationVisitor {
        let z, a, slope: Double
        @inline(__always) func visit<F: ActivationFormula>(_: F.Type) -> Double {
            F.derivative(total: z, output: a, slope: slope)
        }
    }
}

/// Code that applies an activation's formula, given as a type (see `Activation.dispatch`).
protocol ActivationVisitor {
    associatedtype Result
    func visit<F: ActivationFormula>(_ formula: F.Type) -> Result
}

/// One activation's math, each formula written once.
protocol ActivationFormula {
    /// f(z); `slope` is PReLU's α (the others ignore it).
    static func value(_ z: Double, slope: Double) -> Double
    /// f'(z) = ∂a/∂z, from z or from the stored output a = f(z), whichever is exact.
    static func derivative(total z: Double, output a: Double, slope: Double) -> Double
    /// True when α is a learned parameter (PReLU); the others ignore `slope`.
    static var learnsSlope: Bool { get }
    /// ∂a/∂α for an activation with a learned slope (0 for the others).
    static func slopeDerivative(total z: Double) -> Double
    /// `derivative` in words (Unicode), in the given names of a and z.
    static func derivativeText(output a: String, total z: String) -> String
}

extension ActivationFormula {
    static var learnsSlope: Bool { false }
    @inline(__always) static func slopeDerivative(total z: Double) -> Double { 0 }
}

/// tanh(z); f' = 1 - a² (the same number as 1 - tanh(z)², from the stored a).
enum TanhFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1 − \(a)²" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { Math.tanh(z) }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { 1 - a * a }
}

/// TF's `Math.max(0, z)`, written `z <= 0 ? 0 : z` so that NaN stays NaN (max propagates it) and
/// -0 becomes +0 (max(0, -0) is +0 in JavaScript); f' = 0 at and below 0, else 1.
enum ReLUFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1 if \(z) > 0, else 0" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { z <= 0 ? 0 : z }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { z <= 0 ? 0 : 1 }
}

/// σ(z) = 1 / (1 + e^-z); f' = a (1 - a).
enum SigmoidFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "(1 − \(a))·\(a)" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { 1 / (1 + Math.exp(-z)) }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { a * (1 - a) }
}

/// z; f' = 1.
enum LinearFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { z }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { 1 }
}

/// z above 0, 0.01 z otherwise.
enum LeakyReLUFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1 if \(z) > 0, else 0.01" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double {
        z > 0 ? z : Activation.leakySlope * z
    }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double {
        z <= 0 ? Activation.leakySlope : 1
    }
}

/// z above 0, α z otherwise; ∂a/∂α = z below 0, else 0.
enum PReLUFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1 if \(z) > 0, else α" }
    static var learnsSlope: Bool { true }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { z > 0 ? z : slope * z }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { z <= 0 ? slope : 1 }
    @inline(__always) static func slopeDerivative(total z: Double) -> Double { z <= 0 ? z : 0 }
}

/// z above 0, e^z - 1 otherwise; f' = a + 1 below 0 (= e^z), else 1.
enum ELUFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "1 if \(z) > 0, else \(a) + 1" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double { z > 0 ? z : Math.expm1(z) }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double { z <= 0 ? a + 1 : 1 }
}

/// log(1 + e^z), as z + log(1 + e^-z) above 0 so e^z never overflows; f' = σ(z).
enum SoftplusFormula: ActivationFormula {
    static func derivativeText(output a: String, total z: String) -> String { "σ(\(z))" }
    @inline(__always) static func value(_ z: Double, slope: Double) -> Double {
        z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
    }
    @inline(__always) static func derivative(total z: Double, output a: Double, slope: Double) -> Double {
        SigmoidFormula.value(z, slope: slope)
    }
}
