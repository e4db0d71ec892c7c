// The app's modes as one enum: which mode is on screen, each with its own sub-model.
import PlaygroundCore

/// What the app is doing. Exactly one mode is on top; a mode opened over another (a question,
/// a file name, the help, the lessons) keeps the one under it and gives it back when it closes.
/// Which keys act is the top mode's (`KeyContext(state)` reads it): precedence is this enum,
/// not an order of checks.
public indirect enum Mode: Equatable, Sendable {
    /// The playing field: settings, training; inspecting while `selection` is set, a value
    /// typed while `entry` is.
    case field(Field)
    /// The drawing mode (`m`): the crosshair and the class of new points.
    case drawing(Drawing)
    /// The lessons (`o`), over the mode they were opened from.
    case lessons(Lessons, under: Mode)
    /// Runs side by side (`X`): one setting's values trained in lockstep.
    case compare(Compare, under: Mode)
    /// A file name being typed (`S`, `P`, `O`).
    case pathEntry(PathEntry, under: Mode)
    /// A yes/no question waiting for its answer.
    case question(Question, under: Mode)
    /// The help screen or the link box, drawn over everything.
    case overlay(Overlay, under: Mode)

    public static let playing = Mode.field(Field())

    /// The mode this one was opened over (nil for the playing field and the drawing mode).
    public var under: Mode? {
        switch self {
        case .field, .drawing: nil
        case .lessons(_, let under), .compare(_, let under), .pathEntry(_, let under), .question(_, let under), .overlay(_, let under): under
        }
    }

    /// The playing field or the drawing mode at the bottom.
    public var base: Mode { under?.base ?? self }

    /// This mode over `new` instead of over what it was (the base modes have nothing under them).
    func over(_ new: Mode) -> Mode {
        switch self {
        case .field, .drawing: new
        case .lessons(let lessons, _): .lessons(lessons, under: new)
        case .compare(let compare, _): .compare(compare, under: new)
        case .pathEntry(let entry, _): .pathEntry(entry, under: new)
        case .question(let question, _): .question(question, under: new)
        case .overlay(let overlay, _): .overlay(overlay, under: new)
        }
    }

    /// Who trains on the run loop's tick: the lessons' race or the runs side by side while one
    /// of them is open (the higher one), else the playground.
    var trainer: Trainer {
        find {
            switch $0 {
            case .lessons(let lessons, _): .lessons(lessons)
            case .compare(let compare, _): .compare(compare)
            default: nil
            }
        } ?? .playground
    }

    enum Trainer {
        case lessons(Lessons)
        case compare(Compare)
        case playground
    }

    /// This mode as another keeps it under itself: a weight or bias being typed on the playing
    /// field is dropped (the field's own rule, so the mode opened over it needs no hand in it).
    var droppingTypedValue: Mode {
        replacing { if case .field(var field) = $0, field.entry != nil { field.entry = nil; return .field(field) } else { return nil } } ?? self
    }

    /// The first layer, from the top, that `extract` finds something in.
    func find<T>(_ extract: (Mode) -> T?) -> T? {
        extract(self) ?? under?.find(extract)
    }

    /// The mode without its first layer (from the top) that `matches`; the base stays.
    func removing(where matches: (Mode) -> Bool) -> Mode {
        guard let under else { return self }
        return matches(self) ? under : over(under.removing(where: matches))
    }

    /// The mode with its first layer that `transform` changes (from the top) changed.
    func replacing(_ transform: (Mode) -> Mode?) -> Mode? {
        if let changed = transform(self) { return changed }
        guard let under, let changed = under.replacing(transform) else { return nil }
        return over(changed)
    }
}

/// The playing field's own state: what is inspected, and the entry line for a new value.
public struct Field: Equatable, Sendable {
    /// The inspected node or edge (`i`, a click); nil shows the network's output.
    public var selection: Selection?
    /// The entry line for a new weight or bias, while one is typed.
    public var entry: Entry?

    public init(selection: Selection? = nil, entry: Entry? = nil) {
        self.selection = selection
        self.entry = entry
    }
}

extension AppState {
    /// The help screen or the link box, if one is on top.
    public var overlay: Overlay? {
        get { if case .overlay(let overlay, _) = mode { overlay } else { nil } }
        set {
            switch (newValue, mode) {
            case (let new?, .overlay(_, let under)): mode = .overlay(new, under: under)
            case (let new?, _): mode = .overlay(new, under: mode)
            case (nil, .overlay(_, let under)): mode = under
            case (nil, _): break
            }
        }
    }

    /// The yes/no question waiting, if one is.
    public var question: Question? {
        get { mode.find { if case .question(let question, _) = $0 { question } else { nil } } }
        set { setLayer(newValue.map { .question($0, under: .playing) }) { if case .question = $0 { true } else { false } } }
    }

    /// The file name being typed, if one is.
    public var pathEntry: PathEntry? {
        get { mode.find { if case .pathEntry(let entry, _) = $0 { entry } else { nil } } }
        set { setLayer(newValue.map { .pathEntry($0, under: .playing) }) { if case .pathEntry = $0 { true } else { false } } }
    }

    /// The lessons, while they are open.
    public var lessons: Lessons? {
        get { mode.find { if case .lessons(let lessons, _) = $0 { lessons } else { nil } } }
        set { setLayer(newValue.map { .lessons($0, under: .playing) }) { if case .lessons = $0 { true } else { false } } }
    }

    /// The drawing mode, while it is on (it takes the playing field's place).
    public var drawing: Drawing? {
        get { if case .drawing(let drawing) = mode.base { drawing } else { nil } }
        set { setBase(newValue.map(Mode.drawing) ?? .playing) }
    }

    /// The playing field's state (an empty one in the drawing mode).
    var field: Field {
        get { if case .field(let field) = mode.base { field } else { Field() } }
        set { if case .field = mode.base { setBase(.field(newValue)) } }
    }

    /// The inspected node or edge (`i`, a click); nil shows the network's output.
    public var selection: Selection? {
        get { field.selection }
        set { field.selection = newValue }
    }

    /// The entry line for a new weight or bias, while one is typed.
    public var entry: Entry? {
        get { field.entry }
        set { field.entry = newValue }
    }

    /// Puts `layer` in place of the layer of its kind (`isKind`), or on top when there is none
    /// (under an open overlay); nil removes the layer of that kind.
    private mutating func setLayer(_ layer: Mode?, isKind: (Mode) -> Bool) {
        guard let layer else {
            mode = mode.removing(where: isKind)
            return
        }
        if let replaced = mode.replacing({ isKind($0) ? layer.over($0.under!) : nil }) {
            mode = replaced
        } else if case .overlay(let overlay, let under) = mode {
            mode = .overlay(overlay, under: layer.over(under))
        } else {
            mode = layer.over(mode)
        }
    }

    /// Replaces the base mode (the playing field or the drawing mode), keeping the layers over it.
    private mutating func setBase(_ base: Mode) {
        mode = mode.replacing { $0.under == nil ? base : nil } ?? base
    }
}
