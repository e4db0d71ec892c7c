import ArgumentParser
import FoundationEssentials
import PlaygroundCore

struct PlaygroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playground-tui",
        abstract: "A neural-network playground for the terminal, compatible with TensorFlow Playground.",
        discussion: """
            With no subcommand it opens the interactive playground \
            ('playground-tui --state STATE' to start from a state). STATE is a TensorFlow \
            Playground link, its #hash, or bare key=value pairs joined by & \
            (e.g. 'dataset=spiral&networkShape=8,8&noise=10').
            """,
        version: BuildInfo.versionLine,
        // One line per subcommand; the error line's "(see ... --help)" reads its name from here.
        subcommands: [
            PlayCommand.self,
            TrainCommand.self,
            BenchCommand.self,
            ExplainCommand.self,
            LessonsCommand.self,
            DataCommand.self,
            SweepCommand.self,
            SnapshotCommand.self,
        ],
        defaultSubcommand: PlayCommand.self
    )
}

struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Open the interactive playground (the default)."
    )

    @Option(help: ArgumentHelp("The state to start from (a link, a #hash or pairs).", valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    @Option(help: ArgumentHelp("Start on the points of a CSV file (x,y,label rows).", valueName: "file"))
    var data: String?

    @Flag(help: "With --data: scale the points into the plane [-6, 6] instead of refusing those outside.")
    var fit = false

    @Option(help: ArgumentHelp("Open a saved session at its epoch, with its losses (not with --state or --data).", valueName: "file"))
    var resume: String?

    @Flag(help: "Draw in ASCII whatever the locale (without it: UTF-8 unless a locale that is not UTF-8 is set).")
    var ascii = false

    mutating func run() throws {
        let start = try StartPoint.playground(state: state, data: data, fit: fit, resume: resume)
        try Interactive.run(playground: start.playground, losses: start.losses, ascii: ascii)
    }
}

/// Turning the `--state` text into a state, with the warnings on standard error.
enum StateOption {
    static func parse(_ text: String?) throws -> PlaygroundState {
        do {
            let parsed = try PlaygroundState.parse(text ?? "") {
                var generator = SystemRandomNumberGenerator()
                return PlaygroundState.freshSeed(using: &generator)
            }
            for warning in parsed.warnings { Diagnostics.say("playground-tui: warning: --\(warning)") }
            return parsed.state
        } catch {
            throw ValidationError("--state: " + error.message.replacing("state: ", with: ""))
        }
    }
}

/// Parses a whole number with a lower bound, for options (ArgumentParser's message names the option).
func wholeNumber(atLeast minimum: Int) -> @Sendable (String) throws -> Int {
    { text in
        guard let value = Int(text), value >= minimum else {
            throw ValidationError("expected a whole number of at least \(minimum)")
        }
        return value
    }
}
