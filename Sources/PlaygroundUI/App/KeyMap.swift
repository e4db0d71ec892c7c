// The key table: keys to actions (with the settings' rows), read by the help, the footer, the README check.
import PlaygroundCore

/// The one table of key bindings. It maps keys to actions, and the help screen, the footer, the
/// man page and the tests (against the README's key tables) all read it: a new binding is one
/// row here, or, for a setting, in its `Setting` row (`SettingTable` joins them).
public enum KeyMap {
    /// Every binding, in the order the help screen and the README list them: `leading`, the
    /// settings' keys (each `Setting` row's), then `trailing`. Within a context the first binding
    /// whose action is not nil wins; `any key` comes after every other binding.
    public static var bindings: [KeyBinding] { SettingTable.standard.bindings }

    /// The bindings before the settings': playing, stepping, the data, the speed.
    static let leading: [KeyBinding] = [
        // The playground
        .init(.playground, ["Space": .togglePlay], "play / pause", in: [.normal, .inspecting, .drawing, .compare], control: .playButton,
              footer: .init("play", 1, whilePlaying: "pause", in: [.normal, .inspecting, .compare])),
        .init(.playground, ["s": .step], "one epoch", control: .stepButton, footer: .init("step", 2)),
        .init(.playground, ["r": .resetNetwork], "new weights, same data", control: .resetButton, footer: .init("reset", 3)),
        .init(.playground, ["g": .newData], "new data (new seed)", footer: .init("new data", 11)),
        .init(.playground, ["<": .changeSpeed(by: -1), ">": .changeSpeed(by: 1), ",": .changeSpeed(by: -1),
                            ".": .changeSpeed(by: 1)], "training speed down / up", in: [.normal, .inspecting, .compare],
              footer: .init("speed", 10, in: [.normal, .inspecting, .compare], keys: ["<", ">"])),
    ]

    /// The bindings after the settings': the rest of the playground's (with the help's and the
    /// link box's), then each mode's own table, in the order the help and the README list them.
    static let trailing: [KeyBinding] =
        playgroundKeys + Field.keys + Lessons.keys + Drawing.keys + PathEntry.keys + Question.keys + Compare.keys

    /// The playground's keys after the settings' (the playing field and the drawing mode take
    /// them; the help's and the link box's keys are among them, where the help lists them).
    static let playgroundKeys: [KeyBinding] = [
        // Beyond TF (issue 9): gradient health (the optimizer, β, loss and init are settings).
        .init(.playground, ["h": .toggleGradientPanel], "gradient health", footer: .init("gradients", 10)),
        // The run's past (issue 18, History/): scrub through the kept epochs, branch, rewind. Before
        // the knobs' mouse: the chart takes its clicks and the wheel over it.
        .init(.past, ["{": .history(.step(by: -1)), "}": .history(.step(by: 1))], "one kept epoch back/on",
              footer: .init("past", 18, in: [.normal], keys: ["{"])),
        .init(.past, ["PgUp": .history(.step(by: -10)), "PgDn": .history(.step(by: 10))], "ten kept epochs back/on"),
        .init(.past, ["Home": .history(.toStart), "End": .history(.toNow)], "first kept epoch / now"),
        .init(.past, ["click", "wheel"], "chart: go to the epoch", respond: TimeTravelView.chartMouseAction),
        .init(.past, ["R": .history(.rewind)], "rewind: same weights"),
        .init(.playground, ["↑": .moveFocus(by: -1), "↓": .moveFocus(by: 1), "←": .adjustFocused(by: -1),
                            "→": .adjustFocused(by: 1), "Enter": .adjustFocused(by: 1)], "focus / change a knob",
              in: [.normal], footer: .init("knobs", 16, in: [.normal], keys: ["↑", "↓", "←", "→"])),
        .init(.playground, ["click", "wheel"], "knob: focus, change", respond: knobMouseAction),
        .init(.playground, ["y": .toggleLogScale], "log scale on / off", in: [.normal, .inspecting, .compare], footer: .init("log scale", 15)),
        .init(.playground, ["c": .showLink], "TF Playground link", footer: .init("link", 9)),
        .init(.playground, ["j": .stepTarget(by: -1), "J": .stepTarget(by: 1)], "target loss down / up",
              in: [.normal, .inspecting, .compare]),
        .init(.playground, ["(": .stepEpochLimit(by: -1), ")": .stepEpochLimit(by: 1)], "epoch limit down / up",
              in: [.normal, .inspecting, .compare]),
        .init(.playground, ["#": .saveScreen], "save the screen (SVG)", in: [.normal, .inspecting, .lessons, .drawing, .compare],
              footer: .init("picture", 17, in: [.normal])),
        .init(.playground, ["o": .toggleLessons], "open the lessons", in: [.normal, .inspecting],
              footer: .init("lessons", 11)),
        .init(.playground, ["?": .toggleHelp], "this help", in: [.normal, .inspecting, .entry, .lessons, .drawing, .compare],
              footer: .init(pinned: "help", in: [.normal, .inspecting, .entry, .lessons, .drawing, .compare])),
        .init(.playground, ["Esc": .dismiss], "clear the message", in: [.normal]),
        .init(.playground, ["←": .scrollLink(.back), "→": .scrollLink(.forward), "h": .scrollLink(.back),
                            "l": .scrollLink(.forward)], "scroll the link", in: [.link]),
        .init(.playground, ["Home": .scrollLink(.start), "End": .scrollLink(.end)], "link: start / end", in: [.link]),
        .init(.playground, ["PgDn": .turnHelpPage(by: 1), "PgUp": .turnHelpPage(by: -1)], "help: next/prev page",
              in: [.overlay]),
        .init(.playground, ["any key"], "close help / link", in: [.overlay, .link]) { key, _ in
            if case .scroll = key { return nil }
            return .dismiss
        },
        .init(.playground, ["q": .requestQuit], "quit", in: [.normal, .inspecting, .overlay, .link, .tooSmall, .lessons, .drawing, .compare],
              footer: .init(pinned: "quit", in: [.normal, .inspecting, .lessons, .drawing, .compare])),
        .init(.playground, ["Ctrl-C": .quit], "quit, even typing", in: Set(KeyContext.allCases),
              footer: .init(pinned: "quit", in: [.entry, .lessonEntry, .pathEntry, .question])),
        // Your own data: the drawing mode and saving (the mode's own keys are below).
        .init(.playground, ["m": .toggleDrawing], "draw points: on/off", in: [.normal, .inspecting, .drawing],
              footer: .init("draw", 9, in: [.normal])),
        .init(.playground, ["S": .beginPathEntry(.saveSession), "P": .beginPathEntry(.saveData)], "save session / data",
              in: [.normal, .inspecting, .drawing], footer: .init("save", 6, in: [.drawing], keys: ["S", "P"])),

    ]

