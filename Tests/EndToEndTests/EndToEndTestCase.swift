import Foundation
import XCTest

/// Shared setup for the tests that drive the built binary in tmux: finding the binary and tmux,
/// starting a session, polling the screen with deadlines, and killing the server afterwards.
class EndToEndTestCase: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// A fixed start, so that screens are the same on every run.
    static let state = "dataset=circle&seed=0.12345"
    /// Generous: CI machines are slow and debug builds train slowly.
    static let deadline = 20.0

    private var sessions: [TmuxSession] = []

    override func tearDown() {
        for session in sessions { session.kill() }
        sessions.removeAll()
        super.tearDown()
    }

    /// The built binary: `PLAYGROUND_TUI_BIN`, else `.build/debug/playground-tui` (`make test` builds it).
    func binary(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = ProcessInfo.processInfo.environment["PLAYGROUND_TUI_BIN"]
            ?? Self.root.appendingPathComponent(".build/debug/playground-tui").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("no binary at \(path): run 'swift build' first (make test does) or set PLAYGROUND_TUI_BIN",
                    file: file, line: line)
            throw TmuxError(message: "no binary")
        }
        return path
    }

    func tmux(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let tmux = Shell.which("tmux") else {
            XCTFail("tmux is not installed: the end-to-end tests run the app inside tmux. Install it"
                    + " ('sudo apt-get install tmux'; 'make test' installs it when run as root)", file: file, line: line)
            throw TmuxError(message: "no tmux")
        }
        return tmux
    }

    /// Starts the app (with the fixed state unless `arguments` say otherwise) in its own tmux server.
    func start(width: Int = 120, height: Int = 40, term: String = "xterm-256color",
               environment: [String: String] = [:], arguments: [String]? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws -> TmuxSession {
        let session = try TmuxSession(tmux: tmux(file: file, line: line), binary: binary(file: file, line: line),
                                      arguments: arguments ?? ["--state", Self.state],
                                      width: width, height: height, term: term, environment: environment)
        sessions.append(session)
        return session
    }

    /// Polls the screen until `condition` holds; fails with the last screen after the deadline.
    @discardableResult
    func waitForScreen(_ session: TmuxSession, _ what: String, colors: Bool = false, timeout: Double = deadline,
                       whileRunning: Bool = true, file: StaticString = #filePath, line: UInt = #line,
                       until condition: (Screen) -> Bool) throws -> Screen {
        let end = Date().addingTimeInterval(timeout)
        var screen = Screen("")
        repeat {
            screen = Screen(try session.capture(colors: colors))
            if condition(screen) { return screen }
            if whileRunning, let status = session.exitStatus {
                XCTFail("the app exited with status \(status) while waiting for \(what); stderr: \(session.standardError)"
                        + "\nthe screen was:\n\(screen.text)", file: file, line: line)
                return screen
            }
            usleep(50_000)
        } while Date() < end
        XCTFail("timed out after \(timeout) s waiting for \(what); the screen was:\n\(screen.text)", file: file, line: line)
        return screen
    }

    /// Waits for the screen to show `texts` (case-insensitive).
    @discardableResult
    func waitForText(_ session: TmuxSession, _ texts: String..., whileRunning: Bool = true,
                     file: StaticString = #filePath, line: UInt = #line) throws -> Screen {
        try waitForScreen(session, texts.map { "\"\($0)\"" }.joined(separator: ", "), whileRunning: whileRunning,
                          file: file, line: line) { screen in
            texts.allSatisfy(screen.contains)
        }
    }

    /// Waits until the pane's shell has recorded the app's exit status.
    func waitForExit(_ session: TmuxSession, timeout: Double = deadline,
                     file: StaticString = #filePath, line: UInt = #line) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        repeat {
            if let status = session.exitStatus { return status }
            usleep(20_000)
        } while Date() < end
        XCTFail("the app did not exit within \(timeout) s; the screen was:\n\((try? session.capture()) ?? "")",
                file: file, line: line)
        return nil
    }

    /// Sends `number` to the app (its pid as the pane's shell recorded it).
    func signal(_ session: TmuxSession, _ number: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        guard let pid = session.appPID else {
            XCTFail("the app's pid was not recorded", file: file, line: line)
            return
        }
        XCTAssertEqual(kill(pid, number), 0, "kill(\(pid), \(number))", file: file, line: line)
    }

    /// An interactive bash (job control: Ctrl-Z stops the app, `fg` brings it back) in a new
    /// window, with the prompt "$ " and no startup files.
    func startShell(width: Int = 120, height: Int = 40, file: StaticString = #filePath, line: UInt = #line) throws -> TmuxSession {
        guard let bash = Shell.which("bash") else {
            XCTFail("bash is not installed: the suspend tests need a shell with job control", file: file, line: line)
            throw TmuxError(message: "no bash")
        }
        let session = try TmuxSession(tmux: tmux(file: file, line: line), width: width, height: height) { _ in
            "ulimit -c 0; exec env PS1='$ ' \(Shell.quote(bash)) --norc --noprofile -i"
        }
        sessions.append(session)
        try waitForScreen(session, "the shell's prompt", whileRunning: false, file: file, line: line) { $0.text.hasPrefix("$") }
        return session
    }

    /// Types `command` and Enter into a shell session.
    func run(_ command: String, in session: TmuxSession) throws {
        try session.type(command)
        try session.send("Enter")
    }

    /// After the app has gone: the normal screen is back with the shell's output on it, the
    /// cursor shows, mouse reporting and keypad mode are off, and the line discipline echoes and
    /// edits lines again.
    func assertTerminalRestored(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        try waitForText(session, TmuxSession.exitMarker, whileRunning: false, file: file, line: line)
        try assertScreenGivenBack(session, file: file, line: line)
        let modes = try session.terminalModes()
        XCTAssertTrue(modes.contains("echo") && modes.contains("icanon"),
                      "stty -a shows echo and icanon: \(modes.filter { $0.hasSuffix("echo") || $0.hasSuffix("icanon") })",
                      file: file, line: line)
    }

    /// The pane is out of the alternate screen, the cursor shows, mouse reporting (any mode,
    /// SGR) and keypad mode are off.
    func assertScreenGivenBack(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        let flags = try session.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag} #{keypad_cursor_flag}")
        XCTAssertEqual(flags, "0 1 0 0 0",
                       "expected: normal screen, cursor visible, no mouse reporting, no SGR mouse, no keypad mode"
                       + " (alternate_on cursor_flag mouse_any_flag mouse_sgr_flag keypad_cursor_flag)", file: file, line: line)
    }

    /// While the app runs: alternate screen, hidden cursor, mouse reports on in the SGR form.
    func assertScreenTaken(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        let flags = try session.format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}")
        XCTAssertEqual(flags, "1 0 1 1", "expected: alternate screen, cursor hidden, mouse reporting on, SGR mouse"
                       + " (alternate_on cursor_flag mouse_any_flag mouse_sgr_flag)", file: file, line: line)
    }
}
