import Glibc
import PlaygroundUI

/// The frame loop: train while playing, draw what changed, turn input into actions.
///
/// While playing, each frame trains as many epochs as `FramePacer` allows, renders, draws, and
/// spends the rest of its 1/30 s waiting for input. Paused, it blocks on input with no timeout
/// (a signal ends the wait through `Signals`' pipe), so it uses no CPU.
///
/// Light on the wire (issue 15, item 6): training evaluates the pictures only when
/// `PictureCadence` says they are due (10 times a second; the counters follow every frame), and
/// a frame is drawn only when the terminal has taken and shown the last one (`TerminalOutput`,
/// `FrameAcknowledgement`): over a slow link frames are skipped, never queued, and training and
/// the keys go on at their pace.
struct RunLoop {
    /// How the loop ended.
    enum Outcome: Equatable {
        case quit
        /// A stopping signal arrived: close the terminal, then re-raise it.
        case signal(Int32)
    }

    static let frameSeconds = 1.0 / 30
    /// How often a paused loop looks whether the terminal has taken what is waiting.
    static let drainSeconds = 0.01

    private let terminal: Terminal
    private(set) var state: AppState
    private var pacer = FramePacer()
    private var pictures = PictureCadence()
    /// The network drawing (links, bias marks, thumbnails) as last drawn with fresh pictures. A
    /// frame after a training step whose pictures were held draws it again as it was, so that the
    /// whole drawing changes with the pictures, from one network, at the cadence's pace.
    private var heldDiagram: (rect: Rect, cells: [Cell])?
    /// The last action was a training step whose pictures were held.
    private var lastTrainingHeld = false
    /// Smoothed over the last frames; a guess until the first frame measures it.
    private var secondsPerEpoch = 1e-3
    private var grid: CellGrid
    private var needsDraw = true
    /// The end of the last playing frame; nil while paused.
    private var lastDeadline: Double?
    private(set) var statistics = FrameStatistics()

    init(terminal: Terminal, state: AppState) {
        self.terminal = terminal
        self.state = state
        grid = CellGrid(width: state.width, height: state.height)
    }

    mutating func run() -> Outcome {
        while true {
            if let signal = Signals.takePending() { return .signal(signal) }
            let frameStart = Monotonic.now
            statistics.recordFrameStart(frameStart, playing: state.isPlaying)
            if state.isPlaying { trainOneFrame() } else { lastDeadline = nil }
            let canDraw = terminal.canTakeFrame(now: Monotonic.now)  // also sends what the terminal now takes
            if needsDraw {
                if canDraw { draw() } else { statistics.recordSkippedFrame() }
            }
            var deadline = state.isPlaying ? nextDeadline(after: frameStart) : nil
            // Paused with bytes or a frame still to send: look again soon (the wait on input
            // would not wake for the terminal taking them).
            if deadline == nil, needsDraw || !terminal.output.isDrained { deadline = Monotonic.now + Self.drainSeconds }
            if let outcome = handleInput(until: deadline) { return outcome }
        }
    }

    /// Frames end on a fixed 1/30 s grid, so that waking a millisecond late does not add up to
    /// fewer frames; after a stall (a slow frame, a pause) the grid starts again from now.
    private mutating func nextDeadline(after frameStart: Double) -> Double {
        let onGrid = (lastDeadline ?? -.infinity) + Self.frameSeconds
        let deadline = onGrid > frameStart ? onGrid : frameStart + Self.frameSeconds
        lastDeadline = deadline
        return deadline
    }

    private mutating func trainOneFrame() {
        let epochs = pacer.epochsForNextFrame(frameSeconds: Self.frameSeconds, secondsPerEpoch: secondsPerEpoch, state: state)
        // A slow speed owes no epoch on some frames.
        guard epochs > 0 else { return }
        let start = Monotonic.now
        let due = pictures.picturesDue(now: start, training: true, networkChanged: true, frameSeconds: Self.frameSeconds)
        apply(.train(epochs: epochs), pictures: due ? .refresh : .keep)
        // The whole update: the epochs, then the losses and the heat map once. Charging that
        // overhead to the epochs makes the pacer fill its share of the frame with all of it.
        let seconds = Monotonic.now - start
        let measured = seconds / Double(max(1, epochs))
        secondsPerEpoch = statistics.trainings == 0 ? measured : 0.7 * secondsPerEpoch + 0.3 * measured
        statistics.recordTraining(seconds: seconds, epochs: epochs)
    }

    private mutating func draw() {
        let start = Monotonic.now
        if grid.width != state.width || grid.height != state.height {
            grid = CellGrid(width: max(0, state.width), height: max(0, state.height))
        }
        render(state, into: &grid)
        holdDiagram()
        let rendered = Monotonic.now
        terminal.draw(grid)
        if let rows = LinkBox(state)?.wholeRows, grid.width == terminal.size.width {
            terminal.rewriteWrapped(state.settings.link, row: rows.lowerBound)
        }
        statistics.recordFrame(renderSeconds: rendered - start, drawSeconds: Monotonic.now - rendered)
        // A slow link took part of the frame: the rest goes with the next.
        needsDraw = terminal.isBehind
    }

