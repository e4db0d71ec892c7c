import Foundation
import XCTest

/// Headless `train` says so when training cannot do what it seems to: no training point (the
/// loss printed as 0 meant nothing), or a batch larger than the training points (never updated).
final class TrainWarningTests: XCTestCase {
    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warn-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testNoTrainingPointIsWarnedAbout() throws {
        let result = try ProcessRunner.run(["train", "--data", try file("1,1,1\n"), "--epochs", "1"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.errorLinesBesidesState, ["playground-tui: warning: no training point (every point is a test point): the network never changes and the training loss shows as 0"])
    }

    func testABatchThatNeverFillsIsWarnedAbout() throws {
        let points = try file("1,1,1\n2,2,-1\n3,3,1\n-1,-1,-1\n-2,-2,1\n")
        let result = try ProcessRunner.run(["train", "--state", "batchSize=30", "--data", points, "--epochs", "2"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.errorLinesBesidesState, ["playground-tui: warning: batchSize=30 is more than the 2 training points: a batch never fills, so the network is never updated"])
        // The rows say the same: the losses never move.
        let rows = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").dropFirst() }
        XCTAssertEqual(Set(rows.map { Array($0) }).count, 1, result.output)
    }

    func testAnOrdinaryRunIsNotWarnedAbout() throws {
        let result = try ProcessRunner.run(["train", "--epochs", "1"])
        XCTAssertEqual(result.errorLinesBesidesState, [])
    }
}
