import ArgumentParser
import FoundationEssentials
import PlaygroundCore
import PlaygroundUI

/// The interactive playground: opens the terminal, runs the loop, gives the terminal back.
enum Interactive {
    /// Opens the app on `playground` (a state's, custom points', or a resumed session's) with
    /// the loss rows recorded before (a resumed session's; none for a new start). `ascii`:
    /// `--ascii`, draw in ASCII whatever the locale. `startInLessons`: `playground-tui lessons`.
    static func run(playground: Playground, losses: [Session.LossRow], ascii: Bool = false,
                    startInLessons: Bool = false) throws {
        let terminal: Terminal
        do {
            terminal = try Terminal.open(asciiRequested: ascii)
        } catch {
            Diagnostics.say(error.message)
            throw ExitCode.failure
        }
        let size = terminal.size
        let records = losses.map { LossHistory.Record(epoch: $0.epoch, training: $0.train, test: $0.test) }
        var appState = AppState(playground: playground, losses: records, capabilities: terminal.capabilities,
                                width: size.width, height: size.height)
        appState.status = TerminalEntry.takeNotice()  // "drawing as xterm-256color", when TERM's entry is missing
        if startInLessons {
            appState.openLessons()
            appState.refreshFrame()
        }
        var loop = RunLoop(terminal: terminal, state: appState)
        let outcome = loop.run()
        terminal.close()
        // A stopping signal that came after the loop's last look still ends the app by that signal.
        let signal: Int32? = if case .signal(let number) = outcome { number } else { Signals.takePending() }
        // A debugging aid: where the frame time went, printed after the terminal is restored.
        if let stats = ProcessInfo.processInfo.environment["PLAYGROUND_TUI_FRAME_STATS"], !stats.isEmpty {
            Diagnostics.say("playground-tui: " + loop.statistics.summary)
        }
        if let signal { Signals.reraise(signal) }
        // Quitting leaves the settings behind as a link, on the normal screen the shell shows
        // (a signal ends the app without it).
        var output = TextOutput.standardOutput
        try output.line(loop.state.settings.link)
    }
}
