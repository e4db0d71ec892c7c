/// TF Playground's classroom links: a teacher hides parts of the page with `<name>_hide=true`
/// (TF's `HIDE_STATE_SUFFIX`). A hidden input is taken out of the network; a hidden control is
/// not shown. TF keeps every `_hide` key it was given, `false` ones too, and writes them back
/// after the regular keys in the order the link gave them.

/// The controls a classroom link can hide: TF's `HIDABLE_CONTROLS`, in its order. The raw value
/// is the name before `_hide`.
public enum Control: String, CaseIterable, Sendable {
    case showTestData, discretize, playButton, stepButton, resetButton, learningRate, activation
    case regularization, regularizationRate, problem, dataset, percTrainData, noise, batchSize
    case numHiddenLayers

    /// What the control is, for a sentence ("the link hides the learning rate").
    public var title: String {
        switch self {
        case .showTestData: "the test data switch"
        case .discretize: "the discretize switch"
        case .playButton: "the play button"
        case .stepButton: "the step button"
        case .resetButton: "the reset button"
        case .learningRate: "the learning rate"
        case .activation: "the activation"
        case .regularization: "the regularization"
        case .regularizationRate: "the regularization rate"
        case .problem: "the problem type"
        case .dataset: "the data set"
        case .percTrainData: "the training ratio"
        case .noise: "the noise"
        case .batchSize: "the batch size"
        case .numHiddenLayers: "the number of hidden layers"
        }
    }
}

/// Something a classroom link can hide: one of the seven inputs or one of TF's controls.
public enum Hideable: Hashable, Sendable {
    case input(Feature)
    case control(Control)

    /// TF's suffix: `x_hide`, `learningRate_hide`.
    public static let suffix = "_hide"

    /// Every input, then every control.
    public static let allCases: [Hideable] = Feature.allCases.map(Hideable.input) + Control.allCases.map(Hideable.control)

    /// The state key: the input's or control's name and `_hide`.
    public var key: String {
        switch self {
        case .input(let feature): feature.rawValue + Hideable.suffix
        case .control(let control): control.rawValue + Hideable.suffix
        }
    }

    /// What it is, for a sentence: "input X1", "the learning rate".
    public var title: String {
        switch self {
        case .input(let feature): "input " + feature.label
        case .control(let control): control.title
        }
    }
}

/// One `_hide` key as a link gave it.
public struct HideSetting: Equatable, Sendable {
    public var item: Hideable
    public var hidden: Bool
    public init(_ item: Hideable, hidden: Bool) {
        self.item = item
        self.hidden = hidden
    }
}

extension PlaygroundState {
    /// The inputs a classroom link hides: never fed to the network, even when switched on.
    public var hiddenInputs: Set<Feature> {
        Set(hideSettings.compactMap { setting in
            guard setting.hidden, case .input(let feature) = setting.item else { return nil }
            return feature
        })
    }

    /// The controls a classroom link hides: not shown, their keys do nothing.
    public var hiddenControls: Set<Control> {
        Set(hideSettings.compactMap { setting in
            guard setting.hidden, case .control(let control) = setting.item else { return nil }
            return control
        })
    }

    public func isHidden(_ item: Hideable) -> Bool {
        hideSettings.contains { $0.item == item && $0.hidden }
    }

    /// TF's `setHideProperty`: a key already given keeps its place, a new one goes last.
    public mutating func setHidden(_ item: Hideable, _ hidden: Bool) {
        if let index = hideSettings.firstIndex(where: { $0.item == item }) {
            hideSettings[index].hidden = hidden
        } else {
            hideSettings.append(HideSetting(item, hidden: hidden))
        }
    }

    /// The features the page shows, in TF's order: every one the link does not hide (TF deletes
    /// a hidden input from its `INPUTS` before drawing anything).
    public var shownFeatures: [Feature] {
        let hidden = hiddenInputs
        return Feature.allCases.filter { !hidden.contains($0) }
    }
}
