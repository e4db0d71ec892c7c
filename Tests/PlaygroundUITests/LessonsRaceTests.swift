import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Lesson 5's race: each optimizer's first step by hand, who wins where, and that it runs on
/// the frame ticks only while playing.
final class LessonsRaceTests: XCTestCase {
    static func runner(_ race: OptimizerRace, _ kind: Optimizer.Kind) -> OptimizerRace.Runner {
        race.runners.first { $0.optimizer.kind == kind }!
    }

    /// f = x² + 25y² from (1, 1), lr 0.01: the gradient is (2, 50).
    func testEachOptimizersFirstStepByHand() {
        var race = OptimizerRace(surface: .bowl)
        race.setStart(x: 1, y: 1)
        race.changeRate(by: 2)
        XCTAssertEqual(race.learningRate, 0.01)
        race.step()
        let expected: [(Optimizer.Kind, Double, Double)] = [
            (.sgd, 1 - 0.01 * 2, 1 - 0.01 * 50),                       // x ← x − lr·dx
            (.momentum, 1 - 0.01 * 2, 1 - 0.01 * 50),                  // v = g on the first step
            (.nesterov, 1 - 0.01 * 1.9 * 2, 1 - 0.01 * 1.9 * 50),      // lr·(g + 0.9·v), v = g
            (.rmsprop, 1 - 0.01 / 0.1.squareRoot(), 1 - 0.01 / 0.1.squareRoot()),  // s = 0.1·g²: lr·g/(√0.1·|g|)
            (.adam, 1 - 0.01, 1 - 0.01),                               // m̂ = g, ŝ = g²: lr·g/|g|
        ]
        for (kind, x, y) in expected {
            let runner = Self.runner(race, kind)
            XCTAssertEqual(runner.x, x, accuracy: 1e-9, "\(kind) x")
            XCTAssertEqual(runner.y, y, accuracy: 1e-9, "\(kind) y")
        }
    }

    /// From (-1.5, 2) at lr 0.001 plain descent crawls along the valley; momentum and Nesterov
    /// reach the minimum's neighbourhood. Adam at that rate moves about lr per step (its step is
    /// lr·m̂/√ŝ ≈ lr), so it needs a larger rate: at lr 0.01 descent and momentum leave the picture
    /// while Adam and RMSProp go down the valley.
    func testOnRosenbrockMomentumBeatsPlainDescentAndAdamSurvivesALargerRate() {
        var race = OptimizerRace(surface: .rosenbrock)
        XCTAssertEqual(race.learningRate, 0.001)
        XCTAssertEqual(race.startX, -1.5)
        XCTAssertEqual(race.startY, 2)
        race.step(times: 500)
        let sgd = race.loss(of: Self.runner(race, .sgd))
        XCTAssertLessThan(race.loss(of: Self.runner(race, .momentum)), sgd / 100)
        XCTAssertLessThan(race.loss(of: Self.runner(race, .nesterov)), sgd / 100)

        var fast = OptimizerRace(surface: .rosenbrock)
        fast.changeRate(by: 2)
        XCTAssertEqual(fast.learningRate, 0.01)
        fast.step(times: 500)
        XCTAssertTrue(Self.runner(fast, .sgd).hasDiverged)
        XCTAssertTrue(Self.runner(fast, .momentum).hasDiverged)
        for kind in [Optimizer.Kind.adam, .rmsprop] {
            XCTAssertFalse(Self.runner(fast, kind).hasDiverged, "\(kind)")
            XCTAssertLessThan(fast.loss(of: Self.runner(fast, kind)), 5, "\(kind) goes down from 12.5")
        }
    }

    /// Just off the saddle's ridge the gradient across is tiny: plain descent stalls near the
    /// middle, momentum gathers speed and falls off.
    func testOnTheSaddlePlainDescentStallsAndMomentumEscapes() {
        var race = OptimizerRace(surface: .saddle)
        race.step(times: 300)
        let sgd = Self.runner(race, .sgd)
        XCTAssertLessThan(abs(sgd.x), 1, "SGD reached the middle")
        XCTAssertLessThan(abs(sgd.y), 0.1, "and crawls there")
        race.step(times: 700)
        XCTAssertTrue(Self.runner(race, .momentum).hasDiverged || abs(Self.runner(race, .momentum).y) > 2)
    }

