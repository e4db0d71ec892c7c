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

    func testFlatOutFillsTheBudget() {
        var pacer = FramePacer()
        let app = playing(.fastest)
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 0.001, state: app), 21)
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 0.0001, state: app), 216)
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 1, state: app), 1, "at least one")
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 0, state: app), 1_000_000, "capped")
        XCTAssertEqual(pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: .nan, state: app), 1_000_000)
    }

    func testFixedSpeedsAccumulateFractions() {
        for (speed, perSecond) in [(Speed.one, 1), (.three, 3), (.ten, 10), (.thirty, 30), (.hundred, 100)] {
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
        let epochs = pacer.epochsForNextFrame(frameSeconds: frame, secondsPerEpoch: 0.01, state: app)
        XCTAssertEqual(epochs, 2)
        XCTAssertLessThan(pacer.pendingEpochs, 1, "no debt builds up")
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
        XCTAssertEqual(Speed.allCases.map(\.title), ["1 epoch/s", "3 epochs/s", "10 epochs/s", "30 epochs/s", "100 epochs/s", "max"])
        XCTAssertEqual(Speed.one.stepped(by: -1), .one)
        XCTAssertEqual(Speed.fastest.stepped(by: 1), .fastest)
    }
}
