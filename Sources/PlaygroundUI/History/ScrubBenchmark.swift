// What scrubbing through the past costs per frame, for `playground-tui bench`.
import PlaygroundCore

extension FrameBenchmark {
    /// A held `{` through 1,000 past epochs: the app trains `epochs` epochs (history recorded,
    /// as the app does), then each round is one key press to the screen, as the run loop does for
    /// a repeated key: the key map's action, `update` (the frame for the past epoch: its
    /// playground restored, the heat map and every thumbnail evaluated, the units' health and
    /// its losses) and the whole screen drawn. 1,000 rounds step back over 1,000 kept epochs.
    public static func scrub(_ settings: PlaygroundState, width: Int, height: Int, epochs: Int = 1_000,
                             rounds: Int = 1_000) -> Result {
        var app = AppState(state: settings, capabilities: Capabilities(), width: width, height: height)
        for _ in 0..<(epochs / 2) { _ = update(&app, .train(epochs: 2)) }
        var grid = CellGrid(width: width, height: height)
        let before = app.heatMap.evaluations + app.thumbnails.evaluations
        var result = measure(rounds: rounds, prepare: {}) {
            if let action = KeyMap.action(for: .character("{"), in: app) { _ = update(&app, action) }
            render(app, into: &grid)
        }
        result.evaluations = app.heatMap.evaluations + app.thumbnails.evaluations - before
        result.lastFrame = grid
        return result
    }
}
