import Foundation
import XCTest

/// The issue's session files through `--resume`: a number out of its field's range is named, a
/// file cut short is called so, an inconsistent training state names its field and rule.
final class SessionRangeTests: XCTestCase {
    func testEachBrokenFileIsRefusedInOneLineNamingTheField() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-range-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("s.json").path
        let made = try ProcessRunner.run(["train", "--epochs", "3", "--state", "seed=1&optimizer=adam&batchSize=7", "--save", saved])
        XCTAssertEqual(made.status, 0, made.error)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        // The session's keys are sorted: the history's snapshots come before the network and
        // the training state, so `last` reaches the session's own field, the first one a snapshot's.
        func replacing(_ pattern: String, _ replacement: String, last: Bool = false) -> String {
            let matches = try! NSRegularExpression(pattern: pattern).matches(in: text, range: NSRange(text.startIndex..., in: text))
            let match = last ? matches.last! : matches.first!
            return text.replacingCharacters(in: Range(match.range, in: text)!, with: replacement)
        }
        let cases: [(String, String)] = [
            (replacing(#""version":2"#, #""version":1.5"#), "version: expected a whole number from 1 to 2, found 1.5"),
            (replacing(#""epoch":3,"#, #""epoch":9223372036854775808,"#), "epoch: 9223372036854775808 is out of range (expected a whole number from 0 to 2^53)"),
            (replacing(#""deadLinks":\[0"#, #""deadLinks":[-1"#, last: true), "training.deadLinks[0]: -1 is out of range (expected a whole number from 0 to 1)"),
            (replacing(#""parameters":\[[-0-9.e]+"#, #""parameters":[1e400"#, last: true), "network.parameters[0]: 1e400 is out of range (a number's magnitude is at most about 1.8e308)"),
            (replacing(#""partialBatch":[0-9]+"#, #""partialBatch":1000000000000"#, last: true), "training: partialBatch: expected below the batch size 7, found 1000000000000"),
            (replacing(#""secondMoments":\[[-0-9.e]+"#, #""secondMoments":[-1"#, last: true), "training: secondMoments[0]: expected 0 or more (an average of squares), found -1.0"),
            // A kept epoch is checked by the same rules: a branch from it continues from there (at
            // epoch 0 a snapshot carries no moments, so the first one is epoch 1's).
            (replacing(#""partialBatch":[0-9]+"#, #""partialBatch":1000000000000"#),
             "history: snapshots[0]: training: partialBatch: expected below the batch size 7, found 1000000000000"),
            (replacing(#""secondMoments":\[[-0-9.e]+"#, #""secondMoments":[-1"#),
             "history: snapshots[1]: training: secondMoments[0]: expected 0 or more (an average of squares), found -1.0"),
            (String(text.prefix(500)), "not a complete JSON document (cut short, or not a session file)"),
        ]
        for (index, (content, expected)) in cases.enumerated() {
            let file = folder.appendingPathComponent("case\(index).json").path
            try content.write(toFile: file, atomically: false, encoding: .utf8)
            let result = try ProcessRunner.run(["train", "--resume", file, "--epochs", "1"])
            XCTAssertEqual(result.status, 64, expected)
            XCTAssertEqual(result.output, "")
            XCTAssertEqual(result.error, "playground-tui: --resume: \(file): session: \(expected) (see playground-tui train --help)\n")
        }
    }
}
