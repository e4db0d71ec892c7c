import Foundation
import XCTest

/// `train --until-loss X`: the run stops at the first epoch whose test loss is at most X.
final class TrainUntilLossTests: XCTestCase {
    /// Against a full run's rows: the same rows up to the first epoch at or under X, that epoch
    /// last, and the line on standard error that names it.
    func testStopsAtTheFirstEpochWhoseTestLossReachesTheTarget() throws {
        let state = "seed=0.5&networkShape=3"
        let full = try ProcessRunner.run(["train", "--state", state, "--epochs", "80"])
        XCTAssertEqual(full.status, 0, full.error)
        let rows = full.output.split(separator: "\n").dropFirst().map(String.init)
        let target = 0.25
        let stop = try XCTUnwrap(rows.firstIndex { Double($0.split(separator: ",")[2])! <= target })
        XCTAssertGreaterThan(stop, 1, "the target is reached at once: pick a lower one")

        let stopped = try ProcessRunner.run(["train", "--state", state, "--epochs", "80", "--until-loss", "0.25", "--every", "1000"])
        XCTAssertEqual(stopped.status, 0, stopped.error)
        // --every 1000 prints epoch 0 and the epoch it stopped at.
        XCTAssertEqual(stopped.output.split(separator: "\n").map(String.init), ["epoch,train_loss,test_loss", rows[0], rows[stop]])
        let loss = rows[stop].split(separator: ",")[2]
        XCTAssertEqual(stopped.errorLinesBesidesState, ["stopped at epoch \(stop): test loss \(loss) <= 0.25"])

        let never = try ProcessRunner.run(["train", "--state", state, "--epochs", "5", "--until-loss", "0.01"])
        XCTAssertEqual(never.output.split(separator: "\n").count, 7, "all --epochs trained when the target is not reached")
        XCTAssertEqual(never.errorLinesBesidesState.count, 1)
        XCTAssertTrue(never.errorLinesBesidesState[0].hasPrefix("not stopped: test loss "), never.error)

        let bad = try ProcessRunner.run(["train", "--until-loss", "-0.5"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.error.contains("expected a test loss, a number of at least 0"), bad.error)
    }
}
