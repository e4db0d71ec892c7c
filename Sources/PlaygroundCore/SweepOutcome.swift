/// When a run stops, and what it reached: epochs to a target test loss, the best test loss and
/// its epoch, the final losses, divergence. `train --until-loss`, the sweep and (later) the app's
/// runs side by side share these.

/// When training stops: after `epochs` epochs, or, when `stopsAtTarget`, at the first epoch whose
/// test loss is at most `targetTestLoss`, whichever comes first.
public struct StopCondition: Sendable, Equatable {
    /// The most epochs trained (from the run's start).
    public var epochs: Int
    /// The test loss a run is to reach (`≤`); nil when there is none.
    public var targetTestLoss: Double?
    /// True to stop at the target; false to train all `epochs` and only note when it was reached.
    public var stopsAtTarget: Bool

    public init(epochs: Int, targetTestLoss: Double? = nil, stopsAtTarget: Bool = false) {
        precondition(epochs >= 0, "a negative epoch count")
        self.epochs = epochs
        self.targetTestLoss = targetTestLoss
        self.stopsAtTarget = stopsAtTarget
    }
}

/// What one run reached. Epochs count from the run's start (epoch 0: the untrained network).
public struct RunOutcome: Sendable, Equatable {
    /// The lowest finite test loss and the first epoch that had it.
    public struct Best: Sendable, Equatable {
        public let epoch: Int
        public let testLoss: Double
        public init(epoch: Int, testLoss: Double) {
            self.epoch = epoch
            self.testLoss = testLoss
        }
    }

    /// The epochs trained: where the run stopped.
    public let epochs: Int
    /// The first epoch whose test loss was at most the target; nil when none was (or no target).
    public let epochsToTarget: Int?
    /// nil when no test loss was finite.
    public let best: Best?
    /// The losses at `epochs`.
    public let finalTrainLoss: Double
    public let finalTestLoss: Double

    public init(epochs: Int, epochsToTarget: Int?, best: Best?, finalTrainLoss: Double, finalTestLoss: Double) {
        self.epochs = epochs
        self.epochsToTarget = epochsToTarget
        self.best = best
        self.finalTrainLoss = finalTrainLoss
        self.finalTestLoss = finalTestLoss
    }

    /// True when a final loss is NaN or ±∞.
    public var diverged: Bool { !finalTrainLoss.isFinite || !finalTestLoss.isFinite }

    /// Bit for bit (NaN equals NaN of the same bits): what "the same rows" means.
    public static func == (a: RunOutcome, b: RunOutcome) -> Bool {
        a.epochs == b.epochs && a.epochsToTarget == b.epochsToTarget && a.best?.epoch == b.best?.epoch
            && a.best?.testLoss.bitPattern == b.best?.testLoss.bitPattern
            && a.finalTrainLoss.bitPattern == b.finalTrainLoss.bitPattern
            && a.finalTestLoss.bitPattern == b.finalTestLoss.bitPattern
    }
}

/// Follows a run epoch by epoch: fed each epoch's test loss, it knows when the stop condition is
/// met and what the run reached. The app can feed it from runs trained in lockstep.
public struct RunTracker: Sendable, Equatable {
    public let stop: StopCondition
    public private(set) var epochsToTarget: Int?
    public private(set) var best: RunOutcome.Best?
    /// The last epoch recorded; nil before the first.
    public private(set) var lastEpoch: Int?

    public init(stop: StopCondition) { self.stop = stop }

    /// Notes epoch `epoch` (counted from the run's start, one after the other from 0) and its test loss.
    public mutating func record(epoch: Int, testLoss: Double) {
        precondition(epoch == (lastEpoch ?? -1) + 1, "epochs recorded out of order")
        lastEpoch = epoch
        if let target = stop.targetTestLoss, epochsToTarget == nil, testLoss <= target { epochsToTarget = epoch }
        if testLoss.isFinite, testLoss < best?.testLoss ?? .infinity { best = RunOutcome.Best(epoch: epoch, testLoss: testLoss) }
    }

    /// True once the last epoch recorded is the last to train.
    public var isDone: Bool {
        guard let lastEpoch else { return false }
        return lastEpoch >= stop.epochs || (stop.stopsAtTarget && epochsToTarget != nil)
    }

    /// The outcome, with the losses of the last epoch recorded.
    public func outcome(finalTrainLoss: Double, finalTestLoss: Double) -> RunOutcome {
        RunOutcome(epochs: lastEpoch ?? 0, epochsToTarget: epochsToTarget, best: best,
                   finalTrainLoss: finalTrainLoss, finalTestLoss: finalTestLoss)
    }
}

extension Playground {
    /// Trains from the current epoch until `stop` is met, computing the test loss after every
    /// epoch (and before the first); `epochs` count from here. The engine's numbers are those of
    /// `step()`: the losses are only read.
    public mutating func train(until stop: StopCondition) -> RunOutcome {
        var tracker = RunTracker(stop: stop)
        var testLoss = self.testLoss()
        tracker.record(epoch: 0, testLoss: testLoss)
        while !tracker.isDone {
            step()
            testLoss = self.testLoss()
            tracker.record(epoch: tracker.lastEpoch! + 1, testLoss: testLoss)
        }
        return tracker.outcome(finalTrainLoss: trainingLoss(), finalTestLoss: testLoss)
    }
}
