/// A node's activation function. The raw value is the state-string name.
///
/// TF Playground's four (relu, tanh, sigmoid, linear) and four it lacks. `derivative` takes the
/// stored total input `z` and output `a = f(z)` and uses whichever gives the exact number.
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

    /// f(z). `slope` is PReLU's α (ignored by the others).
    @inline(__always)
    public func value(_ z: Double, slope: Double = Activation.initialPReLUSlope) -> Double {
        switch self {
        case .tanh: Math.tanh(z)
        case .relu: z > 0 ? z : 0
        case .sigmoid: 1 / (1 + Math.exp(-z))
        case .linear: z
        case .leakyrelu: z > 0 ? z : Activation.leakySlope * z
        case .prelu: z > 0 ? z : slope * z
        case .elu: z > 0 ? z : Math.expm1(z)
        case .softplus: z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))
        }
    }

    /// f'(z), from the stored output `a` where that is exact (tanh, sigmoid: the same number
    /// TF computes from z), otherwise from z.
    @inline(__always)
    public func derivative(total z: Double, output a: Double, slope: Double = Activation.initialPReLUSlope) -> Double {
        switch self {
        case .tanh: 1 - a * a
        case .relu: z <= 0 ? 0 : 1
        case .sigmoid: a * (1 - a)
        case .linear: 1
        case .leakyrelu: z <= 0 ? Activation.leakySlope : 1
        case .prelu: z <= 0 ? slope : 1
        case .elu: z <= 0 ? a + 1 : 1
        case .softplus: 1 / (1 + Math.exp(-z))
        }
    }
}
