import Foundation
import XCTest

/// `playground-tui sweep`: the same bytes whatever the jobs and shards, rows that are the runs
/// their links name, the summary against the rows, resume after a kill, bad input refused whole.
/// Small nets and few epochs: the machinery is under test, never a claim about activations.
final class SweepCommandTests: XCTestCase {
    /// 9 runs of 25 epochs on a 2-neuron net.
    static let sweep = ["--state", "seed=t&networkShape=2&dataset=xor", "--vary", "activation=relu,tanh,sigmoid",
                        "--seeds", "3", "--epochs", "25", "--target", "0.45"]

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessRunner.Result {
        let result = try ProcessRunner.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)", file: file, line: line)
        return result
    }

    /// Data rows of CSV output, split into fields (no field of these holds a comma but the state,
    /// which is last and quoted only when it does).
    func csvRows(_ text: String) -> [[String]] {
        text.components(separatedBy: "\n\n")[0].split(separator: "\n").dropFirst().map { $0.components(separatedBy: ",") }
    }

    // MARK: Determinism

    func testRowsAreTheSameBytesWhateverTheJobs() throws {
        for format in ["table", "jsonl"] {
            let one = try run(["sweep"] + Self.sweep + ["--format", format, "--jobs", "1"])
            let three = try run(["sweep"] + Self.sweep + ["--format", format, "--jobs", "3"])
            XCTAssertEqual(one.output, three.output, format)
            XCTAssertTrue(one.error.hasPrefix("sweep: 9 runs (9 trained), 1 jobs, "), one.error)
            XCTAssertTrue(three.error.hasPrefix("sweep: 9 runs (9 trained), 3 jobs, "), three.error)
        }
    }

    /// Each row's link, given to `train`, trains to the row's numbers: the link is the run.
    func testEachRowsLinkTrainsToItsNumbers() throws {
        let rows = csvRows(try run(["sweep"] + Self.sweep + ["--format", "csv"]).output)
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual(rows.map { $0[1] }, ["relu", "relu", "relu", "tanh", "tanh", "tanh", "sigmoid", "sigmoid", "sigmoid"])
        XCTAssertEqual(rows.map { $0[2] }, ["t-1", "t-2", "t-3", "t-1", "t-2", "t-3", "t-1", "t-2", "t-3"])
        for row in [rows[1], rows[7]] {
            let link = row.last!
            XCTAssertTrue(link.hasPrefix("https://playground.tensorflow.org/#"), link)
            let trained = try run(["train", "--state", link, "--epochs", "25"]).output.split(separator: "\n").dropFirst()
                .map { $0.components(separatedBy: ",") }
            let reached = trained.first { Double($0[2])! <= 0.45 }.map { $0[0] } ?? ""
            let best = trained.min { Double($0[2])! < Double($1[2])! }!
            // run, activation, seed, epochs_to_target, best_test_loss, best_epoch, final_train, final_test, diverged, epochs
            XCTAssertEqual(Array(row[3...9]), [reached, best[2], best[0], trained.last![1], trained.last![2], "false", "25"], link)
        }
    }

    /// The summary against the rows: with 3 seeds the median is the middle value, a run that
    /// never reached the target counting as later than any.
    func testTheSummaryAgreesWithTheRows() throws {
        let output = try run(["sweep"] + Self.sweep + ["--format", "csv"]).output
        let rows = csvRows(output)
        let summary = output.components(separatedBy: "\n\n")[1].split(separator: "\n").dropFirst().map { $0.components(separatedBy: ",") }
        XCTAssertEqual(summary.count, 3)
        for (index, line) in summary.enumerated() {
            let runs = rows[(index * 3)..<(index * 3 + 3)]
            XCTAssertEqual(line[0], runs.first![1])
            let epochs = runs.map { Double($0[3]) ?? .infinity }.sorted()
            let finals = runs.map { Double($0[7])! }.sorted()
            let reached = runs.filter { !$0[3].isEmpty }.count
            let shown = { (value: Double) in value == .infinity ? "Infinity" : String(Int(value)) }
            XCTAssertEqual(Array(line[1...3]), ["3", String(reached), "0"], "\(line)")
            XCTAssertEqual(line[5], shown(epochs[1]), "\(line)")
            XCTAssertEqual(Double(line[7]), finals[1], "\(line)")
        }
        XCTAssertTrue(summary.contains { $0[2] != "0" }, "no run reached the target: the test would not look at epochs")
    }

    // MARK: Shards

    /// Three shards through GNU parallel (as the README runs them), merged: the single
    /// process's bytes, as a table and as CSV.
    func testThreeShardsThroughGNUParallelMergeToOneProcessesBytes() throws {
        let parallel = try ProcessRunner.shell("command -v parallel")
        XCTAssertEqual(parallel.status, 0, "GNU parallel is missing: 'make test' installs it (make parallel)")
        let shards = try ProcessRunner.shell(#"bin=$0; out=$1; shift; parallel --will-cite -q "$bin" sweep "$@" --shard {}/3 --output "$out/shard{}.jsonl" ::: 1 2 3"#,
                                             [folder.path] + Self.sweep)
        XCTAssertEqual(shards.status, 0, shards.error)
        let files = (1...3).map { path("shard\($0).jsonl") }
        for format in ["table", "csv"] {
            let single = try run(["sweep"] + Self.sweep + ["--format", format])
            let merged = try run(["sweep", "merge"] + files + ["--format", format])
            XCTAssertEqual(merged.output, single.output, format)
        }
        // The shards' JSON lines one after the other in one file, as parallel gathers them over SSH.
        let gathered = try ProcessRunner.shell(#"out=$1; shift; parallel --will-cite -q "$0" sweep "$@" --shard {}/3 --format jsonl ::: 1 2 3 > "$out/all.jsonl""#,
                                               [folder.path] + Self.sweep)
        XCTAssertEqual(gathered.status, 0, gathered.error)
        XCTAssertEqual(try run(["sweep", "merge", path("all.jsonl")]).output, try run(["sweep"] + Self.sweep).output)
        // A shard holds its runs only, 1, 4 and 7 of 9, in the order they finished.
        let first = try String(contentsOfFile: files[0], encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertEqual(first.map { $0.prefix(9) }.sorted(), [#"{"run":1,"#, #"{"run":4,"#, #"{"run":7,"#])
    }

    /// Runs that diverge: NaN and infinite losses survive the JSON lines (as strings) bit for
    /// bit, so shards merge to the single process's bytes; the rows say diverged.
    func testDivergedRunsMergeToTheSameBytes() throws {
        let wild = ["--state", "seed=1&learningRate=10&activation=relu&networkShape=8,8&problem=regression",
                    "--vary", "regDataset=reg-plane,reg-gauss", "--seeds", "2", "--epochs", "60", "--target", "0.01"]
        let single = try run(["sweep"] + wild + ["--format", "csv"])
        let rows = csvRows(single.output)
        XCTAssertTrue(rows.contains { $0[8] == "true" && ($0[7] == "NaN" || $0[7] == "Infinity") }, single.output)
        _ = try run(["sweep"] + wild + ["--shard", "1/2", "--output", path("w1.jsonl")])
        _ = try run(["sweep"] + wild + ["--shard", "2/2", "--format", "jsonl"]).output.write(toFile: path("w2.jsonl"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["sweep", "merge", path("w1.jsonl"), path("w2.jsonl"), "--format", "csv"]).output, single.output)
    }

    /// --stop-at-target: a run that reaches the target stops there; the others train every epoch.
    func testStopAtTargetStopsEachRunThatReachesIt() throws {
        let full = csvRows(try run(["sweep"] + Self.sweep + ["--format", "csv"]).output)
        let stopped = csvRows(try run(["sweep"] + Self.sweep + ["--format", "csv", "--stop-at-target"]).output)
        XCTAssertEqual(stopped.map { $0[3] }, full.map { $0[3] }, "the same epochs to the target")
        XCTAssertEqual(stopped.map { $0[9] }, full.map { $0[3].isEmpty ? "25" : $0[3] })
        XCTAssertTrue(stopped.contains { !$0[3].isEmpty } && stopped.contains { $0[3].isEmpty }, "both kinds of run")
    }

    // MARK: Resume

    /// A sweep killed (SIGKILL) after some runs were recorded, resumed: the rows and summary of
    /// an uninterrupted sweep, and a file of whole lines all along.
    func testAKilledSweepResumesToTheUninterruptedRows() throws {
        let long = ["--state", "seed=k&networkShape=3", "--vary", "learningRate=0.03,0.1", "--seeds", "6", "--epochs", "300",
                    "--target", "0.2", "--jobs", "1"]
        let record = path("record.jsonl")
        let process = Process()
        process.executableURL = try ProcessRunner.binary
        process.arguments = ["sweep"] + long + ["--output", record]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        func recordedLines() -> Int { ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").filter { $0 == "\n" }.count }
        while recordedLines() < 3 && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertTrue(process.isRunning, "the sweep ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let kept = try String(contentsOfFile: record, encoding: .utf8)
        XCTAssertTrue(kept.hasSuffix("\n"), "a torn line: \(kept.suffix(80))")
        let keptRuns = kept.split(separator: "\n").count - 1
        XCTAssertGreaterThanOrEqual(keptRuns, 2)
        XCTAssertLessThan(keptRuns, 12, "the kill came after the end")

        let resumed = try run(["sweep"] + long + ["--output", record, "--resume"])
        XCTAssertTrue(resumed.error.hasPrefix("sweep: 12 runs (\(12 - keptRuns) trained, \(keptRuns) read from"), resumed.error)
        let uninterrupted = try run(["sweep"] + long)
        XCTAssertEqual(resumed.output, uninterrupted.output)
        XCTAssertEqual(try run(["sweep", "merge", record]).output, uninterrupted.output)
    }

    /// A last line cut short (a file written some other way and killed) is dropped and run again.
    func testATornLastLineIsDroppedAndRunAgain() throws {
        let record = path("torn.jsonl")
        _ = try run(["sweep"] + Self.sweep + ["--output", record])
        let whole = try String(contentsOfFile: record, encoding: .utf8)
        var lines = whole.split(separator: "\n")
        let last = lines.removeLast()
        try (lines.joined(separator: "\n") + "\n" + last.prefix(40)).write(toFile: record, atomically: true, encoding: .utf8)
        let resumed = try run(["sweep"] + Self.sweep + ["--output", record, "--resume"])
        XCTAssertTrue(resumed.error.hasPrefix("sweep: 9 runs (1 trained, 8 read from"), resumed.error)
        XCTAssertEqual(resumed.output, try run(["sweep"] + Self.sweep).output)
        XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8), whole, "the torn line replaced by the whole one")
    }

    // MARK: Bad input

    func testBadInputIsOneLineWithStatus64AndWritesNoFile() throws {
        let state = ["--state", "seed=1&networkShape=2", "--epochs", "2"]
        let cases: [(arguments: [String], says: String)] = [
            (["--vary", "activaton=relu"], #"--vary: unknown key "activaton""#),
            (["--vary", "activation="], #"--vary: "activation": no values"#),
            (["--vary", "activation=relu,gelu"], #"--vary: activation: bad value "gelu"; expected one of relu"#),
            (["--vary", "learningRate=0.1,-1"], #"--vary: learningRate: bad value "-1"; expected a number greater than 0"#),
            (["--vary", "activation=relu", "--vary", "activation=tanh"], #"--vary: "activation" given twice"#),
            (["--vary", "activation"], #"--vary: "activation": expected KEY=V1,V2"#),
            (["--shard", "3/2"], #"The value "3/2" is invalid for '--shard <I/N>': expected I/N"#),
            (["--shard", "0/0"], #"The value "0/0" is invalid for '--shard <I/N>': expected I/N"#),
            (["--target", "-1"], #"The value "-1" is invalid for '--target <loss>'"#),
        ]
        for (arguments, says) in cases {
            let output = path("out.jsonl")
            let result = try ProcessRunner.run(["sweep"] + state + arguments + ["--output", output])
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertEqual(result.output, "", "\(arguments)")
            let lines = result.error.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(arguments): \(result.error)")
            XCTAssertTrue(result.error.hasPrefix("playground-tui: " + says), "\(arguments): \(result.error)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "\(arguments) left a file")
        }
    }

    /// Files of different sweeps are refused, by merge and by --resume, naming the file; the
    /// file resumed is left as it was. (Run in the test's folder, so that the names are short
    /// enough to be shown whole.)
    func testFilesOfAnotherSweepAreRefused() throws {
        func inFolder(_ arguments: [String]) throws -> ProcessRunner.Result {
            try ProcessRunner.shell(#"cd "$1" && shift && exec "$0" "$@""#, [folder.path] + arguments)
        }
        XCTAssertEqual(try inFolder(["sweep"] + Self.sweep + ["--shard", "1/2", "--output", "a.jsonl"]).status, 0)
        XCTAssertEqual(try inFolder(["sweep"] + Self.sweep + ["--epochs", "26", "--shard", "2/2", "--output", "b.jsonl"]).status, 0)
        let merged = try inFolder(["sweep", "merge", "a.jsonl", "b.jsonl"])
        XCTAssertEqual(merged.status, 64)
        XCTAssertEqual(merged.output, "")
        XCTAssertTrue(merged.error.hasPrefix(#"playground-tui: merge: "b.jsonl" is of another sweep than "a.jsonl""#), merged.error)
        let missing = try inFolder(["sweep", "merge", "a.jsonl"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.error.hasPrefix("playground-tui: merge: 4 of 9 runs missing (the first: run 2)"), missing.error)

        let before = try Data(contentsOf: folder.appendingPathComponent("b.jsonl"))
        let resumed = try inFolder(["sweep"] + Self.sweep + ["--output", "b.jsonl", "--resume"])
        XCTAssertEqual(resumed.status, 64)
        XCTAssertTrue(resumed.error.hasPrefix(#"playground-tui: --resume: "b.jsonl" holds another sweep"#), resumed.error)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("b.jsonl")), before)
        let again = try inFolder(["sweep"] + Self.sweep + ["--output", "a.jsonl"])
        XCTAssertEqual(again.status, 64)
        XCTAssertTrue(again.error.hasPrefix(#"playground-tui: --output: "a.jsonl" exists (add --resume"#), again.error)
    }
}
