import XCTest
@testable import PlaygroundCore

/// Cross-entropy through the network against finite differences, and each initialisation rule as
/// the network draws it.
final class CrossEntropyAndInitializationNetworkTests: XCTestCase {
    private func network(_ activation: Activation, output: Activation) -> Network {
        var random = SeededRandom(seed: "cross-entropy-\(activation.rawValue)")
        var network = Network(inputCount: 3, hiddenLayers: [4, 3], activation: activation,
                              outputActivation: output, using: &random)
        for k in network.parameters.indices { network.parameters[k] = random.uniform(-1.2, 1.2) }
        for l in 1..<network.layerCount {
            for node in 0..<network.sizes[l] { network.setSlope(random.uniform(0.1, 0.4), layer: l, node: node) }
        }
        return network
    }

    /// −(t·log σ(z) + (1 − t)·log(1 − σ(z))), written out here; with a linear output z = out.
    private func handCrossEntropy(_ network: Network, _ input: [Double], _ label: Double) -> Double {
        let z = network.output(for: input), p = 1 / (1 + exp(-z)), t = (label + 1) / 2
        return -(t * log(p) + (1 - t) * log(1 - p))
    }

    func testCrossEntropyGradientMatchesFiniteDifferencesForEveryActivation() {
        let inputs: [[Double]] = [[0.7, -1.3, 2.1], [-2.5, 0.4, -0.9]]
        for activation in Activation.allCases {
            for output in [Activation.linear, .tanh] {
                let net = network(activation, output: output)
                // With a linear output the error is computed by hand from z; with tanh (the
                // app's classification output) through `loss`, which reads z itself.
                let error = { (n: Network, x: [Double], label: Double) in
                    output == .linear ? self.handCrossEntropy(n, x, label)
                        : n.loss(inputs: x, labels: [label], loss: .crossentropy)
                }
                for (index, input) in inputs.enumerated() {
                    let label: Double = index == 0 ? 1 : -1
                    let analytic = net.gradients(input: input, label: label, loss: .crossentropy)
                    let all = analytic.weights + analytic.biases + analytic.slopes
                    let trained = Array(0..<net.weightCount)
                        + (net.sizes[0]..<net.nodeCount).map { net.layout.biasesAt + $0 }
                        + (activation == .prelu ? (net.sizes[0]..<(net.nodeCount - 1)).map { net.layout.slopesAt + $0 } : [])
                    for k in trained {
                        let h = 1e-6
                        var plus = net, minus = net
                        plus.parameters[k] += h
                        minus.parameters[k] -= h
                        let numeric = (error(plus, input, label) - error(minus, input, label)) / (2 * h)
                        assertClose(all[k], numeric, relative: 1e-5, absolute: 1e-8,
                                    "\(activation) → \(output), input \(index), parameter \(k)")
                    }
                }
            }
        }
    }

    func testCrossEntropyDiffersFromSquareAndRegressionKeepsSquare() throws {
        var classification = try state("dataset=xor&loss=crossentropy&seed=0.3")
        let playground = Playground(state: classification)
        XCTAssertEqual(playground.state.effectiveLoss, .crossentropy)
        let crossEntropy = playground.network.loss(inputs: playground.trainInputs, labels: playground.trainLabels,
                                                   loss: .crossentropy)
        XCTAssertEqual(playground.trainingLoss(), crossEntropy)
        XCTAssertNotEqual(playground.trainingLoss(),
                          playground.network.loss(inputs: playground.trainInputs, labels: playground.trainLabels))
        classification.problem = .regression
        let regression = Playground(state: classification)
        XCTAssertEqual(regression.state.loss, .crossentropy, "the state keeps what was asked")
        XCTAssertEqual(regression.state.effectiveLoss, .square)
        XCTAssertEqual(regression.trainingLoss(),
                       regression.network.loss(inputs: regression.trainInputs, labels: regression.trainLabels))
    }

    /// Every rule takes one draw per weight in TF's order: the same stream gives w_rule =
    /// (w_tf + 0.5)·2a − a, each layer within [−a, a) for its own fan-in and fan-out, the biases
    /// the rule's, and the stream continues where TF's does.
    func testEachInitializationDrawsInTFsOrderWithinItsRange() {
        let hidden = [8, 3, 5]
        var tfRandom = SeededRandom(seed: "init range")
        let tf = Network(inputCount: 7, hiddenLayers: hidden, activation: .relu, outputActivation: .tanh, using: &tfRandom)
        for rule in Initialization.allCases {
            var random = SeededRandom(seed: "init range")
            let net = Network(inputCount: 7, hiddenLayers: hidden, activation: .relu, outputActivation: .tanh,
                              initialization: rule, using: &random)
            XCTAssertEqual(random, tfRandom, "\(rule): one draw per weight, as TF")
            for l in 1..<net.layerCount {
                let fanIn = net.sizes[l - 1], fanOut = net.sizes[l]
                let a = rule == .tf ? 0.5 : rule == .xavier ? (6.0 / Double(fanIn + fanOut)).squareRoot()
                    : (6.0 / Double(fanIn)).squareRoot()
                XCTAssertEqual(net.biases(ofLayer: l), Array(repeating: rule == .tf ? 0.1 : 0, count: fanOut), "\(rule)")
                for (row, tfRow) in zip(net.weights(ofLayer: l), tf.weights(ofLayer: l)) {
                    for (w, wTF) in zip(row, tfRow) {
                        XCTAssertTrue(w >= -a && w < a, "\(rule) layer \(l): \(w) outside ±\(a)")
                        assertClose(w, (wTF + 0.5) * (2 * a) - a, relative: 1e-12, absolute: 1e-15, "\(rule) layer \(l)")
                    }
                }
            }
            if rule == .tf { XCTAssertEqual(net, tf, "tf is today's network exactly") }
        }
    }

    func testInitZeroStillWins() {
        var random = SeededRandom(seed: "zero")
        let net = Network(inputCount: 2, hiddenLayers: [3], activation: .relu, outputActivation: .tanh,
                          initialization: .he, initZero: true, using: &random)
        XCTAssertTrue(net.allWeights.allSatisfy { $0 == 0 })
        XCTAssertEqual(net.biases(ofLayer: 1), [0, 0, 0])
    }
}
