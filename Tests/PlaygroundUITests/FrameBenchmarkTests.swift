import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The frame benchmark measures what it says: the numbers themselves belong to `make bench`
/// (machines are noisy), so these check that the timed work is the real frame: every round
/// evaluates the pictures again, and the frame it draws is the app's own frame.
final class FrameBenchmarkTests: XCTestCase {
    func testFrameBenchmarkEvaluatesAndDrawsTheWholeFrameEveryRound() throws {
        let settings = makeSettings("dataset=spiral&networkShape=8,8,8&" + HeatMapTests.allFeatures)
        let rounds = 3
        let result = FrameBenchmark.frame(settings, width: 120, height: 40, rounds: rounds)
        XCTAssertEqual(result.samples.count, rounds)
        XCTAssertEqual(result.evaluations, 2 * rounds, "the heat map and the thumbnails, once each per round")
        // The same app, trained as many epochs, renders the frame the benchmark drew last.
        var app = AppState(state: settings, capabilities: Capabilities(), width: 120, height: 40)
        app.playground.step(epochs: rounds)
        app.refreshPictures()
        assertSameGrid(result.lastFrame, screen(app))
    }

    func testNetworkDrawingBenchmarkDrawsTheNetwork() {
        let settings = makeSettings("networkShape=8,8,8,8,8,8&" + HeatMapTests.allFeatures)
        let result = FrameBenchmark.networkDrawing(settings, width: 200, height: 60, rounds: 2)
        XCTAssertEqual(result.samples.count, 2)
        XCTAssertEqual(result.evaluations, 2, "the thumbnails, once per round")
        var app = AppState(state: settings, capabilities: Capabilities(), width: 200, height: 60)
        app.playground.step(epochs: 2)
        app.refreshPictures()
        var expected = CellGrid(width: 200, height: 60)
        NetworkView.draw(app, layout: app.layout, into: &expected)
        assertSameGrid(result.lastFrame, expected)
        XCTAssertEqual(FrameBenchmark.networkDrawing(settings, width: 10, height: 5, rounds: 2).samples, [0],
                       "below the minimum size there is no drawing to time")
    }
}
