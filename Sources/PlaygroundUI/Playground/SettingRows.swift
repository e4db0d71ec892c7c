// The rows of the settings table: every hyperparameter the user steps, in the help's order.
import PlaygroundCore

extension Setting {
    /// Every setting: TF's, then those beyond TF, then the speed. The order is the help's and
    /// the README's, and each panel's top to bottom (see `SettingTable.knobs` for the focus).
    public static let table: [Setting] = [
        Setting(.dataset, key: "dataset", "Data set", panel: .data,
                // Custom points (drawn or loaded) are no data set.
                value: { $0.playground.hasCustomData ? "Custom" : $0.settings.activeDataset.title },
                stepper: .rule(stepDataset), keys: ["d": 1, "D": -1], help: "next / previous data set",
                footer: .init("data", 4, keys: ["d"]), hide: .control(.dataset)),
        Setting(.noise, key: "noise", "Noise", panel: .data,
                // Noise does not apply to custom points.
                value: { $0.playground.hasCustomData ? "n/a: custom" : String($0.settings.noise) },
                stepper: .units(\.noise, 5, within: PlaygroundState.noiseRange), keys: ["n": -1, "N": 1],
                help: "noise down / up", helpNamesStep: true, footer: .init("noise", 14), hide: .control(.noise)),
        Setting(.trainingRatio, key: "percTrainData", "Training data", panel: .data, value: { "\($0.settings.percTrainData)%" },
                stepper: .units(\.percTrainData, 10, within: PlaygroundState.trainingPercentRange), keys: ["t": -1, "T": 1],
                help: "training ratio down / up", hide: .control(.percTrainData)),
        Setting(.batchSize, key: "batchSize", "Batch size", panel: .data, value: { String($0.settings.batchSize) },
                stepper: .units(\.batchSize, 1, within: PlaygroundState.batchSizes), keys: ["b": -1, "B": 1],
                help: "batch size down / up", hide: .control(.batchSize)),
        Setting.features,
        Setting(.hiddenLayers, key: "networkShape", "Hidden layers", panel: .network,
                value: { String($0.settings.networkShape.count) }, stepper: .rule(stepLayers), keys: ["[": -1, "]": 1],
                help: "hidden layer less / more", footer: .init("layers", 12), hide: .control(.numHiddenLayers)),
        Setting.neurons,
        Setting(.activation, key: "activation", "Activation", panel: .network, value: { $0.settings.activation.title },
                stepper: .cycle(\.activation, Activation.allCases), keys: ["a": 1, "A": -1], help: "next / previous activation",
                footer: .init("activation", 7, keys: ["a"]), hide: .control(.activation)),
        Setting(.learningRate, key: "learningRate", "Learning rate", panel: .network,
                value: { NumberFormat.javaScript($0.settings.learningRate) },
                stepper: .ladder(\.learningRate, PlaygroundState.learningRates), keys: ["l": -1, "L": 1],
                help: "learning rate down / up", footer: .init("rate", 8), hide: .control(.learningRate)),
        Setting(.regularization, key: "regularization", "Regularization", panel: .network,
                value: { $0.settings.regularization.title }, stepper: .cycle(\.regularization, Regularization.allCases),
                keys: ["e": 1, "E": -1], help: "regularization next / prev", hide: .control(.regularization)),
        Setting(.regularizationRate, key: "regularizationRate", "Reg. rate", panel: .network,
                value: { NumberFormat.javaScript($0.settings.regularizationRate) },
                stepper: .ladder(\.regularizationRate, PlaygroundState.regularizationRates), keys: ["k": -1, "K": 1],
                help: "reg. rate down / up", hide: .control(.regularizationRate)),
        Setting(.problem, key: "problem", "Problem", panel: .network,
                value: { $0.settings.problem == .classification ? "Classification" : "Regression" },
                stepper: .rule { state, _ in
                    var new = state
                    new.problem = state.problem == .classification ? .regression : .classification
                    return new
                }, keys: ["p": 1], help: "classification/regression", hide: .control(.problem), isToggle: true),
        Setting(.showTestData, key: "showTestData", "Show test data", panel: .display, stepper: .toggle(\.showTestData),
                keys: ["x": 1], help: "show / hide test data", hide: .control(.showTestData)),
        Setting(.discretize, key: "discretize", "Discretize output", panel: .display, stepper: .toggle(\.discretize),
                keys: ["z": 1], help: "discretize output", hide: .control(.discretize)),
        // Beyond TF (issue 9): the optimizer, its β, the loss, the initialisation. No classroom
        // link hides them (TF has no such controls).
        Setting(.optimizer, key: "optimizer", "Optimizer", panel: .network, value: { $0.settings.optimizer.title },
                stepper: .cycle(\.optimizer, Optimizer.Kind.allCases), keys: ["u": 1, "U": -1], help: "optimizer next/prev"),
        Setting(.momentum, key: "momentum", "Momentum", panel: .network, value: { NumberFormat.javaScript($0.settings.momentum) },
                stepper: .ladder(\.momentum, Knob.momentumLadder), keys: ["v": -1, "V": 1], help: "momentum down / up",
                shown: usesMomentum,
                refusal: { app in
                    usesMomentum(app.settings) ? nil
                        : "momentum is the β of the momentum and nesterov optimizers: \(KeyMap.key(for: .adjust(.optimizer, by: 1))) picks one"
                }),
        Setting(.loss, key: "loss", "Loss", panel: .network,
                value: { $0.settings.problem == .regression ? Knob.regressionLoss : $0.settings.loss.title },
                stepper: .cycle(\.loss, Loss.allCases), keys: ["f": 1], help: "loss: square / CE", isToggle: true,
                refusal: { app in
                    // A regression keeps square loss (`effectiveLoss`): the knob refuses to change it.
                    app.settings.problem == .classification ? nil
                        : "a regression keeps square loss: cross-entropy needs classes (\(KeyMap.key(for: .adjust(.problem, by: 1))))"
                }),
        Setting(.initialization, key: "init", "Init", panel: .network,
                value: { app in
                    app.settings.initialization == .tf && !app.capabilities.unicode ? "TF (+-0.5)" : app.settings.initialization.title
                },
                stepper: .cycle(\.initialization, Initialization.allCases), keys: ["I": 1], help: "init: TF/Xavier/He"),
        // The app's own: the speed is no setting of the state string, and its keys (which also
        // pace the lessons' race) are in `KeyMap`.
        Setting.speed,
    ]

