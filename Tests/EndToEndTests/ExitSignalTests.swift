import Foundation
import XCTest

/// Every signal that ends the app leaves a working terminal behind (normal screen, cursor, no mouse
/// reporting, echo and line editing on), and the app ends by that same signal, so the shell sees
/// 128 + its number. Before: Ctrl-\ showed the Swift crash reporter's prompt and never quit;
/// USR1, ALRM and PIPE killed the app with the terminal left raw.
final class ExitSignalTests: EndToEndTestCase {
    func testCtrlBackslashQuitsBySIGQUITAndRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try session.send("C-\\")
        XCTAssertEqual(waitForExit(session), 128 + SIGQUIT, "128 + SIGQUIT: its default action, not the crash reporter")
        try assertTerminalRestored(session)
        XCTAssertEqual(session.standardError, "", "no crash report")
    }

    func testSIGQUITWhilePlayingRestoresTheTerminal() throws {
        let session = try start()
        try waitForText(session, "epoch")
        try session.send("Space")
        try waitForScreen(session, "training to start") { ($0.numbers(after: "epoch").first ?? 0) > 0 }
        try signal(session, SIGQUIT)
        XCTAssertEqual(waitForExit(session), 128 + SIGQUIT)
        try assertTerminalRestored(session)
    }

    func testSIGPIPERestoresTheTerminal() throws {
        try assertEndsBySignal(SIGPIPE)
    }

    func testSIGUSR1RestoresTheTerminal() throws {
        try assertEndsBySignal(SIGUSR1)
    }

    func testSIGALRMRestoresTheTerminal() throws {
        try assertEndsBySignal(SIGALRM)
    }

    /// The other signals whose default action ends a process.
    func testEveryOtherTerminatingSignalRestoresTheTerminal() throws {
        for number in [SIGUSR2, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPOLL] {
            try assertEndsBySignal(number)
        }
    }

    /// Crash signals restore the terminal in their handler and end the app at once: no prompt
    /// from the Swift runtime's backtracer waits for a key.
    func testEveryCrashSignalRestoresTheTerminal() throws {
        for number in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS] {
            try assertEndsBySignal(number)
        }
    }

    /// Starts the app, sends `number` while it is paused, and checks the status and the terminal.
    func assertEndsBySignal(_ number: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let session = try start(file: file, line: line)
        defer { session.kill() }
        try waitForText(session, "epoch", file: file, line: line)
        try assertScreenTaken(session, file: file, line: line)
        try signal(session, number, file: file, line: line)
        XCTAssertEqual(waitForExit(session, file: file, line: line), 128 + number,
                       "signal \(number): 128 + \(number)", file: file, line: line)
        try assertTerminalRestored(session, file: file, line: line)
    }
}
