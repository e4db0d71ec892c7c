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
        Binding(keys: "i", description: "inspect network / stop"),
        Binding(keys: "arrows (i)", description: "move between nodes"),
        Binding(keys: "w W", description: "next / prev. link into it"),
        Binding(keys: "Enter (i)", description: "type new weight / bias"),
        Binding(keys: "click net", description: "inspect node / link"),
        Binding(keys: "c", description: "TF Playground link to copy"),
        Binding(keys: "?", description: "this help"),
        Binding(keys: "Esc", description: "back / close help, link"),
        Binding(keys: "q  Ctrl-C", description: "quit"),
    ]

    /// The most useful keys, for the footer (the rest are on the help screen).
    public static let footerHints: [(key: String, label: String)] = [
        ("Space", "play"), ("s", "step"), ("i", "inspect"), ("r", "reset"), ("g", "new data"), ("d", "data"),
        ("n/N", "noise"), ("-/+", "neurons"), ("[/]", "layers"), ("a", "activation"),
        ("l/L", "rate"), ("1-7", "features"), ("↑↓←→", "knobs"), ("c", "link"),
    ]

    /// While inspecting: the keys that move and edit.
    public static let inspectorHints: [(key: String, label: String)] = [
        ("↑↓←→", "move"), ("w/W", "links"), ("Enter", "edit"), ("Esc", "back"), ("Space", "play"), ("s", "step"),
    ]

    /// While typing a value: the entry's keys.
    public static let entryHints: [(key: String, label: String)] = [
        ("Enter", "set"), ("Esc", "cancel"), ("0-9 - . e", "number"), ("Bksp", "delete"),
    ]

    /// The footer's hints for what the app is doing now.
    public static func hints(for state: AppState) -> [(key: String, label: String)] {
        state.entry != nil ? entryHints : (state.selection != nil ? inspectorHints : footerHints)
    }

    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .interrupt { return .quit }
        // While a value is typed every key goes to the entry line (q does not quit).
        if state.entry != nil { return entryAction(for: key) }
        if key == .character("q") { return .quit }
        if state.overlay != nil {
            // An overlay takes every key: any of them closes it (the help key too).
            switch key {
            case .scroll: return nil
            default: return .dismiss
            }
        }
        let inspecting = state.selection != nil
        switch key {
        case .character(let character): return action(for: character, in: state)
        case .tab: return .selectLayer(by: 1)
        case .backTab: return .selectLayer(by: -1)
        case .up: return inspecting ? .moveSelection(dx: 0, dy: -1) : .moveFocus(by: -1)
        case .down: return inspecting ? .moveSelection(dx: 0, dy: 1) : .moveFocus(by: 1)
        case .left: return inspecting ? .moveSelection(dx: -1, dy: 0) : .adjustFocused(by: -1)
        case .right: return inspecting ? .moveSelection(dx: 1, dy: 0) : .adjustFocused(by: 1)
        case .enter: return inspecting ? .beginEdit : .adjustFocused(by: 1)
        case .escape: return inspecting ? .select(nil) : .dismiss
        case .click(let x, let y):
            let layout = state.layout
            if let button = layout.neuronButton(atX: x, y: y) { return .adjust(.neurons(layer: button.layer), by: button.delta) }
            if let knob = layout.knob(atX: x, y: y) {
                return knob == state.focus || knob.isToggle ? .adjust(knob, by: 1) : .focus(knob)
            }
            if let node = layout.diagram?.node(atX: x, y: y), node.layer > 0 {
                return .select(.node(layer: node.layer, node: node.node))
            }
            return NetworkView.link(atX: x, y: y, state: state, layout: layout).map { .select($0) }
        case .scroll(let up, let x, let y):
            guard let knob = state.layout.knob(atX: x, y: y) else { return nil }
            return .adjust(knob, by: up ? 1 : -1)
        default: return nil
        }
    }

    /// Keys in the entry line: the characters of a number, Backspace, Enter, Esc; nothing else.
    static func entryAction(for key: Key) -> Action? {
        switch key {
        case .character(let character): return Entry.accepts(character) ? .typeInEntry(character) : nil
        case .backspace: return .deleteInEntry
        case .enter: return .commitEntry
        case .escape: return .cancelEntry
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
        case "i": return .toggleInspector
        case "w": return state.selection != nil ? .stepLink(by: 1) : nil
        case "W": return state.selection != nil ? .stepLink(by: -1) : nil
        case "?": return .toggleHelp
        case "1", "2", "3", "4", "5", "6", "7":
            let index = Int(String(character))! - 1
            return .adjust(.feature(Feature.allCases[index]), by: 1)
        default: return nil
        }
    }
}
