import Foundation
import XCTest

/// The terminal is always given back, and the app refuses cleanly where it cannot run.
final class TerminalLifecycleTests: EndToEndTestCase {
    func testQuitExitsZeroAndRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        XCTAssertEqual(try session.format("#{alternate_on} #{cursor_flag}"), "1 0", "the app runs on the alternate screen, cursor hidden")
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
        try assertTerminalRestored(session)
        XCTAssertEqual(session.standardError, "", "nothing on stderr after a normal quit")
    }

    func testSigtermWhilePlayingExits143AndRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try session.send("Space")
        try waitForScreen(session, "training to start") { ($0.numbers(after: "epoch").first ?? 0) > 0 }
        try signal(session, SIGTERM)
        XCTAssertEqual(waitForExit(session), 143, "128 + SIGTERM")
        try assertTerminalRestored(session)
    }

    func testSigtermWhilePausedExits143() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try signal(session, SIGTERM)
        XCTAssertEqual(waitForExit(session, timeout: 5), 143, "a paused app blocks on input but still wakes for signals")
        try assertTerminalRestored(session)
    }

    func testCtrlCExits130AndRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try session.send("C-c")
        XCTAssertEqual(waitForExit(session), 130, "128 + SIGINT")
        try assertTerminalRestored(session)
    }

    func testSighupExits129AndRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try signal(session, SIGHUP)
        XCTAssertEqual(waitForExit(session), 129, "128 + SIGHUP")
        try assertTerminalRestored(session)
    }

    /// The crash handler cannot use ncurses (not async-signal-safe): its own bytes leave the
    /// alternate screen and show the cursor, and the modes saved before ncurses started turn echo
    /// and canonical input back on.
    func testCrashSignalRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try signal(session, SIGSEGV)
        XCTAssertEqual(waitForExit(session), 139, "128 + SIGSEGV: the default action after restoring the terminal")
        try assertTerminalRestored(session)
    }

    /// CI's situation: no terminal at all. One line on stderr, nothing on stdout, non-zero exit.
    func testWithoutATerminalRefusesInOneLine() throws {
        let result = try runWithPipes(binary(), ["--state", Self.state],
                                      environment: ProcessInfo.processInfo.environment.merging(["TERM": "xterm-256color"]) { $1 })
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.output, "", "nothing on stdout, certainly no escape codes")
        assertOneLineRefusal(result.error)
    }

    func testPlayWithoutATerminalRefusesInOneLine() throws {
        let result = try runWithPipes(binary(), ["play"], environment: ProcessInfo.processInfo.environment)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.output, "")
        assertOneLineRefusal(result.error)
    }

    /// A `TERM` this machine has no description for (a terminal's own, such as xterm-kitty over
    /// SSH) opens as xterm-256color and says so on the status line; refusing is left for when no
    /// usable description exists (TerminalDescriptionTests: as root, ncurses ignores TERMINFO_DIRS,
    /// so the system's descriptions cannot be hidden here).
    func testUnknownTermOpensAsXterm256colorAndSaysSoOnce() throws {
        let session = try start(term: "nosuchterm")
        try waitForText(session, "no terminal description for TERM=nosuchterm here: drawing as xterm-256color")
        XCTAssertEqual(try session.format("#{alternate_on}"), "1", "the app runs")
        try session.send("Space")
        try waitForScreen(session, "training to start") { ($0.numbers(after: "epoch").first ?? 0) > 0 }
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
        try assertTerminalRestored(session)
        XCTAssertEqual(session.standardError, "", "a notice on the screen, nothing on stderr")
    }

    /// `TERM=dumb` is known to ncurses but cannot move the cursor.
    func testDumbTerminalRefusesInOneLine() throws {
        let session = try start(term: "dumb")
        let status = waitForExit(session)
        XCTAssertNotNil(status)
        XCTAssertNotEqual(status, 0)
        assertOneLineRefusal(session.standardError)
        try assertTerminalRestored(session)
    }

    // MARK: Helpers

    /// Runs the app with pipes for stdin, stdout and stderr, as a script or CI would.
    func runWithPipes(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Shell.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try input.fileHandleForWriting.close()
        // A refusal is one short line; reading stdout first cannot block on a full stderr pipe.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Shell.Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                            error: String(decoding: error, as: UTF8.self))
    }

    func assertOneLineRefusal(_ error: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = error.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2, "exactly one line, ending in a newline: \(error.debugDescription)", file: file, line: line)
        XCTAssertTrue(error.contains("playground-tui train"), "points to the headless command: \(error)", file: file, line: line)
        XCTAssertFalse(error.contains("\u{1B}"), "no escape codes: \(error.debugDescription)", file: file, line: line)
    }
}
