#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a node of a `ScalarGraph` computes from its inputs, with the local derivative rule
/// written beside the forward formula (micrograd's `engine.py`, one `switch` instead of a
/// closure per node).
///
/// Inputs are called `a` (first) and `b` (second). A leaf (`variable`, `constant`) has none; a
/// unary gate reads `a`; a binary gate reads `a` and `b`. Constants that are part of a gate
/// (`c + a`, `c · a`, `a^c`) are not inputs: they receive no gradient.
public enum ScalarOperation: Equatable, Hashable, Sendable {
    /// A named input the gradients are taken with respect to.
    case variable
    /// A number typed into an expression where a gate needs a node (`2 - x`).
    case constant(Double)
    /// a + b
    case add
    /// a - b
    case subtract
    /// a · b
    case multiply
    /// a / b
    case divide
    /// -a
    case negate
    /// a^c for a constant c
    case power(Double)
    /// eᵃ
    case exp
    /// ln a
    case log
    /// 1 / a
    case reciprocal
    /// c + a for a constant c
    case addConstant(Double)
    /// c · a for a constant c
    case multiplyByConstant(Double)
    /// σ(a) = 1 / (1 + e⁻ᵃ), one gate
    case sigmoid
    /// tanh a
    case tanh
    /// max(0, a)
    case relu
    /// max(a, b)
    case max
    /// sin a (a in radians)
    case sin
    /// cos a
    case cos
    /// |a|
    case abs

    /// How many inputs the operation reads.
    public var arity: Int {
        switch self {
        case .variable, .constant: 0
        case .add, .subtract, .multiply, .divide, .max: 2
        default: 1
        }
    }

    /// The forward value and the local derivatives ∂out/∂a, ∂out/∂b (0 for an input the
    /// operation does not have), each rule on the line of its formula. `leaf` is the value of a
    /// variable (ignored otherwise).
    ///
    /// At a kink the derivative is the one-sided value training uses: relu'(0) = 0 (as the
    /// network's ReLU), and max(a, b) sends everything to `a` when a ≥ b.
    public func evaluate(_ a: Double, _ b: Double, leaf: Double = 0) -> (value: Double, da: Double, db: Double) {
        switch self {
        case .variable: return (leaf, 0, 0)
        case let .constant(c): return (c, 0, 0)
        case .add: return (a + b, 1, 1)                                  // ∂/∂a = 1, ∂/∂b = 1
        case .subtract: return (a - b, 1, -1)                            // ∂/∂a = 1, ∂/∂b = -1
        case .multiply: return (a * b, b, a)                             // ∂/∂a = b, ∂/∂b = a
        case .divide: return (a / b, 1 / b, -a / (b * b))                // ∂/∂a = 1/b, ∂/∂b = -a/b²
        case .negate: return (-a, -1, 0)                                 // ∂/∂a = -1
        case let .power(c): return (realPower(a, c), c == 0 ? 0 : c * realPower(a, c - 1), 0) // c·a^(c-1)
        case .exp:
            let e = Math.exp(a)
            return (e, e, 0)                                             // ∂/∂a = eᵃ
        case .log: return (Math.log(a), 1 / a, 0)                        // ∂/∂a = 1/a
        case .reciprocal: return (1 / a, -1 / (a * a), 0)                // ∂/∂a = -1/a²
        case let .addConstant(c): return (c + a, 1, 0)                   // ∂/∂a = 1
        case let .multiplyByConstant(c): return (c * a, c, 0)            // ∂/∂a = c
        // The three activation gates are the network's own activations (one formula each, in
        // Activation.swift): σ' = (1 - σ)·σ, tanh' = 1 - tanh², relu' = 1 above 0, else 0.
        case .sigmoid: return Self.gate(.sigmoid, a)
        case .tanh: return Self.gate(.tanh, a)
        case .relu: return Self.gate(.relu, a)
        case .max: return a >= b ? (a, 1, 0) : (b, 0, 1)                 // to the larger input
        case .sin: return (Math.sin(a), Math.cos(a), 0)                  // ∂/∂a = cos a
        case .cos: return (Math.cos(a), -Math.sin(a), 0)                 // ∂/∂a = -sin a
        case .abs: return (Swift.abs(a), a > 0 ? 1 : (a < 0 ? -1 : 0), 0) // ∂/∂a = sign a (0 at 0)
        }
    }

    /// An activation as a gate: its value and its derivative, as training computes them.
    static func gate(_ activation: Activation, _ a: Double) -> (Double, Double, Double) {
        let value = activation.value(a)
        return (value, activation.derivative(total: a, output: value), 0)
    }

    /// Why the operation has no finite real value at these inputs, or nil when it has one.
    /// Names the cause people know (division by zero, log of a non-positive number) before the
    /// general "not a finite number".
    public func domainProblem(_ a: Double, _ b: Double) -> String? {
        switch self {
        case .divide where b == 0, .reciprocal where a == 0:
            return "division by zero"
        case .log where a <= 0:
            return "log of a non-positive number (\(NumberFormat.javaScript(a))): log needs a number above 0"
        case let .power(c) where a == 0 && c < 0:
            return "division by zero (0 to a negative power)"
        case let .power(c) where a < 0 && c != c.rounded():
            return "\(NumberFormat.javaScript(a)) to the power \(NumberFormat.javaScript(c)) is not a real number"
        default:
            let value = evaluate(a, b).value
            return value.isFinite ? nil : "the result is not a finite number (it overflows)"
        }
    }

