import ArgumentParser
import FoundationEssentials
import PlaygroundCore
import PlaygroundUI

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training and evaluation speed on three fixed configurations.",
        discussion: """
            (a) the default: circle, 4,2, x and y; (b) spiral 8,8,8 with all seven features; \
            (c) spiral 8,8,8,8,8,8 with all seven features; seed 0.12345. For each: epochs per \
            second training only, epochs per second with both losses every epoch, and the time \
            to evaluate the output over a 200x120 grid (exact, and with the heat map's fast tanh). \
            With (b), also the training speed of (b) under each optimizer, with the gradient \
            diagnostics recorded (and read every epoch), and with the history recorded (every \
            epoch kept; trained in turns with a plain run, its vs_sgd is the median ratio of the \
            two). 'make bench' runs it beside the C oracle and prints the ratios.
            """
    )

    static let configs: [(name: String, state: String)] = [
        ("a", "seed=0.12345"),
        ("b", "dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"),
        ("c", "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"),
    ]

    @Option(parsing: .unconditional, help: ArgumentHelp("Training epochs per measurement (default: 2000).", valueName: "n"),
            transform: wholeNumber(atLeast: 1))
    var epochs: Int = 2000

    @Option(parsing: .unconditional, help: ArgumentHelp("Repetitions; the best is reported (default: 3).", valueName: "n"),
            transform: wholeNumber(atLeast: 1))
    var `repeat`: Int = 3

    @Option(help: "Only these configurations (e.g. b or a,c).")
    var only: String?

    /// Each line is flushed when it is measured, so a slow run shows its progress.
    mutating func run() throws {
        // Split on code points: a combining mark after a comma stays part of a (refused) name.
        let names = only.map { $0.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false).map { String($0) } }
        if let names, let bad = names.first(where: { name in !Self.configs.contains { $0.name == name } }) {
            throw ValidationError("--only: unknown configuration \(UserText.quoted(bad)); expected a, b or c")
        }
        let wanted = names.map(Set.init)
        var output = TextOutput.standardOutput
        try output.line("config  epochs  train_only_eps  with_losses_eps  grid_200x120_ms  grid_fast_ms  train_loss")
        for config in Self.configs where wanted?.contains(config.name) ?? true {
            let state = try PlaygroundState.parse(config.state) { "0.12345" }.state
            var trainingOnly = 0.0, withLosses = 0.0, grid = Double.infinity, fastGrid = Double.infinity
            var finalLoss = 0.0
            for _ in 0..<self.repeat {
                var playground = Playground(state: state)
                let seconds = Self.time { playground.step(epochs: epochs) }
                trainingOnly = max(trainingOnly, Double(epochs) / seconds)
                finalLoss = playground.trainingLoss()

                var withLoss = Playground(state: state)
                let lossEpochs = max(1, epochs / 4)
                var sink = 0.0
                let lossSeconds = Self.time {
                    for _ in 0..<lossEpochs {
                        withLoss.step()
                        sink += withLoss.trainingLoss() + withLoss.testLoss()
                    }
                }
                withLosses = max(withLosses, Double(lossEpochs) / lossSeconds)
                withExtendedLifetime(sink) {}  // the losses are computed, not optimised away

                let columns = state.inputFeatures.gridColumns(width: 200, height: 120)
                var evaluation = GridEvaluation()
                let network = playground.network
                let rounds = 20
                grid = min(grid, Self.time {
                    for _ in 0..<rounds { network.evaluate(featureColumns: columns, count: 200 * 120, into: &evaluation) }
                } / Double(rounds) * 1000)
                fastGrid = min(fastGrid, Self.time {
                    for _ in 0..<rounds {
                        network.evaluate(featureColumns: columns, count: 200 * 120, approximate: true, into: &evaluation)
                    }
                } / Double(rounds) * 1000)
            }
            try output.line(config.name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(epochs).padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: "%-16.1f%-17.1f%-17.3f%-14.3f", trainingOnly, withLosses, grid, fastGrid)
                + String(format: "%.6f", finalLoss))
        }
        if wanted?.contains("b") ?? true { try costs(state: Self.configs[1].state, to: &output) }
        if wanted == nil { try frames(to: &output) }
    }

    /// (b) trained with each optimizer, then with SGD and the diagnostics: recorded at every
    /// update, and also read (`diagnostics()`, a forward pass over the training points) after
    /// every epoch as the open gradient panel does; then with the history (`historyCost`).
    /// Rows `b/<name>`; `vs_sgd` is the speed over SGD's.
    func costs(state text: String, to output: inout TextOutput) throws {
        let base = try PlaygroundState.parse(text) { "0.12345" }.state
        try output.line("")
        try output.line("variant (b)               train_only_eps  vs_sgd  train_loss")
        var sgdSpeed = 0.0
        let variants: [(String, Optimizer.Kind, Int)] = Optimizer.Kind.allCases.map { ($0.rawValue, $0, 0) }
            + [("diagnostics-recorded", .sgd, 1), ("diagnostics-every-epoch", .sgd, 2)]
        for (name, kind, diagnostics) in variants {
            var state = base
            state.optimizer = kind
            var speed = 0.0, finalLoss = 0.0
            for _ in 0..<self.repeat {
                var playground = Playground(state: state)
                playground.recordsDiagnostics = diagnostics > 0
                var sink = 0.0
                let seconds = Self.time {
                    if diagnostics == 2 {
                        for _ in 0..<epochs {
                            playground.step()
                            sink += playground.diagnostics()[0].saturated
                        }
                    } else {
                        playground.step(epochs: epochs)
                    }
                }
                withExtendedLifetime(sink) {}
                speed = max(speed, Double(epochs) / seconds)
                finalLoss = playground.trainingLoss()
            }
            if kind == .sgd && diagnostics == 0 { sgdSpeed = speed }
            try output.line(("b/" + name).padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: "%-16.1f%-8.2f%.6f", speed, speed / sgdSpeed, finalLoss))
        }
        try historyCost(base, to: &output)
    }

    /// (b) with SGD and the history recorded, beside a plain run trained in alternation with it:
    /// `epochs` in 20 chunks (fewer when there are fewer epochs), in turns, so that both see the same load. The
    /// speed is the best over the repetitions; `vs_sgd` is the median, over the chunks, of the
    /// plain chunk's time over the recorded one's (1 when recording costs nothing).
    func historyCost(_ state: PlaygroundState, to output: inout TextOutput) throws {
        let chunks = min(20, epochs)
        var speed = 0.0, ratios: [Double] = [], finalLoss = 0.0
        for _ in 0..<self.repeat {
            var plain = Playground(state: state), recorded = Playground(state: state)
            recorded.recordsHistory = true
            var recordedSeconds = 0.0
            for index in 0..<chunks {
                let chunk = epochs / chunks + (index < epochs % chunks ? 1 : 0)
                // In turns, and which goes first in turns too.
                var plainTime = 0.0, recordedTime = 0.0
                if index % 2 == 1 { recordedTime = Self.time { recorded.step(epochs: chunk) } }
                plainTime = Self.time { plain.step(epochs: chunk) }
                if index % 2 == 0 { recordedTime = Self.time { recorded.step(epochs: chunk) } }
                recordedSeconds += recordedTime
                ratios.append(plainTime / recordedTime)
            }
            speed = max(speed, Double(epochs) / recordedSeconds)
            finalLoss = recorded.trainingLoss()
        }
        let median = ratios.sorted()[ratios.count / 2]
        try output.line("b/history-recorded".padding(toLength: 26, withPad: " ", startingAt: 0)
            + String(format: "%-16.1f%-8.2f%.6f", speed, median, finalLoss))
    }

    /// The interactive app's frame: a whole frame for (b) at two sizes, the network drawing
    /// (thumbnails and links) for the largest network at 200x60, and one key press to the screen.
    func frames(to output: inout TextOutput) throws {
        let parse = { (text: String) in try PlaygroundState.parse(text) { "0.12345" }.state }
        let b = try parse(Self.configs[1].state)
        let largest = try parse(Self.configs[2].state)
        try output.line("")
        try output.line("frame                                         size     median_ms  best_ms  worst_ms")
        let rows: [(String, Int, Int, FrameBenchmark.Result)] = [
            ("whole frame, (b)", 120, 40, FrameBenchmark.frame(b, width: 120, height: 40)),
            ("whole frame, (b)", 200, 60, FrameBenchmark.frame(b, width: 200, height: 60)),
            ("whole frame, (c)", 200, 60, FrameBenchmark.frame(largest, width: 200, height: 60)),
            ("network drawing (thumbnails + edges), (c)", 200, 60, FrameBenchmark.networkDrawing(largest, width: 200, height: 60)),
            ("render only, frame built, (b)", 120, 40, FrameBenchmark.renderOnly(b, width: 120, height: 40)),
            ("render only, frame built, (b)", 200, 60, FrameBenchmark.renderOnly(b, width: 200, height: 60)),
            ("key to screen (l L ↓ ↑), (b)", 80, 24, FrameBenchmark.keyToScreen(b, width: 80, height: 24)),
            ("key to screen (l L ↓ ↑), (b)", 120, 40, FrameBenchmark.keyToScreen(b, width: 120, height: 40)),
            ("key to screen (l L ↓ ↑), (b)", 200, 60, FrameBenchmark.keyToScreen(b, width: 200, height: 60)),
        ]
        for (name, width, height, result) in rows {
            try output.line(name.padding(toLength: 46, withPad: " ", startingAt: 0)
                + "\(width)x\(height)".padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(format: "%-11.3f%-9.3f%.3f", result.median, result.best, result.worst))
        }
    }

    static func time(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
