import ArgumentParser
import Glibc
import PlaygroundCore

/// The entry point: parses the command line, runs the command, and ends the process the way a
/// Unix tool does.
///
/// - Help, version: printed on standard output, status 0; if that write fails, one line on
///   standard error and status 1 (see `WriteFailure`).
/// - A write failure in a command: status 1 with one line, or 141 quietly for a closed pipe.
/// - Bad input: one line, `playground-tui: <message> (see playground-tui train --help)`, with
///   ArgumentParser's status (64). ArgumentParser's own report adds the usage block; a user who
///   typed a bad number wants the one line that names it. Every argument the message repeats is
///   quoted through `UserText.quoted`, and the whole line is made terminal-safe.
enum Entry {
    static func main() {
        StandardDescriptors.reserve()
        _ = AtomicFile.creationMask  // read while this is the only thread (see there)
        ManualPage.printIfAsked()
        do {
            var command = try PlaygroundCommand.parseAsRoot()
            try command.run()
        } catch let failure as WriteFailure {
            end(by: failure)
        } catch {
            let code = PlaygroundCommand.exitCode(for: error)
            if code == .success {
                var output = TextOutput.standardOutput
                output.writeLine(PlaygroundCommand.fullMessage(for: error))
                do { try output.flush() } catch { end(by: error) }
                exit(0)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            Diagnostics.say("playground-tui: \(oneLine(for: error)) (see \(helpCommand))")
            exit(code.rawValue)
        }
    }

    static func end(by failure: WriteFailure) -> Never {
        if !failure.readerIsGone { Diagnostics.say("playground-tui: " + failure.message) }
        exit(failure.exitStatus)
    }

    /// ArgumentParser's message with the user's arguments quoted, cut to its first line (the rest
    /// is advice such as the usage).
    static func oneLine(for error: Error) -> String {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let message = TerminalText.quotingArguments(arguments, in: PlaygroundCommand.message(for: error))
        return message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
    }

    /// `playground-tui --help`, or `playground-tui train --help` when the first argument names a
    /// subcommand (the names come from the command's configuration).
    static var helpCommand: String {
        let names = PlaygroundCommand.configuration.subcommands.map { $0._commandName }
        let subcommand = CommandLine.arguments.dropFirst().first.flatMap { names.contains($0) ? $0 : nil }
        return ["playground-tui", subcommand, "--help"].compactMap { $0 }.joined(separator: " ")
    }
}

Entry.main()
