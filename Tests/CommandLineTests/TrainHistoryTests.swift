import Foundation
import XCTest

/// `train --history FILE` and `train --resume SESSION --from-epoch K` as a user runs them: the
/// lines hold what plain runs to those epochs print and save; a branch prints the rows of a run
/// that never stopped; an epoch that is not kept is one line naming it and its neighbours.
final class TrainHistoryTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("train-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        let result = try ProcessRunner.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)")
        return result
    }

    /// Adam, L1 and batches of 7 (a partial batch pending after every epoch).
    let state = "optimizer=adam&regularization=L1&regularizationRate=0.01&batchSize=7&networkShape=3,2&seed=0.5&learningRate=0.1"

    /// The CSV rows after the header, by epoch.
    func rows(_ result: ProcessRunner.Result) -> [Int: Substring] {
        var rows: [Int: Substring] = [:]
        for line in result.output.split(separator: "\n").dropFirst() { rows[Int(line.prefix { $0 != "," })!] = line }
        return rows
    }

    /// 300 epochs keep 0, 2, …, 44 (age 256 and more: every 2nd) and 45 to 300: 279 lines. Line
    /// k holds the losses `train` prints at epoch k and the parameters a run saved at epoch k
    /// holds, written the same way.
    func testHistoryLinesHoldWhatRunsToThoseEpochsPrintAndSave() throws {
        let lines = path("h.jsonl")
        let trained = try run(["train", "--state", state, "--epochs", "300", "--history", lines])
        let text = try String(contentsOfFile: lines, encoding: .utf8)
        let objects = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let epochs = objects.map { $0["epoch"] as! Int }
        XCTAssertEqual(epochs, Array(stride(from: 0, through: 44, by: 2)) + Array(45...300))
        XCTAssertTrue(text.hasPrefix("{\"epoch\":0,\"parameters\":["), String(text.prefix(40)))
        let printed = rows(trained)
        for epoch in [0, 44, 45, 123, 300] {
            let line = try XCTUnwrap(objects.first { $0["epoch"] as? Int == epoch })
            let row = printed[epoch]!.split(separator: ",")
            XCTAssertEqual("\(line["train"]!)", String(row[1]), "epoch \(epoch)")
            XCTAssertEqual("\(line["test"]!)", String(row[2]), "epoch \(epoch)")
            let session = path("at-\(epoch).json")
            _ = try run(["train", "--state", state, "--epochs", String(epoch), "--save", session])
            let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: session))) as! [String: Any]
            let network = saved["network"] as! [String: Any]
            XCTAssertEqual((line["parameters"] as! [Double]).map(\.bitPattern),
                           (network["parameters"] as! [Double]).map(\.bitPattern), "epoch \(epoch)")
        }
    }

    /// A session saved at 300 and continued from kept epoch 120 (age 180) and from 44 (among
    /// the thinned) prints, row for row, what one run to 130 and to 50 prints; the session saved
    /// after the branch holds the left run as a ghost.
    func testFromEpochContinuesAsARunThatNeverStopped() throws {
        let session = path("s.json")
        _ = try run(["train", "--state", state, "--epochs", "300", "--every", "50", "--save", session])
        let straight = rows(try run(["train", "--state", state, "--epochs", "130"]))
        for from in [120, 44] {
            let branched = path("b\(from).json")
            let result = try run(["train", "--resume", session, "--from-epoch", String(from), "--epochs", "6", "--save", branched])
            let printed = result.output.split(separator: "\n")
            XCTAssertEqual(printed.dropFirst().map { $0 }, (from...(from + 6)).map { straight[$0]! }, "from \(from)")
            let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: branched))) as! [String: Any]
            XCTAssertEqual(saved["epoch"] as? Int, from + 6)
            let history = saved["history"] as! [String: Any]
            let ghosts = history["ghosts"] as! [[String: Any]]
            XCTAssertEqual(ghosts.map { $0["branchEpoch"] as! Int }, [from])
            let snapshots = (history["snapshots"] as! [[String: Any]]).map { $0["epoch"] as! Int }
            XCTAssertEqual(snapshots.last, from + 6)
            XCTAssertEqual((saved["losses"] as! [[String: Any]]).map { $0["epoch"] as! Int },
                           [0, 50, 100].filter { $0 <= from } + Array((from + 1)...(from + 6)),
                           "the left run's rows after \(from) are gone")
        }
    }

    func assertRefused(_ arguments: [String], _ line: String, status: Int32 = 64,
                       file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let result = try ProcessRunner.run(arguments)
        XCTAssertEqual(result.status, status, result.error, file: file, line: lineNumber)
        XCTAssertEqual(result.errorLinesBesidesState, [Substring(line)], file: file, line: lineNumber)
        XCTAssertEqual(result.output, "", file: file, line: lineNumber)
    }

    func testRefusalsNameTheEpochAndTheNearestKeptOnes() throws {
        let session = path("s.json")
        _ = try run(["train", "--state", state, "--epochs", "300", "--every", "100", "--save", session])
        let help = " (see playground-tui train --help)"
        try assertRefused(["train", "--resume", session, "--from-epoch", "43"],
                          "playground-tui: --from-epoch: epoch 43 is not kept; the nearest kept epochs are 42 and 44" + help)
        try assertRefused(["train", "--resume", session, "--from-epoch", "301"],
                          "playground-tui: --from-epoch: epoch 301 is not kept; the nearest kept epoch is 300" + help)
        try assertRefused(["train", "--state", state, "--from-epoch", "3"], "playground-tui: --from-epoch: goes with --resume SESSION" + help)
        let old = ProcessRunner.root.appendingPathComponent("Tests/Fixtures/sessions/version1-adam-l1.json").path
        try assertRefused(["train", "--resume", old, "--from-epoch", "2"],
                          "playground-tui: --from-epoch: \(old): the session keeps no history (saved by version 1, "
                          + "or before its run was recorded)" + help)
        try assertRefused(["train", "--state", state, "--history", path("no/such/folder/h.jsonl")],
                          "playground-tui: cannot write \(path("no/such/folder/h.jsonl")): No such file or directory", status: 1)
    }

    /// A version 1 session (no history) resumes as before: its rows are those of one run.
    func testAVersion1SessionStillResumes() throws {
        let old = ProcessRunner.root.appendingPathComponent("Tests/Fixtures/sessions/version1-adam-l1.json").path
        let resumed = try run(["train", "--resume", old, "--epochs", "3"])
        let straight = rows(try run(["train", "--state", "seed=0.5&networkShape=3,2&batchSize=7&optimizer=adam&regularization=L1"
                                     + "&regularizationRate=0.003&learningRate=0.1", "--epochs", "7"]))
        XCTAssertEqual(resumed.output.split(separator: "\n").dropFirst().map { $0 }, (4...7).map { straight[$0]! })
    }
}
