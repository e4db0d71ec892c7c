import Foundation
import XCTest

/// Input as terminals really send it: mouse reports in both encodings, beyond X10's column 223,
/// and an escape sequence cut in two by a pause longer than the Esc timeout.
final class MouseAndSequenceTests: EndToEndTestCase {
    /// X10 reports carry the column in one byte (32 + column), so they stop at column 223; the
    /// app asks for SGR reports (mode 1006), which carry it in decimal.
    func testAClickBeyondColumn223ReachesTheApp() throws {
        // At 240×30 the switches sit in the column beside the heat map, at the right edge.
        let session = try start(width: 240, height: 30)
        let screen = try waitForText(session, "Show test data")
        guard let (_, row) = PlaygroundScreenTests.position(of: "Show test data", in: screen) else {
            return XCTFail("no Show test data toggle")
        }
        XCTAssertTrue(screen.lines[row].contains("[ ]"), "unticked at start: \(screen.lines[row])")
        try assertScreenTaken(session)  // the app asked for SGR reports; tmux would send them from a real mouse
        let column = 231  // 1-based, beyond what X10 can say
        try session.type("\u{1B}[<0;\(column);\(row + 1)M\u{1B}[<0;\(column);\(row + 1)m")
        try waitForScreen(session, "Show test data ticked by a click at column \(column)") { screen in
            screen.lines.first { $0.contains("Show test data") }.map { !$0.contains("[ ]") } ?? false
        }
    }

    /// The old encoding still works: a left press is 32, column and row are 32 + 1-based values.
    func testX10ClicksReachTheApp() throws {
        let session = try start()
        let screen = try waitForText(session, "Noise")
        guard let (column, row) = PlaygroundScreenTests.position(of: "Noise", in: screen) else { return XCTFail("no Noise label") }
        let x = Character(Unicode.Scalar(UInt8(32 + column + 3))), y = Character(Unicode.Scalar(UInt8(32 + row + 1)))
        for _ in 0..<2 { try session.type("\u{1B}[M \(x)\(y)\u{1B}[M#\(x)\(y)") }  // press, release
        try waitForScreen(session, "noise 5 after two X10 clicks") { PlaygroundScreenTests.noise($0).contains(5) }
    }

    /// A slow link may deliver a sequence in two parts with a pause between: the app must wait
    /// for the end rather than read the tail (digits that toggle features, '<' that slows
    /// training) as keys.
    func testASequenceSplitByAPauseIsStillOneClick() throws {
        let session = try start()
        let start = try waitForText(session, "Discretize output", "Training loss")
        guard let (column, row) = PlaygroundScreenTests.position(of: "Discretize output", in: start) else {
            return XCTFail("no Discretize output toggle")
        }
        func splitClick() throws {
            try session.type("\u{1B}[<0;\(column + 3);\(row + 1)")
            usleep(200_000)  // eight times the Esc timeout
            try session.type("M")
        }
        try splitClick()
        let ticked = try waitForScreen(session, "Discretize output ticked by a split click") { !$0.lines[row].contains("[ ]") }
        XCTAssertEqual(Self.lines(ticked, except: row), Self.lines(start, except: row), "the toggle changed, and nothing else")
        try splitClick()
        try waitForScreen(session, "the start screen again after a second split click") { $0.text == start.text }
    }

    static func lines(_ screen: Screen, except row: Int) -> [String] {
        screen.lines.enumerated().filter { $0.offset != row }.map(\.element)
    }

    /// Esc alone closes an overlay quickly; Esc as the start of an arrow key does not.
    func testEscapeAloneAndAsTheStartOfASequence() throws {
        let session = try start()
        let main = try waitForText(session, "Training loss")
        try session.type("?")
        let help = try waitForScreen(session, "the help screen") { $0.contains("quit") && $0.text != main.text }
        try session.type("\u{1B}[B")
        // An overlay closes on any key, so the arrow closes it too; what must not happen is a lone
        // Esc followed by '[' (hidden layer less) and 'B' (batch size up) on the main screen.
        try waitForScreen(session, "the main screen back unchanged after an arrow") { $0.text == main.text }
        try session.type("?")
        try waitForScreen(session, "the help screen again") { $0.text == help.text }
        let before = Date()
        try session.send("Escape")
        try waitForScreen(session, "the main screen after Esc") { $0.text == main.text }
        XCTAssertLessThan(Date().timeIntervalSince(before), 1.0, "Esc waits only its 25 ms, not ncurses' second")
    }
}
