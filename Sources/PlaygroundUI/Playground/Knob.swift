// The knobs: the settings the user focuses and steps, their labels, values and limits.
import PlaygroundCore

/// A setting the user can focus and change: with its key, with Left/Right when focused, or
/// with the mouse. Each knob steps within the limits of `PlaygroundState`.
public enum Knob: Hashable, Sendable {
    case dataset, noise, trainingRatio, batchSize
    case feature(Feature)
    case hiddenLayers
    /// The neuron count of one hidden layer (0-based).
    case neurons(layer: Int)
    case activation, learningRate, regularization, regularizationRate, problem
    case showTestData, discretize
    case speed
    /// Beyond TF: the optimizer, its β (shown only for momentum and Nesterov), the loss and the
    /// initialisation. No classroom link hides them (TF has no such controls).
    case optimizer, momentum, loss, initialization

    /// Every knob of `state` in focus order (top to bottom, left column first), less those a
    /// classroom link hides.
    public static func all(for state: PlaygroundState) -> [Knob] {
        let knobs: [Knob] = [.dataset, .noise, .trainingRatio, .batchSize]
            + Feature.allCases.map { .feature($0) }
            + [.hiddenLayers] + state.networkShape.indices.map { .neurons(layer: $0) }
            + [.activation, .learningRate, .regularization, .regularizationRate, .problem]
            + Knob.beyondTF(for: state)
            + [.speed, .showTestData, .discretize]
        return knobs.filter { !$0.isHidden(in: state) }
    }

    /// The knobs beyond TF, in the Network panel under TF's: β only where the optimizer uses it.
    public static func beyondTF(for state: PlaygroundState) -> [Knob] {
        [.optimizer] + ([.momentum, .nesterov].contains(state.optimizer) ? [.momentum] : []) + [.loss, .initialization]
    }

    /// The momentum knob's ladder of β.
    public static let momentumLadder = [0, 0.5, 0.8, 0.9, 0.95, 0.99]

    /// Shown for the loss knob in a regression, which keeps square loss whatever `loss` says.
    public static let regressionLoss = "Square (regression)"

    /// What a classroom link hides to take this knob off the screen (TF's control or input);
    /// nil for the neuron counts (TF has no such key) and the speed (the app's own).
    public var hideable: Hideable? {
        switch self {
        case .dataset: .control(.dataset)
        case .noise: .control(.noise)
        case .trainingRatio: .control(.percTrainData)
        case .batchSize: .control(.batchSize)
        case .feature(let feature): .input(feature)
        case .hiddenLayers: .control(.numHiddenLayers)
        case .activation: .control(.activation)
        case .learningRate: .control(.learningRate)
        case .regularization: .control(.regularization)
        case .regularizationRate: .control(.regularizationRate)
        case .problem: .control(.problem)
        case .showTestData: .control(.showTestData)
        case .discretize: .control(.discretize)
        case .neurons, .speed, .optimizer, .momentum, .loss, .initialization: nil
        }
    }

    /// True when `state`'s classroom link hides this knob.
    public func isHidden(in state: PlaygroundState) -> Bool {
        hideable.map(state.isHidden) ?? false
    }

    /// A knob that is a switch: Enter, Left and Right all flip it.
    public var isToggle: Bool {
        switch self {
        case .feature, .showTestData, .discretize, .problem, .loss: true
        default: false
        }
    }

    /// The name shown beside the value.
    public var label: String {
        switch self {
        case .dataset: "Data set"
        case .noise: "Noise"
        case .trainingRatio: "Training data"
        case .batchSize: "Batch size"
        case .feature(let feature): feature.label
        case .hiddenLayers: "Hidden layers"
        case .neurons(let layer): "Layer \(layer + 1)"
        case .activation: "Activation"
        case .learningRate: "Learning rate"
        case .regularization: "Regularization"
        case .regularizationRate: "Reg. rate"
        case .problem: "Problem"
        case .showTestData: "Show test data"
        case .discretize: "Discretize output"
        case .speed: "Speed"
        case .optimizer: "Optimizer"
        case .momentum: "Momentum"
        case .loss: "Loss"
        case .initialization: "Init"
        }
    }

    /// The knob's current value as shown, or nil for a switch (shown as a check box).
    public func value(in app: AppState) -> String? {
        let state = app.playground.state
        switch self {
        // Custom points (drawn or loaded) are no data set, and noise does not apply to them.
        case .dataset: return app.playground.hasCustomData ? "Custom" : state.activeDataset.title
        case .noise: return app.playground.hasCustomData ? "n/a: custom" : String(state.noise)
        case .trainingRatio: return "\(state.percTrainData)%"
        case .batchSize: return String(state.batchSize)
        case .hiddenLayers: return String(state.networkShape.count)
        case .neurons(let layer):
            guard state.networkShape.indices.contains(layer) else { return nil }
            let count = state.networkShape[layer]
            return count == 1 ? "1 neuron" : "\(count) neurons"
        case .activation: return state.activation.title
        case .learningRate: return NumberFormat.javaScript(state.learningRate)
        case .regularization: return state.regularization.title
        case .regularizationRate: return NumberFormat.javaScript(state.regularizationRate)
        case .problem: return state.problem == .classification ? "Classification" : "Regression"
        case .speed: return app.speed.title
        case .optimizer: return state.optimizer.title
        case .momentum: return NumberFormat.javaScript(state.momentum)
        case .loss: return state.problem == .regression ? Knob.regressionLoss : state.loss.title
        case .initialization:
            return state.initialization == .tf && !app.capabilities.unicode ? "TF (+-0.5)" : state.initialization.title
        case .feature, .showTestData, .discretize: return nil
        }
    }

