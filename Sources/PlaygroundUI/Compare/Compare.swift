// The comparison mode's model: one setting's values, each a run trained in lockstep.
import PlaygroundCore

/// One run of a comparison: the setting's value, its own playground (the base state with that
/// value, from the same seed: the same data and, where the shapes agree, the same first
/// weights), its losses, and where it stopped.
public struct CompareRun: Equatable, Sendable {
    /// The value as the state key writes it.
    public var value: String
    public var playground: Playground
    /// Both losses per trained frame, from epoch 0.
    public var losses = LossHistory()
    /// The first epoch whose test loss was at most the target (nil: not reached, or no target).
    public var reachedTargetAt: Int?

    init(value: String, playground: Playground) {
        self.value = value
        self.playground = playground
        record()
    }

    var epoch: Int { playground.epoch }
    var testLoss: Double { losses.last?.test ?? .nan }
    /// A loss is NaN or ±∞: the run trains no further.
    var hasDiverged: Bool { losses.last.map { !$0.training.isFinite || !$0.test.isFinite } ?? false }

    mutating func record() {
        losses.append(LossHistory.Record(epoch: playground.epoch, training: playground.trainingLoss(), test: playground.testLoss()))
    }
}

/// The comparison (`X`): the runs of one setting's values, the one the cursor is on, whether the
/// lockstep training runs, and the epochs owed but not yet shared out.
public struct Compare: Equatable, Sendable {
    public var setting: CompareSetting
    /// The state the runs start from (the playground's when the comparison opened).
    public var base: PlaygroundState
    /// The playground's own points (drawn or loaded), which every run trains on; nil: the data set.
    var points: [Example]?
    public var runs: [CompareRun] = []
    /// The run the cursor is on (Enter makes it the playground's, `-` drops it).
    public var selected = 0
    /// Space: the runs train, all the same number of epochs each frame.
    public var isRunning = false
    /// Epochs of the app's pace not yet shared out (fewer than one per run).
    var owed = 0

    /// Opens on `setting`'s values around the base state's own.
    init(setting: CompareSetting, base: PlaygroundState, points: [Example]?) {
        self.setting = setting
        self.base = base
        self.points = points
        for value in setting.initialValues(around: base) { if let run = makeRun(value) { runs.append(run) } }
        selected = runs.firstIndex { $0.value == setting.value(of: base) } ?? 0
    }

    /// A run of `value` from epoch 0: the base state with the value (`SweepPlan`, one run per
    /// setting with the seed its state has), on the same data.
    func makeRun(_ value: String) -> CompareRun? {
        guard let plan = try? SweepPlan(base: base, variations: [(key: setting.key, values: [value])], seeding: .asGiven) else {
            return nil
        }
        return CompareRun(value: value, playground: Playground(state: plan.run(0).state, points: points))
    }

    /// The epoch of the lockstep: the most any run has trained.
    public var epoch: Int { runs.map(\.epoch).max() ?? 0 }

    /// The values used, in the candidates' order.
    var values: [String] { runs.map(\.value) }
}

extension AppState {
    /// The comparison, while it is open.
    public var compare: Compare? {
        get { mode.find { if case .compare(let compare, _) = $0 { compare } else { nil } } }
        set {
            if let newValue {
                if let replaced = mode.replacing({ if case .compare(_, let under) = $0 { .compare(newValue, under: under) } else { nil } }) {
                    mode = replaced
                } else {
                    mode = .compare(newValue, under: mode)
                }
            } else {
                mode = mode.removing { if case .compare = $0 { true } else { false } }
            }
        }
    }
}
