// The settings table: one row per hyperparameter (its state key, label, value, stepper, panel, keys, help, _hide control).
import PlaygroundCore

/// One setting the user steps: everything the app says about it, in one row. The state string
/// reads the row's Core key (`stateKey`, a `StateKey` of Core's table: how the value is parsed
/// and written, its default, what a change does); the knob panels read its label, value text,
/// panel and place (the row's order within its panel); the key map, the `?` pages, the footer,
/// the README check and the man page read its key bindings; a classroom link hides it through
/// its `hide` control. A new hyperparameter is its `StateKey` row in Core, its formula in Core,
/// and one row of `Setting.table` (see docs/ARCHITECTURE.md).
public struct Setting: Sendable {
    /// Where the row's knob is drawn: a line in one of the three panels, or on the network
    /// drawing (the input switches and the neuron counts).
    public enum Panel: Int, Sendable, CaseIterable { case data, network, display, drawing }

    /// The row's name: its knob's `rowName` (the Core key's name where there is one).
    public let name: String
    /// The Core `StateKey`s the setting writes (none for the speed, the app's own).
    public let stateKeys: [String]
    public let panel: Panel
    /// The knobs of the row in `state`, in focus order: one for most rows; one per member of a
    /// family (the inputs, the hidden layers); none while the row does not apply (β unless the
    /// optimizer uses it).
    let knobs: @Sendable (PlaygroundState) -> [Knob]
    let label: @Sendable (Knob) -> String
    /// The value as shown; nil for a switch (drawn as a check box from `isOn`).
    let value: @Sendable (Knob, AppState) -> String?
    let isOn: @Sendable (Knob, PlaygroundState) -> Bool
    /// Why a step does nothing now, said on the status line (nil: it acts).
    let refusal: @Sendable (Knob, AppState) -> String?
    /// The settings after one step of `delta` (±1), within the row's limits.
    let step: @Sendable (Knob, PlaygroundState, Int) -> PlaygroundState
    /// What a classroom link hides to take the knob off the screen (`<name>_hide`).
    let hide: @Sendable (Knob) -> Hideable?
    /// A switch: Enter, Left, Right and a click all flip it.
    public let isToggle: Bool
    /// Focused before the other knobs of its panel though drawn after them (the speed, as it
    /// always was: ↓ from β reaches it first).
    var focusLeads = false
    /// The row's keys: its help text and footer hint (none for the speed, whose keys are the
    /// app's, in `KeyMap`).
    public let bindings: [KeyBinding]

    /// A row of one family of knobs, every part given.
    init(name: String, stateKeys: [String], panel: Panel, knobs: @escaping @Sendable (PlaygroundState) -> [Knob],
         label: @escaping @Sendable (Knob) -> String, value: @escaping @Sendable (Knob, AppState) -> String?,
         isOn: @escaping @Sendable (Knob, PlaygroundState) -> Bool = { _, _ in false },
         refusal: @escaping @Sendable (Knob, AppState) -> String? = { _, _ in nil },
         step: @escaping @Sendable (Knob, PlaygroundState, Int) -> PlaygroundState,
         hide: @escaping @Sendable (Knob) -> Hideable?, isToggle: Bool, bindings: [KeyBinding]) {
        (self.name, self.stateKeys, self.panel, self.knobs, self.label, self.value) = (name, stateKeys, panel, knobs, label, value)
        (self.isOn, self.refusal, self.step, self.hide, self.isToggle, self.bindings) = (isOn, refusal, step, hide, isToggle, bindings)
    }

    /// A row of one knob: `keys` step it by their delta (`["n": -1, "N": 1]`); `help` is the
    /// help screen's text, followed by "by <unit>" when `helpNamesStep` and the stepper has one.
    public init(_ knob: Knob, key stateKey: String?, _ label: String, panel: Panel, value: (@Sendable (AppState) -> String?)? = nil,
                stepper: Stepper, keys: KeyValuePairs<KeyPattern, Int> = [:], help: String = "", helpNamesStep: Bool = false,
                footer: FooterHint? = nil, hide: Hideable? = nil, isToggle: Bool? = nil,
                shown: @escaping @Sendable (PlaygroundState) -> Bool = { _ in true },
                refusal: @escaping @Sendable (AppState) -> String? = { _ in nil }) {
        let text = helpNamesStep ? stepper.unit.map { help + " by \($0)" } ?? help : help
        let control: Control? = if case .control(let control) = hide { control } else { nil }
        let bindings: [KeyBinding] = keys.isEmpty ? [] : [
            KeyBinding(.playground, keys.map { ($0.key, Action.adjust(knob, by: $0.value)) }, text, control: control, footer: footer),
        ]
        self.init(name: knob.rowName, stateKeys: stateKey.map { [$0] } ?? [], panel: panel, knobs: { shown($0) ? [knob] : [] },
                  label: { _ in label }, value: { _, app in value?(app) }, isOn: { _, state in stepper.isOn?(state) ?? false },
                  refusal: { _, app in refusal(app) }, step: { _, state, delta in stepper.apply(state, delta) },
                  hide: { _ in hide }, isToggle: isToggle ?? (stepper.isOn != nil), bindings: bindings)
    }
}

