import XCTest
@testable import PlaygroundCore

/// Backprop against centred finite differences, in Double, for every activation (PReLU's α
/// too), both output kinds and both regularizers; and the classic hand-worked examples.
final class GradientTests: XCTestCase {
    /// A 3-input net with two hidden layers, weights drawn from a seeded stream, biases and
    /// slopes moved off their defaults so no derivative is checked at a special point.
    private func network(_ activation: Activation, output: Activation) -> Network {
        var random = SeededRandom(seed: "gradient-\(activation.rawValue)")
        var network = Network(inputCount: 3, hiddenLayers: [4, 3], activation: activation,
                              outputActivation: output, using: &random)
        network.scrambleParameters(using: &random)
        return network
    }

    private func error(_ network: Network, _ input: [Double], _ label: Double) -> Double {
        let out = network.output(for: input)
        return 0.5 * (out - label) * (out - label)
    }

    /// Centred difference of E with respect to `parameters[index]`.
    private func numeric(_ network: Network, parameterIndex index: Int, _ input: [Double], _ label: Double) -> Double {
        let h = 1e-6
        var plus = network, minus = network
        plus.parameters[index] += h
        minus.parameters[index] -= h
        return (error(plus, input, label) - error(minus, input, label)) / (2 * h)
    }

    private func checkAll(_ network: Network, input: [Double], label: Double, name: String) {
        let analytic = network.gradients(input: input, label: label)
        for k in 0..<network.weightCount {
            assertClose(analytic.weights[k], numeric(network, parameterIndex: network.layout.weightsAt + k, input, label),
                        relative: 1e-5, absolute: 1e-8, "\(name): weight \(k)")
        }
        for k in network.sizes[0]..<network.nodeCount {
            assertClose(analytic.biases[k], numeric(network, parameterIndex: network.layout.biasesAt + k, input, label),
                        relative: 1e-5, absolute: 1e-8, "\(name): bias \(k)")
            if network.hiddenActivation == .prelu && k < network.nodeCount - 1 {
                assertClose(analytic.slopes[k], numeric(network, parameterIndex: network.layout.slopesAt + k, input, label),
                            relative: 1e-5, absolute: 1e-8, "\(name): PReLU slope \(k)")
            }
        }
        for j in 0..<network.inputCount {
            let h = 1e-6
            var up = input, down = input
            up[j] += h
            down[j] -= h
            let numericInput = (error(network, up, label) - error(network, down, label)) / (2 * h)
            assertClose(analytic.inputs[j], numericInput, relative: 1e-5, absolute: 1e-8, "\(name): input \(j)")
        }
    }

    func testEveryActivationClassificationAndRegression() {
        let inputs: [[Double]] = [[0.7, -1.3, 2.1], [-2.5, 0.4, -0.9], [1.9, 2.2, -3.0]]
        for activation in Activation.allCases {
            for output in [Activation.tanh, .linear] {
                let network = network(activation, output: output)
                for (index, input) in inputs.enumerated() {
                    checkAll(network, input: input, label: index % 2 == 0 ? 1 : -1,
                             name: "\(activation.rawValue) → \(output.rawValue), input \(index)")
                }
            }
        }
    }

    func testPReLUSlopeGradientIsNonZeroBelowZero() {
        // Make one hidden node's total negative, so ∂E/∂α must be non-zero there.
        var net = network(.prelu, output: .tanh)
        net.setBias(-5, layer: 1, node: 0)
        let gradient = net.gradients(input: [0.1, 0.2, 0.3], label: 1)
        XCTAssertNotEqual(gradient.slopes[net.layout.nodeStart[1]], 0)
        checkAll(net, input: [0.1, 0.2, 0.3], label: 1, name: "prelu with a negative node")
    }

    func testActivationDerivativesMatchFiniteDifferences() {
        for activation in Activation.allCases {
            for z in stride(from: -6.0, through: 6.0, by: 0.37) {
                let h = 1e-6
                let numeric = (activation.value(z + h, slope: 0.3) - activation.value(z - h, slope: 0.3)) / (2 * h)
                let analytic = activation.derivative(total: z, output: activation.value(z, slope: 0.3), slope: 0.3)
                assertClose(analytic, numeric, relative: 1e-6, absolute: 1e-9, "\(activation) at \(z)")
            }
        }
    }

    func testSoftplusIsStableForLargeInputs() {
        XCTAssertEqual(Activation.softplus.value(800), 800)
        XCTAssertEqual(Activation.softplus.value(-800), 0)
        assertClose(Activation.softplus.value(0), 0.6931471805599453, relative: 1e-15)
        XCTAssertTrue(Activation.softplus.value(1e308).isFinite)
    }

    func testRegularizerDerivativesMatchFiniteDifferences() {
        for regularization in [Regularization.l1, .l2] {
            for w in [-2.3, -0.7, -0.01, 0.02, 0.9, 3.1] {
                let h = 1e-7
                let numeric = (regularization.value(w + h) - regularization.value(w - h)) / (2 * h)
                assertClose(regularization.derivative(w), numeric, relative: 1e-6, absolute: 1e-9, "\(regularization) at \(w)")
            }
        }
        XCTAssertEqual(Regularization.l1.derivative(0), 0)
        XCTAssertEqual(Regularization.none.derivative(3), 0)
    }

