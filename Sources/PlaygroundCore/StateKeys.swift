/// The one table of state keys, as TF's `state.ts` keeps its `PROPS`: each key's name, how it
/// reads and writes its value, what it accepts, and what changing it does to a running
/// playground. Parsing (`PlaygroundState.parse`), writing (`serialized`) and
/// `Playground.Change` all read this table and nothing else, so a new key is one line here and
/// must say what its change does.

extension Playground {
    /// What a change of state does to the running playground, from least to most: TF's handler
    /// for each control either applies the new value (`live`), calls `reset()` (`newNetwork`),
    /// or calls `generateData()` and `reset()` (`newData`).
    public enum Change: Int, Comparable, Sendable {
        /// Nothing rebuilt: the learning rate, or a display setting.
        case live
        /// The network is rebuilt on the same data.
        case newNetwork
        /// New data from the (new) seed and a new network.
        case newData

        /// The largest change among the keys whose written values differ (`live` when none).
        public init(from old: PlaygroundState, to new: PlaygroundState) {
            self = StateKey.every
                .filter { $0.write(old) != $0.write(new) }
                .map(\.change)
                .max() ?? .live
        }

        public static func < (a: Change, b: Change) -> Bool { a.rawValue < b.rawValue }
    }
}

/// One key of the state string.
public struct StateKey: Sendable {
    public let name: String
    /// What changing the key's value does (TF's handler for its control).
    public let change: Playground.Change
    /// The values the key accepts, as a refusal says them; nil when any text is accepted.
    public let accepts: String?
    /// TF reads an empty (or blank) value as "not given" and keeps the default, except for
    /// `networkShape`, where empty means no hidden layer.
    var readsEmpty = false
    /// Sets the key's value in a state from its text; false when the text is refused.
    let read: @Sendable (inout PlaygroundState, String) -> Bool
    /// The value as TF writes it; nil when TF leaves the key out (it writes no null value:
    /// `regularization` none, `tutorial` unset, a `_hide` key the link did not give).
    public let write: @Sendable (PlaygroundState) -> String?

    /// The value a state with TF's defaults writes (nil: left out).
    public var defaultValue: String? { write(PlaygroundState(seed: "")) }
}

// MARK: - The table

extension StateKey {
    /// TF's keys in TF's order (`PROPS`), then the keys beyond TF: the order they are written in.
    public static let table: [StateKey] = [
        choice("activation", \.activation, among: Activation.allCases, change: .newNetwork),
        choice("regularization", \.regularization, among: Regularization.allCases, unwritten: Regularization.none,
               change: .newNetwork),
        integer("batchSize", \.batchSize, in: PlaygroundState.batchSizes, change: .newNetwork),
        choice("dataset", \.dataset, among: Dataset.classification, change: .newData),
        choice("regDataset", \.regDataset, among: Dataset.regression, change: .newData),
        number("learningRate", \.learningRate, positive: true, change: .live),
        // TF's handler calls reset(): a new rate rebuilds the network.
        number("regularizationRate", \.regularizationRate, positive: false, change: .newNetwork),
        integer("noise", \.noise, in: PlaygroundState.noiseRange, change: .newData),
        shape("networkShape", \.networkShape, change: .newNetwork),
        text("seed", \.seed, change: .newData),
        bool("showTestData", \.showTestData, change: .live),
        bool("discretize", \.discretize, change: .live),
        integer("percTrainData", \.percTrainData, in: PlaygroundState.trainingPercentRange, change: .newData),
        feature(.x, change: .newNetwork),
        feature(.y, change: .newNetwork),
        feature(.xTimesY, change: .newNetwork),
        feature(.xSquared, change: .newNetwork),
        feature(.ySquared, change: .newNetwork),
        // TF's cosine keys are kept and written, but never feed the network.
        bool("cosX", \.cosX, change: .live),
        feature(.sinX, change: .newNetwork),
        bool("cosY", \.cosY, change: .live),
        feature(.sinY, change: .newNetwork),
        bool("collectStats", \.collectStats, change: .live),
        optionalText("tutorial", \.tutorial, change: .live),
        choice("problem", \.problem, among: Problem.allCases, change: .newData),
        bool("initZero", \.initZero, change: .newNetwork),
        bool("hideText", \.hideText, change: .live),
        // Beyond TF, after its keys and written only when not the default. A new optimizer, loss
        // or initialisation rebuilds the network (its optimizer state or first draw would mean
        // something else); β applies from the next update, as the learning rate does.
        choice("optimizer", \.optimizer, among: Optimizer.Kind.allCases, unwritten: .sgd, change: .newNetwork),
        fraction("momentum", \.momentum, unwritten: Optimizer.defaultMomentum, change: .live),
        choice("loss", \.loss, among: Loss.allCases, unwritten: .square, change: .newNetwork),
        choice("init", \.initialization, among: Initialization.allCases, unwritten: .tf, change: .newNetwork),
    ]

    /// The classroom keys, written after the regular ones. They arrive only with a link (TF
    /// reloads the page for one); a hidden input changes the network's inputs, so it rebuilds
    /// the network as a feature switch does; a hidden control only changes what is shown.
    public static let classroom: [StateKey] = Hideable.allCases.map { item in
        switch item {
        case .input: hide(item, change: .newNetwork)
        case .control: hide(item, change: .live)
        }
    }

    /// This program's own keys, written after TF's: TF ignores keys it does not know.
    public static let own: [StateKey] = [
        choice("data", \.data, among: DataOrigin.allCases, unwritten: DataOrigin.builtIn, change: .newData),
    ]

