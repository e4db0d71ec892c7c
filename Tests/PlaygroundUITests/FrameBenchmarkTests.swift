import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The frame benchmark measures what it says: the numbers themselves belong to `make bench`
/// (machines are noisy), so this only checks that the measured work is the real frame.
final class FrameBenchmarkTests: XCTestCase {
    func testFrameBenchmarkDrawsTheWholeFrame() throws {
        let settings = makeSettings("dataset=spiral&networkShape=8,8,8&" + HeatMapTests.allFeatures)
        let result = FrameBenchmark.frame(settings, width: 120, height: 40, rounds: 3)
        XCTAssertEqual(result.samples.count, 3)
        XCTAssertTrue(result.samples.allSatisfy { $0 > 0 && $0.isFinite })
        XCTAssertLessThanOrEqual(result.best, result.median)
        XCTAssertLessThanOrEqual(result.median, result.worst)
    }

    func testNetworkDrawingBenchmarkNeedsADiagram() {
        let settings = makeSettings("networkShape=8,8,8,8,8,8&" + HeatMapTests.allFeatures)
        let result = FrameBenchmark.networkDrawing(settings, width: 200, height: 60, rounds: 2)
        XCTAssertEqual(result.samples.count, 2)
        XCTAssertTrue(result.samples.allSatisfy { $0 > 0 })
        XCTAssertEqual(FrameBenchmark.networkDrawing(settings, width: 10, height: 5, rounds: 2).samples, [0],
                       "below the minimum size there is no drawing to time")
    }
}
