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

/// Whether the terminal has shown the last frame (issue 15, item 6: skip frames rather than
/// queue them). After a frame the run loop asks the terminal for its status (ECMA-48's device
/// status report, `ESC [ 5 n`); the terminal answers (`ESC [ 0 n`) once it has read everything
/// sent before the question, so the answer comes back only when the frame has crossed the whole
/// way: a pseudo-terminal's queue, ssh, a slow line, tmux. A new frame is drawn only after the
/// answer, so over a link slower than the frames, frames are skipped and at most one is in
/// flight; over a fast one the answer is back long before the next frame is due.
///
/// Until the terminal's first answer nothing waits for one (the first frame may take seconds
/// over a slow link, and some terminal may never answer); after `unansweredLimit` questions
/// without any answer it is not asked again. An answer lost later is given up after `lostAfter`.
///
/// The answers also measure the link: a frame of `bytes` answered `t` seconds after it was sent
/// crossed at `bytes / t` or faster (the round trip is in `t` too). `frameBytes` keeps a frame
/// to what the link carries in `frameSeconds`, so that a key's change never waits behind a
/// whole picture in flight.
public struct FrameAcknowledgement: Sendable, Equatable {
    /// Questions without any answer after which the terminal is taken not to answer.
    public static let unansweredLimit = 30
    /// Seconds to wait for an answer (a large frame over a slow link takes a while); after that
    /// the answer counts as lost.
    public static let lostAfter = 3.0
    /// When the question still unanswered was asked; nil when none is.
    public private(set) var waitingSince: Double?
    /// Questions asked and not answered (their answers are still to come).
    public private(set) var unanswered = 0
    /// The terminal has answered at least once.
    public private(set) var hasAnswered = false
    /// The terminal does not answer: no more questions, no more waiting.
    public private(set) var gaveUp = false
    /// The link's speed as the answers show it; nil before a frame large enough to tell.
    public private(set) var bytesPerSecond: Double?
    /// The quickest answer seen: the round trip, which a frame's time also holds.
    public private(set) var roundTrip: Double?
    /// The size of the frame waiting for its answer.
    private var waitingBytes = 0
    /// After a lost answer, a late one would time the wrong frame: no measuring until all are in.
    private var measurable = true
    /// Frames smaller than this say little about the link's speed.
    public static let measuredFrameBytes = 1024
    /// How long one frame may keep the link busy.
    public static let frameSeconds = 0.05
    /// A link that carries this much in `frameSeconds` needs no limit.
    public static let unlimitedFrameBytes = 65536

    public init() {}

    /// Whether to ask after the next frame.
    public var asks: Bool { !gaveUp }

    /// Whether a new frame may be drawn at `now`.
    public mutating func mayDraw(now: Double) -> Bool {
        guard hasAnswered, let since = waitingSince, !gaveUp else { return true }
        guard now - since >= Self.lostAfter else { return false }
        waitingSince = nil
        unanswered = 0
        measurable = false
        return true
    }

    /// A question was sent at `now` after a frame of `bytes`.
    public mutating func asked(now: Double, bytes: Int = 0) {
        unanswered += 1
        if !hasAnswered, unanswered >= Self.unansweredLimit { gaveUp = true }
        if waitingSince == nil {
            waitingSince = now
            waitingBytes = bytes
        }
    }

    /// `count` answers arrived at `now`.
    public mutating func answered(_ count: Int, now: Double = 0) {
        guard count > 0 else { return }
        hasAnswered = true
        if measurable, unanswered == 1, let since = waitingSince, now > since {
            let seconds = now - since
            roundTrip = min(roundTrip ?? seconds, seconds)
            if waitingBytes >= Self.measuredFrameBytes {
                // The frame's own time is what the round trip does not explain.
                let measured = Double(waitingBytes) / max(0.001, seconds - (roundTrip ?? 0))
                bytesPerSecond = bytesPerSecond.map { 0.5 * $0 + 0.5 * measured } ?? measured
            }
        }
        unanswered = max(0, unanswered - count)
        if unanswered == 0 {
            waitingSince = nil
            if count == 1 || !measurable { measurable = true }
        }
    }

    /// The most bytes the next frame should take; nil for no limit (a fast link, or not known).
    public var frameBytes: Int? {
        guard let bytesPerSecond else { return nil }
        let bytes = bytesPerSecond * Self.frameSeconds
        return bytes >= Double(Self.unlimitedFrameBytes) ? nil : Int(bytes)
    }

    /// The terminal was given back and taken again: answers still on their way were read or lost.
    public mutating func restart() {
        waitingSince = nil
        unanswered = 0
        measurable = false
    }
}
