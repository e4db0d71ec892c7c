/// Decides how many epochs to train in the next frame.
///
/// At a fixed speed it adds `epochsPerSecond × frameSeconds` to a running fraction and trains
/// the whole epochs, so 1 epoch/s at 30 frames/s trains on one frame in thirty. Flat out, and
/// as a cap on fixed speeds, it fills `budgetFraction` of the frame going by the measured time
/// per epoch, leaving the rest for losses, the heat map and drawing.
public struct FramePacer: Sendable {
    /// The share of a frame spent training when running flat out.
    public static let budgetFraction = 0.65
    /// Whole epochs owed at a fixed speed: always in [0, 1) between frames.
    public private(set) var pendingEpochs = 0.0
    /// The last frame's count. Flat out, a frame trains at most twice that plus one, so a stale or tiny
    /// measurement (after a slow speed, or a smaller network) cannot freeze the screen with
    /// one huge frame: from 1 epoch, flat out reaches 1,000 per frame within ten frames.
    public private(set) var lastEpochs = 0

    public init() {}

    /// `frameSeconds`: the frame budget (1/30 s); `secondsPerEpoch`: measured on the last
    /// frames. Returns 0 when paused, and may return 0 at slow speeds (nothing to train this
    /// frame: send no `.train`, or `.train(epochs: 0)`, which does nothing). Flat out at
    /// least 1.
    public mutating func epochsForNextFrame(frameSeconds: Double, secondsPerEpoch: Double, state: AppState) -> Int {
        guard state.isPlaying else {
            pendingEpochs = 0
            lastEpochs = 0
            return 0
        }
        let perEpoch = secondsPerEpoch.isFinite && secondsPerEpoch > 1e-9 ? secondsPerEpoch : 1e-9
        let budget = Int(min(1e6, frameSeconds * FramePacer.budgetFraction / perEpoch))
        let epochs: Int
        if let rate = state.speed.epochsPerSecond {
            // At most a few epochs a frame: no ramp needed, only the budget.
            let affordable = max(1, budget)
            pendingEpochs += rate * max(0, frameSeconds)
            // A hair of slack so that thirty thirtieths make one epoch despite rounding.
            let whole = Int((pendingEpochs + 1e-9).rounded(.down))
            pendingEpochs = max(0, pendingEpochs - Double(whole))
            epochs = min(whole, affordable)
        } else {
            epochs = max(1, min(budget, 2 * lastEpochs + 1))
        }
        lastEpochs = epochs
        return epochs
    }
}
