// The key table's row type (KeyBinding, KeyPattern, FooterHint) and the key context of a mode.
import PlaygroundCore

/// What the app is doing, which decides what a key does.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    /// The playground: keys change settings, the arrows move and change the focused knob.
    case normal
    /// A node or edge is selected: the arrows, Enter and Esc move around and edit the network.
    case inspecting
    /// A weight or bias is being typed: the entry line takes every key (`q` too).
    case entry
    /// The help screen is open: any key closes it.
    case overlay
    /// The link box is open: the arrows scroll the link, any other key closes the box.
    case link
    /// The terminal is below the minimum size: nothing is drawn to act on, only quitting acts.
    case tooSmall
    /// The lessons mode (`o`).
    case lessons
    /// A value or an expression is being typed in the lessons: the entry takes every character.
    case lessonEntry
    /// The drawing mode (`m`): its own keys first, then the playground's (`KeyMap.action`).
    case drawing
    /// A file name is being typed: the line takes every character.
    case pathEntry
    /// A yes/no question waits (overwrite a file, clear the points).
    case question
    /// Runs side by side (`X`).
    case compare

    /// The context of `state`: "too small" (nothing is shown to act on), else the mode on top.
    public init(_ state: AppState) {
        self = state.isTooSmall ? .tooSmall : KeyContext(state.mode)
    }

    /// The keys of `mode`, the one on top: the mode is the precedence.
    public init(_ mode: Mode) {
        switch mode {
        case .overlay(let overlay, _): self = overlay == .link ? .link : .overlay
        case .question: self = .question
        case .pathEntry: self = .pathEntry
        case .lessons(let lessons, _): self = lessons.entry != nil ? .lessonEntry : .lessons
        case .compare: self = .compare
        case .drawing: self = .drawing
        case .field(let field): self = field.entry != nil ? .entry : field.selection != nil ? .inspecting : .normal
        }
    }

    /// The keys of the playground proper, with or without a selection.
    public static let playing: Set<KeyContext> = [.normal, .inspecting]
}

/// What a binding listens to: one key, or the mouse anywhere (the binding's action decides by
/// the position), or any key that no other binding of the context takes. Written by name in the
/// table, in the help and in the README: `"d"`, `"Space"`, `"↑"`, `"Shift-Tab"`, `"click"`.
public enum KeyPattern: Hashable, Sendable, ExpressibleByStringLiteral {
    case key(Key)
    case click
    case wheel
    case anyKey

    /// Keys with a name of their own (every other key is its character): the name the help and
    /// the footer show, the ASCII one, and any longer spelling the README may use.
    static let names: [(key: Key, name: String, ascii: String, spelled: String?)] = [
        (.character(" "), "Space", "Space", nil), (.enter, "Enter", "Enter", nil), (.escape, "Esc", "Esc", "Escape"),
        (.tab, "Tab", "Tab", nil), (.backTab, "S-Tab", "S-Tab", "Shift-Tab"), (.backspace, "Bksp", "Bksp", "Backspace"),
        (.up, "↑", "Up", nil), (.down, "↓", "Down", nil), (.left, "←", "Left", nil), (.right, "→", "Right", nil),
        (.pageUp, "PgUp", "PgUp", "Page Up"), (.pageDown, "PgDn", "PgDn", "Page Down"), (.home, "Home", "Home", nil),
        (.end, "End", "End", nil), (.interrupt, "Ctrl-C", "Ctrl-C", nil),
    ]

    /// The pattern with this name, or nil when no key has it.
    public init?(name: String) {
        switch name {
        case "click": self = .click
        case "wheel": self = .wheel
        case "any key": self = .anyKey
        default:
            if let named = Self.names.first(where: { [$0.name, $0.ascii, $0.spelled].contains(name) }) {
                self = .key(named.key)
            } else if name.count == 1, let scalar = name.unicodeScalars.first, scalar.value > 32, scalar.value < 127 {
                self = .key(.character(Character(scalar)))
            } else {
                return nil
            }
        }
    }