    /// Whether a switch is on (false for other knobs).
    public func isOn(in state: PlaygroundState) -> Bool {
        switch self {
        case .feature(let feature): state.features.contains(feature)
        case .showTestData: state.showTestData
        case .discretize: state.discretize
        default: false
        }
    }

    /// The settings after stepping this knob by `delta` (±1): clamped to the UI's limits,
    /// cycling through choices, flipping switches. `speed` is not a setting: unchanged.
    public func adjusted(_ state: PlaygroundState, by delta: Int) -> PlaygroundState {
        var new = state
        switch self {
        case .dataset:
            let choices = state.problem == .classification ? Dataset.classification : Dataset.regression
            let next = cycle(choices, from: state.activeDataset, by: delta)
            if state.problem == .classification { new.dataset = next } else { new.regDataset = next }
        case .noise:
            new.noise = Knob.step(state.noise, by: delta, unit: 5, within: PlaygroundState.noiseRange)
        case .trainingRatio:
            new.percTrainData = Knob.step(state.percTrainData, by: delta, unit: 10, within: PlaygroundState.trainingPercentRange)
        case .batchSize:
            new.batchSize = Knob.step(state.batchSize, by: delta, unit: 1, within: PlaygroundState.batchSizes)
        case .feature(let feature):
            if new.features.contains(feature) { new.features.remove(feature) } else { new.features.insert(feature) }
        case .hiddenLayers:
            if delta > 0, state.networkShape.count < PlaygroundState.hiddenLayerRange.upperBound {
                new.networkShape.append(2)
            } else if delta < 0, state.networkShape.count > PlaygroundState.hiddenLayerRange.lowerBound {
                new.networkShape.removeLast()
            }
        case .neurons(let layer):
            guard state.networkShape.indices.contains(layer) else { break }
            new.networkShape[layer] = Knob.step(state.networkShape[layer], by: delta, unit: 1, within: PlaygroundState.neuronRange)
        case .activation:
            new.activation = cycle(Activation.allCases, from: state.activation, by: delta)
        case .learningRate:
            new.learningRate = Knob.ladder(PlaygroundState.learningRates, from: state.learningRate, by: delta)
        case .regularization:
            new.regularization = cycle(Regularization.allCases, from: state.regularization, by: delta)
        case .regularizationRate:
            new.regularizationRate = Knob.ladder(PlaygroundState.regularizationRates, from: state.regularizationRate, by: delta)
        case .problem:
            new.problem = state.problem == .classification ? .regression : .classification
        case .showTestData:
            new.showTestData.toggle()
        case .discretize:
            new.discretize.toggle()
        case .optimizer:
            new.optimizer = cycle(Optimizer.Kind.allCases, from: state.optimizer, by: delta)
        case .momentum:
            new.momentum = Knob.ladder(Knob.momentumLadder, from: state.momentum, by: delta)
        case .loss:
            // A regression keeps square loss (`effectiveLoss`): the knob refuses to change it.
            guard state.problem == .classification else { break }
            new.loss = cycle(Loss.allCases, from: state.loss, by: delta)
        case .initialization:
            new.initialization = cycle(Initialization.allCases, from: state.initialization, by: delta)
        case .speed:
            break
        }
        return new
    }

    /// One step of `unit` up or down, landing on multiples of `unit` (a value from a link that is
    /// off the grid moves to the next one), clamped to `range`.
    static func step(_ value: Int, by delta: Int, unit: Int, within range: ClosedRange<Int>) -> Int {
        guard delta != 0 else { return value }
        let below = Int((Double(value) / Double(unit)).rounded(.down)) * unit
        var target: Int
        if delta > 0 {
            target = below + unit * delta
        } else {
            target = (below == value ? below - unit : below) + unit * (delta + 1)
        }
        target = min(range.upperBound, max(range.lowerBound, target))
        return target
    }

    /// The next value up or down a ladder (a value between rungs goes to the nearest rung in
    /// that direction); the ends hold.
    static func ladder(_ rungs: [Double], from value: Double, by delta: Int) -> Double {
        if delta > 0 { return rungs.first { $0 > value } ?? rungs.last! }
        if delta < 0 { return rungs.last { $0 < value } ?? rungs.first! }
        return value
    }
}

/// The element `delta` places after `current`, wrapping around (the first when absent).
func cycle<T: Equatable>(_ choices: [T], from current: T, by delta: Int) -> T {
    guard let index = choices.firstIndex(of: current) else { return choices[0] }
    let count = choices.count
    return choices[((index + delta) % count + count) % count]
}
