// The comparison's actions and reducer: open, switch setting, move, pick, add, drop, train.
import PlaygroundCore

/// A key of the comparison (`X` opens it).
public enum CompareAction: Equatable, Sendable {
    /// `X`: open the comparison of the focused setting (activation when the focus is on none).
    case open
    /// Tab / Shift-Tab: the next or previous setting (the runs start again).
    case nextSetting(by: Int)
    /// ←/→: the cursor one run over.
    case moveCursor(by: Int)
    /// 1 … 9: the cursor on run n (from 1).
    case choose(Int)
    /// Enter: the run under the cursor becomes the playground's (its state and trained network).
    case pick
    /// `+`: one more value (the unused one nearest the playground's), trained up to the others.
    case addValue
    /// `-`: drop the run under the cursor.
    case dropValue
    /// Esc: back to the playground as it was.
    case leave
}

extension Compare {
    /// Trains the runs that have not stopped `epochs` epochs of the app's pace in all: each the
    /// same whole number (`owed` keeps the rest for the next frame), stopping each at the stop
    /// settings. Returns the message when every run has stopped.
    mutating func train(epochs: Int, stop: StopSettings) -> String? {
        let active = runs.indices.filter { !isStopped(runs[$0], stop) }
        guard !active.isEmpty else { return stoppedMessage(stop) }
        owed += epochs
        let each = owed / active.count
        guard each > 0 else { return nil }
        owed -= each * active.count
        for index in active { advance(index, epochs: each, stop: stop) }
        return runs.allSatisfy { isStopped($0, stop) } ? stoppedMessage(stop) : nil
    }

    /// Run `index` trained `epochs` epochs (fewer at a stop), its losses recorded.
    mutating func advance(_ index: Int, epochs: Int, stop: StopSettings) {
        let advance = stop.advance(&runs[index].playground, epochs: epochs, lastTestLoss: runs[index].testLoss,
                                   continuesPastTarget: false)
        if let reached = advance.reachedTargetAt { runs[index].reachedTargetAt = reached }
        if runs[index].losses.last?.epoch != runs[index].epoch { runs[index].record() }
    }

    /// The run reached the target or the epoch limit, or diverged (a loss not finite: it trains no further).
    func isStopped(_ run: CompareRun, _ stop: StopSettings) -> Bool {
        (stop.targetTestLoss != nil && run.reachedTargetAt != nil) || stop.epochLimit.map { run.epoch >= $0 } ?? false
            || run.hasDiverged
    }

    /// "every run stopped: 3 reached test loss 0.05, 5 at epoch limit 2,000".
    func stoppedMessage(_ stop: StopSettings) -> String {
        let reached = stop.targetTestLoss == nil ? 0 : runs.filter { $0.reachedTargetAt != nil }.count
        let diverged = runs.filter { $0.hasDiverged && ($0.reachedTargetAt == nil || stop.targetTestLoss == nil) }.count
        var parts: [String] = []
        if reached > 0 { parts.append("\(reached) reached test loss \(NumberFormat.javaScript(stop.targetTestLoss!))") }
        if runs.count - reached - diverged > 0, let limit = stop.epochLimit {
            parts.append("\(runs.count - reached - diverged) at epoch limit \(Format.grouped(limit))")
        }
        if diverged > 0 { parts.append("\(diverged) diverged") }
        return "every run stopped: " + parts.joined(separator: ", ")
    }

    /// After a new target: the epochs the runs reached it at are found again from their next
    /// frame on (a run already below it stops where it is).
    mutating func resumeAfterStopChange(_ stop: StopSettings) {
        for index in runs.indices { runs[index].reachedTargetAt = nil }
    }