    /// The speed: drawn last in the display panel, focused first in it.
    static let speed: Setting = {
        var row = Setting(name: "speed", stateKeys: [], panel: .display, knobs: { _ in [.speed] }, label: { _ in "Speed" },
                          value: { _, app in app.speed.title }, step: { _, state, _ in state }, hide: { _ in nil },
                          isToggle: false, bindings: [])
        row.focusLeads = true
        return row
    }()

    /// The input switches, one knob per feature, drawn on the network's input slots.
    static let features = Setting(
        name: "features", stateKeys: Feature.allCases.map(\.rawValue), panel: .drawing, knobs: { _ in Feature.allCases.map { .feature($0) } },
        label: { knob in if case .feature(let feature) = knob { feature.label } else { "" } }, value: { _, _ in nil },
        isOn: { knob, state in if case .feature(let feature) = knob { state.features.contains(feature) } else { false } },
        step: { knob, state, _ in
            guard case .feature(let feature) = knob else { return state }
            var new = state
            if new.features.contains(feature) { new.features.remove(feature) } else { new.features.insert(feature) }
            return new
        },
        hide: { knob in if case .feature(let feature) = knob { .input(feature) } else { nil } }, isToggle: true,
        bindings: [.init(.playground, Feature.allCases.enumerated().map { (.digit($0.offset + 1), .adjust(.feature($0.element), by: 1)) },
                         "toggle input feature", footer: .init("features", 5))])

    /// The neuron count of each hidden layer, drawn over its column; `-`/`+` change the
    /// selected layer's, Tab selects one.
    static let neurons = Setting(
        name: "neurons", stateKeys: ["networkShape"], panel: .drawing, knobs: { state in state.networkShape.indices.map { .neurons(layer: $0) } },
        label: { knob in if case .neurons(let layer) = knob { "Layer \(layer + 1)" } else { "" } },
        value: { knob, app in
            guard case .neurons(let layer) = knob, app.settings.networkShape.indices.contains(layer) else { return nil }
            let count = app.settings.networkShape[layer]
            return count == 1 ? "1 neuron" : "\(count) neurons"
        },
        refusal: { knob, app in
            guard case .neurons(let layer) = knob, !app.settings.networkShape.indices.contains(layer) else { return nil }
            return "no hidden layer: press \(KeyMap.key(for: .adjust(.hiddenLayers, by: 1))) to add one"
        },
        step: { knob, state, delta in
            guard case .neurons(let layer) = knob, state.networkShape.indices.contains(layer) else { return state }
            var new = state
            new.networkShape[layer] = Knob.step(state.networkShape[layer], by: delta, unit: 1, within: PlaygroundState.neuronRange)
            return new
        },
        hide: { _ in nil }, isToggle: false,
        bindings: [
            .init(.playground, ["-", "+", "_", "="], "one neuron less / more", footer: .init("neurons", 13, keys: ["-", "+"])) { key, state in
                .adjust(.neurons(layer: state.selectedLayer), by: [.character("-"), .character("_")].contains(key) ? -1 : 1)
            },
            .init(.playground, ["Tab": .selectLayer(by: 1), "S-Tab": .selectLayer(by: -1)], "next / previous layer"),
        ])

    static func usesMomentum(_ state: PlaygroundState) -> Bool { [.momentum, .nesterov].contains(state.optimizer) }

    static func stepDataset(_ state: PlaygroundState, _ delta: Int) -> PlaygroundState {
        var new = state
        let choices = state.problem == .classification ? Dataset.classification : Dataset.regression
        let next = cycle(choices, from: state.activeDataset, by: delta)
        if state.problem == .classification { new.dataset = next } else { new.regDataset = next }
        return new
    }

    static func stepLayers(_ state: PlaygroundState, _ delta: Int) -> PlaygroundState {
        var new = state
        if delta > 0, state.networkShape.count < PlaygroundState.hiddenLayerRange.upperBound {
            new.networkShape.append(2)
        } else if delta < 0, state.networkShape.count > PlaygroundState.hiddenLayerRange.lowerBound {
            new.networkShape.removeLast()
        }
        return new
    }
}