    /// The help screen lists the keys of the mode on screen: the playground's, or the lessons'.
    /// In the drawing mode it lists the mode's keys, the file-name line's and the question's.
    /// In the lessons, only the keys of the lesson on screen.
    static func isInHelp(_ binding: KeyBinding, of state: AppState) -> Bool {
        let mode: Set<KeyContext> = state.lessons != nil ? [.lessons, .lessonEntry] : state.compare != nil ? [.compare]
            : state.drawing != nil ? [.drawing, .pathEntry, .question] : [.normal, .inspecting, .entry, .overlay, .link]
        return !binding.contexts.isDisjoint(with: mode) && binding.isOffered(in: state)
    }

    /// The man page's KEYS: section by section, each binding's keys (ASCII names) and help text.
    /// `table`: the settings whose keys are listed (a test passes one with a made-up row).
    public static func manualKeys(_ table: SettingTable = .standard)
        -> [(section: KeyBinding.Section, rows: [(keys: String, help: String)])] {
        KeyBinding.Section.allCases.map { section in
            (section, table.bindings.filter { $0.section == section }.map { ($0.helpLabel(unicode: false), $0.help) })
        }
    }

    /// The lessons that step through a graph (1–3).
    static let graphLessons: Set<Lessons.Lesson> = Set(Lessons.Lesson.allCases.filter(\.isGraph))

    /// The characters the entry line takes: those `Entry.accepts`, digits first.
    static let entryCharacters: [Character] = {
        let printable = (33...126).compactMap(Unicode.Scalar.init).map(Character.init).filter(Entry.accepts)
        return printable.filter(\.isNumber) + printable.filter { !$0.isNumber }
    }()

    /// The action of `key` in `state`, from the first binding of the top mode's key table
    /// (`SettingTable.table(for: KeyContext(state))`) that takes it. The drawing mode takes its
    /// own keys first; any other key does what it does in the playground (its `.playground`
    /// section: the settings, saving, quitting).
    public static func action(for key: Key, in state: AppState) -> Action? {
        let context = KeyContext(state)
        if let action = action(for: key, in: state, context: context, sections: Set(KeyBinding.Section.allCases)) {
            return action
        }
        if context == .drawing { return action(for: key, in: state, context: .normal, sections: [.playground]) }
        return context == .normal ? whereKeyWorks(key) : nil
    }

    /// The name of the first key that makes `action` in `context` (for messages that name a key:
    /// "press ] to add one"), as the help writes it; "?" if no key does.
    public static func key(for action: Action, in context: KeyContext = .normal, unicode: Bool = true) -> String {
        let state = keyNameState
        for binding in bindings where binding.contexts.contains(context) {
            for pattern in binding.keys {
                guard case .key(let key) = pattern, binding.respond(key, state) == action else { continue }
                return pattern.name(unicode: unicode)
            }
        }
        return "?"
    }

