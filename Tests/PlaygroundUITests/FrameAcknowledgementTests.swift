import XCTest
@testable import PlaygroundUI

/// The run loop's gate on frames (issue 15, item 6): one frame in flight until the terminal
/// answers; a terminal that never answers is not waited for.
final class FrameAcknowledgementTests: XCTestCase {
    func testANewFrameWaitsForTheAnswerToTheLast() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0)
        gate.answered(1, now: 0.01)
        XCTAssertTrue(gate.mayDraw(now: 0.02))
        gate.asked(now: 0.02)
        XCTAssertFalse(gate.mayDraw(now: 0.1), "the frame has not crossed the link yet")
        gate.answered(1)
        XCTAssertTrue(gate.mayDraw(now: 0.1))
        XCTAssertTrue(gate.asks)
        XCTAssertEqual(gate.unanswered, 0)
    }

    func testATerminalThatNeverAnswersIsNotWaitedForNorAskedForever() {
        var gate = FrameAcknowledgement()
        for index in 0..<(FrameAcknowledgement.unansweredLimit - 1) {
            gate.asked(now: Double(index))
            XCTAssertTrue(gate.mayDraw(now: Double(index) + 0.01), "no answer yet: nothing to wait for")
        }
        XCTAssertTrue(gate.asks)
        gate.asked(now: 100)
        XCTAssertTrue(gate.gaveUp)
        XCTAssertFalse(gate.asks)
    }

    func testTheFirstAnswerMayTakeLong() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0, bytes: 40_000)
        gate.answered(1, now: 1.25)
        XCTAssertTrue(gate.asks)
        gate.asked(now: 1.3)
        XCTAssertFalse(gate.mayDraw(now: 1.4), "it answers: wait for it")
    }

    func testALostAnswerIsGivenUpWithoutGivingUpTheTerminal() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0)
        gate.answered(1)
        gate.asked(now: 2)
        XCTAssertFalse(gate.mayDraw(now: 3), "a large frame over a slow link takes a while")
        XCTAssertTrue(gate.mayDraw(now: 2 + FrameAcknowledgement.lostAfter))
        XCTAssertTrue(gate.asks, "it answered before: the answer was lost, not the terminal's habit")
        gate.asked(now: 6, bytes: 10_000)
        gate.answered(1, now: 6.01)  // the lost answer, late: it says nothing of this frame
        XCTAssertNil(gate.bytesPerSecond)
        XCTAssertTrue(gate.mayDraw(now: 6.01))
        XCTAssertEqual(gate.unanswered, 0)
    }

    /// 32,000 bytes a second and a 20 ms round trip: a small frame shows the round trip, large
    /// ones the speed; a frame is then what the link carries in 50 ms. A fast link is not limited.
    func testTheAnswersMeasureTheLink() {
        var gate = FrameAcknowledgement()
        XCTAssertNil(gate.frameBytes)
        var now = 10.0
        func frame(_ bytes: Int) {
            gate.asked(now: now, bytes: bytes)
            now += 0.02 + Double(bytes) / 32_000
            gate.answered(1, now: now)
        }
        frame(100)
        XCTAssertEqual(gate.roundTrip ?? 0, 0.02 + 100.0 / 32_000, accuracy: 1e-9)
        XCTAssertNil(gate.frameBytes, "a small frame does not tell the speed")
        frame(8_000)
        frame(3_000)
        XCTAssertEqual(gate.bytesPerSecond ?? 0, 32_000, accuracy: 1_000)
        XCTAssertEqual(Double(gate.frameBytes ?? 0), 1_600, accuracy: 60)

        var fast = FrameAcknowledgement()
        fast.asked(now: 0, bytes: 100)
        fast.answered(1, now: 0.001)
        fast.asked(now: 1, bytes: 200_000)
        fast.answered(1, now: 1.021)
        XCTAssertNil(fast.frameBytes, "10 MB/s needs no limit")
    }

    func testRestartForgetsAnswersOnTheirWay() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0)
        gate.restart()
        XCTAssertTrue(gate.mayDraw(now: 0.01))
        XCTAssertEqual(gate.unanswered, 0)
    }
}
