// The command-line options several subcommands share, each declared once (`@OptionGroup`).
import ArgumentParser
import FoundationEssentials
import PlaygroundCore

/// How a subcommand words its `--state` help: what the state is for there.
protocol StatePurpose {
    static var help: String { get }
}

/// `--state`: a TensorFlow Playground link, its #hash or bare pairs (`play`, `train`, `lessons`, `data`).
struct StateOptions<Purpose: StatePurpose>: ParsableArguments {
    @Option(help: ArgumentHelp(Purpose.help, valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    /// The state, with its warnings on standard error.
    func parsed() throws -> PlaygroundState { try StateOption.parse(state) }
}

/// How a subcommand words its `--data` help: the verb for what it does on the points.
protocol DataFilePurpose {
    static var verb: String { get }
}

/// `--data FILE` and `--fit`: start or train on the points of a CSV file (`play`, `train`).
struct DataFileOptions<Purpose: DataFilePurpose>: ParsableArguments {
    @Option(help: ArgumentHelp("\(Purpose.verb) on the points of a CSV file (x,y,label rows).", valueName: "file"))
    var data: String?

    @Flag(help: "With --data: scale the points into the plane [-6, 6] instead of refusing those outside.")
    var fit = false
}

/// `--ascii`: the interactive app draws in ASCII whatever the locale (`play`, `lessons`).
struct DrawingOptions: ParsableArguments {
    @Flag(help: "Draw in ASCII whatever the locale (without it: UTF-8 unless a locale that is not UTF-8 is set).")
    var ascii = false
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
