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

    public init() {}

    /// `frameSeconds`: the frame budget (1/30 s); `secondsPerEpoch`: measured on the last
    /// frames. Returns 0 when paused, and may return 0 at slow speeds (nothing to train this
    /// frame: send no `.train`, or `.train(epochs: 0)`, which does nothing). Flat out at
    /// least 1.
    public mutating func epochsForNextFrame(frameSeconds: Double, secondsPerEpoch: Double, state: AppState) -> Int {
        guard state.isPlaying else {
            pendingEpochs = 0
            return 0
        }
        let perEpoch = secondsPerEpoch.isFinite && secondsPerEpoch > 1e-9 ? secondsPerEpoch : 1e-9
        let affordable = max(1, Int(min(1e6, frameSeconds * FramePacer.budgetFraction / perEpoch)))
        guard let rate = state.speed.epochsPerSecond else { return affordable }
        pendingEpochs += rate * max(0, frameSeconds)
        // A hair of slack so that thirty thirtieths make one epoch despite rounding.
        let whole = Int((pendingEpochs + 1e-9).rounded(.down))
        pendingEpochs = max(0, pendingEpochs - Double(whole))
        return min(whole, affordable)
    }
}
