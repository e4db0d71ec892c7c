import XCTest
@testable import PlaygroundCore

/// Gradient health on constructed networks (every figure known in advance), then the phenomena
/// the panel exists to show, as seeded runs.
final class DiagnosticsTests: XCTestCase {
    private func randomNetwork(_ activation: Activation, sizes hidden: [Int], inputs: Int, seed: String) -> Network {
        var random = SeededRandom(seed: seed)
        return Network(inputCount: inputs, hiddenLayers: hidden, activation: activation, outputActivation: .tanh,
                       using: &random)
    }

    /// Points in [−1, 1]² (flat), from the seeded stream.
    private func points(_ count: Int, width: Int = 2, seed: String = "points") -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<(count * width)).map { _ in random.uniform(-1, 1) }
    }

    func testAllReLUInputsNegativeIsEveryUnitDead() {
        var net = randomNetwork(.relu, sizes: [4, 3], inputs: 2, seed: "dead")
        // Layer 1: biases −10 and weights in ±0.5 on inputs in ±1: z ≤ −9 everywhere.
        for node in 0..<4 { net.setBias(-10, layer: 1, node: node) }
        let units = net.unitDiagnostics(inputs: points(50))
        XCTAssertEqual(units[0].map(\.dead), [true, true, true, true])
        // Layer 2 sees only zeros: z = its bias 0.1 > 0, alive; the tanh output cannot die.
        XCTAssertEqual(units[1].map(\.dead), [false, false, false])
        XCTAssertEqual(units[2].map(\.dead), [false])
        // One point with z > 0 for node 2 brings it back: dead means ≤ 0 on every point.
        net.setBias(-0.6, layer: 1, node: 2)
        net.setWeight(1, layer: 1, node: 2, source: 0)
        let revived = net.unitDiagnostics(inputs: points(50) + [0.9, 0])
        XCTAssertEqual(revived[0].map(\.dead), [true, true, false, true])
        // Leaky ReLU with the same numbers: never dead.
        var leaky = randomNetwork(.leakyrelu, sizes: [4, 3], inputs: 2, seed: "dead")
        for node in 0..<4 { leaky.setBias(-10, layer: 1, node: node) }
        XCTAssertTrue(leaky.unitDiagnostics(inputs: points(50)).joined().allSatisfy { !$0.dead })
    }

    func testSigmoidWithHugeWeightsIsEverySaturated() {
        var net = randomNetwork(.sigmoid, sizes: [5], inputs: 2, seed: "huge")
        // |z| ≥ 100·|x| − 0 with x away from 0: σ(z) within 1e-40 of 0 or 1.
        for node in 0..<5 {
            net.setBias(0, layer: 1, node: node)
            net.setWeight(node % 2 == 0 ? 100 : -100, layer: 1, node: node, source: 0)
            net.setWeight(node % 2 == 0 ? 100 : -100, layer: 1, node: node, source: 1)
        }
        let inputs = [0.5, 0.5, -0.7, -0.2, 0.3, 0.9, -1, -1]  // x1 + x2 never near 0
        let units = net.unitDiagnostics(inputs: inputs)
        XCTAssertEqual(units[0].map(\.saturated), [1, 1, 1, 1, 1])
        // The same net with weights 0.01: nothing saturated.
        for node in 0..<5 { for source in 0..<2 { net.setWeight(0.01, layer: 1, node: node, source: source) } }
        XCTAssertEqual(net.unitDiagnostics(inputs: inputs)[0].map(\.saturated), [0, 0, 0, 0, 0])
    }

    func testThePlaygroundsLayerFiguresAreFractionsOfUnitsAndPairs() throws {
        var playground = Playground(state: try state("activation=relu&networkShape=4,2&seed=0.5"))
        let units = playground.unitDiagnostics()
        let layers = playground.diagnostics()
        XCTAssertEqual(layers.count, 3)
        for (layer, unit) in zip(layers, units) {
            XCTAssertEqual(layer.dead, Double(unit.filter(\.dead).count) / Double(unit.count))
            XCTAssertEqual(layer.saturated, unit.map(\.saturated).reduce(0, +) / Double(unit.count), accuracy: 1e-15)
        }
        XCTAssertEqual(layers.map(\.meanAbsGradient), [0, 0, 0], "nothing recorded before an update")
        playground.step()
        XCTAssertEqual(playground.diagnostics().map(\.meanAbsGradient), [0, 0, 0], "not recorded while off")
    }

    /// One update over a whole batch: mean |g| per layer equals the mean over the batch of
    /// `Network.gradients`, averaged per weight then |·| and averaged over the layer's weights;
    /// the update ratio is ‖Δw‖/‖w‖ read off the two networks.
    func testGradientMeansAndUpdateRatioEqualADirectComputation() {
        let start = randomNetwork(.tanh, sizes: [3, 2], inputs: 2, seed: "direct")
        let inputs = points(6), labels: [Double] = [1, -1, 1, 1, -1, -1]
        for optimizer in [Optimizer.Kind.sgd, .adam] {
            for regularization in [Regularization.none, .l2] {
                var network = start
                var training = Training(for: network)
                training.recordsDiagnostics = true
                let settings = Training.Hyperparameters(learningRate: 0.1, regularization: regularization,
                                                        regularizationRate: 0.01, batchSize: 6,
                                                        optimizer: Optimizer(optimizer))
                training.trainEpoch(&network, inputs: inputs, labels: labels, settings: settings)
                var mean = [Double](repeating: 0, count: start.weightCount)
                for e in 0..<6 {
                    let g = start.gradients(input: Array(inputs[(2 * e)..<(2 * e + 2)]), label: labels[e]).weights
                    for k in mean.indices { mean[k] += g[k] / 6 }
                }
                let statistics = training.lastUpdateStatistics()
                for l in 1..<start.layerCount {
                    let range = start.layout.weightStart[l]..<start.layout.weightStart[l + 1]
                    let direct = range.map { abs(mean[$0]) }.reduce(0, +) / Double(range.count)
                    assertClose(statistics[l - 1].meanAbsGradient, direct, relative: 1e-12, "\(optimizer) layer \(l)")
                    let move = range.map { pow(network.parameters[$0] - start.parameters[$0], 2) }.reduce(0, +)
                    let size = range.map { pow(start.parameters[$0], 2) }.reduce(0, +)
                    assertClose(statistics[l - 1].updateRatio, (move / size).squareRoot(), relative: 1e-12,
                                "\(optimizer) \(regularization) layer \(l)")
                }
            }
        }
    }

    func testRecordingChangesNothingTrainingDoes() throws {
        let text = "dataset=spiral&networkShape=8,8&optimizer=adam&regularization=L1&regularizationRate=0.003&seed=0.9"
        var plain = Playground(state: try state(text)), watched = plain
        watched.recordsDiagnostics = true
        plain.step(epochs: 5)
        watched.step(epochs: 5)
        XCTAssertEqual(plain.network, watched.network)
        XCTAssertEqual(watched.gradientHistory.count, 3)
        XCTAssertEqual(watched.gradientHistory.map(\.count), [5, 5, 5])
        XCTAssertEqual(watched.gradientHistory.map(\.last), watched.diagnostics().map(\.meanAbsGradient))
        watched.step(epochs: Playground.gradientHistoryLength)
        XCTAssertEqual(watched.gradientHistory[0].count, Playground.gradientHistoryLength, "a bounded history")
        var rebuilt = watched
        rebuilt.resetNetwork()
        XCTAssertTrue(rebuilt.recordsDiagnostics, "kept across a rebuild")
        XCTAssertEqual(rebuilt.gradientHistory, [])
    }

    // MARK: The phenomena

    func testSixSigmoidLayersVanishTheFirstLayersGradient() throws {
        var playground = Playground(state: try state("activation=sigmoid&dataset=spiral&networkShape=8,8,8,8,8,8&seed=0.12345"))
        playground.recordsDiagnostics = true
        playground.step(epochs: 20)
        let layers = playground.diagnostics()
        XCTAssertEqual(layers.count, 7)
        XCTAssertLessThan(10 * layers[0].meanAbsGradient, layers[6].meanAbsGradient)
        XCTAssertGreaterThan(layers[0].meanAbsGradient, 0)
    }

    /// Not true of every seed: over seeds 1…16 Adam ends lower on 12 (seeds 3, 7, 8 and 16 favour
    /// SGD; 0.11111 … 0.55555 give 3 of 5). Seeds 1…5, the first five, give 4.
    func testAdamBeatsSGDOnSpiralOnAtLeastFourOfFiveSeeds() throws {
        let all = "x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true"
        var wins = 0
        for seed in ["1", "2", "3", "4", "5"] {
            var losses: [Double] = []
            for optimizer in ["sgd", "adam"] {
                var playground = Playground(state: try state("dataset=spiral&networkShape=8,8&\(all)&learningRate=0.03"
                                                              + "&optimizer=\(optimizer)&seed=\(seed)"))
                playground.step(epochs: 200)
                losses.append(playground.trainingLoss())
            }
            if losses[1] < losses[0] { wins += 1 }
        }
        XCTAssertGreaterThanOrEqual(wins, 4)
    }

    func testReLUAtLearningRateThreeEndsWithDeadUnits() throws {
        var playground = Playground(state: try state("activation=relu&dataset=spiral&networkShape=8,8,8&learningRate=3"
                                                      + "&seed=0.12345"))
        let before = playground.diagnostics().dropLast().map(\.dead).reduce(0, +)
        playground.step(epochs: 50)
        let after = playground.diagnostics().dropLast().map(\.dead)
        XCTAssertGreaterThan(after.reduce(0, +), before)
        XCTAssertTrue(after.contains { $0 > 0 })
    }
}