    /// The state the fixed bindings are asked in by `key(for:)` (their action does not depend on it).
    private static let keyNameState = AppState(state: PlaygroundState(seed: "0.5"), capabilities: Capabilities(), width: 0, height: 0)

    /// The modes a key of another mode works in, by the key that opens them: a key that does
    /// nothing in the playground says where it does something instead of nothing at all.
    static let modes: [(context: KeyContext, name: String)] = [
        (.inspecting, "while inspecting (\(key(for: .toggleInspector)))"),
        (.drawing, "in the drawing mode (\(key(for: .toggleDrawing)))"),
        (.lessons, "in the lessons (\(key(for: .toggleLessons)))"),
    ]

    static func whereKeyWorks(_ key: Key) -> Action? {
        for mode in modes {
            let bound = bindings.contains { binding in
                binding.contexts.contains(mode.context) && binding.keys.contains { $0 != .anyKey && $0.matches(key) }
            }
            if bound, case .character = key { return .note("\(KeyPattern.key(key).name()) works \(mode.name)") }
        }
        return nil
    }

    static func action(for key: Key, in state: AppState, context: KeyContext, sections: Set<KeyBinding.Section>) -> Action? {
        for wildcard in [false, true] {
            for binding in state.settingTable.table(for: context) where sections.contains(binding.section) {
                for pattern in binding.keys where (pattern == .anyKey) == wildcard && pattern.matches(key) {
                    if let action = binding.respond(key, state) { return action }
                }
            }
        }
        return nil
    }

    /// The footer's hints for `state`, most useful first, and those pinned to the right edge.
    /// An open overlay keeps the footer of what is under it.
    static func footerHints(for state: AppState) -> (left: [KeyBinding], pinned: [KeyBinding]) {
        var context = KeyContext(state)
        if context == .overlay || context == .link {
            var under = state
            under.overlay = nil
            context = KeyContext(under)
        }
        // A control a classroom link hides is not offered in the footer (its key only says so).
        let hidden = state.playground.state.hiddenControls
        let shown = state.settingTable.bindings.filter { binding in
            guard let footer = binding.footer, footer.contexts.contains(context), binding.isOffered(in: state) else { return false }
            if let lessons = footer.lessons, let lesson = state.lessons?.lesson, !lessons.contains(lesson) { return false }
            return binding.control.map { !hidden.contains($0) } ?? true
        }
        let left = shown.enumerated().filter { !$0.element.footer!.isPinned }
            .sorted { ($0.element.footer!.priority, $0.offset) < ($1.element.footer!.priority, $1.offset) }
        return (left.map(\.element), shown.filter { $0.footer!.isPinned })
    }

    /// A click or the wheel on the settings: a data set's picture, a neuron count's `-`/`+`
    /// button, or a knob. A click on a picture chooses that data set (focuses the data-set knob
    /// when it is the current one); on a knob it focuses it, or changes it when it is already
    /// focused or is a switch; the wheel changes it.
    static func knobMouseAction(_ key: Key, _ state: AppState) -> Action? {
        let layout = state.layout
        switch key {
        case .click(let x, let y):
            if let dataset = layout.dataset(atX: x, y: y) {
                let sets = DatasetPicker.datasets(state.settings.problem)
                let steps = (sets.firstIndex(of: dataset) ?? 0) - (sets.firstIndex(of: state.settings.activeDataset) ?? 0)
                return steps == 0 ? .focus(.dataset) : .adjust(.dataset, by: steps)
            }
            if let button = layout.neuronButton(atX: x, y: y) { return .adjust(.neurons(layer: button.layer), by: button.delta) }
            guard let knob = layout.knob(atX: x, y: y) else { return nil }
            let isToggle = state.settingTable.row(of: knob)?.isToggle ?? false
            return knob == state.focus || isToggle ? .adjust(knob, by: 1) : .focus(knob)
        case .scroll(let up, let x, let y):
            return layout.knob(atX: x, y: y).map { .adjust($0, by: up ? 1 : -1) }
        default:
            return nil
        }
    }

    /// A click on the network drawing: a hidden or output node, or an edge, is selected.
    static func networkClickAction(_ key: Key, _ state: AppState) -> Action? {
        guard case .click(let x, let y) = key else { return nil }
        let layout = state.layout
        if let node = layout.diagram?.node(atX: x, y: y), node.layer > 0 {
            return .select(.node(layer: node.layer, node: node.node))
        }
        return NetworkView.edge(atX: x, y: y, state: state, layout: layout).map { .select($0) }
    }
}
