import ArgumentParser
import Foundation
import PlaygroundCore

/// The entry point: parses the command line and prints errors as one line.
///
/// ArgumentParser's own error report adds the usage block; a user who typed a bad number wants
/// the one line that names it, and a pointer to `--help`.
enum Entry {
    static func main() {
        do {
            var command = try PlaygroundCommand.parseAsRoot()
            try command.run()
        } catch {
            let code = PlaygroundCommand.exitCode(for: error)
            if code == .success {
                print(PlaygroundCommand.fullMessage(for: error))
                exit(0)
            }
            if let exitCode = error as? ExitCode { exit(exitCode.rawValue) }
            let message = PlaygroundCommand.message(for: error)
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            let subcommand = CommandLine.arguments.dropFirst().first { ["play", "train", "bench"].contains($0) }
            let help = ["playground-tui", subcommand, "--help"].compactMap { $0 }.joined(separator: " ")
            FileHandle.standardError.write(Data("playground-tui: \(firstLine) (see \(help))\n".utf8))
            exit(code.rawValue)
        }
    }
}

Entry.main()
