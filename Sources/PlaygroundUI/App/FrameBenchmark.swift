// What a frame and a key press cost, for `playground-tui bench`.
import PlaygroundCore

/// What one frame costs, for `playground-tui bench`. Each round trains one epoch first, so every
/// picture is evaluated again as it is while playing; only the frame's own work is timed.
public enum FrameBenchmark {
    public struct Result: Sendable {
        /// Milliseconds per round, sorted.
        public let samples: [Double]
        /// Evaluations of the network over a grid during the timed work (heat map and thumbnails).
        public var evaluations = 0
        /// The cell grid the last round drew.
        public var lastFrame = CellGrid(width: 0, height: 0)
        public var median: Double { samples[samples.count / 2] }
        public var best: Double { samples[0] }
        public var worst: Double { samples[samples.count - 1] }
    }

    /// A whole frame: the frame built (layout, the heat map and every thumbnail evaluated, the
    /// units' health) and every widget drawn into the cell grid (what the backend then diffs
    /// onto the screen).
    public static func frame(_ settings: PlaygroundState, width: Int, height: Int, rounds: Int = 40) -> Result {
        var app = AppState(state: settings, capabilities: Capabilities(), width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        let before = app.heatMap.evaluations + app.thumbnails.evaluations
        var result = measure(rounds: rounds, prepare: { app.playground.step(epochs: 1) }) {
            app.refreshPictures()
            render(app, into: &grid)
        }
        result.evaluations = app.heatMap.evaluations + app.thumbnails.evaluations - before
        result.lastFrame = grid
        return result
    }

    /// Render alone, on a frame already built: what drawing costs once `update` has done the
    /// work (no evaluation, no forward pass, no layout).
    public static func renderOnly(_ settings: PlaygroundState, width: Int, height: Int, rounds: Int = 40) -> Result {
        var app = AppState(state: settings, capabilities: Capabilities(), width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        let before = app.heatMap.evaluations + app.thumbnails.evaluations
        var result = measure(rounds: rounds, prepare: { _ = update(&app, .train(epochs: 1)) }) {
            render(app, into: &grid)
        }
        result.evaluations = app.heatMap.evaluations + app.thumbnails.evaluations - before - rounds * 2
        result.lastFrame = grid
        return result
    }

    /// The network drawing alone: thumbnails evaluated, the units' health computed, links, bias
    /// marks and nodes drawn.
    public static func networkDrawing(_ settings: PlaygroundState, width: Int, height: Int, rounds: Int = 40) -> Result {
        var app = AppState(state: settings, capabilities: Capabilities(), width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        let layout = app.layout
        guard let diagram = layout.diagram else { return Result(samples: [0]) }
        var thumbnails = PictureCache()
        var result = measure(rounds: rounds, prepare: { app.playground.step(epochs: 1) }) {
            thumbnails.invalidate()
            thumbnails.refresh(network: app.playground.network, features: app.settings.inputFeatures,
                               width: diagram.nodeSize.pixelWidth, height: diagram.nodeSize.pixelHeight)
            var run = app.frame.shown
            run.network = app.playground.network
            run.thumbnails = thumbnails
            grid.fill(grid.bounds)  // as `render` does: links that moved leave nothing behind
            NetworkView.draw(run, health: app.playground.unitDiagnostics(), marks: NetworkView.Marks(app),
                             settings: app.settings, capabilities: app.capabilities, layout: layout, into: &grid)
        }
        result.evaluations = thumbnails.evaluations
        result.lastFrame = grid
        return result
    }

    /// One key press to the screen: the key map's action, `update`, and the drawing of the whole
    /// screen, as the run loop does for a key. The keys go round (`l`, `L`, `↓`, `↑`: a live
    /// setting and the focus), so the network stays the same and only the key's own work is timed.
    public static func keyToScreen(_ settings: PlaygroundState, width: Int, height: Int, rounds: Int = 200) -> Result {
        var app = AppState(state: settings, capabilities: Capabilities(), width: width, height: height)
        var grid = CellGrid(width: width, height: height)
        let keys: [Key] = [.character("l"), .character("L"), .down, .up]
        var index = 0
        var result = measure(rounds: rounds, prepare: {}) {
            let key = keys[index % keys.count]
            index += 1
            if let action = KeyMap.action(for: key, in: app) { _ = update(&app, action) }
            render(app, into: &grid)
        }
        result.lastFrame = grid
        return result
    }

    static func measure(rounds: Int, prepare: () -> Void, _ body: () -> Void) -> Result {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<max(1, rounds) {
            prepare()
            let elapsed = clock.measure(body)
            samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        return Result(samples: samples.sorted())
    }
}
