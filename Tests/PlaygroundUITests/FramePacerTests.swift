import XCTest
@testable import PlaygroundUI

final class FramePacerTests: XCTestCase {
    let frame = 1.0 / 30

    func playing(_ speed: Speed) -> AppState {
        var app = makeApp()
        app.isPlaying = true
        app.speed = speed
        return app
    }

    /// Runs the pacer for `frames` frames at one measured speed; returns the counts.
    func run(_ pacer: inout FramePacer, frames: Int, secondsPerEpoch: Double, state: AppState) -> [Int] {
        (0..<frames).map { _ in pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: secondsPerEpoch, state: state) }
    }

    func testFlatOutFillsTheBudgetAfterAShortRamp() {
        var pacer = FramePacer()
        let app = playing(.fastest)
        XCTAssertEqual(run(&pacer, frames: 8, secondsPerEpoch: 0.001, state: app), [1, 3, 7, 15, 21, 21, 21, 21])
        XCTAssertEqual(run(&pacer, frames: 4, secondsPerEpoch: 0.0001, state: app), [43, 87, 175, 216], "65 % of 1/30 s")
        XCTAssertEqual(run(&pacer, frames: 1, secondsPerEpoch: 1, state: app), [1], "at least one")
    }

    func testATinyMeasurementCannotFreezeTheScreen() {
        var pacer = FramePacer()
        let app = playing(.fastest)
        let counts = run(&pacer, frames: 20, secondsPerEpoch: 0, state: app)
        XCTAssertEqual(counts.first, 1)
        XCTAssertEqual(counts.last, 1_000_000, "capped")
        XCTAssertTrue(zip(counts, counts.dropFirst()).allSatisfy { $1 <= 2 * $0 + 1 })
        XCTAssertEqual(run(&pacer, frames: 1, secondsPerEpoch: .nan, state: app), [1_000_000])
    }

    func testFixedSpeedsAccumulateFractions() {
        for (speed, perSecond) in [(Speed.one, 1), (.three, 3), (.ten, 10), (.thirty, 30), (.sixty, 60), (.hundred, 100)] {
            var pacer = FramePacer()
            let app = playing(speed)
            let perFrame = (0..<30).map { _ in pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 1e-5, state: app) }
            XCTAssertEqual(perFrame.reduce(0, +), perSecond, "\(speed)")
            XCTAssertLessThanOrEqual(perFrame.max()! - perFrame.min()!, 1, "evenly spread")
        }
    }

    func testFixedSpeedsAreCappedByWhatTheFrameAffords() {
        var pacer = FramePacer()
        let app = playing(.hundred)
        XCTAssertEqual(run(&pacer, frames: 4, secondsPerEpoch: 0.01, state: app), [2, 2, 2, 2])
        XCTAssertLessThan(pacer.pendingEpochs, 1, "no debt builds up")
    }

    /// Issue 8: the default is TF's pace, about one epoch per animation frame: two epochs on
    /// every 1/30 s frame (60 a second), not as many as the frame affords.
    func testTheDefaultSpeedTrainsTwoEpochsOnEveryFrame() {
        var app = makeApp()
        app.isPlaying = true
        XCTAssertEqual(app.speed, .sixty)
        var pacer = FramePacer()
        XCTAssertEqual(run(&pacer, frames: 90, secondsPerEpoch: 1e-5, state: app), Array(repeating: 2, count: 90))
    }

    func testPausedTrainsNothing() {
        var pacer = FramePacer()
        var app = playing(.ten)
        _ = pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 1e-5, state: app)
        app.isPlaying = false
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 1e-5, state: app), 0)
        XCTAssertEqual(pacer.pendingEpochs, 0)
    }

    func testSpeedLevels() {
        XCTAssertEqual(Speed.allCases.map(\.title),
                       ["1 epoch/s", "3 epochs/s", "10 epochs/s", "30 epochs/s", "60 epochs/s", "100 epochs/s", "max"])
        XCTAssertEqual(Speed.one.stepped(by: -1), .one)
        XCTAssertEqual(Speed.fastest.stepped(by: 1), .fastest)
    }
}
