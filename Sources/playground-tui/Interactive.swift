import ArgumentParser
import Foundation
import PlaygroundCore
import PlaygroundUI

/// The interactive playground: opens the terminal, runs the loop, gives the terminal back.
enum Interactive {
    static func run(state: PlaygroundState, startInLessons: Bool = false) throws {
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
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
        // A debugging aid: where the frame time went, printed after the terminal is restored.
        if let stats = ProcessInfo.processInfo.environment["PLAYGROUND_TUI_FRAME_STATS"], !stats.isEmpty {
            FileHandle.standardError.write(Data(("playground-tui: " + loop.statistics.summary + "\n").utf8))
        }
        if case .signal(let signal) = outcome { Signals.reraise(signal) }
    }
}
