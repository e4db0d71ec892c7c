import ArgumentParser
import Glibc
import PlaygroundCore

/// One `sweep` process: the runs of its shard, those already in the `--output` file taken from
/// there, the rest trained by the pool; rows printed in run order as soon as each is known, each
/// finished run recorded in the file at once; then the summary, and one line of times on stderr.
struct SweepRunner: Sendable {
    let plan: SweepPlan
    let stop: StopCondition
    let shard: SweepShard
    let jobs: Int
    let printer: SweepPrinter
    let record: SweepRecordFile?

    /// What the process did, for the last line on standard error.
    struct Tally: Sendable {
        var runs = 0, trained = 0, fromFile = 0, epochsTrained = 0
    }

    func execute() async throws -> Tally {
        var file = record
        let done = try file?.open(plan: plan, stop: stop) ?? [:]
        let mine = shard.indices(of: plan.runCount).map(plan.run)
        var tally = Tally(runs: mine.count, fromFile: mine.filter { done[$0.index] != nil }.count)
        var outcomes = [RunOutcome?](repeating: nil, count: plan.runCount)
        for run in mine { outcomes[run.index] = done[run.index] }

        var output = TextOutput.standardOutput
        for line in printer.head { output.writeLine(line) }
        // Prints every row from `position` on whose outcome is known, in run order.
        var position = 0
        func printReady() throws {
            while position < mine.count, let outcome = outcomes[mine[position].index] {
                output.writeLine(printer.row(mine[position], outcome))
                position += 1
            }
            try output.flush()
        }
        try printReady()
        try await SweepPool.train(mine.filter { done[$0.index] == nil }, jobs: jobs, stop: stop) { run, outcome in
            try file?.append(SweepRecords.run(run, outcome, in: plan))
            outcomes[run.index] = outcome
            tally.trained += 1
            tally.epochsTrained += outcome.epochs
            try printReady()
        }
        for line in printer.summary(outcomes) { output.writeLine(line) }
        try output.flush()
        return tally
    }
}

/// `--shard I/N`: the runs I−1, I−1+N, I−1+2N, … of the plan (I from 1, as job arrays and GNU
/// parallel's `{#}` count).
struct SweepShard: Sendable, Equatable {
    let number: Int
    let count: Int

    static let whole = SweepShard(number: 1, count: 1)

    /// `I/N` with 1 ≤ I ≤ N.
    static func parse(_ text: String) throws -> SweepShard {
        let parts = text.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
        guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(number) else {
            throw ValidationError("expected I/N, shard I of N with 1 <= I <= N (e.g. 2/3)")
        }
        return SweepShard(number: number, count: count)
    }

    func indices(of runCount: Int) -> StrideTo<Int> { stride(from: number - 1, to: runCount, by: count) }
}

/// The `--output` file: the sweep's header line, then one line per finished run in the order
/// they finished. Every change writes the whole file through `AtomicFile` (a new file renamed over
/// the old), so a killed sweep leaves the file as it was after its last finished run: never a
/// torn line. With `--resume` the runs already there are kept and not trained again; a last line
/// without its line break (a file written some other way and cut) is dropped and run again.
struct SweepRecordFile: Sendable {
    let path: String
    let resume: Bool
    private var contents: [UInt8] = []

    init(path: String, resume: Bool) {
        self.path = path
        self.resume = resume
    }

    /// Creates the file with the header, or (`resume`) reads the runs it holds; returns them.
    mutating func open(plan: SweepPlan, stop: StopCondition) throws -> [Int: RunOutcome] {
        let header = SweepRecords.header(plan, stop: stop)
        var status = stat()
        guard lstat(path, &status) == 0 else {
            contents = Array((header + "\n").utf8)
            try write(replacing: false)
            return [:]
        }
        guard resume else {
            throw ValidationError("--output: \(UserText.quoted(path)) exists (add --resume to continue that sweep, or name another file)")
        }
        let text = String(decoding: try InputFile.read(path, option: "--output"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // after the last line break: empty, or a torn line to run again
        if lines.isEmpty {  // an empty file (made by a job script, say): this sweep starts in it
            contents = Array((header + "\n").utf8)
            try write(replacing: true)
            return [:]
        }
        guard lines.first.map({ $0 == header }) ?? false else {
            throw ValidationError("--resume: \(UserText.quoted(path)) holds another sweep (its first line is not this sweep's header)")
        }
        var done: [Int: RunOutcome] = [:]
        for (number, line) in lines.enumerated().dropFirst() {
            guard let (index, outcome) = SweepRecords.run(fromLine: line, in: plan), done[index].map({ $0 == outcome }) ?? true else {
                throw ValidationError("--resume: \(UserText.quoted(path)): line \(number + 1) is not a run of this sweep")
            }
            done[index] = outcome
        }
        contents = Array(lines.map { $0 + "\n" }.joined().utf8)
        if contents.count != text.utf8.count { try write(replacing: true) }
        return done
    }

    mutating func append(_ line: String) throws {
        contents += Array((line + "\n").utf8)
        try write(replacing: true)
    }

    private func write(replacing: Bool) throws {
        do {
            try AtomicFile.write(contents, to: path, replacing: replacing)
        } catch {
            Diagnostics.say("playground-tui: --output: " + error.message)
            throw ExitCode.failure
        }
    }
}
