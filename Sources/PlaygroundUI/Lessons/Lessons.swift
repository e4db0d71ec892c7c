// The lessons mode's model: which lesson, its state (graph, neuron, race), its typing line, its actions.
import PlaygroundCore

/// The lessons mode: backpropagation on small graphs (1–3), inside a neuron of the network
/// (4), and gradient descent with its variations (5). While it is open the playground pauses
/// (its network stays as it was, so lesson 4 explains a fixed network) and resumes on leaving
/// if it was playing. While `raceRuns`, the run loop's frame ticks (`.train`, see
/// `AppState.isPlaying`) drive the race, and a paused race costs no CPU.
public struct Lessons: Equatable, Sendable {
    public enum Lesson: Int, CaseIterable, Sendable {
        case chain = 1, sigmoid, expression, neuron, descent

        /// The tab's name.
        public var tab: String {
            switch self {
            case .chain: "chain rule"
            case .sigmoid: "sigmoid neuron"
            case .expression: "expression"
            case .neuron: "a neuron"
            case .descent: "descent"
            }
        }

        public var isGraph: Bool { rawValue <= 3 }
    }

    public var lesson: Lesson = .chain
    public var chain = GraphLesson(lesson: .chain)
    public var sigmoid = GraphLesson(lesson: .sigmoid)
    public var sigmoidGate = GraphLesson(lesson: .sigmoidGate)
    /// Lesson 3 starts on an example of the expression language (`e` types another).
    public var custom = try! GraphLesson(expression: "x^2 + 3*x*y", values: "x=2, y=-1")
    /// Lesson 2 shows the sigmoid as one gate instead of its six.
    public var showsGateForm = false
    /// Numbers with every digit instead of the lecture's two significant figures (`p`).
    public var showsEveryDigit = false
    /// Lesson 4's node and training example.
    public var neuronLayer: Int
    public var neuronNode: Int
    public var point = 0
    public var race = OptimizerRace()
    /// The entry line(s), while a value or an expression is typed.
    public var entry: LessonEntry?
    /// The playground was playing when the lessons opened.
    public var resumesPlaying: Bool
    /// The race of lesson 5 runs.
    public var raceRuns = false

    public init(neuron: (layer: Int, node: Int), resumesPlaying: Bool) {
        neuronLayer = neuron.layer
        neuronNode = neuron.node
        self.resumesPlaying = resumesPlaying
    }

    /// The graph lesson on screen (nil in lessons 4 and 5); setting it writes it back.
    public var graphLesson: GraphLesson? {
        get {
            switch lesson {
            case .chain: chain
            case .sigmoid: showsGateForm ? sigmoidGate : sigmoid
            case .expression: custom
            case .neuron, .descent: nil
            }
        }
        set {
            guard let newValue else { return }
            switch lesson {
            case .chain: chain = newValue
            case .sigmoid: if showsGateForm { sigmoidGate = newValue } else { sigmoid = newValue }
            case .expression: custom = newValue
            case .neuron, .descent: break
            }
        }
    }

    /// The title line under the tabs.
    public var title: String {
        switch lesson {
        case .chain: AutogradLesson.chain.title
        case .sigmoid: (showsGateForm ? AutogradLesson.sigmoidGate : AutogradLesson.sigmoid).title
        case .expression: "Your expression: f = " + custom.expression
        case .neuron: "A neuron of your network, on one training example"
        case .descent: "Gradient descent: " + race.surface.title
        }
    }
}

/// The lines typed in the lessons: one variable's value, the value list, or an expression and
/// its values (Tab goes from one to the other).
public struct LessonEntry: Equatable, Sendable {
    public enum Field: Equatable, Sendable {
        case expression
        case values
        case variable(String)

        public var label: String {
            switch self {
            case .expression: "f = "
            case .values: "values: "
            case .variable(let name): name + " = "
            }
        }
    }

    public var fields: [Field]
    public var texts: [String]
    public var active = 0
    /// Why the last Enter was refused: the field, the 1-based column and the message.
    public var error: (field: Int, column: Int, message: String)?

    public init(_ fields: [(Field, String)]) {
        self.fields = fields.map(\.0)
        texts = fields.map(\.1)
    }

    public static func == (a: LessonEntry, b: LessonEntry) -> Bool {
        a.fields == b.fields && a.texts == b.texts && a.active == b.active && a.error?.field == b.error?.field
            && a.error?.column == b.error?.column && a.error?.message == b.error?.message
    }
}

