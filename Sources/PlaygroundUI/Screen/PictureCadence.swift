/// When the pictures (the heat map and the neurons' thumbnails) are evaluated again (issue 15,
/// item 6): while training, at most `interval` apart, which is as often as the eye follows a
/// slowly changing picture; otherwise, and whenever training is not what changed them, at once.
/// The counters (epoch, losses, chart) are not paced: they follow every frame.
///
/// The run loop asks before each training step; the answer is pure arithmetic on the times it
/// is given, so it is tested without a clock. A picture shown while training is never more than
/// `interval` older than the network (checked against a tolerance of half a frame, so that at
/// 30 frames per second a 0.1 s interval is exactly every third frame, not every fourth).
public struct PictureCadence: Sendable, Equatable {
    /// Seconds between two evaluations while training: 10 pictures per second.
    public static let standardInterval = 0.1

    public let interval: Double
    /// The time of the last evaluation the cadence allowed; nil before any, and after one that
    /// was not paced (so the next training step evaluates).
    public private(set) var lastRefresh: Double?

    public init(interval: Double = PictureCadence.standardInterval) {
        self.interval = interval
    }

    /// Whether the pictures must be evaluated now. `training`: the network changed by training
    /// (the only change that is paced); `networkChanged`: it differs from the one last pictured
    /// (nothing to evaluate otherwise); `frameSeconds`: the frame period, for the tolerance.
    /// Records the evaluation when it answers true.
    public mutating func picturesDue(now: Double, training: Bool, networkChanged: Bool, frameSeconds: Double) -> Bool {
        guard networkChanged else { return false }
        guard training else {
            lastRefresh = nil
            return true
        }
        if let last = lastRefresh, now - last < interval - frameSeconds / 2 { return false }
        lastRefresh = now
        return true
    }
}