/// How a setting steps: by units within a range, up and down a ladder, through choices, or a
/// switch that flips.
public struct Stepper: Sendable {
    public typealias Path<Value> = WritableKeyPath<PlaygroundState, Value> & Sendable
    let apply: @Sendable (PlaygroundState, Int) -> PlaygroundState
    /// A switch's state (nil: not a switch).
    let isOn: (@Sendable (PlaygroundState) -> Bool)?
    /// The step, for the help text ("noise down / up by 5"); nil when it is not a number.
    let unit: Int?

    /// Multiples of `unit`, clamped to `range` (`Knob.step`).
    public static func units(_ path: Path<Int>, _ unit: Int, within range: ClosedRange<Int>) -> Stepper {
        Stepper(apply: { state, delta in
            var new = state
            new[keyPath: path] = Knob.step(state[keyPath: path], by: delta, unit: unit, within: range)
            return new
        }, isOn: nil, unit: unit)
    }

    /// The next rung up or down (`Knob.ladder`).
    public static func ladder(_ path: Path<Double>, _ rungs: [Double]) -> Stepper {
        Stepper(apply: { state, delta in
            var new = state
            new[keyPath: path] = Knob.ladder(rungs, from: state[keyPath: path], by: delta)
            return new
        }, isOn: nil, unit: nil)
    }

    /// The next choice, wrapping around.
    public static func cycle<T: Equatable & Sendable>(_ path: Path<T>, _ choices: [T]) -> Stepper {
        Stepper(apply: { state, delta in
            var new = state
            new[keyPath: path] = PlaygroundUI.cycle(choices, from: state[keyPath: path], by: delta)
            return new
        }, isOn: nil, unit: nil)
    }

    /// A switch: any step flips it.
    public static func toggle(_ path: Path<Bool>) -> Stepper {
        Stepper(apply: { state, _ in
            var new = state
            new[keyPath: path].toggle()
            return new
        }, isOn: { $0[keyPath: path] }, unit: nil)
    }

    /// Any other rule.
    public static func rule(_ apply: @escaping @Sendable (PlaygroundState, Int) -> PlaygroundState) -> Stepper {
        Stepper(apply: apply, isOn: nil, unit: nil)
    }
}

/// A table of settings and the key bindings made with it: the app reads the one in its state
/// (`AppState.settingTable`), `standard` unless a test passes its own.
public struct SettingTable: Sendable, Equatable {
    public let rows: [Setting]
    /// `KeyMap`'s bindings with the rows' spliced in: the key map, the help and the footer read these.
    public let bindings: [KeyBinding]
    /// Each mode's key table: the bindings that name its context, in `bindings`' order (a mode's
    /// own keys are declared with it: `Field.keys`, `Lessons.keys`, `Drawing.keys`, ...; the
    /// shared ones, such as quit and help, name every mode they act in).
    private let tables: [KeyContext: [KeyBinding]]
    private let index: [String: Int]
    private let focusOrder: [Setting]
    /// Each panel's rows (index: `Panel.rawValue`).
    private let panelRows: [[Setting]]

    public static let standard = SettingTable(Setting.table)

    public init(_ rows: [Setting]) {
        self.rows = rows
        bindings = KeyMap.leading + rows.flatMap(\.bindings) + KeyMap.trailing
        let bindings = bindings
        tables = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { context in
            (context, bindings.filter { $0.contexts.contains(context) })
        })
        let group: [Setting.Panel: Int] = [.data: 0, .network: 1, .drawing: 1, .display: 2]
        func rank(_ row: (offset: Int, element: Setting)) -> (Int, Int, Int) {
            (group[row.element.panel]!, row.element.focusLeads ? 0 : 1, row.offset)
        }
        focusOrder = rows.enumerated().sorted { rank($0) < rank($1) }.map(\.element)
        panelRows = Setting.Panel.allCases.map { panel in rows.filter { $0.panel == panel } }
        index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element.name, $0.offset) })
    }

    /// Two tables are the same when they have the same rows by name (rows are made once, in code).
    /// The key table of the mode whose keys are `context`'s.
    public func table(for context: KeyContext) -> [KeyBinding] { tables[context] ?? [] }

    public static func == (a: SettingTable, b: SettingTable) -> Bool {
        a.rows.count == b.rows.count && !zip(a.rows, b.rows).contains { $0.name != $1.name }
    }

    /// The row of a knob (nil for a knob of no row in this table).
    public func row(of knob: Knob) -> Setting? { index[knob.rowName].map { rows[$0] } }

    /// Every knob of `state` in focus order, less those a classroom link hides: as the screen
    /// shows them, the data panel, then the network (its panel and the drawing's knobs in the
    /// rows' order), then the display panel.
    public func knobs(for state: PlaygroundState) -> [Knob] { SettingTable.shown(focusOrder, in: state) }

    /// The shown knobs of one panel, in their place (the rows' order). The layout asks on every
    /// update: the panels' rows are sorted out once, in `init`.
    public func knobs(in panel: Setting.Panel, for state: PlaygroundState) -> [Knob] {
        SettingTable.shown(panelRows[panel.rawValue], in: state)
    }

    private static func shown(_ rows: [Setting], in state: PlaygroundState) -> [Knob] {
        var knobs: [Knob] = []
        knobs.reserveCapacity(rows.count + 8)
        for row in rows {
            for knob in row.knobs(state) where !(row.hide(knob).map(state.isHidden) ?? false) { knobs.append(knob) }
        }
        return knobs
    }
}
