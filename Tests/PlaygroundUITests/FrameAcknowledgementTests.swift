import XCTest
@testable import PlaygroundUI

/// The run loop's gate on frames (issue 15, item 6): one frame in flight until the terminal
/// answers; a terminal that never answers is not waited for.
final class FrameAcknowledgementTests: XCTestCase {
    func testANewFrameWaitsForTheAnswerToTheLast() {
        var gate = FrameAcknowledgement()
        XCTAssertTrue(gate.mayDraw(now: 0))
        gate.asked(now: 0)
        XCTAssertFalse(gate.mayDraw(now: 0.1), "the frame has not crossed the link yet")
        gate.answered(1)
        XCTAssertTrue(gate.mayDraw(now: 0.1))
        XCTAssertTrue(gate.asks)
        XCTAssertEqual(gate.unanswered, 0)
    }

    func testATerminalThatNeverAnswersIsNotAskedAgainNorWaitedFor() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 1)
        XCTAssertFalse(gate.mayDraw(now: 1 + FrameAcknowledgement.patience / 2))
        XCTAssertTrue(gate.mayDraw(now: 1 + FrameAcknowledgement.patience))
        XCTAssertTrue(gate.gaveUp)
        XCTAssertFalse(gate.asks)
        XCTAssertTrue(gate.mayDraw(now: 1 + FrameAcknowledgement.patience))
    }

    func testALostAnswerIsGivenUpWithoutGivingUpTheTerminal() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0)
        gate.answered(1)
        gate.asked(now: 2)
        XCTAssertFalse(gate.mayDraw(now: 2.1))
        XCTAssertTrue(gate.mayDraw(now: 2 + FrameAcknowledgement.patience))
        XCTAssertTrue(gate.asks, "it answered before: the answer was lost, not the terminal's habit")
        gate.asked(now: 3)
        gate.answered(2)  // the lost answer arrives late, with this one
        XCTAssertTrue(gate.mayDraw(now: 3.01))
        XCTAssertEqual(gate.unanswered, 0)
    }

    func testRestartForgetsAnswersOnTheirWay() {
        var gate = FrameAcknowledgement()
        gate.asked(now: 0)
        gate.restart()
        XCTAssertTrue(gate.mayDraw(now: 0.01))
        XCTAssertEqual(gate.unanswered, 0)
    }
}