    /// The gate as drawn on a graph, in ASCII: `+`, `*`, `1/x`, `*-1`, `+1`, `exp`, `^2`.
    public var symbol: String {
        switch self {
        case .variable: "var"
        case let .constant(c): NumberFormat.javaScript(c)
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        case .negate: "neg"
        case let .power(c): "^" + NumberFormat.javaScript(c)
        case .exp: "exp"
        case .log: "log"
        case .reciprocal: "1/x"
        case let .addConstant(c): c < 0 ? NumberFormat.javaScript(c) : "+" + NumberFormat.javaScript(c)
        case let .multiplyByConstant(c): "*" + NumberFormat.javaScript(c)
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        case .relu: "relu"
        case .max: "max"
        case .sin: "sin"
        case .cos: "cos"
        case .abs: "abs"
        }
    }

    /// The operation applied to input names, in ASCII: `x + y`, `-1 * a`, `1/a`, `exp(a)`.
    public func formula(_ a: String, _ b: String) -> String {
        let number = NumberFormat.javaScript
        switch self {
        case .variable: return a
        case let .constant(c): return number(c)
        case .add: return "\(a) + \(b)"
        case .subtract: return "\(a) - \(b)"
        case .multiply: return "\(a) * \(b)"
        case .divide: return "\(a) / \(b)"
        case .negate: return "-\(a)"
        case let .power(c): return "\(a)^\(c < 0 ? "(" + number(c) + ")" : number(c))"
        case .exp, .log, .sigmoid, .tanh, .relu, .sin, .cos, .abs: return "\(symbol)(\(a))"
        case .reciprocal: return "1/\(a)"
        case let .addConstant(c): return c < 0 ? "\(a) - \(number(-c))" : "\(number(c)) + \(a)"
        case let .multiplyByConstant(c): return "\(number(c)) * \(a)"
        case .max: return "max(\(a), \(b))"
        }
    }

    /// The local derivative rule for a table, ASCII, in `x` (first input) and `y` (second):
    /// `e^x -> e^x`, `1/x -> -1/x^2` (the ASCII form of `derivative`).
    public var derivativeRule: String { derivative(unicode: false).line }

    /// The operation written in `x` (and `y`) and its local derivatives: the one text of each
    /// rule, beside the formulas of `evaluate` in meaning (the sigmoid, tanh and relu gates read
    /// theirs from the activations' formulas). Written in Unicode; `unicode: false` spells it in
    /// ASCII (`·` `*`, `−` `-`, `→` `->`, `²` `^2`, `eˣ` `e^x`, `σ` `sigmoid`).
    public func derivative(unicode: Bool) -> DerivativeText {
        let number = { (value: Double) in value < 0 ? "−" + NumberFormat.javaScript(-value) : NumberFormat.javaScript(value) }
        let text: DerivativeText = switch self {
        case .variable: DerivativeText("x", ["1"])
        case let .constant(c): DerivativeText(number(c), ["0"])
        case .add: DerivativeText("x + y", ["1", "1"])
        case .subtract: DerivativeText("x − y", ["1", "−1"])
        case .multiply: DerivativeText("x·y", ["y", "x"])
        case .divide: DerivativeText("x/y", ["1/y", "−x/y²"])
        case .negate: DerivativeText("−x", ["−1"])
        case let .power(c): DerivativeText(Self.power("x", c), [c == 0 ? "0" : c == 1 ? "1" : number(c) + "·" + Self.power("x", c - 1)])
        case .exp: DerivativeText("eˣ", ["eˣ"])
        case .log: DerivativeText("ln x", ["1/x"])
        case .reciprocal: DerivativeText("1/x", ["−1/x²"])
        case let .addConstant(c): DerivativeText(c < 0 ? "x − " + number(-c) : number(c) + " + x", ["1"])
        case let .multiplyByConstant(c): DerivativeText(number(c) + "·x", [number(c)])
        case .sigmoid: DerivativeText("σ(x)", [Activation.sigmoid.derivativeText(output: "σ", total: "x")])
        case .tanh: DerivativeText("tanh x", [Activation.tanh.derivativeText(output: "tanh(x)", total: "x")])
        case .relu: DerivativeText("relu x", [Activation.relu.derivativeText(output: "relu x", total: "x")])
        case .max: DerivativeText("max(x, y)", ["1 to the larger"])
        case .sin: DerivativeText("sin x", ["cos x"])
        case .cos: DerivativeText("cos x", ["−sin x"])
        case .abs: DerivativeText("|x|", ["sign x (0 at 0)"])
        }
        return unicode ? text : text.ascii
    }

    /// `x²`, `x³`, else `x^c` (`x^-1`), as the derivative table writes a power.
    static func power(_ base: String, _ c: Double) -> String {
        switch c {
        case 1: base
        case 2: base + "²"
        case 3: base + "³"
        default: base + "^" + NumberFormat.javaScript(c)
        }
    }
}

/// aᶜ from the C library (`Math` names only what training needs).
private func realPower(_ a: Double, _ c: Double) -> Double { pow(a, c) }
