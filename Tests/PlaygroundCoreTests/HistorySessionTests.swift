import Foundation
import XCTest
@testable import PlaygroundCore

/// A history in a saved session (version 2): it comes back equal, training from one of its kept
/// epochs equals never having stopped, a version 1 session (no history) still loads, and a
/// history that could not have been saved is refused with what is wrong.
final class HistorySessionTests: XCTestCase {
    func throughJSON(_ session: Session) throws -> Session {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder().decode(Session.self, from: encoder.encode(session))
    }

    func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    let text = "optimizer=adam&batchSize=7&regularization=L1&regularizationRate=0.03&learningRate=0.1"
        + "&networkShape=3,2&seed=0.5&xSquared=true&activation=relu"

    func testAHistoryComesBackAndBranchesAsWithoutTheSave() throws {
        var playground = Playground(state: try state(text))
        playground.recordsHistory = true
        playground.step(epochs: 3)
        _ = playground.measureLosses()
        playground.step(epochs: 5)
        try playground.branch(fromKept: 6)
        playground.step(epochs: 2)
        let saved = try throughJSON(Session(playground, losses: []))
        XCTAssertEqual(saved.version, 2)
        XCTAssertEqual(saved.history?.snapshots.map(\.epoch), Array(0...8))
        XCTAssertEqual(saved.history?.snapshots[3].losses?.count, 2, "measured losses are saved")
        XCTAssertNil(saved.history?.snapshots[0].deadLinks, "no link dead at the start: left out")
        XCTAssertEqual(saved.history?.ghosts.map(\.branchEpoch), [6])
        var restored = try Playground(session: saved)
        XCTAssertEqual(restored.history, playground.history, "every kept number, bit for bit")
        XCTAssertEqual(restored, playground)
        XCTAssertTrue(restored.recordsHistory, "a restored history goes on recording")

        var straight = Playground(state: try state(text))
        straight.step(epochs: 2)
        try restored.branch(fromKept: 2)
        for _ in 0..<6 {
            straight.step()
            restored.step()
            XCTAssertEqual(restored.trainingLoss().bitPattern, straight.trainingLoss().bitPattern, "epoch \(restored.epoch)")
            XCTAssertEqual(restored.testLoss().bitPattern, straight.testLoss().bitPattern, "epoch \(restored.epoch)")
        }
        XCTAssertEqual(restored.training, straight.training)
    }

    /// `Tests/Fixtures/sessions/version1-adam-l1.json` was written by `train --save` before
    /// sessions had a history (the state below, 4 epochs): it loads, without a history, as the
    /// same 4 epochs trained here.
    func testAVersion1SessionStillLoads() throws {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/sessions/version1-adam-l1.json")
        let session = try decoder().decode(Session.self, from: Data(contentsOf: url))
        XCTAssertEqual(session.version, 1)
        XCTAssertNil(session.history)
        let restored = try Playground(session: session)
        var fresh = Playground(state: try state("seed=0.5&networkShape=3,2&batchSize=7&optimizer=adam&regularization=L1"
                                                + "&regularizationRate=0.003&learningRate=0.1"))
        fresh.step(epochs: 4)
        XCTAssertEqual(restored, fresh)
        XCTAssertTrue(restored.history.isEmpty)
        XCTAssertFalse(restored.recordsHistory)
    }

    /// 5,000 epochs keep 256 + 4 · 128 + more: over the session's 640. Saved, the rule with a
    /// window of 128 thins them (every epoch of the last 128, then every 2nd, 4th, …), the start
    /// and the latest kept; restored, that is the history.
    func testALongHistoryIsThinnedToTheSessionLimitWhenSaved() throws {
        var playground = Playground(state: try state("seed=0.5&networkShape=2"))
        var history = History()
        for epoch in 0...5_000 { history.record(playground.network, playground.training, epoch: epoch) }
        XCTAssertGreaterThan(history.count, Session.historyLimit)
        playground.history = history
        playground.epoch = 5_000
        let saved = try XCTUnwrap(try throughJSON(Session(playground, losses: [])).history).snapshots.map(\.epoch)
        XCTAssertLessThanOrEqual(saved.count, 640)
        XCTAssertEqual(saved.first, 0)
        XCTAssertEqual(Array(saved.suffix(128)), Array(4_873...5_000), "every epoch of the last 128")
        XCTAssertFalse(saved.contains(4_871), "age 129: every 2nd epoch")
        XCTAssertTrue(saved.contains(4_870) && saved.contains(4_744) && !saved.contains(4_742), "age 256: every 4th")
        let restored = try Playground(session: throughJSON(Session(playground, losses: [])))
        XCTAssertEqual(restored.history.keptEpochs, saved)
    }

    func refusal(_ edit: (inout Session.HistoryRecord) -> Void, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var playground = Playground(state: try state("seed=0.5&networkShape=4,2&batchSize=7"))
        playground.recordsHistory = true
        playground.step(epochs: 300)
        var session = Session(playground, losses: [])
        edit(&session.history!)
        do {
            _ = try Playground(session: session)
            XCTFail("accepted", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    func testRefusalsSayWhatIsWrong() throws {
        // 0, 2, 4, …, 42, 44 (age ≥ 256: even ones), then 45 to 300.
        XCTAssertEqual(try refusal { $0.snapshots[2].epoch = 3 },
                       "session: history: snapshots[2]: epoch 3 is not one the history keeps (from 0 to 300)")
        XCTAssertEqual(try refusal { $0.snapshots[2].epoch = 2 },
                       "session: history: snapshots[2]: epoch 2 not after the one before, 2")
        XCTAssertEqual(try refusal { $0.snapshots[$0.snapshots.count - 1].epoch = 302 },
                       "session: history: snapshots[278]: epoch 302 after the session's epoch 300")
        XCTAssertEqual(try refusal { $0.snapshots[0].epoch = -1 },
                       "session: history: snapshots[0]: epoch -1 outside 0 to the session's epoch 300")
        XCTAssertEqual(try refusal { $0.snapshots[5].parameters.removeLast() },
                       "session: history: snapshots[5]: parameters: 36 expected for shape 2,4,2,1, found 35")
        XCTAssertEqual(try refusal { $0.snapshots[5].secondMoments = [1] },
                       "session: history: snapshots[5]: secondMoments: 36 expected for shape 2,4,2,1, found 1")
        XCTAssertEqual(try refusal { $0.snapshots[5].deadLinks = Array(repeating: 2, count: 18) },
                       "session: history: snapshots[5]: deadLinks: expected 0 or 1, found 2")
        XCTAssertEqual(try refusal { $0.snapshots[5].losses = [1] },
                       "session: history: snapshots[5]: losses: 2 expected for shape 2,4,2,1, found 1")
        XCTAssertEqual(try refusal { $0.snapshots[5].updateCount = -1 },
                       "session: history: snapshots[5]: partialBatch and updateCount: expected 0 to 9007199254740992")
        XCTAssertEqual(try refusal { $0.ghosts = Array(repeating: .init(branchEpoch: 1, losses: []), count: 9) },
                       "session: history: ghosts: at most 8, found 9")
    }
}
