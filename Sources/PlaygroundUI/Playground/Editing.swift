// Typing a new weight or bias: the entry line and setting the value.
import PlaygroundCore

/// The entry line for a new weight or bias: what it changes and the text typed so far.
public struct Entry: Equatable, Sendable {
    public var target: Selection
    public var text: String
    /// Why the last Enter was refused (shown under the entry until the text changes).
    public var error: String?
    /// Training pauses while a value is typed and resumes after it if it was running.
    public var resumesPlaying: Bool

    public init(target: Selection, text: String = "", error: String? = nil, resumesPlaying: Bool = false) {
        self.target = target
        self.text = text
        self.error = error
        self.resumesPlaying = resumesPlaying
    }

    /// The characters a number can be typed with.
    static func accepts(_ character: Character) -> Bool { "0123456789-+.eE".contains(character) }

    /// The largest |value| an edit may set: beyond it tanh saturates and training only diverges.
    public static let limit = 100.0

    /// What is accepted, for messages.
    public static let accepted = "-100 to 100, e.g. 0.5"

    /// The value typed, or the message that refuses it (naming the input and what is accepted).
    public static func parse(_ text: String) -> Result<Double, EntryError> {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .failure(EntryError(message: "no number typed: want \(accepted)")) }
        guard let value = Double(trimmed), value.isFinite else {
            return .failure(EntryError(message: "\"\(trimmed)\" is not a number: want \(accepted)"))
        }
        guard abs(value) <= limit else {
            return .failure(EntryError(message: "\(trimmed) is too large: want \(accepted)"))
        }
        return .success(value)
    }
}

public struct EntryError: Error, Equatable, Sendable {
    public let message: String
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

extension AppState {
    /// The value the selection shows: a weight or a bias (nil for an input node).
    func value(of selection: Selection) -> Double? {
        let network = playground.network
        switch selection {
        case .node(let layer, let node):
            return layer == 0 ? nil : network.bias(layer: layer, node: node)
        case .edge(let layer, let node, let source):
            return network.weight(layer: layer, node: node, source: source)
        }
    }

    /// Enter on a selection: open the entry line for its bias or weight. An input has neither:
    /// Enter on one types the weight of its edge into the next layer's first node, which the
    /// entry line names. (Refusing it instead left the inspecting keys live, so the number the
    /// user went on to type toggled features and rebuilt the network.)
    mutating func beginEdit() {
        guard let selection, selection.exists(in: playground.network.sizes) else { return }
        var target = selection
        if case .node(0, let input) = selection {
            target = .edge(layer: 1, node: 0, source: input)
        }
        entry = Entry(target: target, resumesPlaying: isPlaying)
        isPlaying = false
        status = target == selection ? nil : "an input has no bias: this sets the weight of its first edge"
    }

    /// Enter in the entry line: set the value, or refuse it with a message and change nothing.
    mutating func commitEntry() {
        guard let entry else { return }
        switch Entry.parse(entry.text) {
        case .failure(let error):
            self.entry?.error = error.message
            status = error.message
        case .success(let value):
            self.entry = nil
            setParameter(entry.target, to: value)
            if entry.resumesPlaying && !hasDiverged { isPlaying = true }
        }
    }

    /// Esc in the entry line: nothing changes; training resumes if it ran before.
    mutating func cancelEntry() {
        guard let entry else { return }
        self.entry = nil
        status = nil
        if entry.resumesPlaying { isPlaying = true }
    }

    /// Sets a weight or a bias, then records the losses (the chart shows the jump); the pictures
    /// follow because the network changed. Training continues from the new value.
    mutating func setParameter(_ target: Selection, to value: Double) {
        guard target.exists(in: playground.network.sizes), value.isFinite else { return }
        switch target {
        case .node(let layer, let node):
            guard layer > 0 else { return }
            playground.setBias(value, layer: layer, node: node)
        case .edge(let layer, let node, let source):
            playground.setWeight(value, layer: layer, node: node, source: source)
        }
        selection = target
        status = Inspector.title(target, settings: settings, unicode: capabilities.unicode) + " set to "
            + Format.decimal(value, places: 3)
        recordLosses()
    }
}
