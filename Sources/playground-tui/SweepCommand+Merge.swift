import ArgumentParser
import PlaygroundCore

/// `sweep merge FILE...`: the shards' JSON lines (`--output` files or `--format jsonl` output)
/// joined into the rows and summary one process would have printed, byte for byte.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the JSON lines of a sweep's shards into one sweep's rows and summary.",
        discussion: """
            Each FILE is an --output file or the output of --format jsonl (several shards' \
            outputs one after the other in one file are fine). All must be of the same sweep \
            (the same first line) and together hold every run; a run given twice must have the \
            same result each time. Summary lines in them are ignored.
            """
    )

    @Argument(help: ArgumentHelp("The shards' files.", valueName: "file"))
    var files: [String]

    @OptionGroup var formatOption: SweepFormatOption

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("merge: name the shards' files (e.g. sweep merge shard-*.jsonl)") }
    }

    mutating func run() throws {
        var sweep: (plan: SweepPlan, stop: StopCondition, header: Substring, file: String)?
        var outcomes: [RunOutcome?] = []
        for file in files {
            let text = String(decoding: try InputFile.read(file, option: "merge"), as: UTF8.self)
            let shown = UserText.quoted(file)
            guard text.isEmpty || text.hasSuffix("\n") else {
                throw ValidationError("merge: \(shown): its last line is cut (continue that shard with --output FILE --resume)")
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            guard let header = lines.first else { throw ValidationError("merge: \(shown) is empty") }
            if let sweep {
                guard header == sweep.header else {
                    throw ValidationError("merge: \(shown) is of another sweep than \(UserText.quoted(sweep.file)) (their first lines differ)")
                }
            } else {
                guard let (plan, stop) = SweepRecords.plan(fromHeader: header) else {
                    throw ValidationError("merge: \(shown): its first line is not a sweep's header (sweep --format jsonl or --output writes one)")
                }
                sweep = (plan, stop, header, file)
                outcomes = Array(repeating: nil, count: plan.runCount)
            }
            let plan = sweep!.plan
            // Shards' outputs may come one after the other in one file (GNU parallel's output):
            // their headers, the same, and their summaries are skipped.
            for (number, line) in lines.enumerated().dropFirst() where !line.hasPrefix("{\"summary\":") && line != header {
                guard let (index, outcome) = SweepRecords.run(fromLine: line, in: plan) else {
                    throw ValidationError("merge: \(shown): line \(number + 1) is not a run of this sweep")
                }
                if let earlier = outcomes[index], earlier != outcome {
                    throw ValidationError("merge: \(shown): run \(index + 1) differs from the same run in an earlier file")
                }
                outcomes[index] = outcome
            }
        }
        let (plan, stop, _, _) = sweep!
        let missing = outcomes.indices.filter { outcomes[$0] == nil }
        if let first = missing.first {
            throw ValidationError("merge: \(missing.count) of \(plan.runCount) runs missing (the first: run \(first + 1)); "
                                  + "a shard not given, or not finished")
        }
        let printer = SweepPrinter(plan: plan, stop: stop, format: formatOption.format)
        var output = TextOutput.standardOutput
        for line in printer.head { output.writeLine(line) }
        for run in plan.runs { output.writeLine(printer.row(run, outcomes[run.index]!)) }
        for line in printer.summary(outcomes) { output.writeLine(line) }
        try output.flush()
    }
}
