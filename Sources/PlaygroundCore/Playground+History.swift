/// A playground's past (owns the playground side of `History`): turning recording on, reading a
/// kept epoch (its network, its losses, the whole playground as it stood), measuring losses into
/// the history, branching from a kept epoch and rewinding to the same start.
extension Playground {
    /// True while every epoch trained is kept in `history` (the spacing rule thins the older
    /// ones). Turning it on keeps the current epoch at once (the start, when nothing is kept
    /// yet). Kept when the network is rebuilt (the history then starts again at epoch 0).
    public var recordsHistory: Bool {
        get { history.isRecording }
        set {
            history.isRecording = newValue
            recordHistory()
        }
    }

    /// Keeps the current epoch (replacing the latest snapshot when it is this epoch: a parameter
    /// set by hand), while recording.
    mutating func recordHistory() {
        if history.isRecording { history.record(network, training, epoch: epoch) }
    }

    /// A new network or new data: the past no longer applies; the history starts again here.
    mutating func restartHistory() {
        history.reset()
        recordHistory()
    }

    // MARK: Reading the past

    /// The playground as it stood at kept epoch `epoch`: its network, training state and epoch,
    /// on the same state, data and stream, without a history (nothing is copied for it). Nil when
    /// `epoch` is not kept. Its `diagnostics()` read that epoch's weights and dead links; the
    /// last update's statistics are not kept, so they read as none recorded.
    public func past(atKept epoch: Int) -> Playground? {
        var past = self
        past.history = History()
        guard history.restore(epoch, into: &past.network, &past.training) else { return nil }
        past.epoch = epoch
        past.gradientHistory = []
        past.training.updateRecord = []
        return past
    }

    /// The network at kept epoch `epoch` (nil when not kept).
    public func network(atKept epoch: Int) -> Network? { past(atKept: epoch)?.network }

    /// Both losses at kept epoch `epoch`: as measured when they were, else computed now from that
    /// epoch's network on the current data (the same numbers: the data does not change within a
    /// history). Nil when `epoch` is not kept.
    public func losses(atKept epoch: Int) -> History.LossPoint? {
        if let measured = history.measuredLosses(at: epoch) { return measured }
        guard let past = past(atKept: epoch) else { return nil }
        return History.LossPoint(epoch: epoch, training: past.trainingLoss(), test: past.testLoss())
    }

    /// Both losses on the current weights (`trainingLoss()`, `testLoss()`), kept with the current
    /// epoch in the history when it is kept, for the chart.
    public mutating func measureLosses() -> History.LossPoint {
        let point = History.LossPoint(epoch: epoch, training: trainingLoss(), test: testLoss())
        history.setLosses(point)
        return point
    }

    /// Measures the losses of up to `limit` kept epochs that have none yet, newest first (a
    /// forward pass over the data each), so that `history.lossSeries` covers every kept epoch.
    /// Returns how many are still unmeasured.
    @discardableResult
    public mutating func measureHistoryLosses(limit: Int = .max) -> Int {
        let unmeasured = history.unmeasuredEpochs
        for epoch in unmeasured.prefix(limit) {
            if let point = losses(atKept: epoch) { history.setLosses(point) }
        }
        return max(0, unmeasured.count - limit)
    }

    // MARK: Changing the present

    /// Continues from kept epoch `epoch`: the network, the training state (moments, partial
    /// batch, dead links, update count) and the epoch become that epoch's, so training on is bit
    /// for bit what training to it and on would give under the current settings. Later snapshots
    /// are dropped; when there were any, the left run's measured losses become a ghost
    /// (`history.ghosts`) until the network is rebuilt. The state, data and stream stay.
    public mutating func branch(fromKept epoch: Int) throws(HistoryError) {
        guard history.restore(epoch, into: &network, &training) else { throw HistoryError(epoch, in: history) }
        history.truncate(after: epoch)
        self.epoch = epoch
        gradientHistory = []
        training.updateRecord = []
    }

    /// Rewinds to the history's start (epoch 0 of a run recorded from its first epoch): the very
    /// same initial weights on the very same data, not a new draw (`resetNetwork` draws a new
    /// network). A branch like any other: the left run becomes a ghost.
    public mutating func rewindToStart() throws(HistoryError) {
        guard let start = history.start else { throw HistoryError(0, in: history) }
        try branch(fromKept: start)
    }
}

/// An epoch the history does not keep, with the nearest kept ones: "epoch 300 is not kept; the
/// nearest kept epochs are 256 and 320".
public struct HistoryError: Error, Equatable, CustomStringConvertible, Sendable {
    public let epoch: Int
    public let below: Int?
    public let above: Int?

    init(_ epoch: Int, in history: History) {
        self.epoch = epoch
        (below, above) = history.neighbours(of: epoch)
    }

    public var description: String {
        switch (below, above) {
        case (nil, nil): "epoch \(epoch) is not kept; no epoch is kept (the run was not recorded)"
        case let (below?, above?): "epoch \(epoch) is not kept; the nearest kept epochs are \(below) and \(above)"
        case let (only?, nil), let (nil, only?): "epoch \(epoch) is not kept; the nearest kept epoch is \(only)"
        }
    }
}

extension Network {
    /// Every parameter, in the order a session saves them: the weights (layer after layer,
    /// destination by destination, source by source), then a bias per node, then a PReLU slope
    /// per node, input nodes included.
    public var parameterValues: [Double] { parameters }
}
