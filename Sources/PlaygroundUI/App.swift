import PlaygroundCore

// CONTRACT (stub): the API the terminal backend calls. The bodies here are placeholders to be
// replaced by the real implementation; the signatures are fixed.

/// Everything the app shows and remembers. No I/O.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var capabilities: Capabilities
    /// True while training runs (Space toggles).
    public var isPlaying = false
    public var playground: Playground

    public init(state: PlaygroundState, capabilities: Capabilities, width: Int, height: Int) {
        self.width = width
        self.height = height
        self.capabilities = capabilities
        playground = Playground(state: state)
    }
}

/// Everything that can happen to the app.
public enum Action: Equatable, Sendable {
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// Train this many epochs now (the run loop sends it once per frame while playing), then
    /// compute both losses once and record them for the chart.
    case train(epochs: Int)
    case quit
}

/// What the run loop must do after an update.
public struct Effect: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The screen changed: render and draw.
    public static let redraw = Effect(rawValue: 1)
    /// Leave the app (exit status 0).
    public static let quit = Effect(rawValue: 2)
}

/// Applies an action. Pure apart from the training it runs.
public func update(_ state: inout AppState, _ action: Action) -> Effect {
    switch action {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return .redraw
    case .train(let epochs):
        state.playground.step(epochs: epochs)
        return .redraw
    case .quit:
        return .quit
    }
}

/// The one table from keys to actions (several keys may share one).
public enum KeyMap {
    public static func action(for key: Key, in state: AppState) -> Action? {
        switch key {
        case .character("q"), .interrupt: .quit
        default: nil
        }
    }
}

/// Draws the whole screen for `state` into `grid` (already sized `state.width × state.height`).
public func render(_ state: AppState, into grid: inout CellGrid) {
    grid.fill(grid.bounds)
    grid.put("playground-tui  epoch \(state.playground.epoch)", x: 0, y: 0)
}

/// Decides how many epochs to train in the next frame.
public struct FramePacer: Sendable {
    public init() {}
    /// `frameSeconds`: the frame budget (1/30 s); `secondsPerEpoch`: measured on the last
    /// frames; `speed`: the app's speed setting. Returns at least 1 while playing.
    public mutating func epochsForNextFrame(frameSeconds: Double, secondsPerEpoch: Double, state: AppState) -> Int {
        max(1, Int(frameSeconds * 0.6 / max(secondsPerEpoch, 1e-7)))
    }
}
