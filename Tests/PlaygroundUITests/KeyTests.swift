import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Every key of the table and the extra ones: the effect, and the bounds.
final class KeyTests: XCTestCase {
    func testSpaceTogglesPlay() {
        var app = makeApp()
        press(" ", &app)
        XCTAssertTrue(app.isPlaying)
        press(" ", &app)
        XCTAssertFalse(app.isPlaying)
    }

    func testStepTrainsOneEpochAndPauses() {
        var app = makeApp()
        app.isPlaying = true
        press("s", &app)
        XCTAssertFalse(app.isPlaying)
        XCTAssertEqual(app.playground.epoch, 1)
        XCTAssertEqual(app.losses.records.map(\.epoch), [0, 1])
    }

    func testQuitKeys() {
        let app = makeApp()
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: app), .requestQuit)
        XCTAssertEqual(KeyMap.action(for: .interrupt, in: app), .quit)
        var copy = app
        XCTAssertTrue(update(&copy, .quit).contains(.quit))
    }

    func testDataSetCyclesBothWaysWithinTheProblem() {
        var app = makeApp()
        let forward = (0..<4).map { _ -> Dataset in press("d", &app); return app.settings.dataset }
        XCTAssertEqual(forward, [.xor, .gauss, .spiral, .circle])
        press("D", &app)
        XCTAssertEqual(app.settings.dataset, .spiral)
        press("p", &app)
        XCTAssertEqual(app.settings.problem, .regression)
        XCTAssertEqual(app.settings.activeDataset, .regPlane)
        press("d", &app)
        XCTAssertEqual(app.settings.regDataset, .regGauss)
        press("d", &app)
        XCTAssertEqual(app.settings.regDataset, .regPlane)
        XCTAssertEqual(app.settings.dataset, .spiral, "the classification data set stays")
    }

    func testNoiseStepsByFiveWithinZeroToFifty() {
        var app = makeApp()
        press("n", &app)
        XCTAssertEqual(app.settings.noise, 0)
        press("N", &app)
        XCTAssertEqual(app.settings.noise, 5)
        for _ in 0..<20 { press("N", &app) }
        XCTAssertEqual(app.settings.noise, 50)
        press("n", &app)
        XCTAssertEqual(app.settings.noise, 45)
        var offGrid = makeApp("noise=7")
        press("N", &offGrid)
        XCTAssertEqual(offGrid.settings.noise, 10)
        offGrid = makeApp("noise=7")
        press("n", &offGrid)
        XCTAssertEqual(offGrid.settings.noise, 5)
    }

    func testBatchSizeStepsByOneWithinOneToThirty() {
        var app = makeApp()
        press("b", &app)
        XCTAssertEqual(app.settings.batchSize, 9)
        press("B", &app)
        press("B", &app)
        XCTAssertEqual(app.settings.batchSize, 11)
        for _ in 0..<40 { press("B", &app) }
        XCTAssertEqual(app.settings.batchSize, 30)
        for _ in 0..<40 { press("b", &app) }
        XCTAssertEqual(app.settings.batchSize, 1)
    }

    func testTrainingRatioStepsByTenWithinTenToNinety() {
        var app = makeApp()
        press("t", &app)
        XCTAssertEqual(app.settings.percTrainData, 40)
        press("T", &app)
        press("T", &app)
        XCTAssertEqual(app.settings.percTrainData, 60)
        for _ in 0..<10 { press("T", &app) }
        XCTAssertEqual(app.settings.percTrainData, 90)
        for _ in 0..<10 { press("t", &app) }
        XCTAssertEqual(app.settings.percTrainData, 10)
    }

    func testNeuronsOfTheSelectedLayerWithinOneToEight() {
        var app = makeApp()
        XCTAssertEqual(app.selectedLayer, 0)
        press("-", &app)
        XCTAssertEqual(app.settings.networkShape, [3, 2])
        press("+", &app)
        press("+", &app)
        XCTAssertEqual(app.settings.networkShape, [5, 2])
        for _ in 0..<10 { press("+", &app) }
        XCTAssertEqual(app.settings.networkShape, [8, 2])
        XCTAssertTrue(press(.tab, &app))
        XCTAssertEqual(app.selectedLayer, 1)
        for _ in 0..<10 { press("-", &app) }
        XCTAssertEqual(app.settings.networkShape, [8, 1])
        press("=", &app)
        XCTAssertEqual(app.settings.networkShape, [8, 2], "= is + without Shift")
    }

    func testTabCyclesTheSelectedLayer() {
        var app = makeApp("networkShape=4,3,2")
        let order = (0..<4).map { _ -> Int in press(.tab, &app); return app.selectedLayer }
        XCTAssertEqual(order, [1, 2, 0, 1])
        press(.backTab, &app)
        XCTAssertEqual(app.selectedLayer, 0)
        press(.backTab, &app)
        XCTAssertEqual(app.selectedLayer, 2)
    }

    func testLayersWithinZeroToSixANewOneHasTwoNeurons() {
        var app = makeApp()
        press("]", &app)
        XCTAssertEqual(app.settings.networkShape, [4, 2, 2])
        for _ in 0..<10 { press("]", &app) }
        XCTAssertEqual(app.settings.networkShape, [4, 2, 2, 2, 2, 2])
        for _ in 0..<3 { press(.tab, &app) }
        XCTAssertEqual(app.selectedLayer, 3)
        for _ in 0..<10 { press("[", &app) }
        XCTAssertEqual(app.settings.networkShape, [])
        XCTAssertEqual(app.selectedLayer, 0)
        press("+", &app)
        XCTAssertEqual(app.settings.networkShape, [], "no layer to grow")
        XCTAssertNotNil(app.status)
        press("]", &app)
        XCTAssertEqual(app.settings.networkShape, [2])
    }

    func testRemovingTheSelectedLayerMovesTheSelection() {
        var app = makeApp("networkShape=4,3,2")
        press(.tab, &app)
        press(.tab, &app)
        press("[", &app)
        XCTAssertEqual(app.selectedLayer, 1)
        press("+", &app)
        XCTAssertEqual(app.settings.networkShape, [4, 4])
    }

    func testActivationCyclesThroughAllOfTheEngines() {
        var app = makeApp()
        var seen: [Activation] = []
        for _ in Activation.allCases {
            press("a", &app)
            seen.append(app.settings.activation)
        }
        XCTAssertEqual(Set(seen), Set(Activation.allCases))
        XCTAssertEqual(app.settings.activation, .tanh)
        press("A", &app)
        XCTAssertEqual(app.settings.activation, .relu)
    }

    func testLearningRateFollowsTheLadder() {
        var app = makeApp()
        press("l", &app)
        XCTAssertEqual(app.settings.learningRate, 0.01)
        press("L", &app)
        press("L", &app)
        XCTAssertEqual(app.settings.learningRate, 0.1)
        for _ in 0..<20 { press("L", &app) }
        XCTAssertEqual(app.settings.learningRate, 10)
        for _ in 0..<20 { press("l", &app) }
        XCTAssertEqual(app.settings.learningRate, 0.00001)
        var between = makeApp("learningRate=0.05")
        press("L", &between)
        XCTAssertEqual(between.settings.learningRate, 0.1)
        between = makeApp("learningRate=0.05")
        press("l", &between)
        XCTAssertEqual(between.settings.learningRate, 0.03)
    }

    func testRegularizationAndItsRate() {
        var app = makeApp()
        press("e", &app)
        XCTAssertEqual(app.settings.regularization, .l1)
        press("e", &app)
        XCTAssertEqual(app.settings.regularization, .l2)
        press("e", &app)
        XCTAssertEqual(app.settings.regularization, .none)
        press("E", &app)
        XCTAssertEqual(app.settings.regularization, .l2)
        press("k", &app)
        XCTAssertEqual(app.settings.regularizationRate, 0)
        press("K", &app)
        XCTAssertEqual(app.settings.regularizationRate, 0.001)
        for _ in 0..<20 { press("K", &app) }
        XCTAssertEqual(app.settings.regularizationRate, 10)
        press("k", &app)
        XCTAssertEqual(app.settings.regularizationRate, 3)
    }

    func testProblemToggles() {
        var app = makeApp()
        press("p", &app)
        XCTAssertEqual(app.settings.problem, .regression)
        XCTAssertEqual(app.playground.data.train.count + app.playground.data.test.count, 1200)
        press("p", &app)
        XCTAssertEqual(app.settings.problem, .classification)
    }

    func testDigitsToggleFeaturesInOrder() {
        var app = makeApp()
        for (index, feature) in Feature.allCases.enumerated() {
            let before = app.settings.features.contains(feature)
            press(Character(String(index + 1)), &app)
            XCTAssertEqual(app.settings.features.contains(feature), !before, "\(feature)")
        }
        XCTAssertEqual(app.settings.features, [.xSquared, .ySquared, .xTimesY, .sinX, .sinY])
        XCTAssertEqual(app.playground.network.inputCount, 5)
        XCTAssertNil(KeyMap.action(for: .character("8"), in: app))
    }

    func testTestDataAndDiscretize() {
        var app = makeApp()
        press("x", &app)
        XCTAssertTrue(app.settings.showTestData)
        press("z", &app)
        XCTAssertTrue(app.settings.discretize)
        press("x", &app)
        press("z", &app)
        XCTAssertFalse(app.settings.showTestData || app.settings.discretize)
    }

    func testSpeedKeys() {
        var app = makeApp()
        XCTAssertEqual(app.speed, .sixty, "TF's pace")
        press(">", &app)
        XCTAssertEqual(app.speed, .hundred)
        press(">", &app)
        XCTAssertEqual(app.speed, .fastest)
        press(">", &app)
        XCTAssertEqual(app.speed, .fastest)
        press("<", &app)
        XCTAssertEqual(app.speed, .hundred)
        for _ in 0..<10 { press(",", &app) }
        XCTAssertEqual(app.speed, .one)
        press(".", &app)
        XCTAssertEqual(app.speed, .three)
    }
}
