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

    enum Purpose: StatePurpose {
        static let help = "The state to start from (a link, a #hash or pairs)."
    }
    enum DataPurpose: DataFilePurpose { static let verb = "Start" }

    @OptionGroup var state: StateOptions<Purpose>

    @OptionGroup var data: DataFileOptions<DataPurpose>

    @Option(help: ArgumentHelp("Open a saved session at its epoch, with its losses (not with --state or --data).", valueName: "file"))
    var resume: String?

    @OptionGroup var drawing: DrawingOptions

    mutating func run() throws {
        let start = try StartPoint.playground(state: state.state, data: data.data, fit: data.fit, resume: resume)
        try Interactive.run(playground: start.playground, losses: start.losses, ascii: drawing.ascii)
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