    func testTheRaceRunsOnFrameTicksOnlyWhilePlaying() {
        var app = LessonsGraphTests.lessons(.descent)
        _ = update(&app, .train(epochs: 5))
        XCTAssertEqual(app.lessons!.race.steps, 0, "paused: a tick does nothing")
        press(" ", &app)
        XCTAssertTrue(app.isPlaying)
        _ = update(&app, .train(epochs: 5))
        XCTAssertEqual(app.lessons!.race.steps, 3, "at most three steps a tick")
        _ = update(&app, .train(epochs: 1))
        XCTAssertEqual(app.lessons!.race.steps, 4)
        XCTAssertTrue(screen(app).lines.joined().contains("step 4 of 1000  running"))
        press(" ", &app)
        XCTAssertFalse(app.isPlaying)
        press("1", &app)
        press(" ", &app)
        XCTAssertFalse(app.isPlaying, "Space steps the graph in lesson 1")
        press("5", &app)
        press(.up, &app)
        XCTAssertEqual(app.lessons!.race.startY, 2.2, accuracy: 1e-12, "↑ moves the start up a twentieth")
        XCTAssertEqual(app.lessons!.race.steps, 0, "and restarts the race")
        press("L", &app)
        XCTAssertEqual(app.lessons!.race.learningRate, 0.003)
        press("m", &app)
        XCTAssertEqual(app.lessons!.race.surface, .saddle)
        press(.end, &app)
        XCTAssertEqual(app.lessons!.race.steps, OptimizerRace.maxSteps)
    }

    /// On the saddle at lr 0.03 every optimizer leaves the map: each row says "left" in the same
    /// fixed columns (no numbers running into each other); the map has its axes' values and
    /// marks the saddle point, and Rosenbrock's minimum at (1, 1).
    func testTheTableKeepsItsColumnsAndTheMapHasAxes() {
        for (width, height) in [(80, 24), (200, 60)] {
            var app = LessonsGraphTests.lessons(.descent, width: width, height: height)
            press("m", &app)
            for _ in 0..<3 { press("L", &app) }
            XCTAssertEqual(app.lessons!.race.learningRate, 0.03)
            press(.end, &app)
            let lines = screen(app).lines
            let rows = app.lessons!.race.runners.map { runner in lines.first { $0.contains(" " + runner.optimizer.kind.title + " ") }! }
            for row in rows { XCTAssertTrue(row.hasSuffix("-       -     left") || row.contains("-       -     left "), row) }
            XCTAssertTrue(lines.contains { $0.contains("+ saddle point (0, 0)") })
            // The x axis under the map: -2 at its left edge, 0 in the middle, 2 at its right.
            let axis = lines[height - 2]
            XCTAssertTrue(axis.hasPrefix("   -2 "), axis)
            XCTAssertTrue(axis.contains(" 0 ") && axis.contains(" 2 "), axis)
            XCTAssertTrue(lines[3].hasPrefix(" 2 "), "y's top value")
            XCTAssertTrue(lines[height - 3].hasPrefix("-2 "), "y's bottom value")
            // Rosenbrock's minimum (1, 1) is marked where the map puts (1, 1).
            press("M", &app)
            let map = RaceView.mapRect(in: Rect(x: 0, y: 3, width: width, height: height - 4),
                                       tableWidth: min(44, max(40, width / 3)))
            let at = RaceView.cell(.rosenbrock, x: 1, y: 1, in: map)!
            let text = screen(app)
            XCTAssertEqual(text[at.x, at.y].scalar, "×", "the minimum at \(at)")
            XCTAssertTrue(text.lines.contains { $0.contains("× minimum (1, 1)") })
        }
    }
}
