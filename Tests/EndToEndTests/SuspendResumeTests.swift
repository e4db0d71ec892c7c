import Foundation
import XCTest

/// Ctrl-Z under a shell with job control: the shell gets a working terminal while the app is
/// stopped, and `fg` gives the app its screen back, drawn in full.
final class SuspendResumeTests: EndToEndTestCase {
    func testCtrlZGivesTheTerminalBackAndFgRedrawsEverything() throws {
        let session = try startShell()
        try launch(in: session)
        let before = try waitForText(session, "Training loss", whileRunning: false)
        try assertScreenTaken(session)

        try session.send("C-z")
        try waitForText(session, "Stopped", whileRunning: false)
        try assertScreenGivenBack(session)

        try run("fg", in: session)
        // tmux starts an empty alternate screen: all of it must come from the app's redraw.
        try waitForScreen(session, "the whole screen as it was before Ctrl-Z", whileRunning: false) { $0.text == before.text }
        try assertScreenTaken(session)
        try session.type("N")
        try waitForScreen(session, "noise 5: a key works at once again", whileRunning: false) {
            PlaygroundScreenTests.noise($0).contains(5)
        }

        try session.type("q")
        try finish(session)
        XCTAssertEqual(session.exitStatus, 0, "q still quits with 0 after a suspend")
        try assertScreenGivenBack(session)
        let modes = try String(contentsOf: modesFile(session), encoding: .utf8)
        let words = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        XCTAssertTrue(words.contains("echo") && words.contains("icanon"), "stty -a after the app: \(modes)")
    }

    /// The window changed while the app was stopped (the shell, not the app, got that SIGWINCH):
    /// `fg` lays the screen out for the new size.
    func testAResizeWhileStoppedIsSeenOnFg() throws {
        let session = try startShell(width: 120, height: 40)
        try launch(in: session)
        try waitForText(session, "Training loss", whileRunning: false)
        try session.send("C-z")
        try waitForText(session, "Stopped", whileRunning: false)
        try session.resize(width: 80, height: 24)
        // The pty has its new size before fg (tmux applies it on its own time): the app gets no SIGWINCH.
        try run("stty size", in: session)
        try waitForText(session, "24 80", whileRunning: false)
        try run("fg", in: session)
        try waitForScreen(session, "the 80×24 layout after fg", whileRunning: false) { screen in
            screen.contains("Training loss") && screen.lines.count <= 25 && screen.usedWidth <= 80
        }
        try session.type("q")
        try finish(session)
        XCTAssertEqual(session.exitStatus, 0)
    }

    /// SIGSTOP cannot be caught, so the app cannot leave the screen first; whatever happened to
    /// the terminal meanwhile (here tmux resets it, as `reset` in another job would), SIGCONT
    /// makes the app take it again: mouse reporting, hidden cursor, every cell drawn.
    func testContinueAfterSIGSTOPTakesTheTerminalAgain() throws {
        let session = try start()
        let before = try waitForText(session, "Training loss")
        try signal(session, SIGSTOP)
        try session.command(["send-keys", "-t", "t", "-R"])
        try waitForScreen(session, "an empty, reset pane") { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertEqual(try session.format("#{cursor_flag} #{mouse_any_flag}"), "1 0", "the reset showed the cursor, ended mouse reports")
        try signal(session, SIGCONT)
        try waitForScreen(session, "the whole screen drawn again after SIGCONT") { $0.text == before.text }
        try assertScreenTaken(session)
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
        try assertTerminalRestored(session)
    }

    // MARK: Helpers

    func modesFile(_ session: TmuxSession) -> URL { session.directory.appendingPathComponent("modes") }

    /// Types the app's command line into the shell.
    func launch(in session: TmuxSession) throws {
        let app = TmuxSession.appCommand(binary: try binary(), arguments: ["--state", Self.state],
                                         term: "xterm-256color", environment: [:])
        try run("\(app) 2> \(Shell.quote(session.errorFile.path))", in: session)
    }

    /// After the app quit: records its status and the terminal's modes (bash adopts the modes a
    /// job that exits normally leaves), and waits for the shell's marker.
    func finish(_ session: TmuxSession) throws {
        try waitForScreen(session, "the shell's prompt after quitting", whileRunning: false) { screen in
            screen.lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) == "$"
        }
        try run("echo $? > \(Shell.quote(session.statusFile.path)); stty -a > \(Shell.quote(modesFile(session).path));"
                + " echo '\(TmuxSession.exitMarker)'", in: session)
        try waitForText(session, TmuxSession.exitMarker + "\n", whileRunning: false)
    }
}
