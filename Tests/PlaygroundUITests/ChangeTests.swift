import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Which changes apply live, rebuild the network on the same data, or draw new data with a new seed.
final class ChangeTests: XCTestCase {
    enum Expected { case live, newNetwork, newData }

    /// Trains a little, presses `key`, and checks what changed.
    func check(_ key: Character, _ expected: Expected, start: String = "", file: StaticString = #filePath, line: UInt = #line) {
        var app = makeApp(start)
        _ = update(&app, .train(epochs: 3))
        let before = app
        press(key, &app)
        let after = app.playground
        switch expected {
        case .live:
            XCTAssertTrue(after.network == before.playground.network, "network kept", file: file, line: line)
            XCTAssertEqual(after.epoch, 3, file: file, line: line)
            XCTAssertEqual(app.losses, before.losses, "history kept", file: file, line: line)
        case .newNetwork:
            XCTAssertFalse(after.network.allWeights == before.playground.network.allWeights, "network rebuilt", file: file, line: line)
            XCTAssertTrue(after.data == before.playground.data, "same data", file: file, line: line)
            XCTAssertEqual(after.state.seed, before.settings.seed, "same seed", file: file, line: line)
            XCTAssertEqual(after.epoch, 0, file: file, line: line)
            XCTAssertEqual(app.losses.records.map(\.epoch), [0], "history restarts", file: file, line: line)
        case .newData:
            XCTAssertNotEqual(after.state.seed, before.settings.seed, "new seed", file: file, line: line)
            XCTAssertFalse(after.data == before.playground.data, "new data", file: file, line: line)
            XCTAssertEqual(after.epoch, 0, file: file, line: line)
            XCTAssertEqual(app.losses.records.map(\.epoch), [0], file: file, line: line)
            // Exactly what a fresh playground from the new state draws.
            let fresh = Playground(state: after.state)
            XCTAssertTrue(after.data == fresh.data, "the new seed's data", file: file, line: line)
            XCTAssertTrue(after.network.allWeights == fresh.network.allWeights, "the new seed's network", file: file, line: line)
        }
    }

    func testLearningRateAndDisplaySettingsApplyLive() {
        for key: Character in ["l", "L", "x", "z"] { check(key, .live) }
    }

    /// The regularization rate too: TF's handler for it calls `reset()`.
    func testModelSettingsRebuildTheNetworkOnTheSameData() {
        for key: Character in ["a", "A", "b", "B", "-", "+", "[", "]", "e", "E", "1", "3", "K"] { check(key, .newNetwork) }
        check("k", .newNetwork, start: "regularizationRate=0.1&regularization=L2")
    }

    func testDataSettingsDrawANewSeedAndNewData() {
        for key: Character in ["d", "D", "N", "t", "T", "p", "g"] { check(key, .newData) }
        check("n", .newData, start: "noise=20")
    }

    func testAtABoundNothingChanges() {
        for (key, start) in [("n", "noise=0"), ("N", "noise=50"), ("b", "batchSize=1"), ("t", "percTrainData=10"),
                             ("l", "learningRate=0.00001"), ("[", "networkShape="), ("-", "networkShape=1")] {
            var app = makeApp(start)
            _ = update(&app, .train(epochs: 2))
            let before = app
            press(Character(key), &app)
            XCTAssertTrue(app.playground == before.playground, "\(key) at \(start)")
            XCTAssertTrue(app.losses == before.losses)
        }
    }

    func testResetKeepsDataAndSeedAndDrawsNewWeights() {
        var app = makeApp()
        _ = update(&app, .train(epochs: 5))
        let before = app.playground
        press("r", &app)
        XCTAssertTrue(app.playground.data == before.data)
        XCTAssertEqual(app.settings.seed, before.state.seed)
        XCTAssertFalse(app.playground.network.allWeights == before.network.allWeights)
        XCTAssertEqual(app.playground.epoch, 0)
        XCTAssertEqual(app.losses.records.count, 1)
    }

    func testNewSeedsComeFromTheSeedSourceAndLookLikeTFs() {
        var first = makeApp(), second = makeApp()
        press("g", &first)
        press("g", &second)
        XCTAssertEqual(first.settings.seed, second.settings.seed, "the same source gives the same seeds")
        let seed = first.settings.seed
        XCTAssertEqual(seed.count, 7)
        XCTAssertTrue(seed.hasPrefix("0."))
        XCTAssertTrue(seed.dropFirst(2).allSatisfy(\.isNumber))
        press("g", &first)
        XCTAssertNotEqual(first.settings.seed, seed)
    }
}
