import XCTest
@testable import PlaygroundCore

/// Custom points: split as TF splits its own, kept through the changes that keep them, edited
/// without losing training, and said in the link.
final class CustomDataTests: XCTestCase {
    let four = [Example(x: -3, y: -3, label: -1), Example(x: 3, y: 3, label: 1),
                Example(x: -2, y: 2, label: -1), Example(x: 2, y: -2, label: 1)]

    /// Hand-worked from TF's shuffle: with draws r1…r4 from a fresh stream for the seed, c = 4,3,2,1
    /// each swaps position c-1 with floor(r·c); then 75% of 4 is 3 training points. The first
    /// network is drawn after those four draws.
    func testPointsAreShuffledWithTheSeedsStreamAndSplitByTFsRule() throws {
        let settings = try state("seed=0.5&percTrainData=70&networkShape=3")
        var stream = SeededRandom(seed: "0.5")
        var order = [0, 1, 2, 3]
        for c in stride(from: 4, to: 0, by: -1) {
            let k = Int(floor(stream.nextDouble() * Double(c)))
            order.swapAt(c - 1, k)
        }
        let playground = Playground(state: settings, points: four)
        // floor(4 · 70 / 100) = 2
        XCTAssertEqual(playground.data.train, order[0..<2].map { four[$0] })
        XCTAssertEqual(playground.data.test, order[2...].map { four[$0] })
        XCTAssertEqual(playground.state.data, .custom)
        XCTAssertEqual(playground.customPoints, four)
        let network = Network(inputCount: 2, hiddenLayers: [3], activation: .tanh, outputActivation: .tanh, using: &stream)
        XCTAssertEqual(playground.network, network)
    }

    func testTheStateSaysCustomOnlyWhenCustom() throws {
        let settings = try state("seed=0.5")
        XCTAssertFalse(Playground(state: settings).state.serialized.contains("data="))
        let custom = Playground(state: settings, points: four).state.serialized
        XCTAssertTrue(custom.hasSuffix("&data=custom"), custom)
        XCTAssertEqual(try state(custom).data, .custom)
        // A state alone cannot bring the points: the data set is used and the key dropped.
        XCTAssertEqual(Playground(state: try state(custom)).state.data, .builtIn)
    }

    /// The points of `data` (in `pointsInOrderToSplit` order) given back as custom points split
    /// exactly as the data set did, for TF's own reference splits.
    func testADataSetsPointsInTheirOrderSplitAgainAsTheDataSetDid() throws {
        for (name, reference) in try Reference.all() {
            let settings = try state(reference.state)
            let builtIn = Playground(state: settings)
            let given = builtIn.data.pointsInOrderToSplit(seed: settings.seed)
            XCTAssertNotEqual(given, builtIn.data.train + builtIn.data.test, "\(name): the order differs from the split")
            let custom = Playground(state: settings, points: given)
            XCTAssertEqual(custom.data, builtIn.data, name)
        }
    }

    func testCustomPointsTrain() throws {
        // A 10 × 4 grid, its left half one class and its right half the other.
        let grid: [Example] = (0..<40).map { (index: Int) -> Example in
            let column = Double(index % 10), row = Double(index / 10)
            return Example(x: column - 4.5, y: row - 2, label: column < 5 ? -1 : 1)
        }
        var playground = Playground(state: try state("seed=0.5&percTrainData=90&batchSize=1&learningRate=0.1"), points: grid)
        XCTAssertEqual(playground.data.train.count, 36)
        let before = playground.trainingLoss()
        playground.step(epochs: 30)
        XCTAssertLessThan(playground.trainingLoss(), before / 4)
    }

    func testChangesKeepOrLeaveThePoints() throws {
        let settings = try state("seed=0.5&noise=10")
        var playground = Playground(state: settings, points: four)
        var next = playground.state
        next.noise = 30
        XCTAssertEqual(playground.apply(next), .live, "noise does not apply to given points")
        XCTAssertEqual(playground.state.noise, 30)
        XCTAssertEqual(playground.customPoints, four)

        next.seed = "0.7"
        XCTAssertEqual(playground.apply(next), .newData)
        XCTAssertEqual(playground, Playground(state: next, points: four), "a new seed splits the points again")

        next.percTrainData = 80
        playground.apply(next)
        XCTAssertEqual(playground.data.train.count, 3, "floor(4 · 80 / 100)")

        next.dataset = .xor
        XCTAssertEqual(playground.apply(next), .newData)
        XCTAssertNil(playground.customPoints, "a data set chosen leaves the points")
        XCTAssertEqual(playground.state.data, .builtIn)
        XCTAssertEqual(playground.data.train.count + playground.data.test.count, 500)

        var custom = next
        custom.data = .custom
        XCTAssertEqual(playground.apply(custom), .live, "data=custom without points changes nothing")
        XCTAssertEqual(playground.state.data, .builtIn)
    }

    /// Editing points keeps the network and what training learned; the partial batch goes.
    func testEditingPointsKeepsTrainingAndSplitsAgain() throws {
        let settings = try state("seed=0.5&batchSize=3&percTrainData=90")
        var playground = Playground(state: settings, points: four + four.map { Example(x: $0.x / 2, y: $0.y / 2, label: $0.label) })
        playground.step(epochs: 3)  // 7 training points: one left over each epoch
        XCTAssertGreaterThan(playground.training.accumulatedExamples, 0)
        let network = playground.network, updates = playground.training.updateCount
        let point = Example(x: 5, y: 5, label: 1)
        playground.addPoint(point)
        XCTAssertEqual(playground.network, network)
        XCTAssertEqual(playground.epoch, 3)
        XCTAssertEqual(playground.training.updateCount, updates)
        XCTAssertEqual(playground.training.accumulatedExamples, 0)
        XCTAssertTrue(playground.training.gradientSums.allSatisfy { $0 == 0 })
        XCTAssertEqual(playground.data, Playground(state: playground.state, points: playground.customPoints).data)
        XCTAssertEqual(playground.trainInputs.count, 2 * playground.data.train.count)

        XCTAssertEqual(playground.removePoint(nearestTo: 4.6, 4.9), point)
        XCTAssertEqual(playground.points.count, 8)
        XCTAssertNil(playground.removePoint(nearestTo: 0, 6, within: 1), "nothing within 1")
        playground.clearPoints()
        XCTAssertEqual(playground.points, [])
        XCTAssertEqual(playground.trainingLoss(), 0)
        playground.step()
        XCTAssertEqual(playground.network, network, "no points: nothing to learn")
    }

    func testDrawingOnADataSetStartsFromItsPoints() throws {
        var playground = Playground(state: try state("seed=0.5"))
        let before = playground.data.train + playground.data.test
        playground.addPoint(Example(x: 0, y: 0, label: 1))
        XCTAssertEqual(playground.customPoints, before + [Example(x: 0, y: 0, label: 1)])
        XCTAssertTrue(playground.state.serialized.hasSuffix("data=custom"))
    }
}
