import Foundation
import XCTest

/// The app running in a private tmux server: a terminal for tests on machines without one.
///
/// Each session has its own server (`tmux -L <unique>`, no user config) and its own temporary
/// directory for the app's pid, exit status and standard error. `kill()` ends the server and
/// everything in it; call it from `tearDown`.
final class TmuxSession {
    /// Printed by the pane's shell after the app exits, to see that the terminal is usable again.
    static let exitMarker = "e2e: the app exited"

    let tmux: String
    let socket: String
    let directory: URL
    private var killed = false

    var statusFile: URL { directory.appendingPathComponent("status") }
    var pidFile: URL { directory.appendingPathComponent("pid") }
    var errorFile: URL { directory.appendingPathComponent("stderr") }

    /// The command line that starts the app: `TERM=term`, `NO_COLOR` unset, `environment` added.
    static func appCommand(binary: String, arguments: [String], term: String, environment: [String: String]) -> String {
        let variables = (["TERM": term].merging(environment) { $1 })
            .sorted { $0.key < $1.key }.map { Shell.quote("\($0.key)=\($0.value)") }
        return (["env", "-u", "NO_COLOR"] + variables + [Shell.quote(binary)] + arguments.map(Shell.quote))
            .joined(separator: " ")
    }

    /// Starts `binary arguments` in a `width`×`height` window with `TERM=term`, `NO_COLOR` unset
    /// and `environment` added.
    convenience init(tmux: String, binary: String, arguments: [String] = [], width: Int, height: Int,
                     term: String = "xterm-256color", environment: [String: String] = [:]) throws {
        try self.init(tmux: tmux, width: width, height: height) { session in
            let app = Self.appCommand(binary: binary, arguments: arguments, term: term, environment: environment)
            // The pane's shell ignores Ctrl-C for itself (a trap, so the app still gets the default),
            // records the app's pid and exit status, prints a marker, and keeps the pane open.
            // No core files: Ctrl-\\ (SIGQUIT) dumps core by default.
            return "ulimit -c 0; trap : INT; sh -c 'echo $$ > \"$0\"; exec \"$@\"' \(Shell.quote(session.pidFile.path)) \(app)"
                + " 2> \(Shell.quote(session.errorFile.path)); echo $? > \(Shell.quote(session.statusFile.path));"
                + " echo '\(Self.exitMarker)'; exec sleep 3600"
        }
    }

    /// Starts the pane's command, which `command` makes once the session's files are known.
    init(tmux: String, width: Int, height: Int, command: (TmuxSession) -> String) throws {
        self.tmux = tmux
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        socket = "ptui-e2e-\(unique)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-e2e-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try Shell.run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t",
                                          "-x", String(width), "-y", String(height), command(self)])
        guard result.status == 0 else {
            throw TmuxError(message: "tmux new-session failed (\(result.status)): \(result.error)")
        }
    }

    deinit { kill() }

    /// Ends the server and the processes in it.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? Shell.run(tmux, ["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        let result = try Shell.run(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
        return result.output
    }

    /// The screen as text, or with SGR escapes for the colours and attributes (`colors`).
    func capture(colors: Bool = false) throws -> String {
        try command(["capture-pane", "-p", "-t", "t"] + (colors ? ["-e"] : []))
    }

    /// tmux key names: "Space", "Escape", "Enter", "C-c", "Up", or a single character.
    func send(_ keys: String...) throws {
        for key in keys { try command(["send-keys", "-t", "t", key]) }
    }

    /// Text typed as it is (no key-name lookup).
    func type(_ text: String) throws {
        try command(["send-keys", "-t", "t", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try command(["resize-window", "-t", "t", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format for the pane, e.g. "#{alternate_on}".
    func format(_ format: String) throws -> String {
        try command(["display-message", "-p", "-t", "t", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The app's exit status once the pane's shell has recorded it.
    var exitStatus: Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The app's pid (the shell writes it before exec).
    var appPID: pid_t? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The pane's terminal modes as `stty -a` prints them, split into words ("echo", "-icanon", ...).
    func terminalModes() throws -> Set<String> {
        let tty = try format("#{pane_tty}")
        let result = try Shell.run("/bin/sh", ["-c", "stty -a < \(Shell.quote(tty))"])
        guard result.status == 0 else { throw TmuxError(message: "stty -a < \(tty) failed: \(result.error)") }
        return Set(result.output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    /// What the app wrote on standard error.
    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Running programs and quoting for `sh`.
enum Shell {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs a program to its end; standard input is /dev/null, output goes through files.
    ///
    /// Not `Foundation.Process`: it learns of the child's end through a descriptor the child
    /// inherits, and `tmux new-session` forks a server that keeps every inherited descriptor
    /// open, so `waitUntilExit` would never return. `posix_spawn` and `waitpid` have no such tie.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("ptui-e2e-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("ptui-e2e-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw TmuxError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TmuxError(message: "waitpid \(executable): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import; a signal counts as 128 + n, as in sh.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = FileManager.default.contents(atPath: outPath) ?? Data()
        let error = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: exitStatus, output: String(decoding: output, as: UTF8.self),
                      error: String(decoding: error, as: UTF8.self))
    }

    /// `text` as one `sh` word.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The full path of a program on `PATH`, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
