import Foundation
import XCTest

/// `data`, `--data`, `--save` and `--resume` as a user runs them: round trips bit for bit, and
/// every refusal one line naming the file and what is wrong.
final class DataAndSessionTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("data-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) throws -> ProcessRunner.Result { try ProcessRunner.run(arguments) }

    func write(_ text: String, to name: String) throws -> String {
        try text.write(toFile: path(name), atomically: false, encoding: .utf8)
        return path(name)
    }

    struct Split: Decodable {
        let state: String
        let train: [[Double]]
        let test: [[Double]]
    }

    func bits(_ rows: [[Double]]) -> [[UInt64]] { rows.map { $0.map(\.bitPattern) } }

    /// `data` as CSV read back by `train --data` with the same seed and ratio gives the split that
    /// `data --format json` prints, every number's bits equal; the CSV's rows are those points.
    func testDataThenDataFileGivesTheSamePointsAndTheSameSplit() throws {
        for state in ["dataset=spiral&noise=25&seed=0.5&percTrainData=70", "problem=regression&regDataset=reg-gauss&seed=abc"] {
            let csv = try run(["data", "--state", state])
            XCTAssertEqual(csv.status, 0, csv.error)
            let json = try run(["data", "--state", state, "--format", "json"])
            let split = try JSONDecoder().decode(Split.self, from: Data(json.output.utf8))
            let rows = csv.output.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            let read = rows.map { $0.split(separator: ",").map { Double($0)! } }
            XCTAssertEqual(Set(bits(read)), Set(bits(split.train + split.test)), state)
            XCTAssertEqual(read.count, split.train.count + split.test.count)

            let file = try write(csv.output, to: "points.csv")
            let trained = try run(["train", "--state", state, "--data", file, "--epochs", "0", "--format", "json"])
            XCTAssertEqual(trained.status, 0, trained.error)
            let again = try JSONDecoder().decode(Split.self, from: Data(trained.output.utf8))
            XCTAssertEqual(bits(again.train), bits(split.train), state)
            XCTAssertEqual(bits(again.test), bits(split.test), state)
            XCTAssertTrue(again.state.hasSuffix("&data=custom"), again.state)
        }
    }

    /// `train --epochs N --save f` then `train --resume f --epochs N` prints, after its first row
    /// (epoch N again), exactly the rows of `train --epochs 2N`, for every activation, with a
    /// partial batch pending (250 training points in batches of 7).
    func testSaveThenResumeEqualsTrainingStraight() throws {
        let activations = ["relu", "tanh", "sigmoid", "linear", "leakyrelu", "prelu", "elu", "softplus"]
        for activation in activations {
            let state = "activation=\(activation)&batchSize=7&seed=0.5&regularization=L2&regularizationRate=0.001&xTimesY=true"
            let session = path("\(activation).json")
            let straight = try run(["train", "--state", state, "--epochs", "8"])
            let first = try run(["train", "--state", state, "--epochs", "4", "--save", session])
            XCTAssertEqual(first.status, 0, first.error)
            let resumed = try run(["train", "--resume", session, "--epochs", "4"])
            XCTAssertEqual(resumed.status, 0, resumed.error)
            let straightRows = straight.output.split(separator: "\n")
            XCTAssertEqual(Array(resumed.output.split(separator: "\n")), [straightRows[0]] + straightRows[5...], activation)
            XCTAssertEqual(resumed.error, first.error, "the same state line")
        }
    }

    /// A session saved after a resume holds the losses of both runs.
    func testASessionSavedAgainKeepsEveryLossRow() throws {
        let session = path("s.json")
        XCTAssertEqual(try run(["train", "--state", "seed=0.5", "--epochs", "2", "--save", session]).status, 0)
        XCTAssertEqual(try run(["train", "--resume", session, "--epochs", "2", "--save", session]).status, 0)
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: session))) as! [String: Any]
        let epochs = (saved["losses"] as! [[String: Any]]).map { $0["epoch"] as! Int }
        XCTAssertEqual(epochs, [0, 1, 2, 3, 4])
        XCTAssertEqual(saved["epoch"] as? Int, 4)
        XCTAssertEqual(saved["version"] as? Int, 2)
    }

    func assertRefused(_ arguments: [String], _ line: String, status: Int32 = 64,
                       file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let result = try run(arguments)
        XCTAssertEqual(result.status, status, result.error, file: file, line: lineNumber)
        XCTAssertEqual(result.errorLinesBesidesState, [Substring(line)], file: file, line: lineNumber)
        XCTAssertEqual(result.output, "", file: file, line: lineNumber)
    }

    func testASessionThatCannotBeResumedIsRefusedSayingWhy() throws {
        let session = path("s.json")
        XCTAssertEqual(try run(["train", "--state", "seed=0.5&networkShape=4,2", "--epochs", "1", "--save", session]).status, 0)
        let text = try String(contentsOfFile: session, encoding: .utf8)
        let help = " (see playground-tui train --help)"

        let newer = try write(text.replacingOccurrences(of: "\"version\":2", with: "\"version\":3"), to: "newer.json")
        try assertRefused(["train", "--resume", newer],
                          "playground-tui: --resume: \(newer): session: version 3 was written by a newer playground-tui; this one reads up to version 2" + help)

        let truncated = try write(String(text.prefix(text.count / 2)), to: "truncated.json")
        try assertRefused(["train", "--resume", truncated],
                          "playground-tui: --resume: \(truncated): session: not a complete JSON document (cut short, or not a session file)" + help)

        var json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var network = json["network"] as! [String: Any]
        network["parameters"] = (network["parameters"] as! [Double]).dropLast(6).map { $0 }
        json["network"] = network
        let shape = try write(String(decoding: JSONSerialization.data(withJSONObject: json), as: UTF8.self), to: "shape.json")
        // 2·4 + 4·2 + 2·1 = 18 weights, 9 nodes with a bias and a slope each: 36.
        try assertRefused(["train", "--resume", shape],
                          "playground-tui: --resume: \(shape): session: network: 36 parameters expected for shape 2,4,2,1, found 30" + help)

        json["epoch"] = "three"
        let kind = try write(String(decoding: JSONSerialization.data(withJSONObject: json), as: UTF8.self), to: "kind.json")
        try assertRefused(["train", "--resume", kind], "playground-tui: --resume: \(kind): session: epoch: expected a whole number" + help)

        try assertRefused(["train", "--resume", session, "--state", "seed=1"],
                          "playground-tui: --state: not with --resume (the session file holds the state)" + help)
    }

    /// Counts that would overflow when training goes on (an epoch, an update count or a partial
    /// batch near Int.max, or --epochs that passes it) are refused in one line, never a crash.
    func testCountsThatWouldOverflowAreRefused() throws {
        let session = path("counts.json")
        XCTAssertEqual(try run(["train", "--state", "seed=0.5", "--epochs", "2", "--save", session]).status, 0)
        let help = " (see playground-tui train --help)"
        try assertRefused(["train", "--resume", session, "--epochs", "9223372036854775807"],
                          "playground-tui: --epochs: 9223372036854775807 more after epoch 2 passes the most epochs a run counts, 2^53" + help)
        let text = try String(contentsOfFile: session, encoding: .utf8)
        var json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        json["epoch"] = Int.max
        let epoch = try write(String(decoding: JSONSerialization.data(withJSONObject: json), as: UTF8.self), to: "epoch.json")
        try assertRefused(["train", "--resume", epoch, "--epochs", "1"],
                          "playground-tui: --resume: \(epoch): session: epoch: expected 0 to 9007199254740992, found \(Int.max)" + help)
        json["epoch"] = 2
        var training = json["training"] as! [String: Any]
        training["updateCount"] = Int.max
        json["training"] = training
        let updates = try write(String(decoding: JSONSerialization.data(withJSONObject: json), as: UTF8.self), to: "updates.json")
        try assertRefused(["train", "--resume", updates, "--epochs", "1"],
                          "playground-tui: --resume: \(updates): session: training: updateCount: expected 0 to 9007199254740992, found \(Int.max)" + help)
    }

    func testABadDataFileIsOneLineWithTheLineAndColumn() throws {
        let help = " (see playground-tui train --help)"
        let bad = try write("x,y,label\n1,2,1\n3,zwei,-1\n", to: "bad.csv")
        try assertRefused(["train", "--data", bad], "playground-tui: --data: \(bad):3:3: y: expected a number, found \"zwei\"" + help)
        let outside = try write("1,2,1\n7,0,-1\n", to: "outside.csv")
        try assertRefused(["train", "--data", outside],
                          "playground-tui: --data: \(outside):2:1: x = 7 lies outside the plane [-6, 6] (--fit scales the points into it)" + help)
        try assertRefused(["train", "--data", path("missing.csv")],
                          "playground-tui: --data: \(path("missing.csv")): cannot read: No such file or directory" + help)
        // batchSize=1: the one training point fills a batch (else train warns that none ever fills).
        let fitted = try run(["train", "--data", outside, "--fit", "--epochs", "1", "--state", "seed=0.5&percTrainData=50&batchSize=1"])
        XCTAssertEqual(fitted.status, 0, fitted.error)
        XCTAssertEqual(fitted.errorLinesBesidesState, ["playground-tui: note: --fit: every point was scaled by 0.8571428571428571 to fit the plane [-6, 6]"])
    }

    /// Only regular files of at most 64 MiB are read: `/dev/zero` and a FIFO (which no one writes)
    /// would be read without end, a huge file would fill the memory. Each is one line and 64, at
    /// once (a watchdog of 20 s fails a run that reads on).
    func testAFileThatIsNotRegularOrTooLargeIsRefusedAtOnce() throws {
        let help = " (see playground-tui train --help)"
        XCTAssertEqual(mkfifo(path("fifo"), 0o600), 0)
        let huge = path("huge.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge, contents: nil))
        XCTAssertEqual(truncate(huge, (64 << 20) + 1), 0, "a sparse file one byte over 64 MiB")
        let exactly = try write("", to: "exactly.json")
        XCTAssertEqual(truncate(exactly, 64 << 20), 0)
        let cases: [(option: String, file: String, reason: String)] = [
            ("--data", "/dev/zero", "not a regular file"), ("--data", path("fifo"), "not a regular file"),
            ("--resume", "/dev/zero", "not a regular file"), ("--resume", path("fifo"), "not a regular file"),
            ("--data", huge, "larger than 64 MiB"), ("--resume", huge, "larger than 64 MiB"),
        ]
        for (option, file, reason) in cases {
            let result = try ProcessRunner.run(["train", option, file, "--epochs", "0"], timeout: 20)
            XCTAssertEqual(result.status, 64, "\(option) \(file): \(result.error)")
            XCTAssertEqual(result.errorLinesBesidesState, [Substring("playground-tui: \(option): \(file): \(reason)" + help)])
            XCTAssertEqual(result.output, "")
        }
        // 64 MiB exactly is read (and refused for what it holds: NUL bytes are no session).
        try assertRefused(["train", "--resume", exactly],
                          "playground-tui: --resume: \(exactly): session: not a complete JSON document (cut short, or not a session file)" + help)
    }

    func testALinkThatSaysCustomWithoutPointsWarnsAndUsesTheDataSet() throws {
        let result = try run(["train", "--state", "seed=0.5&data=custom", "--epochs", "0"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.errorLinesBesidesState, ["playground-tui: warning: --state: data=custom: a link cannot carry the points; using the data set (give the points with --data FILE)"])
        XCTAssertFalse(result.error.contains("data=custom&") || result.error.contains("&data=custom\n"), result.error)
    }

    // MARK: Atomic writes

    /// A folder that cannot be written in (its path runs through a regular file), a directory
    /// where the file should be, and a write cut short by the file size limit (`ulimit -f`, with
    /// SIGXFSZ ignored so the write fails with EFBIG as on a full disk): each is one line and
    /// status 1, no temporary file is left, and a file already there keeps its bytes.
    func testAFailedSaveIsOneLineAndLeavesTheOldFileIntact() throws {
        let blocker = try write("not a folder", to: "blocker")
        try assertSaveFails(["--save", blocker + "/s.json"], "playground-tui: cannot write \(blocker)/s.json: Not a directory")

        try FileManager.default.createDirectory(atPath: path("in-the-way"), withIntermediateDirectories: false)
        try assertSaveFails(["--save", path("in-the-way")], "playground-tui: cannot write \(path("in-the-way")): Is a directory")

        let old = String(repeating: "the old session, kept\n", count: 4)
        let target = try write(old, to: "old.json")
        let limited = try ProcessRunner.shell(#"ulimit -f 8; trap '' XFSZ; exec "$0" "$@""#,
                                              ["train", "--epochs", "1", "--save", target])
        XCTAssertEqual(limited.status, 1, limited.error)
        XCTAssertEqual(limited.errorLinesBesidesState, [Substring("playground-tui: cannot write \(target): File too large")])
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), old)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["blocker", "in-the-way", "old.json"], "no temporary file left")
    }

    /// A `--save` that cannot be written is refused before the training: one line, status 1,
    /// and no row on standard output (the CSV header and rows come only once training starts).
    func testAnUnwritableSaveIsRefusedBeforeTraining() throws {
        let blocker = try write("not a folder", to: "blocker")
        try FileManager.default.createDirectory(atPath: path("in-the-way"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: path("dangling.json"), withDestinationPath: "missing.json")
        let refusals = [
            (path("missing-folder") + "/s.json", "No such file or directory"),
            (blocker + "/s.json", "Not a directory"),
            (path("in-the-way"), "Is a directory"),
            (path("dangling.json"), "a symbolic link to a file that does not exist"),
        ]
        for (target, reason) in refusals {
            for format in ["csv", "json"] {
                let result = try run(["train", "--epochs", "3", "--format", format, "--save", target])
                XCTAssertEqual(result.status, 1, "\(target): \(result.error)")
                XCTAssertEqual(result.error, "playground-tui: cannot write \(target): \(reason)\n", "not even the state line")
                XCTAssertEqual(result.output, "", "\(target) \(format): nothing trained, nothing printed")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["blocker", "dangling.json", "in-the-way"], "nothing written")
    }

    func assertSaveFails(_ arguments: [String], _ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws {
        let result = try run(["train", "--epochs", "1"] + arguments)
        XCTAssertEqual(result.status, 1, result.error, file: file, line: lineNumber)
        XCTAssertEqual(result.errorLinesBesidesState, [Substring(line)], file: file, line: lineNumber)
    }

    /// A new file gets the mode the umask leaves of 0666 (read once, not by setting it).
    func testANewFileGetsTheModeOfTheUmask() throws {
        for (mask, mode) in [("027", 0o640), ("077", 0o600), ("002", 0o664)] {
            let target = path("new-\(mask).json")
            let result = try ProcessRunner.shell("umask \(mask); exec \"$0\" \"$@\"", ["train", "--epochs", "1", "--save", target])
            XCTAssertEqual(result.status, 0, result.error)
            let attributes = try FileManager.default.attributesOfItem(atPath: target)
            XCTAssertEqual(attributes[.posixPermissions] as? Int, mode, "umask \(mask)")
        }
    }

    /// A save over a symbolic link writes the file it points to and leaves the link a link; a
    /// link to nothing is refused in one line, and stays as it was.
    func testASaveThroughASymbolicLinkWritesItsTarget() throws {
        let real = try write("old", to: "real.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real)
        try FileManager.default.createSymbolicLink(atPath: path("link.json"), withDestinationPath: "real.json")
        let saved = try run(["train", "--epochs", "1", "--save", path("link.json")])
        XCTAssertEqual(saved.status, 0, saved.error)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.json")), "real.json")
        XCTAssertTrue(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("{"), "the session went to the target")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int, 0o640)

        try FileManager.default.createSymbolicLink(atPath: path("dangling.json"), withDestinationPath: "missing.json")
        try assertSaveFails(["--save", path("dangling.json")],
                            "playground-tui: cannot write \(path("dangling.json")): a symbolic link to a file that does not exist")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("dangling.json")), "missing.json")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["dangling.json", "link.json", "real.json"], "no temporary file left, no missing.json made")
    }

    /// A saved file replaces the old one whole, with the old one's permissions.
    func testASaveReplacesAFileWholeKeepingItsMode() throws {
        let target = try write("old", to: "s.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        XCTAssertEqual(try run(["train", "--epochs", "1", "--save", target]).status, 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try run(["train", "--resume", target, "--epochs", "1"]).status, 0)
    }
}
