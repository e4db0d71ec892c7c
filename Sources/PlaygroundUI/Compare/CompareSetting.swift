// The settings a comparison can vary (issue 19): their values around the current one.
import PlaygroundCore

/// A setting whose values the comparison runs side by side, each written as its state key
/// writes it (so `SweepPlan` with `Seeding.asGiven` turns them into the runs' states).
public enum CompareSetting: Int, CaseIterable, Sendable {
    case activation, learningRate, optimizer, regularization, batchSize, networkShape, seed

    /// The most runs side by side.
    public static let maxRuns = 9

    /// The state key varied.
    public var key: String {
        switch self {
        case .activation: "activation"
        case .learningRate: "learningRate"
        case .optimizer: "optimizer"
        case .regularization: "regularization"
        case .batchSize: "batchSize"
        case .networkShape: "networkShape"
        case .seed: "seed"
        }
    }

    /// The name on screen.
    public var title: String {
        switch self {
        case .activation: "activation"
        case .learningRate: "learning rate"
        case .optimizer: "optimizer"
        case .regularization: "regularization"
        case .batchSize: "batch size"
        case .networkShape: "shape"
        case .seed: "seed"
        }
    }

    /// The value `state` has, as the candidates write it.
    public func value(of state: PlaygroundState) -> String {
        switch self {
        case .activation: state.activation.rawValue
        case .learningRate: NumberFormat.javaScript(state.learningRate)
        case .optimizer: state.optimizer.rawValue
        case .regularization: state.regularization.rawValue
        case .batchSize: String(state.batchSize)
        case .networkShape: state.networkShape.map(String.init).joined(separator: ",")
        case .seed: state.seed
        }
    }

    /// Every value to choose from, in their natural order, the current one among them: every
    /// activation, optimizer and regularization; the learning-rate ladder; batch sizes 1, 2, 5,
    /// 10 … 30; shapes with a layer less or more and two neurons less or more per layer; the seed
    /// and `seed-1` … `seed-8` (`SweepPlan.seed`: the same values anywhere).
    public func candidates(around state: PlaygroundState) -> [String] {
        let current = value(of: state)
        var values: [String]
        switch self {
        case .activation: values = Activation.allCases.map(\.rawValue)
        case .optimizer: values = Optimizer.Kind.allCases.map(\.rawValue)
        case .regularization: values = Regularization.allCases.map(\.rawValue)
        case .learningRate:
            let rates = (PlaygroundState.learningRates + [state.learningRate]).sorted()
            values = rates.map(NumberFormat.javaScript)
        case .batchSize:
            values = ([1, 2, 5, 10, 15, 20, 25, 30, state.batchSize]).sorted().map(String.init)
        case .networkShape:
            let shape = state.networkShape, range = PlaygroundState.neuronRange
            let fewer = shape.map { max(range.lowerBound, $0 - 2) }, more = shape.map { min(range.upperBound, $0 + 2) }
            var shapes = [Array(shape.dropLast()), fewer, shape, more]
            if shape.count < PlaygroundState.hiddenLayerRange.upperBound { shapes.append(shape + [shape.last ?? 2]) }
            shapes.append(Array(repeating: range.upperBound, count: max(1, shape.count)))
            values = shapes.map { $0.map(String.init).joined(separator: ",") }
        case .seed:
            values = [state.seed] + (1..<CompareSetting.maxRuns).map { SweepPlan.seed(base: state.seed, number: $0) }
        }
        var unique: [String] = []
        for value in values where !unique.contains(value) { unique.append(value) }
        if !unique.contains(current) { unique.insert(current, at: 0) }
        return unique
    }

    /// The values a comparison opens with: every candidate when there are at most nine (the
    /// activations, optimizers, regularizations), else the current value and its neighbours
    /// (two on each side, more on one side at an end): five runs.
    public func initialValues(around state: PlaygroundState) -> [String] {
        let all = candidates(around: state)
        guard all.count > CompareSetting.maxRuns || self == .seed else { return all }
        let count = min(5, all.count)
        let index = all.firstIndex(of: value(of: state)) ?? 0
        let start = self == .seed ? 0 : max(0, min(all.count - count, index - count / 2))
        return Array(all[start..<(start + count)])
    }

    /// The next value to add: the unused candidate nearest the current one (the lower first
    /// on a tie), nil when every candidate is used or nine runs are.
    public func nextValue(around state: PlaygroundState, besides used: [String]) -> String? {
        guard used.count < CompareSetting.maxRuns else { return nil }
        let all = candidates(around: state)
        let index = all.firstIndex(of: value(of: state)) ?? 0
        return all.indices.filter { !used.contains(all[$0]) }.min { (abs($0 - index), $0) < (abs($1 - index), $1) }.map { all[$0] }
    }

    /// A value as the screen shows it: the activation's and the optimizer's names, "none" for
    /// no regularization, "4,2" for a shape ("none" when it has no hidden layer).
    public func label(_ value: String) -> String {
        switch self {
        case .activation: Activation(rawValue: value)?.title ?? value
        case .optimizer: Optimizer.Kind(rawValue: value)?.title ?? value
        case .networkShape: value.isEmpty ? "no hidden" : value
        default: value
        }
    }
}