    /// One more value, trained up to the lockstep's epoch (no further than the stop settings).
    mutating func addValue(stop: StopSettings) -> String {
        guard let value = setting.nextValue(around: base, besides: values) else {
            return runs.count >= CompareSetting.maxRuns ? "\(CompareSetting.maxRuns) runs at most: - drops one"
                : "every \(setting.title) is here"
        }
        guard let run = makeRun(value) else { return "\(setting.title) \(value): refused" }
        let epoch = self.epoch
        let order = setting.candidates(around: base)
        let position = runs.firstIndex { (order.firstIndex(of: $0.value) ?? 0) > (order.firstIndex(of: value) ?? 0) } ?? runs.count
        runs.insert(run, at: position)
        advance(position, epochs: epoch, stop: stop)
        selected = position
        return "added \(setting.title) \(setting.label(value))" + (epoch > 0 ? ", trained to epoch \(Format.grouped(runs[position].epoch))" : "")
    }
}

extension AppState {
    /// The comparison's actions (`compare`: the open one), Space, and the run loop's tick while
    /// it is on screen; nil for every other action (the mode under takes it).
    mutating func reduceCompare(_ compare: Compare, _ action: Action) -> Effect? {
        var compare = compare
        switch action {
        case .train(let epochs):
            guard epochs > 0, compare.isRunning else { return [] }
            if let message = compare.train(epochs: epochs, stop: stop) {
                compare.isRunning = false
                status = message
            }
        case .togglePlay:
            compare.isRunning.toggle()
            if compare.isRunning, compare.runs.allSatisfy({ compare.isStopped($0, stop) }) {
                compare.isRunning = false
                status = compare.stoppedMessage(stop) + " (j/J, ( ) change the stop)"
            }
        case .compare(let key):
            switch key {
            case .open: return .redraw
            case .nextSetting(let delta):
                let all = CompareSetting.allCases, count = all.count
                let setting = all[((compare.setting.rawValue + delta) % count + count) % count]
                let running = compare.isRunning
                compare = Compare(setting: setting, base: compare.base, points: compare.points)
                compare.isRunning = running
                status = nil
            case .moveCursor(let delta):
                compare.selected = max(0, min(compare.runs.count - 1, compare.selected + delta))
                status = nil
            case .choose(let number):
                guard number >= 1, number <= compare.runs.count else {
                    status = "no run \(number): \(compare.runs.count) run\(compare.runs.count == 1 ? "" : "s")"
                    return .redraw
                }
                compare.selected = number - 1
                status = nil
            case .pick:
                pick(compare.runs[compare.selected], setting: compare.setting)
                return .redraw
            case .addValue:
                status = compare.addValue(stop: stop)
            case .dropValue:
                guard compare.runs.count > 1 else {
                    status = "the last run stays: Esc leaves"
                    return .redraw
                }
                let dropped = compare.runs.remove(at: compare.selected)
                compare.selected = min(compare.selected, compare.runs.count - 1)
                status = "dropped \(compare.setting.title) \(compare.setting.label(dropped.value))"
            case .leave:
                self.compare = nil
                status = nil
                return .redraw
            }
        default:
            return nil
        }
        self.compare = compare
        return .redraw
    }

    /// Opens the comparison of the focused knob's setting (activation for any other knob), on
    /// the playground's state and points; the playground pauses.
    mutating func openCompare() {
        let setting: CompareSetting = switch focus {
        case .learningRate: .learningRate
        case .optimizer: .optimizer
        case .regularization, .regularizationRate: .regularization
        case .batchSize: .batchSize
        case .hiddenLayers, .neurons: .networkShape
        default: .activation
        }
        isTraining = false
        let opened = Compare(setting: setting, base: playground.state, points: playground.customPoints)
        if compare != nil {
            compare = opened
        } else {
            mode = .compare(opened, under: mode.droppingTypedValue)
        }
        status = nil
    }

    /// `run` becomes the playground: its state, its trained network, its losses.
    mutating func pick(_ run: CompareRun, setting: CompareSetting) {
        compare = nil
        playground = run.playground
        playground.recordsDiagnostics = true
        losses = run.losses
        clampSelection()
        status = "picked \(setting.title) \(setting.label(run.value)) at epoch \(Format.grouped(run.epoch))"
    }
}
