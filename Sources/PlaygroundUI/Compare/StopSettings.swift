// Stop conditions in the app (issue 19, item 5): a target test loss and an epoch limit.
import PlaygroundCore

/// When training pauses by itself: at the first epoch whose test loss is at most
/// `targetTestLoss`, or at `epochLimit`. The app's own settings, like the speed (not in the TF
/// state string); Core's `StopCondition` and `RunTracker` (through `Playground.train(until:)`)
/// find the epoch.
public struct StopSettings: Equatable, Sendable {
    public var targetTestLoss: Double?
    public var epochLimit: Int?

    public init(targetTestLoss: Double? = nil, epochLimit: Int? = nil) {
        self.targetTestLoss = targetTestLoss
        self.epochLimit = epochLimit
    }

    /// The targets `j`/`J` step through, low to high; beyond the highest: none.
    public static let targets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
    /// The limits `(`/`)` step through, low to high; beyond the highest: none.
    public static let limits = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]

    /// One rung of `ladder` up (+1) or down (-1); none sits above the top rung.
    static func stepped<T: Comparable>(_ value: T?, by delta: Int, in ladder: [T]) -> T? {
        guard let value else { return delta < 0 ? ladder.last : nil }
        if delta > 0 { return ladder.first { $0 > value } }
        return ladder.last { $0 < value } ?? ladder.first
    }

    mutating func stepTarget(by delta: Int) { targetTestLoss = Self.stepped(targetTestLoss, by: delta, in: Self.targets) }
    mutating func stepLimit(by delta: Int) { epochLimit = Self.stepped(epochLimit, by: delta, in: Self.limits) }

    /// "stop at test loss ≤ 0.05 or epoch 2,000", "no stop condition".
    public var summary: String {
        let target = targetTestLoss.map { "test loss ≤ " + NumberFormat.javaScript($0) }
        let limit = epochLimit.map { "epoch " + Format.grouped($0) }
        let parts = [target, limit].compactMap { $0 }
        return parts.isEmpty ? "no stop condition" : "stop at " + parts.joined(separator: " or ")
    }

    /// How a run advanced: the epoch it reached the target at (nil: not this time) and whether
    /// it is at the epoch limit.
    struct Advance: Equatable {
        var reachedTargetAt: Int?
        var atLimit: Bool
    }

    /// Trains `playground` up to `epochs` epochs, no further than the epoch limit, stopping at
    /// the first epoch whose test loss is at most the target. `lastTestLoss` is the loss at the
    /// playground's epoch now: when it already meets the target, the target is reached here
    /// (`targetAlreadyMet` nil: nothing is trained), or (`continuesPastTarget`) left behind and
    /// training goes on without it. The weights are those of `step(epochs:)`, bit for bit.
    func advance(_ playground: inout Playground, epochs: Int, lastTestLoss: Double, continuesPastTarget: Bool) -> Advance {
        let start = playground.epoch
        let count = max(0, min(epochs, (epochLimit ?? Int.max) - start))
        var target = targetTestLoss
        if let met = target, lastTestLoss <= met {
            if !continuesPastTarget { return Advance(reachedTargetAt: start, atLimit: false) }
            target = nil
        }
        var reached: Int?
        if let target, count > 0 {
            let outcome = playground.train(until: StopCondition(epochs: count, targetTestLoss: target, stopsAtTarget: true))
            reached = outcome.epochsToTarget.map { start + $0 }
        } else if count > 0 {
            playground.step(epochs: count)
        }
        return Advance(reachedTargetAt: reached, atLimit: epochLimit.map { playground.epoch >= $0 } ?? false)
    }

    /// Beside the speed in the header while a stop is set: "  stop ≤0.05 / 2,000" (empty when none).
    var headerNote: String {
        let parts = [targetTestLoss.map { "≤" + NumberFormat.javaScript($0) }, epochLimit.map { Format.grouped($0) }].compactMap { $0 }
        return parts.isEmpty ? "" : "  stop " + parts.joined(separator: " / ")
    }

    /// "reached test loss 0.05 at epoch 412".
    func reachedMessage(at epoch: Int) -> String {
        "reached test loss \(NumberFormat.javaScript(targetTestLoss ?? 0)) at epoch \(Format.grouped(epoch))"
    }

    /// "epoch limit 2,000 reached".
    var limitMessage: String { "epoch limit \(Format.grouped(epochLimit ?? 0)) reached" }
}

extension AppState {
    /// Trains the playground `epochs` epochs (fewer when a stop condition is met), records both
    /// losses, and pauses with the reason when it stopped. A target the test loss already met
    /// does not stop it again (training goes on; a lower target stops it).
    mutating func trainWithStops(epochs: Int) {
        if let limit = stop.epochLimit, playground.epoch >= limit {
            isTraining = false
            status = stop.limitMessage + ": \(KeyMap.key(for: .stepEpochLimit(by: 1))) raises it"
            return
        }
        let advance = stop.advance(&playground, epochs: epochs, lastTestLoss: losses.last?.test ?? .infinity,
                                   continuesPastTarget: true)
        recordLosses()
        if let reached = advance.reachedTargetAt {
            isTraining = false
            status = stop.reachedMessage(at: reached)
        } else if advance.atLimit {
            isTraining = false
            status = stop.limitMessage
        }
    }

    /// `j`/`J`, `(`/`)`: the target or the limit one rung down or up, said on the status line.
    mutating func stepStop(target delta: Int = 0, limit limitDelta: Int = 0) {
        if delta != 0 { stop.stepTarget(by: delta) }
        if limitDelta != 0 { stop.stepLimit(by: limitDelta) }
        if var compare {
            compare.resumeAfterStopChange(stop)
            self.compare = compare
        }
        status = stop.summary
    }
}
