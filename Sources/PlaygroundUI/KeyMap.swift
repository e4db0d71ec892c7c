import PlaygroundCore

/// The one table from keys to actions (several keys may share one).
public enum KeyMap {
    /// One row of the table, as the help screen lists it.
    public struct Binding: Sendable {
        public let keys: String
        public let description: String
    }

    /// Every key, in the order the help screen shows them.
    public static let bindings: [Binding] = [
        Binding(keys: "Space", description: "play / pause"),
        Binding(keys: "s", description: "one epoch"),
        Binding(keys: "r", description: "reset network, same data"),
        Binding(keys: "g", description: "new data (new seed)"),
        Binding(keys: "< >  , .", description: "training speed down / up"),
        Binding(keys: "d D", description: "next / previous data set"),
        Binding(keys: "n N", description: "noise down / up by 5"),
        Binding(keys: "t T", description: "training ratio down / up"),
        Binding(keys: "b B", description: "batch size down / up"),
        Binding(keys: "1 … 7", description: "toggle input feature"),
        Binding(keys: "[ ]", description: "hidden layer less / more"),
        Binding(keys: "- +", description: "one neuron less / more"),
        Binding(keys: "Tab S-Tab", description: "next / previous layer"),
        Binding(keys: "a A", description: "next / previous activation"),
        Binding(keys: "l L", description: "learning rate down / up"),
        Binding(keys: "e E", description: "regularization next / prev"),
        Binding(keys: "k K", description: "reg. rate down / up"),
        Binding(keys: "p", description: "classification/regression"),
        Binding(keys: "x", description: "show / hide test data"),
        Binding(keys: "z", description: "discretize output"),
        Binding(keys: "↑ ↓", description: "move focus between knobs"),
        Binding(keys: "← →  Enter", description: "change the focused knob"),
        Binding(keys: "mouse", description: "click knob: focus, change"),
        Binding(keys: "wheel", description: "on a knob: change it"),
        Binding(keys: "c", description: "TF Playground link to copy"),
        Binding(keys: "?", description: "this help"),
        Binding(keys: "Esc", description: "close help / link"),
        Binding(keys: "q  Ctrl-C", description: "quit"),
    ]

    /// The most useful keys, for the footer (the rest are on the help screen).
    public static let footerHints: [(key: String, label: String)] = [
        ("Space", "play"), ("s", "step"), ("r", "reset"), ("g", "new data"), ("d", "data"),
        ("n/N", "noise"), ("-/+", "neurons"), ("[/]", "layers"), ("a", "activation"),
        ("l/L", "rate"), ("1-7", "features"), ("↑↓←→", "knobs"), ("c", "link"),
    ]

    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .interrupt || key == .character("q") { return .quit }
        if state.overlay != nil {
            // An overlay takes every key: any of them closes it (the help key too).
            switch key {
            case .scroll: return nil
            default: return .dismiss
            }
        }
        switch key {
        case .character(let character): return action(for: character, in: state)
        case .tab: return .selectLayer(by: 1)
        case .backTab: return .selectLayer(by: -1)
        case .up: return .moveFocus(by: -1)
        case .down: return .moveFocus(by: 1)
        case .left: return .adjustFocused(by: -1)
        case .right, .enter: return .adjustFocused(by: 1)
        case .escape: return .dismiss
        case .click(let x, let y):
            guard let knob = state.layout.knob(atX: x, y: y) else { return nil }
            return knob == state.focus || knob.isToggle ? .adjust(knob, by: 1) : .focus(knob)
        case .scroll(let up, let x, let y):
            guard let knob = state.layout.knob(atX: x, y: y) else { return nil }
            return .adjust(knob, by: up ? 1 : -1)
        default: return nil
        }
    }

    static func action(for character: Character, in state: AppState) -> Action? {
        let layer = Knob.neurons(layer: state.selectedLayer)
        switch character {
        case " ": return .togglePlay
        case "s": return .step
        case "r": return .resetNetwork
        case "g": return .newData
        case "d": return .adjust(.dataset, by: 1)
        case "D": return .adjust(.dataset, by: -1)
        case "n": return .adjust(.noise, by: -1)
        case "N": return .adjust(.noise, by: 1)
        case "b": return .adjust(.batchSize, by: -1)
        case "B": return .adjust(.batchSize, by: 1)
        case "t": return .adjust(.trainingRatio, by: -1)
        case "T": return .adjust(.trainingRatio, by: 1)
        case "-", "_": return .adjust(layer, by: -1)
        case "+", "=": return .adjust(layer, by: 1)
        case "[": return .adjust(.hiddenLayers, by: -1)
        case "]": return .adjust(.hiddenLayers, by: 1)
        case "a": return .adjust(.activation, by: 1)
        case "A": return .adjust(.activation, by: -1)
        case "l": return .adjust(.learningRate, by: -1)
        case "L": return .adjust(.learningRate, by: 1)
        case "e": return .adjust(.regularization, by: 1)
        case "E": return .adjust(.regularization, by: -1)
        case "k": return .adjust(.regularizationRate, by: -1)
        case "K": return .adjust(.regularizationRate, by: 1)
        case "p": return .adjust(.problem, by: 1)
        case "x": return .adjust(.showTestData, by: 1)
        case "z": return .adjust(.discretize, by: 1)
        case "<", ",": return .changeSpeed(by: -1)
        case ">", ".": return .changeSpeed(by: 1)
        case "c": return .showLink
        case "?": return .toggleHelp
        case "1", "2", "3", "4", "5", "6", "7":
            let index = Int(String(character))! - 1
            return .adjust(.feature(Feature.allCases[index]), by: 1)
        default: return nil
        }
    }
}