    /// One update with batch size 1 is gradient descent on E + rate · penalty (penalty from the
    /// old weight), which a finite difference of the penalised error confirms.
    func testUpdateFollowsTheRegularizedGradient() {
        for regularization in [Regularization.none, .l1, .l2] {
            let base = network(.tanh, output: .tanh)
            let input = [0.3, -0.8, 1.1], label = -1.0
            let settings = Training.Hyperparameters(learningRate: 0.1, regularization: regularization,
                                                    regularizationRate: 0.05, batchSize: 1)
            var trained = base
            var training = Training(for: trained)
            training.trainEpoch(&trained, inputs: input, labels: [label], settings: settings)
            for k in 0..<base.weightCount {
                let w = base.parameters[base.layout.weightsAt + k]
                let h = 1e-6
                var plus = base, minus = base
                plus.parameters[base.layout.weightsAt + k] += h
                minus.parameters[base.layout.weightsAt + k] -= h
                let penalised = { (n: Network, w: Double) in self.error(n, input, label) + 0.05 * regularization.value(w) }
                let slope = (penalised(plus, w + h) - penalised(minus, w - h)) / (2 * h)
                let expected = w - 0.1 * slope
                let actual = trained.parameters[trained.layout.weightsAt + k]
                if regularization == .l1 && actual == 0 {
                    XCTAssertLessThanOrEqual(expected * w, 1e-6, "L1 zeroed a weight that did not cross zero")
                    continue
                }
                assertClose(actual, expected, relative: 1e-6, absolute: 1e-9, "\(regularization): weight \(k)")
            }
        }
    }

    func testL1KillsAWeightThatCrossesZeroForGood() {
        var random = SeededRandom(seed: "l1")
        var network = Network(inputCount: 1, hiddenLayers: [], activation: .tanh, outputActivation: .linear, using: &random)
        network.setWeight(0.001, layer: 1, node: 0, source: 0)
        let settings = Training.Hyperparameters(learningRate: 0.1, regularization: .l1, regularizationRate: 1, batchSize: 1)
        // The gradient is zero (out == label), so only the penalty moves w: 0.001 - 0.1 < 0.
        network.setBias(0, layer: 1, node: 0)
        var training = Training(for: network)
        training.trainEpoch(&network, inputs: [0], labels: [0], settings: settings)
        XCTAssertEqual(network.weight(layer: 1, node: 0, source: 0), 0)
        XCTAssertTrue(training.isDead(layer: 1, node: 0, source: 0))
        training.trainEpoch(&network, inputs: [1], labels: [5], settings: settings)
        XCTAssertEqual(network.weight(layer: 1, node: 0, source: 0), 0, "a dead link never trains again")
    }

    // MARK: The classic worked examples

    /// f(x, y, z) = (x + y) · z at (-2, 5, -4): a linear node q = x + y, and the output f = z · q
    /// with z as the output link's weight. ∂f/∂x = ∂f/∂y = z = -4, ∂f/∂z = q = 3.
    func testChainRuleOfASumTimesAWeight() {
        var random = SeededRandom(seed: "chain")
        var network = Network(inputCount: 2, hiddenLayers: [1], activation: .linear, outputActivation: .linear, using: &random)
        network.setWeight(1, layer: 1, node: 0, source: 0)
        network.setWeight(1, layer: 1, node: 0, source: 1)
        network.setBias(0, layer: 1, node: 0)
        network.setWeight(-4, layer: 2, node: 0, source: 0)
        network.setBias(0, layer: 2, node: 0)
        let f = network.output(for: [-2, 5])
        XCTAssertEqual(f, -12)
        // With label f - 1, ∂E/∂out = 1, so the gradient of E is the gradient of f.
        let gradient = network.gradients(input: [-2, 5], label: f - 1)
        XCTAssertEqual(gradient.inputs, [-4, -4])
        XCTAssertEqual(gradient.weights[network.layout.weightIndex(2, 0, 0)], 3)
    }

    /// The neuron σ(w0·x0 + w1·x1 + w2) at w = (2, -3, -3), x = (-1, -2): 0.731, with
    /// ∂/∂x = (0.393, -0.590) and ∂/∂w = (-0.197, -0.393, 0.197).
    func testSigmoidNeuron() {
        var random = SeededRandom(seed: "neuron")
        var network = Network(inputCount: 2, hiddenLayers: [], activation: .linear, outputActivation: .sigmoid, using: &random)
        network.setWeight(2, layer: 1, node: 0, source: 0)
        network.setWeight(-3, layer: 1, node: 0, source: 1)
        network.setBias(-3, layer: 1, node: 0)
        let out = network.output(for: [-1, -2])
        assertClose(out, 0.731, absolute: 5e-4)
        let gradient = network.gradients(input: [-1, -2], label: out - 1)
        assertClose(gradient.inputs[0], 0.393, absolute: 5e-4)
        assertClose(gradient.inputs[1], -0.590, absolute: 5e-4)
        assertClose(gradient.weights[0], -0.197, absolute: 5e-4)
        assertClose(gradient.weights[1], -0.393, absolute: 5e-4)
        assertClose(gradient.biases[network.layout.nodeStart[1]], 0.197, absolute: 5e-4)
    }
}
