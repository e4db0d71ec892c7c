import Foundation
import XCTest

/// The lessons in a real terminal: stepping the chain rule to its gradients, a bad expression,
/// and the optimizer race running on the frame loop.
final class LessonsScreenTests: EndToEndTestCase {
    func testStepThroughTheChainRuleToItsGradients() throws {
        let session = try start(width: 80, height: 24)
        try waitForText(session, "Training loss")
        try session.type("o")
        try waitForText(session, "chain rule", "step 0 of 6")
        for _ in 0..<6 { try session.send("Space") }
        let done = try waitForText(session, "∂f/∂x = -4")
        XCTAssertTrue(done.contains("∂f/∂z = 3") && done.contains("f=-12"), done.text)
        try session.send("Escape")
        try waitForText(session, "Training loss")
    }

    func testABadExpressionShowsTheMessage() throws {
        let session = try start(width: 80, height: 24, arguments: ["lessons", "--state", Self.state])
        try waitForText(session, "chain rule", "step 0 of 6")
        try session.type("3")
        try waitForText(session, "Your expression")
        try session.type("e")
        try waitForText(session, "values:", "f = ")
        for _ in 0..<12 { try session.send("BSpace") }
        try session.type("2*(x+")
        try session.send("Enter")
        let screen = try waitForText(session, "column 6: expected a number")
        XCTAssertTrue(screen.contains("^"), screen.text)
    }

    func testTheRaceTableMoves() throws {
        let session = try start(width: 100, height: 30, arguments: ["lessons", "--state", Self.state])
        try waitForText(session, "chain rule")
        try session.type("5")
        let paused = try waitForText(session, "step 0 of 1000", "Momentum")
        try session.send("Space")
        let moved = try waitForScreen(session, "the race to run and the table to change") { screen in
            (screen.numbers(after: "step").first ?? 0) > 20 && screen.text != paused.text
        }
        XCTAssertTrue(moved.contains("running"), moved.text)
        try session.send("Space")
        var previous = -1.0
        try waitForScreen(session, "the race to stop after pausing") { screen in
            let step = screen.numbers(after: "step").first ?? -1
            defer { previous = step; usleep(250_000) }
            return step == previous && step > 0
        }
    }
}
