import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The app opened on a running playground (a resumed session) shows its epoch and its losses,
/// and draws the same screen as the app that trained there.
final class ResumeAppStateTests: XCTestCase {
    func testAnAppOpenedOnAResumedPlaygroundShowsItsEpochAndLosses() {
        var trained = makeApp("batchSize=7")
        // A session keeps no gradient health: compare with a run that recorded none (the app
        // records from the first epoch; the resumed app too, from its next epoch).
        trained.playground.recordsDiagnostics = false
        for _ in 0..<3 { press("s", &trained) }
        let records = trained.losses.records
        XCTAssertEqual(records.last?.epoch, 3)
        let session = try! Playground(session: Session(trained.playground, losses: records.map {
            Session.LossRow(epoch: $0.epoch, train: $0.training, test: $0.test)
        }))
        let resumed = AppState(playground: session, losses: records, capabilities: Capabilities(), width: 120, height: 40)
        XCTAssertTrue(resumed.playground.recordsDiagnostics)
        var restored = resumed.playground
        restored.recordsDiagnostics = false
        XCTAssertEqual(restored, trained.playground)
        XCTAssertEqual(resumed.losses.records, records, "no record added: the last is of this epoch")
        assertSameGrid(screen(resumed), screen(trained))
        let fresh = AppState(playground: session, losses: [], capabilities: Capabilities(), width: 120, height: 40)
        XCTAssertEqual(fresh.losses.records.map(\.epoch), [3], "the current losses recorded")
    }
}