/// What a key does in the lessons.
public enum LessonAction: Equatable, Sendable {
    /// 1–5.
    case choose(Lessons.Lesson)
    /// Tab / Shift-Tab.
    case nextLesson(by: Int)
    /// Space: the next step; in the race, run or pause.
    case space
    /// Arrows: step forward / back and choose a variable (graphs), choose a node (4), move the start (5).
    case arrow(dx: Int, dy: Int)
    /// Backspace: one step back.
    case back
    /// Home / End: to the first / last step; the race restarts / runs to its end.
    case toStart, toEnd
    /// Enter: type the selected variable's value.
    case editSelected
    /// `v`: type every value.
    case editValues
    /// `e`: type an expression (lesson 3).
    case editExpression
    /// `f`: lesson 2's other form.
    case switchForm
    /// `p`: the lecture's two significant figures / every digit.
    case precision
    /// `[` / `]`: the previous / next training example (lesson 4).
    case point(by: Int)
    /// `s`: one step of the race (or of the graph).
    case raceStep
    /// `l` / `L`: the race's learning rate down / up.
    case rate(by: Int)
    /// `m` / `M`: the next / previous surface.
    case surface(by: Int)
    /// Esc: back to the playground.
    case leave
    /// In the entry: a character, Backspace, Tab, Enter, Esc.
    case type(Character)
    case deleteCharacter
    case switchField
    case commit
    case cancel
}

/// The lessons' actions (`lessons`: the open ones), and the run loop's tick while they are on
/// screen (the race); nil for every other action (the mode under takes it).
func reduceLessons(_ state: inout AppState, _ lessons: Lessons, _ action: Action) -> Effect? {
    switch action {
    case .toggleLessons:
        state.closeLessons()
        return .redraw
    case .lesson(let lessonAction):
        state.status = nil
        state.applyLesson(lessonAction)
        return .redraw
    case .line(let edit) where lessons.entry != nil:
        state.keyArrived(action)
        let effect = state.editLine(edit)
        if effect == .redraw { state.followSelection() }
        return effect
    case .train(let epochs):
        guard epochs > 0 else { return [] }
        state.tickRace(epochs: epochs)
        return .redraw
    default:
        return nil
    }
}

extension Lessons {
    /// The name of the lessons' key for `action` (from the key table), for texts that name a key.
    static func key(_ action: LessonAction) -> String { KeyMap.key(for: .lesson(action), in: .lessons) }
}

extension AppState {
    /// Opens the lessons where they were left (the lesson, its step, the expression and the
    /// values), or on `lesson` the first time; the playground pauses until they close.
    public mutating func openLessons(at lesson: Lessons.Lesson? = nil) {
        var lessons = keptLessons ?? Lessons(neuron: lessonNodeFromSelection, resumesPlaying: false)
        if let lesson { lessons.lesson = lesson }
        lessons.resumesPlaying = isTraining
        // Lesson 4's node exists in the network as it is now.
        let sizes = playground.network.sizes
        lessons.neuronLayer = min(max(1, lessons.neuronLayer), sizes.count - 1)
        lessons.neuronNode = min(lessons.neuronNode, sizes[lessons.neuronLayer] - 1)
        lessons.point = min(lessons.point, max(0, playground.trainLabels.count - 1))
        status = nil
        isTraining = false
        // Over the mode they were opened from, without its help or link box and a value being typed.
        mode = mode.droppingTypedValue
        if case .overlay(_, let under) = mode { mode = under }
        if self.lessons != nil { self.lessons = lessons } else { mode = .lessons(lessons, under: mode) }
    }

    /// Back to the playground, playing again if it was; the lessons are kept as they are.
    mutating func closeLessons() {
        var kept = lessons
        kept?.raceRuns = false
        kept?.entry = nil
        keptLessons = kept
        let resume = lessons?.resumesPlaying ?? false
        lessons = nil
        status = nil
        isTraining = resume && !hasDiverged
    }

    /// A frame tick while the race runs: up to three steps (fewer at slow speeds, where the pacer
    /// sends fewer ticks), stopping at the race's end.
    mutating func tickRace(epochs: Int) {
        guard lessons?.raceRuns == true, lessons?.lesson == .descent else {
            lessons?.raceRuns = false
            return
        }
        lessons?.race.step(times: min(epochs, 3))
        if lessons?.race.isFinished ?? true {
            lessons?.raceRuns = false
            status = "the race ends at step \(OptimizerRace.maxSteps): \(Lessons.key(.toStart)) starts it again"
        }
    }
}
