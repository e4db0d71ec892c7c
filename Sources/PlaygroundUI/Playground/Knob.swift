// The knobs: which setting the user focuses and steps (what each one is, says its `Setting` row).
import PlaygroundCore

/// A setting the user can focus and change: with its key, with Left/Right when focused, or
/// with the mouse. Its label, value, limits, panel, keys and `_hide` control are its row of
/// `Setting.table` (`SettingTable.row(of:)`); the members here read the standard table.
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
    /// initialisation.
    case optimizer, momentum, loss, initialization
    /// A setting known by its row's name alone: a new row needs no case here.
    case named(String)

    /// The name of the knob's row in a `SettingTable` (one row for all inputs, one for all layers).
    public var rowName: String {
        switch self {
        case .dataset: "dataset"
        case .noise: "noise"
        case .trainingRatio: "trainingRatio"
        case .batchSize: "batchSize"
        case .feature: "features"
        case .hiddenLayers: "hiddenLayers"
        case .neurons: "neurons"
        case .activation: "activation"
        case .learningRate: "learningRate"
        case .regularization: "regularization"
        case .regularizationRate: "regularizationRate"
        case .problem: "problem"
        case .showTestData: "showTestData"
        case .discretize: "discretize"
        case .speed: "speed"
        case .optimizer: "optimizer"
        case .momentum: "momentum"
        case .loss: "loss"
        case .initialization: "initialization"
        case .named(let name): name
        }
    }

    /// Every knob of `state` in focus order (top to bottom, left column first), less those a
    /// classroom link hides (the standard table).
    public static func all(for state: PlaygroundState) -> [Knob] { SettingTable.standard.knobs(for: state) }

    /// The momentum knob's ladder of β.
    public static let momentumLadder = [0, 0.5, 0.8, 0.9, 0.95, 0.99]

    /// Shown for the loss knob in a regression, which keeps square loss whatever `loss` says.
    public static let regressionLoss = "Square (regression)"

    private var row: Setting? { SettingTable.standard.row(of: self) }

    /// What a classroom link hides to take this knob off the screen (TF's control or input);
    /// nil for the neuron counts (TF has no such key), the speed (the app's own) and the
    /// settings beyond TF.
    public var hideable: Hideable? { row?.hide(self) }

    /// True when `state`'s classroom link hides this knob.
    public func isHidden(in state: PlaygroundState) -> Bool {
        hideable.map(state.isHidden) ?? false
    }

    /// A knob that is a switch: Enter, Left and Right all flip it.
    public var isToggle: Bool { row?.isToggle ?? false }

    /// The name shown beside the value.
    public var label: String { row?.label(self) ?? "" }

    /// The knob's current value as shown, or nil for a switch (shown as a check box).
    public func value(in app: AppState) -> String? { row?.value(self, app) }

    /// Whether a switch is on (false for other knobs).
    public func isOn(in state: PlaygroundState) -> Bool { row?.isOn(self, state) ?? false }

    /// The settings after stepping this knob by `delta` (±1): clamped to the UI's limits,
    /// cycling through choices, flipping switches. `speed` is not a setting: unchanged.
    public func adjusted(_ state: PlaygroundState, by delta: Int) -> PlaygroundState {
        row?.step(self, state, delta) ?? state
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
