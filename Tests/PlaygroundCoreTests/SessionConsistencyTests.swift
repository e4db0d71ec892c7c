import Foundation
import XCTest
@testable import PlaygroundCore

/// A session is checked as a whole: every field in its range and consistent with the rest, so
/// only a file that could have been saved loads; a number out of its field's range is named.
final class SessionConsistencyTests: XCTestCase {
    /// A playground trained `epochs` epochs; Adam, so both moments move.
    func session(_ pairs: String = "seed=0.5&networkShape=4,2&batchSize=7&optimizer=adam", epochs: Int = 2,
                 points: [Example]? = nil) throws -> Session {
        var playground = Playground(state: try state(pairs), points: points)
        for _ in 0..<epochs { playground.step() }
        return Session(playground, losses: [])
    }

    func refusal(_ session: Session) -> String? {
        do {
            _ = try Playground(session: session)
            return nil
        } catch {
            return error.description
        }
    }

    func testTheSavedSessionsLoad() throws {
        XCTAssertNil(refusal(try session()))
        XCTAssertNil(refusal(try session(epochs: 0)))
        // Five points in batches of 7: no update ever, the partial batch holds them all.
        let few = (0..<5).map { Example(x: Double($0), y: 1, label: $0 % 2 == 0 ? 1 : -1) }
        let never = try session("seed=1&batchSize=7&optimizer=adam&percTrainData=90", epochs: 3, points: few)
        XCTAssertEqual(never.training.updateCount, 0)
        XCTAssertEqual(never.training.partialBatch, 3 * never.train.count)
        XCTAssertNil(refusal(never))
    }

    func testAPartialBatchAtOrAboveTheBatchSizeIsRefused() throws {
        for partial in [7, 8, 1_000_000_000_000] {
            var edited = try session()
            edited.training.partialBatch = partial
            XCTAssertEqual(refusal(edited), "session: training: partialBatch: expected below the batch size 7, found \(partial)")
        }
        let few = (0..<5).map { Example(x: Double($0), y: 1, label: 1) }
        var never = try session("seed=1&batchSize=7&percTrainData=90", epochs: 3, points: few)
        never.training.partialBatch = 1_000_000_000_000
        XCTAssertEqual(refusal(never), "session: training: partialBatch: expected at most 3 epochs × 4 points (a batch of 7 never fills), found 1000000000000")
    }

    func testANegativeSecondMomentIsRefused() throws {
        var edited = try session()
        edited.training.secondMoments[3] = -0.5
        XCTAssertEqual(refusal(edited), "session: training: secondMoments[3]: expected 0 or more (an average of squares), found -0.5")
        edited.training.secondMoments[3] = .nan  // a diverged run's, kept
        XCTAssertNil(refusal(edited))
    }

    func testMomentsBeforeTheFirstUpdateAndTooManyUpdatesAreRefused() throws {
        var edited = try session()
        edited.training.updateCount = 0
        XCTAssertEqual(refusal(edited), "session: training: firstMoments[0]: expected 0 before the first update (updateCount 0), found \(edited.training.firstMoments[0])")
        edited = try session(epochs: 0)
        edited.training.updateCount = 3
        XCTAssertEqual(refusal(edited), "session: training: updateCount: expected 0 at epoch 0 (updates come with epochs), found 3")
    }

    /// Drawing points keeps the epoch, the update count and the moments: 70 updates on 250
    /// points, then two points drawn in their place, then an epoch more is a session to load.
    func testASessionAfterNewPointsAreDrawnLoads() throws {
        var playground = Playground(state: try state("seed=0.5&batchSize=7&optimizer=adam"))
        playground.step(epochs: 2)
        playground.splitAgain([Example(x: 1, y: 1, label: 1), Example(x: -1, y: 2, label: -1), Example(x: 2, y: 2, label: 1)])
        playground.step(epochs: 3)
        let session = Session(playground, losses: [])
        XCTAssertEqual(session.training.updateCount, 70)
        XCTAssertEqual(session.training.partialBatch, 3 * session.train.count)
        XCTAssertNil(refusal(session))
    }

    func testTrainAndTestMustBeASplitOfThePoints() throws {
        let points = (0..<20).map { Example(x: Double($0) / 4, y: -1, label: $0 % 3 == 0 ? 1 : -1) }
        let good = try session("seed=1&data=custom", epochs: 1, points: points)
        XCTAssertNil(refusal(good))
        var edited = good
        edited.train[0][0] += 0.125
        XCTAssertEqual(refusal(edited), "session: train and test: not a split of points (the same points, each once)")
        edited = good
        edited.test[0] = edited.train[0]  // one point twice, another missing
        XCTAssertEqual(refusal(edited), "session: train and test: not a split of points (the same points, each once)")
    }

    /// The issue's files: whole JSON with a number its field cannot hold.
    func testANumberOutOfRangeIsNamedNotCalledCutShort() {
        let cases: [(String, String)] = [
            (#"{"version":1.5}"#, "version: expected a whole number from 1 to 2, found 1.5"),
            (#"{"version":1,"epoch":9223372036854775808}"#, "epoch: 9223372036854775808 is out of range (expected a whole number from 0 to 2^53)"),
            (#"{"version":1,"training":{"deadLinks":[0,0,-1]}}"#, "training.deadLinks[2]: -1 is out of range (expected a whole number from 0 to 1)"),
            (#"{"version":1,"network":{"parameters":[0.5, 1e400]}}"#, "network.parameters[1]: 1e400 is out of range (a number's magnitude is at most about 1.8e308)"),
            (#"{"losses":[{"epoch":2.5}]}"#, "losses[0].epoch: expected a whole number from 0 to 2^53, found 2.5"),
            (#"{"version":1,"network":{"parameters":[0.5, 1"#, "not a complete JSON document (cut short, or not a session file)"),
            (#"{"version":1} x"#, "not a complete JSON document (cut short, or not a session file)"),
            (String(repeating: "[", count: 100_000), "not a complete JSON document (cut short, or not a session file)"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Session.numberProblem(in: Array(text.utf8)), expected, text.prefix(60).description)
        }
        XCTAssertNil(Session.numberProblem(in: Array(#"{"version":1,"epoch":3,"p":[1e300,-0.5,"x",true,null]}"#.utf8)))
    }
}
