// Looking at a run's past (issue 18): scrubbing through the kept epochs, branching from one, rewinding to the same start.
import PlaygroundCore

/// What the keys and the loss chart do with the run's past (`Playground.history`).
public enum HistoryAction: Equatable, Sendable {
    /// `{`/`}` (one), PgUp/PgDn (ten), ←/→ or the wheel on the chart while in the past: this many
    /// kept epochs back (negative) or forward; forward past the newest is now.
    case step(by: Int)
    /// Home: the first kept epoch.
    case toStart
    /// End: back to now.
    case toNow
    /// A click on the loss chart: the kept epoch nearest this one.
    case jump(toEpoch: Int)
    /// `R`: continue from the first kept epoch with the very same weights and data.
    case rewind
}

/// The history's own actions; and, while looking at the past, a change to the run (Space, a
/// step, a setting that training reads, an edited weight) branches from the epoch on screen
/// first, then goes on as it would now. Nil lets `reduce` go on with the action.
func updateHistory(_ state: inout AppState, _ action: Action) -> Effect? {
    if case .history(let travel) = action {
        state.travel(travel)
        return .redraw
    }
    guard state.viewedEpoch != nil, state.branches(on: action) else { return nil }
    state.branchFromViewedEpoch()
    // Space plays on from there, keeping the line that says so (unless the batch never fills).
    if action == .togglePlay, state.isShown(.control(.playButton)) {
        state.isPlaying = true
        if let warning = state.batchWarning { state.status = warning }
        return .redraw
    }
    return nil
}

extension AppState {
    /// The screen shows a kept epoch of the past, not the run as it is now.
    public var isInThePast: Bool { viewedEpoch != nil }

    /// Kept epochs whose losses are measured, at most, when the run is left as a ghost (so its
    /// curve covers the epochs trained between two frames too): a forward pass over the data each.
    static let ghostMeasureLimit = 1024

    /// Moves the epoch on screen. Going into the past pauses training; arriving at the newest
    /// kept epoch is now again.
    mutating func travel(_ action: HistoryAction) {
        let history = playground.history
        status = nil
        guard let latest = history.latest else {
            status = "no past is kept for this run"
            return
        }
        let target: Int?
        switch action {
        case .step(let steps): target = history.keptEpoch(from: viewedEpoch ?? latest, steps: steps)
        case .toStart: target = history.start
        case .toNow: target = latest
        case .jump(let epoch): target = history.nearest(to: epoch)
        case .rewind:
            rewind()
            return
        }
        guard let target else { return }
        if target < latest { isTraining = false }
        viewedEpoch = target < latest ? target : nil
    }

    /// True for an action that changes the run from where it is: Space, a step, a setting that
    /// training reads (not the speed, the test points or the discretized picture), a weight typed.
    func branches(on action: Action) -> Bool {
        func trains(_ knob: Knob) -> Bool {
            switch knob {
            case .speed, .showTestData, .discretize: false
            default: true
            }
        }
        switch action {
        case .togglePlay, .step, .beginEdit, .setParameter: return true
        case .adjust(let knob, _): return trains(knob)
        case .adjustFocused: return trains(focus)
        default: return false
        }
    }

    /// Continues from the epoch on screen: the playground becomes that epoch's (network and
    /// training state), the run after it stays in the chart as a ghost, the loss records after it go.
    mutating func branchFromViewedEpoch() {
        guard let epoch = viewedEpoch else { return }
        viewedEpoch = nil
        branch { (playground: inout Playground) throws(HistoryError) in try playground.branch(fromKept: epoch) }
        status = "continued from epoch \(Format.grouped(epoch)): the run after it stays as a ghost"
    }

    /// `R`: back to the first kept epoch (epoch 0 of a run recorded from its start): the very same
    /// weights and data, so a change of setting can be compared from the same start.
    mutating func rewind() {
        viewedEpoch = nil
        guard let start = playground.history.start else {
            status = "no past is kept for this run"
            return
        }
        branch { (playground: inout Playground) throws(HistoryError) in try playground.rewindToStart() }
        status = "back to epoch \(Format.grouped(start)) with the same weights and data (\(KeyMap.key(for: .resetNetwork)) draws new ones)"
    }

    /// Measures the left run's unmeasured epochs (its ghost's curve), applies `move`, then keeps
    /// the loss records up to the epoch the playground is at and records its losses.
    private mutating func branch(_ move: (inout Playground) throws(HistoryError) -> Void) {
        let after = playground.history.unmeasuredEpochs.count
        playground.measureHistoryLosses(limit: min(after, AppState.ghostMeasureLimit))
        do {
            try move(&playground)
        } catch {
            status = error.description
            return
        }
        let epoch = playground.epoch
        var kept = LossHistory()
        for record in losses.records where record.epoch < epoch { kept.append(record) }
        losses = kept
        recordLosses()
    }

    /// After every action: the epoch on screen is one the history keeps (a rebuilt network, a
    /// branch or new data leave none), and the newest one is now.
    mutating func settleViewedEpoch() {
        guard let epoch = viewedEpoch else { return }
        let history = playground.history
        if !history.contains(epoch) || epoch >= (history.latest ?? epoch) { viewedEpoch = nil }
    }
}

/// The run's past as the frame shows it: the epoch on screen with its losses, the newest kept
/// epoch, and the loss curves of the runs left by branching (ghosts).
public struct Timeline: Equatable, Sendable {
    /// The epoch on screen and both losses there; nil when the screen shows now.
    public var viewed: LossHistory.Record?
    /// The newest kept epoch: the run as it is now.
    public var now: Int = 0
    /// Each ghost's losses, oldest ghost first.
    public var ghosts: [[LossHistory.Record]] = []

    public init() {}

    /// The timeline of `state`; `past` is the playground at the viewed epoch (built once by the frame).
    init(_ state: AppState, past: Playground?) {
        let history = state.playground.history
        now = history.latest ?? state.playground.epoch
        ghosts = history.ghosts.map { ghost in
            ghost.losses.map { LossHistory.Record(epoch: $0.epoch, training: $0.training, test: $0.test) }
        }
        if let past {
            let point = history.measuredLosses(at: past.epoch)
                ?? History.LossPoint(epoch: past.epoch, training: past.trainingLoss(), test: past.testLoss())
            viewed = LossHistory.Record(epoch: point.epoch, training: point.training, test: point.test)
        }
    }
}
