import Foundation
import XCTest

/// No key freezes the app. Before: flow control (IXON) stayed on, so Ctrl-S stopped the screen
/// with no sign why, SIGTERM then could not end the app (it blocked writing), and only Ctrl-Q or
/// kill -9 got out.
final class FlowControlTests: EndToEndTestCase {
    func testCtrlSDoesNotStopTheScreenAndSIGTERMStillEndsTheApp() throws {
        let session = try start()
        defer { session.kill() }
        try waitForText(session, "epoch")
        XCTAssertTrue(try session.terminalModes().contains("-ixon"), "flow control off while the app runs")
        try session.send("C-s")
        try session.send("Space")
        // The screen still changes after Ctrl-S: training runs and its epoch count is drawn.
        try waitForScreen(session, "training to show after Ctrl-S") { ($0.numbers(after: "epoch").first ?? 0) > 0 }
        // More typing than a terminal's input buffer holds (about 4 KB), of a key with no action.
        for _ in 0..<5 { try session.type(String(repeating: "j", count: 1000)) }
        try signal(session, SIGTERM)
        XCTAssertEqual(waitForExit(session), 128 + SIGTERM)
        try assertTerminalRestored(session)
        XCTAssertTrue(try session.terminalModes().contains("ixon"), "the shell's flow control is back")
    }

    /// Output suspended from outside (`tcflow(TCOOFF)` on the pane's terminal, as XOFF does) while
    /// the app plays: SIGTERM still ends it and the terminal comes back.
    func testSIGTERMEndsTheAppWhileItsOutputIsSuspended() throws {
        let session = try start()
        defer { session.kill() }
        try waitForText(session, "epoch")
        try session.send("Space")
        try waitForScreen(session, "training to start") { ($0.numbers(after: "epoch").first ?? 0) > 0 }
        let tty = try session.format("#{pane_tty}")
        let descriptor = open(tty, O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(descriptor, 0, "open \(tty)")
        defer { close(descriptor) }
        XCTAssertEqual(tcflow(descriptor, TCOOFF), 0)
        usleep(500_000)  // frames fill the terminal's output buffer; the app's writes now wait
        try signal(session, SIGTERM)
        XCTAssertEqual(waitForExit(session), 128 + SIGTERM)
        try assertTerminalRestored(session)
    }
}
