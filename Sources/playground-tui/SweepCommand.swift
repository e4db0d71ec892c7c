import ArgumentParser
import Glibc
import PlaygroundCore

/// `sweep`: one base state trained under every combination of some settings and some seeds, on
/// every core; rows and a summary per setting. See `SweepPlan` (the runs), `SweepRunner` (one
/// process), `SweepPrinter` (the formats), `SweepRecords` (the JSON lines files).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train a state under several settings and seeds; one row per run, then a summary per setting.",
        discussion: """
            Each --vary KEY=V1,V2 names a state key and its values (networkShape's values are \
            joined by ';', e.g. 'networkShape=8,8;4'); the runs are every combination, the first \
            --vary outermost, and for each the seeds S-1 ... S-N, where S is the state's seed \
            (0 when the state gives none) and N is --seeds. Each run trains --epochs epochs \
            (with --stop-at-target, until its test loss first reaches --target) and its row says \
            the epochs until the test loss first reached --target, the best test loss and its \
            epoch, the final losses, whether it diverged (a final loss NaN or infinite) and the \
            run's state as a link. Rows come out in run order, the same bytes whatever --jobs. \
            The summary per setting gives the runs that reached the target, the first quartile, \
            median and third quartile of the epochs to it (linear interpolation between order \
            statistics; a run that never reached it counts as later than any that did), and the \
            median final test loss. --shard I/N runs the runs I, I+N, I+2N, ... (counting from \
            1); 'sweep merge' joins the shards' JSON lines into what one process prints. \
            --output FILE records each finished run at once (whole lines only); --resume \
            continues such a file, training only the runs it lacks. Times go to standard error.
            """,
        subcommands: [SweepMergeCommand.self]
    )

    @Option(help: ArgumentHelp("The base state (a link, a #hash or pairs).", valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    @Option(help: ArgumentHelp("A state key and the values it takes (repeat for more keys).", valueName: "key=values"))
    var vary: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Seeds per setting (default: 1).", valueName: "n"),
            transform: wholeNumber(atLeast: 1))
    var seeds: Int = 1

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs per run (default: 500).", valueName: "n"),
            transform: wholeNumber(atLeast: 0))
    var epochs: Int = 500

    @Option(parsing: .unconditional, help: ArgumentHelp("The test loss a run is to reach.", valueName: "loss"),
            transform: lossTarget)
    var target: Double?

    @Flag(help: "Stop each run when its test loss reaches --target.")
    var stopAtTarget = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Runs trained at once (default: the machine's cores).", valueName: "n"),
            transform: wholeNumber(atLeast: 1))
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only shard I of N: the runs I, I+N, I+2N, ...", valueName: "I/N"), transform: SweepShard.parse)
    var shard: SweepShard = .whole

    @OptionGroup var formatOption: SweepFormatOption

    @Option(help: ArgumentHelp("Record each finished run in a file (JSON lines, as 'sweep merge' reads).", valueName: "file"))
    var output: String?

    @Flag(help: "With --output: continue that file's sweep, training only the runs it lacks.")
    var resume = false

    mutating func validate() throws {
        if resume && output == nil { throw ValidationError("--resume: goes with --output FILE") }
        if stopAtTarget && target == nil { throw ValidationError("--stop-at-target: goes with --target LOSS") }
    }

    mutating func run() throws {
        let plan = try Self.plan(state: state, vary: vary, seeds: seeds)
        let stop = StopCondition(epochs: epochs, targetTestLoss: target, stopsAtTarget: stopAtTarget)
        let runner = SweepRunner(plan: plan, stop: stop, shard: shard, jobs: jobs ?? Self.cores,
                                 printer: SweepPrinter(plan: plan, stop: stop, format: formatOption.format),
                                 record: output.map { SweepRecordFile(path: $0, resume: resume) })
        let start = ContinuousClock.now
        let tally = try SweepPool.wait { try await runner.execute() }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let perSecond = seconds > 0 ? String(format: "%.0f", Double(tally.epochsTrained) / seconds) : "-"
        let file = output.map { ", \(tally.fromFile) read from \($0)" } ?? ""
        Diagnostics.say("sweep: \(tally.runs) runs (\(tally.trained) trained\(file)), \(runner.jobs) jobs, "
                        + String(format: "%.2f", seconds) + " s, \(tally.epochsTrained) epochs, \(perSecond) epochs/s")
    }

    /// The plan from the options: a state without a seed sweeps from seed 0 (the same rows on
    /// every machine); each `--vary` is `key=values`.
    static func plan(state: String?, vary: [String], seeds: Int) throws -> SweepPlan {
        let base: PlaygroundState
        do {
            let parsed = try PlaygroundState.parse(state ?? "") { "0" }
            for warning in parsed.warnings { Diagnostics.say("playground-tui: warning: --\(warning)") }
            base = parsed.state
        } catch {
            throw ValidationError("--state: " + error.message.replacing("state: ", with: ""))
        }
        if base.data == .custom { throw ValidationError("--state: data=custom: a sweep runs on the data sets (a link cannot carry points)") }
        var variations: [(key: String, values: [String])] = []
        for text in vary {
            let scalars = text.unicodeScalars
            guard let equals = scalars.firstIndex(of: "=") else {
                throw ValidationError("--vary: \(UserText.quoted(text)): expected KEY=V1,V2 (e.g. activation=relu,tanh)")
            }
            let key = String(scalars[..<equals]), list = String(scalars[scalars.index(after: equals)...])
            let separator = SweepPlan.separator(for: key).unicodeScalars.first!
            let values = list.isEmpty ? [] : list.unicodeScalars.split(separator: separator, omittingEmptySubsequences: false).map { String($0) }
            variations.append((key, values))
        }
        do {
            return try SweepPlan(base: base, variations: variations, seedCount: seeds)
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The cores this process may run on.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

extension SweepPrinter.Format: ExpressibleByArgument {}

/// `--format`, shared by `sweep` and `sweep merge` (an option group, so that the one given after
/// `merge` is the merge's).
struct SweepFormatOption: ParsableArguments {
    @Option(help: "Output format: table, csv or jsonl.")
    var format: SweepPrinter.Format = .table
}

/// A target test loss: a finite number of at least 0.
func lossTarget(_ text: String) throws -> Double {
    guard let value = Double(text), value.isFinite, value >= 0 else {
        throw ValidationError("expected a test loss, a number of at least 0 (e.g. 0.05)")
    }
    return value
}
