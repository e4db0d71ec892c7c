// Stop conditions in the app (issue 19, item 5): training pauses by itself at a target test loss or an epoch limit.
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class StopConditionTests: XCTestCase {
    /// The first epoch whose test loss is at most `target`, found by training a single run one
    /// epoch at a time (independently of `RunTracker`).
    static func firstEpoch(_ pairs: String, reaching target: Double, within limit: Int = 5_000) -> Int? {
        var single = Playground(state: makeSettings(pairs))
        for epoch in 1...limit {
            single.step()
            if single.testLoss() <= target { return epoch }
        }
        return nil
    }

    /// `j` steps the target from none to 0.5, 0.2, …; playing pauses at the first epoch whose
    /// test loss reaches it, with the reason, and the network is that epoch's.
    func testTrainingPausesAtTheTargetTestLoss() throws {
        var app = makeApp("dataset=xor&networkShape=4")
        press("j", &app)
        XCTAssertEqual(app.stop.targetTestLoss, 0.5)
        press("j", &app)
        press("j", &app)
        XCTAssertEqual(app.stop.targetTestLoss, 0.1)
        XCTAssertEqual(app.status, "stop at test loss ≤ 0.1")
        let expected = try XCTUnwrap(Self.firstEpoch("dataset=xor&networkShape=4", reaching: 0.1))
        XCTAssertGreaterThan(expected, 30, "a target some frames away")
        press(" ", &app)
        var frames = 0
        while app.isPlaying, frames < 1_000 {
            _ = update(&app, .train(epochs: 7))
            frames += 1
        }
        XCTAssertEqual(app.playground.epoch, expected)
        XCTAssertEqual(app.status, "reached test loss 0.1 at epoch \(Format.grouped(expected))")
        var single = Playground(state: makeSettings("dataset=xor&networkShape=4"))
        single.step(epochs: expected)
        XCTAssertEqual(app.playground.network, single.network, "stopping changes no number")
        XCTAssertEqual(app.losses.last?.epoch, expected)
        // Play again: the target met is behind, training goes on.
        press(" ", &app)
        _ = update(&app, .train(epochs: 5))
        XCTAssertEqual(app.playground.epoch, expected + 5)
        XCTAssertTrue(app.isPlaying)
        // `J` above the top rung: no target.
        for _ in 0..<7 { press("J", &app) }
        XCTAssertNil(app.stop.targetTestLoss)
    }

    /// `(` from none goes to the highest limit and down the ladder; training stops at the limit
    /// exactly, whatever the frame's share, and refuses to go beyond it.
    func testTrainingPausesAtTheEpochLimit() {
        var app = makeApp()
        press("(", &app)
        XCTAssertEqual(app.stop.epochLimit, 50_000)
        for _ in 0..<8 { press("(", &app) }
        XCTAssertEqual(app.stop.epochLimit, 100)
        press("(", &app)
        XCTAssertEqual(app.stop.epochLimit, 100, "the lowest rung holds")
        press(" ", &app)
        _ = update(&app, .train(epochs: 70))
        XCTAssertTrue(app.isPlaying)
        _ = update(&app, .train(epochs: 70))
        XCTAssertEqual(app.playground.epoch, 100)
        XCTAssertFalse(app.isPlaying)
        XCTAssertEqual(app.status, "epoch limit 100 reached")
        press(" ", &app)
        _ = update(&app, .train(epochs: 5))
        XCTAssertEqual(app.playground.epoch, 100)
        XCTAssertFalse(app.isPlaying)
        XCTAssertEqual(app.status, "epoch limit 100 reached: ) raises it")
        press(")", &app)
        XCTAssertEqual(app.stop.epochLimit, 200)
    }

    /// In the comparison each run stops at the target by itself, at the epoch a single run of
    /// its state reaches it, shown in the legend; the others go on; when all have stopped the
    /// lockstep pauses with the count.
    func testEachRunOfAComparisonStopsAtTheTarget() throws {
        let base = "dataset=xor&networkShape=4&learningRate=0.03"
        var app = makeApp(base, width: 120, height: 40)
        _ = update(&app, .focus(.learningRate))
        for _ in 0..<3 { press("j", &app) }
        press("(", &app)
        press("(", &app)
        press("(", &app)
        XCTAssertEqual(app.stop.epochLimit, 10_000)
        press("X", &app)
        press(" ", &app)
        var frames = 0
        while app.isPlaying, frames < 20_000 {
            _ = update(&app, .train(epochs: 50))
            frames += 1
        }
        let compare = try XCTUnwrap(app.compare)
        XCTAssertEqual(compare.runs.map(\.value), ["0.003", "0.01", "0.03", "0.1", "0.3"])
        var reached = 0
        for run in compare.runs {
            let expected = Self.firstEpoch(base + "&learningRate=\(run.value)", reaching: 0.1, within: 10_000)
            XCTAssertEqual(run.reachedTargetAt, expected, run.value)
            XCTAssertEqual(run.epoch, expected ?? 10_000, run.value)
            if expected != nil { reached += 1 }
        }
        XCTAssertGreaterThan(reached, 1)
        let message = "every run stopped: \(reached) reached test loss 0.1" + (reached < 5 ? ", \(5 - reached) at epoch limit 10,000" : "")
        XCTAssertEqual(app.status, message)
        let grid = screen(app)
        let text = (0..<40).map(grid.line).joined(separator: "\n")
        for run in compare.runs {
            guard let epoch = run.reachedTargetAt else { continue }
            let row = " " + CompareView.pad(run.value, 13) + CompareView.leftPad(Format.grouped(epoch), 7)
                + CompareView.leftPad(Format.lossLabel(run.testLoss), 7) + "  ✓"
            XCTAssertTrue(text.contains(row), "legend: \(row)")
            XCTAssertTrue(text.contains("✓" + Format.grouped(epoch) + " "), "map label of \(run.value)")
        }
    }

    /// A run whose loss is no longer finite stops training (it would only compute NaN); the
    /// others go on, and when all have stopped the message counts it. A ReLU regression at
    /// learning rate 3 diverges within a few epochs; the single run shows when.
    static let diverging = "problem=regression&activation=relu&learningRate=3"

    func testADivergedRunOfAComparisonStops() throws {
        var single = Playground(state: makeSettings(Self.diverging))
        var divergedAt: Int?
        for epoch in 1...100 where divergedAt == nil {
            single.step()
            if !single.testLoss().isFinite || !single.trainingLoss().isFinite { divergedAt = epoch }
        }
        let epoch = try XCTUnwrap(divergedAt, "learning rate 3 diverges")
        var app = makeApp(Self.diverging)
        _ = update(&app, .focus(.learningRate))
        press("(", &app)
        for _ in 0..<8 { press("(", &app) }
        XCTAssertEqual(app.stop.epochLimit, 100)
        press("X", &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["0.1", "0.3", "1", "3", "10"])
        press(" ", &app)
        var frames = 0
        while app.isPlaying, frames < 1_000 {
            _ = update(&app, .train(epochs: 5))
            frames += 1
        }
        let compare = try XCTUnwrap(app.compare)
        let high = try XCTUnwrap(compare.runs.first { $0.value == "3" })
        XCTAssertTrue(high.hasDiverged)
        XCTAssertLessThan(high.epoch, 100)
        XCTAssertGreaterThanOrEqual(high.epoch, epoch, "it trains up to the frame it diverged in")
        let diverged = compare.runs.filter(\.hasDiverged).count
        XCTAssertEqual(app.status, "every run stopped: \(compare.runs.count - diverged) at epoch limit 100, \(diverged) diverged")
    }
}