    /// A name the table writes; a typo stops the app at its first key (and every key test).
    public init(stringLiteral name: String) {
        guard let pattern = KeyPattern(name: name) else { preconditionFailure("no key is named \"\(name)\"") }
        self = pattern
    }

    /// The key of a digit, 0 to 9.
    public static func digit(_ value: Int) -> KeyPattern { .key(.character(Character(String(value)))) }

    public func matches(_ key: Key) -> Bool {
        switch (self, key) {
        case (.anyKey, _), (.click, .click), (.wheel, .scroll): true
        case (.key(let own), _): own == key
        default: false
        }
    }

    /// The name as the help screen, the footer and the README write it.
    public func name(unicode: Bool = true) -> String {
        switch self {
        case .click: return "click"
        case .wheel: return "wheel"
        case .anyKey: return "any key"
        case .key(let key):
            if let named = Self.names.first(where: { $0.key == key }) { return unicode ? named.name : named.ascii }
            if case .character(let character) = key { return String(character) }
            return "\(key)"
        }
    }

    /// The one printable character this pattern is, if it is one (for collapsing runs).
    var character: Unicode.Scalar? {
        guard case .key(.character(let character)) = self, character != " ",
              character.unicodeScalars.count == 1 else { return nil }
        return character.unicodeScalars.first
    }

    var isArrow: Bool { [.key(.up), .key(.down), .key(.left), .key(.right)].contains(self) }

    /// Keys as the help screen shows them: "d D", "1…7" for a run of three or more characters,
    /// "↑ ↓ ← →" ("arrows" in ASCII).
    public static func helpLabel(_ keys: [KeyPattern], unicode: Bool) -> String {
        parts(keys, unicode: unicode, range: unicode ? "…" : "..", arrowSeparator: " ").joined(separator: " ")
    }

    /// Keys as the footer shows them: "n/N" for two characters, "1-7", "↑↓←→", else spaced.
    public static func footerLabel(_ keys: [KeyPattern], unicode: Bool) -> String {
        let parts = parts(keys, unicode: unicode, range: "-", arrowSeparator: "")
        let twoCharacters = parts.count == 2 && keys.count == 2 && keys.allSatisfy { $0.character != nil }
        return parts.joined(separator: twoCharacters ? "/" : " ")
    }

    /// Names, with runs of consecutive characters collapsed and the four arrows as one part.
    static func parts(_ keys: [KeyPattern], unicode: Bool, range: String, arrowSeparator: String) -> [String] {
        var parts: [String] = []
        var index = 0
        while index < keys.count {
            if keys[index].isArrow {
                var end = index
                while end < keys.count, keys[end].isArrow { end += 1 }
                let arrows = keys[index..<end]
                parts.append(!unicode && arrows.count == 4 ? "arrows"
                             : arrows.map { $0.name(unicode: unicode) }.joined(separator: arrowSeparator))
                index = end
                continue
            }
            var end = index + 1
            while end < keys.count, let previous = keys[end - 1].character, let next = keys[end].character,
                  next.value == previous.value + 1 { end += 1 }
            if end - index >= 3 {
                parts.append(keys[index].name() + range + keys[end - 1].name())
            } else {
                end = index + 1
                parts.append(keys[index].name(unicode: unicode))
            }
            index = end
        }
        return parts
    }
}

/// A binding's place in the footer.
public struct FooterHint: Sendable {
    /// What the footer writes after the keys ("play", "noise").
    public let label: String
    /// What it writes instead while training runs ("pause" for Space); nil: `label`.
    public let playingLabel: String?
    /// Lower comes first, and stays longest on a narrow footer.
    public let priority: Int
    /// The footers that show it.
    public let contexts: Set<KeyContext>
    /// The keys it names (nil: all of the binding's).
    public let keys: [KeyPattern]?
    /// Drawn at the footer's right edge, always ("? help", "q quit").
    public let isPinned: Bool
    /// The lessons whose footer shows it (nil: wherever its binding is offered).
    public let lessons: Set<Lessons.Lesson>?

