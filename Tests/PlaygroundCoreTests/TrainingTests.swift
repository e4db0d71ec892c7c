import XCTest
@testable import PlaygroundCore

final class TrainingTests: XCTestCase {
    func testDefaultCircleLearnsBelowOnePercentTestLossWithin300Epochs() throws {
        for seed in ["0.12345", "0.20000", "0.77777"] {
            var playground = Playground(state: try state("seed=\(seed)"))
            var best = Double.infinity
            while playground.epoch < 300 && best >= 0.01 {
                playground.step()
                best = min(best, playground.testLoss())
            }
            XCTAssertLessThan(best, 0.01, "seed \(seed): test loss after \(playground.epoch) epochs")
        }
    }

    /// Batch 3 over 4 examples: the first epoch updates after 3 and carries 1; the second
    /// updates once with 4 (the carried one and the next three), divided by 4.
    func testPartialBatchCarriesIntoTheNextEpoch() {
        var random = SeededRandom(seed: "carry")
        let start = Network(inputCount: 2, hiddenLayers: [3], activation: .tanh, outputActivation: .tanh, using: &random)
        let inputs: [[Double]] = [[0.5, -1], [1.5, 0.2], [-2, 0.7], [0.1, 2.2]]
        let labels: [Double] = [1, -1, 1, -1]
        let settings = Training.Hyperparameters(learningRate: 0.3, batchSize: 3)

        var trained = start
        var training = Training(for: trained)
        training.trainEpoch(&trained, inputs: inputs.flatMap { $0 }, labels: labels, settings: settings)
        XCTAssertEqual(training.accumulatedExamples, 1)
        XCTAssertEqual(training.updateCount, 1)
        let afterFirst = trained
        training.trainEpoch(&trained, inputs: inputs.flatMap { $0 }, labels: labels, settings: settings)
        XCTAssertEqual(training.accumulatedExamples, 1)
        XCTAssertEqual(training.updateCount, 2)

        // By hand: first update from examples 0–2 on `start`; then examples 3 (on the weights after
        // the first update), 0, 1, 2 summed and divided by 4.
        var manual = start
        let first = (0..<3).map { start.gradients(input: inputs[$0], label: labels[$0]) }
        step(&manual, with: first, rate: 0.3)
        XCTAssertEqual(manual.allWeights, afterFirst.allWeights)
        let second = [3, 0, 1, 2].map { manual.gradients(input: inputs[$0], label: labels[$0]) }
        step(&manual, with: second, rate: 0.3)
        for (a, b) in zip(manual.allWeights, trained.allWeights) { assertClose(a, b, relative: 1e-12, absolute: 1e-15) }
    }

    private func step(_ network: inout Network, with gradients: [Network.Gradients], rate: Double) {
        let n = Double(gradients.count)
        for k in 0..<network.weightCount {
            let sum = gradients.reduce(0.0) { $0 + $1.weights[k] }
            network.parameters[network.layout.weightsAt + k] -= (rate / n) * sum
        }
        for k in network.sizes[0]..<network.nodeCount {
            let sum = gradients.reduce(0.0) { $0 + $1.biases[k] }
            network.parameters[network.layout.biasesAt + k] -= rate * sum / n
        }
    }

    func testPReLUSlopesLearn() throws {
        var playground = Playground(state: try state("activation=prelu&dataset=xor&seed=0.5"))
        let before = (0..<4).map { playground.network.slope(layer: 1, node: $0) }
        XCTAssertEqual(before, [0.25, 0.25, 0.25, 0.25])
        playground.step(epochs: 20)
        let after = (0..<4).map { playground.network.slope(layer: 1, node: $0) }
        XCTAssertNotEqual(before, after)
        XCTAssertTrue(playground.trainingLoss().isFinite)
    }

    func testEveryActivationTrainsOnXor() throws {
        for activation in Activation.allCases {
            var playground = Playground(state: try state("activation=\(activation.rawValue)&dataset=xor&xTimesY=true&seed=0.3"))
            let start = playground.trainingLoss()
            playground.step(epochs: 100)
            XCTAssertLessThan(playground.trainingLoss(), start, activation.rawValue)
        }
    }

    func testDivergenceIsAValueNotACrash() throws {
        var playground = Playground(state: try state("activation=relu&learningRate=10&networkShape=8,8,8&problem=regression&seed=0.1"))
        var sawNonFinite = false
        for _ in 0..<50 {
            playground.step()
            let loss = playground.trainingLoss()
            if !loss.isFinite { sawNonFinite = true; break }
        }
        XCTAssertTrue(sawNonFinite, "learning rate 10 on a deep ReLU regression should diverge")
    }

    func testEmptySetsHaveZeroLoss() {
        var random = SeededRandom(seed: "empty")
        let network = Network(inputCount: 2, hiddenLayers: [2], activation: .tanh, outputActivation: .tanh, using: &random)
        XCTAssertEqual(network.loss(inputs: [], labels: []), 0)
    }

