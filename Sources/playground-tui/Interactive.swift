import ArgumentParser
import Foundation
import PlaygroundCore
import PlaygroundUI

/// The interactive playground: opens the terminal, runs the loop, gives the terminal back.
enum Interactive {
    /// `ascii`: `--ascii`, draw in ASCII whatever the locale. `startInLessons`: `playground-tui lessons`.
    static func run(state: PlaygroundState, ascii: Bool = false, startInLessons: Bool = false) throws {
        let terminal: Terminal
        do {
            terminal = try Terminal.open(asciiRequested: ascii)
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            throw ExitCode.failure
        }
        let size = terminal.size
        var appState = AppState(state: state, capabilities: terminal.capabilities, width: size.width, height: size.height)
        if startInLessons { appState.openLessons() }
        var loop = RunLoop(terminal: terminal, state: appState)
        let outcome = loop.run()
        terminal.close()
        // A stopping signal that came after the loop's last look still ends the app by that signal.
        let signal: Int32? = if case .signal(let number) = outcome { number } else { Signals.takePending() }
        // A debugging aid: where the frame time went, printed after the terminal is restored.
        if let stats = ProcessInfo.processInfo.environment["PLAYGROUND_TUI_FRAME_STATS"], !stats.isEmpty {
            FileHandle.standardError.write(Data(("playground-tui: " + loop.statistics.summary + "\n").utf8))
        }
        if let signal { Signals.reraise(signal) }
        // Quitting leaves the settings behind as a link, on the normal screen the shell shows
        // (a signal ends the app without it).
        print(loop.state.settings.link)
    }
}
