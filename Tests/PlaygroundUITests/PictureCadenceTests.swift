import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// When the pictures are evaluated (issue 15, item 6): paced while training, at once otherwise,
/// and the app's pictures exact again as soon as training stops.
final class PictureCadenceTests: XCTestCase {
    let frame = 1.0 / 30

    /// The times at which a cadence answers yes over `frames` training frames of `period` seconds.
    func refreshTimes(_ cadence: inout PictureCadence, frames: Int, period: Double, start: Double = 5) -> [Double] {
        (0..<frames).compactMap { index in
            let now = start + Double(index) * period
            return cadence.picturesDue(now: now, training: true, networkChanged: true, frameSeconds: period) ? now : nil
        }
    }

    func testTrainingAtThirtyFramesASecondRefreshesEveryThirdFrame() {
        var cadence = PictureCadence()
        let times = refreshTimes(&cadence, frames: 90, period: frame)
        XCTAssertEqual(times.count, 30, "3 s at 10 pictures a second")
        XCTAssertEqual(times.first, 5, "the first training frame pictures its network")
        for (a, b) in zip(times, times.dropFirst()) { XCTAssertEqual(b - a, 3 * frame, accuracy: 1e-9) }
    }

    func testNoPictureIsOlderThanTheIntervalAtAnyFrameRate() {
        for period in [1.0 / 60, 1.0 / 30, 1.0 / 24, 0.07, 0.1, 0.25] {
            var cadence = PictureCadence()
            let times = refreshTimes(&cadence, frames: 200, period: period)
            let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
            // A gap longer than the interval is only the frame period itself (every frame refreshes).
            XCTAssertLessThanOrEqual(gaps.max() ?? 0, max(PictureCadence.standardInterval, period) + 1e-9, "\(period)")
            XCTAssertGreaterThan(times.count, 200 / max(1, Int((PictureCadence.standardInterval / period).rounded(.up))) - 1)
        }
    }

    func testChangesOtherThanTrainingAreDueAtOnceAndRestartThePacing() {
        var cadence = PictureCadence()
        XCTAssertTrue(cadence.picturesDue(now: 1, training: true, networkChanged: true, frameSeconds: frame))
        XCTAssertFalse(cadence.picturesDue(now: 1 + frame, training: true, networkChanged: true, frameSeconds: frame))
        // An edit, a reset, a pause: at once, however recent the last picture.
        XCTAssertTrue(cadence.picturesDue(now: 1 + 2 * frame, training: false, networkChanged: true, frameSeconds: frame))
        XCTAssertTrue(cadence.picturesDue(now: 1 + 2 * frame, training: false, networkChanged: true, frameSeconds: frame))
        XCTAssertTrue(cadence.picturesDue(now: 1 + 3 * frame, training: true, networkChanged: true, frameSeconds: frame),
                      "training after an unpaced picture pictures at once")
    }

    func testNothingIsDueWhenTheNetworkDidNotChange() {
        var cadence = PictureCadence()
        XCTAssertFalse(cadence.picturesDue(now: 1, training: false, networkChanged: false, frameSeconds: frame))
        XCTAssertFalse(cadence.picturesDue(now: 1, training: true, networkChanged: false, frameSeconds: frame))
        XCTAssertNil(cadence.lastRefresh)
    }

    // MARK: The wiring into update (its picture policy: .keep while the run loop paces training)

    func testHeldTrainingKeepsThePicturesAndTheViewDrawsThemWithoutEvaluating() {
        var app = makeApp("dataset=spiral&networkShape=6,4", width: 120, height: 40)
        app.isPlaying = true
        let before = screen(app)
        let evaluations = (app.heatMap.evaluations, app.thumbnails.evaluations)
        _ = update(&app, .train(epochs: 20), pictures: .keep)
        XCTAssertEqual(app.heatMap.evaluations, evaluations.0)
        XCTAssertEqual(app.thumbnails.evaluations, evaluations.1)
        let held = screen(app)
        let area = app.layout.heatMap
        XCTAssertEqual(rows(held, area), rows(before, area), "the heat map shows the network as last pictured")
        XCTAssertNotEqual(held.lines.joined(), before.lines.joined(), "the counters move on")

        _ = update(&app, .train(epochs: 1))
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                            width: area.width, height: 2 * area.height))
        XCTAssertNotEqual(rows(screen(app), area), rows(before, area))
    }

    func testPausingOrAKeyThatChangesTheNetworkShowsTheExactPictureAtOnce() {
        for key in [Action.togglePlay, .resetNetwork, .step] {
            var app = makeApp("dataset=xor&networkShape=5,3")
            app.isPlaying = true
            _ = update(&app, .train(epochs: 30), pictures: .keep)
            _ = update(&app, key)
            let area = app.layout.heatMap, features = app.settings.inputFeatures
            XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: features,
                                                width: area.width, height: 2 * area.height), "\(key)")
            var fresh = app
            fresh.refreshPictures()
            assertSameGrid(screen(app), screen(fresh))
        }
    }

    func testDivergingWhileHeldPausesWithTheExactPicture() {
        var app = makeApp("problem=regression&learningRate=10&activation=relu&networkShape=8,8,8")
        app.isPlaying = true
        let evaluations = app.heatMap.evaluations
        for _ in 0..<50 where app.isPlaying { _ = update(&app, .train(epochs: 10), pictures: .keep) }
        XCTAssertTrue(app.hasDiverged)
        XCTAssertFalse(app.isPlaying)
        // A diverged network is not equal to itself (NaN), so count evaluations: none while
        // held, one for the pause.
        XCTAssertEqual(app.heatMap.evaluations, evaluations + 1)
        XCTAssertEqual(app.thumbnails.evaluations, 1 + 1)
    }

    func rows(_ grid: CellGrid, _ area: Rect) -> [[Cell]] {
        (area.y..<area.maxY).map { y in (area.x..<area.maxX).map { grid[$0, y] } }
    }
}