    func testChangesBehaveAsInTF() throws {
        var playground = Playground(state: try state("seed=0.4"))
        playground.step(epochs: 3)
        let data = playground.data, network = playground.network

        var new = playground.state
        new.learningRate = 0.1
        XCTAssertEqual(playground.apply(new), .live)
        XCTAssertEqual(playground.network, network)
        XCTAssertEqual(playground.epoch, 3)

        new.networkShape = [3]
        XCTAssertEqual(playground.apply(new), .newNetwork)
        XCTAssertEqual(playground.data, data)
        XCTAssertEqual(playground.epoch, 0)
        XCTAssertEqual(playground.network.sizes, [2, 3, 1])

        new.features.insert(.sinX)
        XCTAssertEqual(playground.apply(new), .newNetwork)
        XCTAssertEqual(playground.trainInputs.count, playground.data.train.count * 3)

        new.noise = 10
        XCTAssertEqual(playground.apply(new), .newData)
        XCTAssertNotEqual(playground.data, data)
        XCTAssertEqual(playground, Playground(state: new), "new data is drawn as from a fresh start")

        let before = playground.network
        playground.resetNetwork()
        XCTAssertEqual(playground.data, Playground(state: new).data)
        XCTAssertNotEqual(playground.network.allWeights, before.allWeights, "a reset continues the stream")
    }
}

final class GridTests: XCTestCase {
    func testBatchedEvaluationEqualsThePerPointForwardExactly() throws {
        for text in ["seed=0.1", "activation=prelu&networkShape=5,3&sinX=true&xTimesY=true&seed=0.2",
                     "activation=softplus&problem=regression&networkShape=&seed=0.3"] {
            var playground = Playground(state: try state(text))
            playground.step(epochs: 5)
            let features = playground.state.inputFeatures
            let (width, height) = (9, 7)
            let columns = features.gridColumns(width: width, height: height)
            var evaluation = GridEvaluation()
            playground.network.evaluate(featureColumns: columns, count: width * height, into: &evaluation)
            let network = playground.network
            let outputLayer = network.layerCount - 1
            for row in 0..<height {
                for column in 0..<width {
                    let x = -6 + (Double(column) + 0.5) / Double(width) * 12
                    let y = 6 - (Double(row) + 0.5) / Double(height) * 12
                    let input = features.map { $0.value(x: x, y: y) }
                    let expected = network.output(for: input)
                    XCTAssertEqual(evaluation.value(layer: outputLayer, node: 0, point: row * width + column), expected, text)
                    for (index, feature) in features.enumerated() {
                        XCTAssertEqual(evaluation.value(layer: 0, node: index, point: row * width + column),
                                       feature.value(x: x, y: y))
                    }
                }
            }
        }
    }

    func testApproximateEvaluationStaysClose() throws {
        var playground = Playground(state: try state("dataset=spiral&networkShape=8,8,8&sinX=true&sinY=true&seed=0.12345"))
        playground.step(epochs: 30)
        let columns = playground.state.inputFeatures.gridColumns(width: 40, height: 30)
        var exact = GridEvaluation(), fast = GridEvaluation()
        playground.network.evaluate(featureColumns: columns, count: 1200, into: &exact)
        playground.network.evaluate(featureColumns: columns, count: 1200, approximate: true, into: &fast)
        let output = playground.network.layerCount - 1
        for p in 0..<1200 {
            assertClose(fast.value(layer: output, node: 0, point: p), exact.value(layer: output, node: 0, point: p), absolute: 1e-2)
        }
    }

    func testFastTanhErrorBound() {
        var worst = 0.0
        for step in -200_000...200_000 {
            let x = Double(step) * 1e-4
            worst = max(worst, abs(FastMath.tanh(x) - Math.tanh(x)))
            XCTAssertEqual(FastMath.tanh(-x), -FastMath.tanh(x))
        }
        XCTAssertLessThan(worst, 1e-4)
        XCTAssertEqual(FastMath.tanh(50), 1)
        XCTAssertEqual(FastMath.tanh(-.infinity), -1)
        var previous = -1.0
        for step in -6000...6000 {
            let value = FastMath.tanh(Double(step) * 1e-3)
            XCTAssertGreaterThanOrEqual(value, previous)
            previous = value
        }
    }
}

final class ParameterEditTests: XCTestCase {
    /// An edited weight and bias are what the network holds, the output uses them, and
    /// training continues from them (same result as a network built with those values).
    func testEditsSetTheValueAndTrainingContinuesFromIt() throws {
        var playground = Playground(state: try state("networkShape=3,2&seed=0.12345"))
        playground.step(epochs: 5)
        var reference = playground.network, referenceTraining = playground.training
        playground.setWeight(0.75, layer: 2, node: 1, source: 2)
        playground.setBias(-1.5, layer: 1, node: 0)
        XCTAssertEqual(playground.network.weight(layer: 2, node: 1, source: 2), 0.75)
        XCTAssertEqual(playground.network.bias(layer: 1, node: 0), -1.5)
        XCTAssertEqual(playground.epoch, 5, "an edit is not an epoch")
        reference.setWeight(0.75, layer: 2, node: 1, source: 2)
        reference.setBias(-1.5, layer: 1, node: 0)
        XCTAssertEqual(playground.network, reference)
        referenceTraining.trainEpoch(&reference, inputs: playground.trainInputs, labels: playground.trainLabels,
                                     settings: playground.hyperparameters)
        playground.step()
        XCTAssertEqual(playground.network, reference, "training continues from the edited values")
    }
}