    /// Puts back the held network drawing on a held frame; keeps the drawing of a fresh one.
    /// Not in the lessons or under an overlay, which draw over that place.
    private mutating func holdDiagram() {
        guard state.lessons == nil, state.overlay == nil,
              let rect = state.layout.diagram?.rect.intersection(grid.bounds), !rect.isEmpty else {
            heldDiagram = nil
            return
        }
        if lastTrainingHeld, let held = heldDiagram, held.rect == rect {
            var index = 0
            for y in rect.y..<rect.maxY {
                for x in rect.x..<rect.maxX {
                    grid[x, y] = held.cells[index]
                    index += 1
                }
            }
        } else {
            heldDiagram = (rect, (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { grid[$0, y] } })
        }
    }

    /// Reads and applies input until `deadline` (playing), or until the first input and whatever
    /// arrived with it (paused). Returns an outcome when the app must end.
    private mutating func handleInput(until deadline: Double?) -> Outcome? {
        var received = false
        while true {
            if let signal = Signals.takePending() { return .signal(signal) }
            let timeout: Int32
            if let deadline {
                timeout = Int32(max(0, ((deadline - Monotonic.now) * 1000).rounded(.up)))
            } else {
                timeout = received ? 0 : -1
            }
            switch terminal.read(timeoutMilliseconds: timeout) {
            case .nothing:
                if deadline.map({ Monotonic.now >= $0 }) ?? true { return nil }
            case .ignored:
                received = true
            case .event(let event):
                received = true
                if handle(event) == .quit { return .quit }
                // Play just started: leave the wait and train this frame.
                if deadline == nil, state.isPlaying { return nil }
            case .closed:
                // The terminal hung up without a SIGHUP (it is not our controlling terminal): end as if it had sent one.
                return .signal(SIGHUP)
            }
        }
    }

    private mutating func handle(_ event: InputEvent) -> Outcome? {
        switch event {
        case .resize:
            let size = terminal.size
            terminal.invalidate()
            needsDraw = true
            return apply(.resize(width: size.width, height: size.height))
        case .key(let key):
            guard let action = KeyMap.action(for: key, in: state) else { return nil }
            return apply(action)
        }
    }

    @discardableResult
    private mutating func apply(_ action: Action, pictures refresh: PictureRefresh = .refresh) -> Outcome? {
        let effect = update(&state, action, pictures: refresh)
        // The same test as `update`'s for holding the pictures back.
        lastTrainingHeld = false
        if case .train = action, case .keep = refresh, state.isPlaying { lastTrainingHeld = true }
        if effect.contains(.redraw) { needsDraw = true }
        terminal.setMouseReporting(state.wantsMouseReporting)
        if effect.contains(.copyLink) { terminal.writeControl(Clipboard.osc52(state.settings.link)) }
        // A file to write or read: done now, and its result goes back in as an action.
        if effect.contains(.file), let request = state.fileRequest {
            return apply(.fileResult(FileEffects.perform(request, state: state)))
        }
        return effect.contains(.quit) ? .quit : nil
    }
}

/// Where a frame's time goes, for `PLAYGROUND_TUI_FRAME_STATS`.
struct FrameStatistics {
    private(set) var frames = 0
    private(set) var trainings = 0
    private var epochs = 0
    private var trainSeconds = 0.0
    private var renderSeconds = 0.0
    private var drawSeconds = 0.0
    private var slowestDraw = 0.0
    /// Frames not drawn because the terminal had not taken the last one yet.
    private(set) var skippedFrames = 0
    /// Time from one playing frame's start to the next, and how many such intervals.
    private var playingSeconds = 0.0
    private var playingIntervals = 0
    private var lastPlayingStart: Double?

    mutating func recordFrameStart(_ time: Double, playing: Bool) {
        if playing, let last = lastPlayingStart {
            playingSeconds += time - last
            playingIntervals += 1
        }
        lastPlayingStart = playing ? time : nil
    }

    mutating func recordSkippedFrame() { skippedFrames += 1 }

    mutating func recordTraining(seconds: Double, epochs: Int) {
        trainings += 1
        trainSeconds += seconds
        self.epochs += epochs
    }

    mutating func recordFrame(renderSeconds: Double, drawSeconds: Double) {
        frames += 1
        self.renderSeconds += renderSeconds
        self.drawSeconds += drawSeconds
        slowestDraw = max(slowestDraw, drawSeconds)
    }

    /// One line: frames per second while playing, mean milliseconds per part, epochs per frame.
    var summary: String {
        func ms(_ seconds: Double, _ count: Int) -> String {
            count == 0 ? "-" : String(Double(Int(seconds / Double(count) * 1e5)) / 100)
        }
        let fps = playingSeconds > 0 ? String(Double(Int(Double(playingIntervals) / playingSeconds * 10)) / 10) : "-"
        return "\(frames) frames, \(fps) per second while playing; render \(ms(renderSeconds, frames)) ms,"
            + " draw \(ms(drawSeconds, frames)) ms (slowest \(ms(slowestDraw, 1))), train \(ms(trainSeconds, trainings)) ms"
            + " for \(trainings == 0 ? 0 : epochs / trainings) epochs a frame; \(skippedFrames) skipped for a slow terminal"
    }
}

/// Monotonic seconds.
enum Monotonic {
    static var now: Double {
        let instant = ContinuousClock.now - start
        return Double(instant.components.seconds) + Double(instant.components.attoseconds) * 1e-18
    }
    private static let start = ContinuousClock.now
}