    /// Every key: the regular ones, the classroom ones, then this program's own.
    public static let every = table + classroom + own

    /// The key of this name, if there is one.
    public static func named(_ name: String) -> StateKey? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: every.map { ($0.name, $0) })
}

// MARK: - Kinds of entries

extension StateKey {
    public typealias Path<Value> = WritableKeyPath<PlaygroundState, Value> & Sendable

    public static func bool(_ name: String, _ path: Path<Bool>, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change, accepts: "true or false",
                 read: { state, text in store(StateValue.bool(text), at: path, in: &state) },
                 write: { String($0[keyPath: path]) })
    }

    /// A feature switch (`x`, `sinY`): on when its value is true.
    public static func feature(_ feature: Feature, change: Playground.Change) -> StateKey {
        StateKey(name: feature.rawValue, change: change, accepts: "true or false",
                 read: { state, text in
                     guard let on = StateValue.bool(text) else { return false }
                     if on { state.features.insert(feature) } else { state.features.remove(feature) }
                     return true
                 },
                 write: { String($0.features.contains(feature)) })
    }

    /// One of `choices` by raw value; `unwritten` is TF's null, left out when writing.
    public static func choice<T: RawRepresentable & Equatable & Sendable>(
        _ name: String, _ path: Path<T>, among choices: [T], unwritten: T? = nil, change: Playground.Change
    ) -> StateKey where T.RawValue == String {
        StateKey(name: name, change: change, accepts: "one of " + choices.map(\.rawValue).joined(separator: ", "),
                 read: { state, text in store(choices.first { $0.rawValue == text }, at: path, in: &state) },
                 write: { state in
                     let value = state[keyPath: path]
                     return value == unwritten ? nil : value.rawValue
                 })
    }

    public static func integer(_ name: String, _ path: Path<Int>, in range: ClosedRange<Int>, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change, accepts: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                 read: { state, text in store(StateValue.integer(text, in: range), at: path, in: &state) },
                 write: { String($0[keyPath: path]) })
    }

    /// A number written as JavaScript writes it; `positive` refuses 0.
    public static func number(_ name: String, _ path: Path<Double>, positive: Bool, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change,
                 accepts: positive ? "a number greater than 0 (e.g. 0.03)" : "a number of at least 0 (e.g. 0.001)",
                 read: { state, text in store(StateValue.number(text, positive: positive), at: path, in: &state) },
                 write: { NumberFormat.javaScript($0[keyPath: path]) })
    }

    /// A number in [0, 1) written as JavaScript writes it, left out when it is `unwritten`.
    public static func fraction(_ name: String, _ path: Path<Double>, unwritten: Double, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change, accepts: "a number from 0 up to but not including 1 (e.g. 0.9)",
                 read: { state, text in
                     let value = StateValue.number(text, positive: false).flatMap { $0 < 1 ? $0 : nil }
                     return store(value, at: path, in: &state)
                 },
                 write: { state in
                     let value = state[keyPath: path]
                     return value == unwritten ? nil : NumberFormat.javaScript(value)
                 })
    }

    public static func shape(_ name: String, _ path: Path<[Int]>, change: Playground.Change) -> StateKey {
        let layers = PlaygroundState.hiddenLayerRange, neurons = PlaygroundState.neuronRange
        return StateKey(name: name, change: change,
                        accepts: "comma-separated neuron counts, \(layers.upperBound) layers at most of "
                            + "\(neurons.lowerBound) to \(neurons.upperBound) neurons each (e.g. 4,2; empty for none)",
                        readsEmpty: true,
                        read: { state, text in store(StateValue.shape(text), at: path, in: &state) },
                        write: { $0[keyPath: path].map(String.init).joined(separator: ",") })
    }

    public static func text(_ name: String, _ path: Path<String>, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change, accepts: textAccepts,
                 read: { state, text in store(safeText(text), at: path, in: &state) },
                 write: { $0[keyPath: path] })
    }

    /// Text that may be unset (TF's null): left out when unset.
    public static func optionalText(_ name: String, _ path: Path<String?>, change: Playground.Change) -> StateKey {
        StateKey(name: name, change: change, accepts: textAccepts,
                 read: { state, text in
                     guard let text = safeText(text) else { return false }
                     state[keyPath: path] = text
                     return true
                 },
                 write: { $0[keyPath: path] })
    }

    /// `<name>_hide`: written (`true` or `false`) only when the link gave it.
    static func hide(_ item: Hideable, change: Playground.Change) -> StateKey {
        StateKey(name: item.key, change: change, accepts: "true or false",
                 read: { state, text in
                     guard let hidden = StateValue.bool(text) else { return false }
                     state.setHidden(item, hidden)
                     return true
                 },
                 write: { state in state.hideSettings.first { $0.item == item }.map { String($0.hidden) } })
    }

    /// Free text (`seed`, `tutorial`) is any text without a code point `UserText.isUnsafe` names:
    /// a browser percent-encodes those in a link, so a TF link never holds them raw, and a value
    /// with them could reach a terminal (a printed link, the clipboard) as a command.
    static let textAccepts = "text without control characters"

    static func safeText(_ text: String) -> String? {
        text.unicodeScalars.contains(where: UserText.isUnsafe) ? nil : text
    }

    /// Stores a read value; false when there is none (the text was refused).
    private static func store<T>(_ value: T?, at path: Path<T>, in state: inout PlaygroundState) -> Bool {
        guard let value else { return false }
        state[keyPath: path] = value
        return true
    }
}
