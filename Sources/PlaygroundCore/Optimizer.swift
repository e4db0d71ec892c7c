#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Gradient descent and its variations: how one parameter moves given its averaged gradient.
///
/// One implementation for every user: the network's update (per batch, where TF updates, with
/// `g` = the batch's gradient sum / examples) and the lessons' race on 2D surfaces. Each rule
/// keeps at most two numbers per parameter (`first`, `second`) and the count of updates `t`.
///
/// | kind | state | step (the amount subtracted from p) |
/// |---|---|---|
/// | sgd | none | lr·g |
/// | momentum | v | v ← β·v + g; lr·v |
/// | nesterov | v | v ← β·v + g; lr·(g + β·v) |
/// | rmsprop | s | s ← ρ·s + (1 − ρ)·g²; lr·g / (√s + ε) |
/// | adam | m, s | m ← β1·m + (1 − β1)·g; s ← β2·s + (1 − β2)·g²; lr·m̂ / (√ŝ + ε), m̂ = m/(1 − β1ᵗ), ŝ = s/(1 − β2ᵗ) |
///
/// The operations are written in the order `../shared/oracle/tfp_ref.c` evaluates them, so the
/// network agrees with the oracle to the last bit. The network's plain SGD does not come here:
/// TF writes its update as `b -= lr * sum / n` and `w -= (lr / n) * sum`, which round differently
/// from `lr * g`, and the default must be TF's own numbers.
public struct Optimizer: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case sgd, momentum, nesterov, rmsprop, adam

        /// A name for people.
        public var title: String {
            switch self {
            case .sgd: "SGD"
            case .momentum: "Momentum"
            case .nesterov: "Nesterov"
            case .rmsprop: "RMSProp"
            case .adam: "Adam"
            }
        }

        /// How many numbers the rule keeps per parameter.
        public var stateCount: Int {
            switch self {
            case .sgd: 0
            case .momentum, .nesterov, .rmsprop: 1
            case .adam: 2
            }
        }
    }

    public static let defaultMomentum = 0.9
    /// RMSProp's decay ρ.
    public static let rmsDecay = 0.9
    /// Adam's decays β1, β2.
    public static let adamBeta1 = 0.9
    public static let adamBeta2 = 0.999
    public static let epsilon = 1e-8

    public var kind: Kind
    /// β of momentum and Nesterov.
    public var momentum: Double

    public init(_ kind: Kind = .sgd, momentum: Double = Optimizer.defaultMomentum) {
        self.kind = kind
        self.momentum = momentum
    }

    /// What one update shares across parameters: the learning rate and Adam's bias corrections
    /// for update number `t` (1 at the first), computed once per update.
    public struct Update: Sendable {
        public let learningRate: Double
        public let t: Int
        /// 1 − β1ᵗ and 1 − β2ᵗ.
        public let correction1: Double
        public let correction2: Double

        public init(learningRate: Double, t: Int) {
            precondition(t >= 1, "updates count from 1")
            self.learningRate = learningRate
            self.t = t
            correction1 = 1 - pow(Optimizer.adamBeta1, Double(t))  // the C library's pow, as the oracle
            correction2 = 1 - pow(Optimizer.adamBeta2, Double(t))
        }
    }

    /// The amount to subtract from a parameter whose averaged gradient is `g`, advancing its
    /// state (`first`: v or m; `second`: s).
    @inline(__always)
    public func step(_ g: Double, first: inout Double, second: inout Double, _ update: Update) -> Double {
        let lr = update.learningRate
        switch kind {
        case .sgd:
            return lr * g
        case .momentum:
            first = momentum * first + g
            return lr * first
        case .nesterov:
            first = momentum * first + g
            return lr * (g + momentum * first)
        case .rmsprop:
            second = Optimizer.rmsDecay * second + (1 - Optimizer.rmsDecay) * g * g
            return lr * g / (second.squareRoot() + Optimizer.epsilon)
        case .adam:
            first = Optimizer.adamBeta1 * first + (1 - Optimizer.adamBeta1) * g
            second = Optimizer.adamBeta2 * second + (1 - Optimizer.adamBeta2) * g * g
            let mHat = first / update.correction1, sHat = second / update.correction2
            return lr * mHat / (sHat.squareRoot() + Optimizer.epsilon)
        }
    }
}
