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

    /// A laptop screen in a real terminal: lesson 2's whole graph fits 80×24 once the steps are
    /// done (inputs at the left, f at the right), with the slide's gradients; Space then says it
    /// is the end. Under LC_ALL=C the same lesson draws in ASCII with its table's arrows in line.
    func testLessonTwoWholeAt80x24InUTF8AndASCII() throws {
        for environment in [[String: String](), ["LC_ALL": "C"]] {
            let ascii = environment["LC_ALL"] == "C"
            let session = try start(width: 80, height: 24, environment: environment, arguments: ["lessons", "--state", Self.state])
            try waitForText(session, "chain rule")
            try session.type("2")
            try waitForText(session, "sigmoid neuron", "step 0 of 20")
            try session.send("End")
            let d = ascii ? "d" : "∂"
            let done = try waitForText(session, "\(d)f/\(d)x1 = -0.59")
            for text in ["[w0]", "[x0]", "[w1]", "[x1]", "[w2]", ascii ? "(1/x)" : "(1/x)", "f=0.73", "n6=0.37",
                         "\(d)f/\(d)w0 = -0.2  \(d)f/\(d)x0 = 0.39  \(d)f/\(d)w1 = -0.39  \(d)f/\(d)x1 = -0.59  \(d)f/\(d)w2 = 0.2",
                         "backward 12/12: x0: [2] \(ascii ? "x" : "×") [0.2] = 0.4"] {
                XCTAssertTrue(done.contains(text), "\(text) in\n\(done.text)")
            }
            XCTAssertFalse(done.contains("more"), "nothing beyond the screen:\n\(done.text)")
            // The table's arrows in one column.
            let arrow = ascii ? " -> " : " → "
            let table = done.lines.prefix(20).filter { $0.contains(arrow) }
            XCTAssertEqual(table.count, 6, done.text)
            let columns = Set(table.map { $0.components(separatedBy: arrow)[0].count })
            XCTAssertEqual(columns.count, 1, done.text)
            try session.send("Space")
            try waitForText(session, "the end: Home restarts, Tab lesson 3")
        }
    }
}