    public init(_ label: String, _ priority: Int, whilePlaying playingLabel: String? = nil,
                in contexts: Set<KeyContext> = KeyContext.playing, keys: [KeyPattern]? = nil,
                lessons: Set<Lessons.Lesson>? = nil) {
        self.label = label
        self.playingLabel = playingLabel
        self.priority = priority
        self.contexts = contexts
        self.keys = keys
        self.lessons = lessons
        isPinned = false
    }

    public init(pinned label: String, in contexts: Set<KeyContext>) {
        self.label = label
        playingLabel = nil
        priority = 0
        self.contexts = contexts
        keys = nil
        lessons = nil
        isPinned = true
    }

    /// The label for the footer now.
    public func label(isPlaying: Bool) -> String { isPlaying ? playingLabel ?? label : label }
}

/// One row of the key table: its keys, where they work, what they do, the help text, the footer.
public struct KeyBinding: Sendable {
    /// Where the README documents the binding (and where the help screen lists it).
    public enum Section: String, Sendable, CaseIterable {
        case playground = "## The playground"
        case network = "### Inside the network"
        case past = "### Back in time"
        case lessons = "### Keys in the lessons"
        case drawing = "### Keys for your own data"
        case compare = "### Keys for runs side by side"
    }

    public let section: Section
    public let keys: [KeyPattern]
    public let contexts: Set<KeyContext>
    /// The help screen's text.
    public let help: String
    /// The TF Playground control it changes, by TF's name for its `_hide` key ("noise",
    /// "playButton"), so that a classroom link hiding the control can say so.
    public let control: Control?
    public let footer: FooterHint?
    /// The lessons whose footer and help offer the binding (nil: all of them). Its key still
    /// acts elsewhere, to say where it does something.
    public let lessons: Set<Lessons.Lesson>?
    /// The action for a key that one of `keys` matches; nil lets a later binding have the key.
    let respond: @Sendable (Key, AppState) -> Action?

    public init(_ section: Section, _ keys: [KeyPattern], _ help: String, in contexts: Set<KeyContext> = KeyContext.playing,
                control: Control? = nil, footer: FooterHint? = nil, lessons: Set<Lessons.Lesson>? = nil,
                respond: @escaping @Sendable (Key, AppState) -> Action?) {
        self.section = section
        self.keys = keys
        self.contexts = contexts
        self.help = help
        self.control = control
        self.footer = footer
        self.lessons = lessons
        self.respond = respond
    }

    /// Keys that each make one fixed action.
    public init(_ section: Section, _ actions: [(KeyPattern, Action)], _ help: String,
                in contexts: Set<KeyContext> = KeyContext.playing, control: Control? = nil, footer: FooterHint? = nil,
                lessons: Set<Lessons.Lesson>? = nil) {
        self.init(section, actions.map(\.0), help, in: contexts, control: control, footer: footer, lessons: lessons) { key, _ in
            actions.first { $0.0.matches(key) }?.1
        }
    }

    public init(_ section: Section, _ actions: KeyValuePairs<KeyPattern, Action>, _ help: String,
                in contexts: Set<KeyContext> = KeyContext.playing, control: Control? = nil, footer: FooterHint? = nil,
                lessons: Set<Lessons.Lesson>? = nil) {
        self.init(section, actions.map { ($0.key, $0.value) }, help, in: contexts, control: control, footer: footer,
                  lessons: lessons)
    }

    /// The binding is offered (footer, help) in the state's lesson, or the lessons are not open.
    func isOffered(in state: AppState) -> Bool {
        guard let lessons, let lesson = state.lessons?.lesson else { return true }
        return lessons.contains(lesson)
    }

    /// What `key` does through this binding in `state` (nil when the binding does not take it).
    public func action(for key: Key, in state: AppState) -> Action? {
        keys.contains { $0.matches(key) } ? respond(key, state) : nil
    }

    /// The keys as the help screen shows them.
    public func helpLabel(unicode: Bool) -> String { KeyPattern.helpLabel(keys, unicode: unicode) }

    /// The keys as the footer shows them.
    public func footerLabel(unicode: Bool) -> String { KeyPattern.footerLabel(footer?.keys ?? keys, unicode: unicode) }
}
