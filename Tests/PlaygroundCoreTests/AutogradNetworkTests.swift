import XCTest
import PlaygroundCore

/// Two independent backprops agree: the network's own (`Network.gradients`) and the scalar
/// autograd on the same network written out as a graph of gates, one example's error
/// E = 0.5 (out − label)², for random small networks of every activation and both output
/// kinds (tanh for classification, linear for regression). Uses only Network's public API.
final class AutogradNetworkTests: XCTestCase {
    /// The network as a graph: every input, weight, bias and (PReLU) slope a variable.
    struct NetworkGraph {
        var graph = ScalarGraph()
        var inputs: [Int] = []
        /// [layer][node][source] (layer 0 empty).
        var weights: [[[Int]]] = [[]]
        /// [layer][node] (layer 0 empty).
        var biases: [[Int]] = [[]]
        /// [layer][node], PReLU layers only (nil elsewhere).
        var slopes: [[Int]?] = [nil]

        init(_ network: Network, input: [Double], label: Double) {
            inputs = input.enumerated().map { graph.variable("x\($0)", $1) }
            var outputs = inputs
            for l in 1..<network.layerCount {
                let activation = network.activation(ofLayer: l)
                var layerWeights: [[Int]] = [], layerBiases: [Int] = [], layerSlopes: [Int] = []
                var next: [Int] = []
                for i in 0..<network.sizes[l] {
                    // total = b + Σ_j w_ij · out_j, summed in the network's order.
                    var total = graph.variable("b\(l).\(i)", network.bias(layer: l, node: i))
                    layerBiases.append(total)
                    var row: [Int] = []
                    for j in 0..<network.sizes[l - 1] {
                        let w = graph.variable("w\(l).\(i).\(j)", network.weight(layer: l, node: i, source: j))
                        row.append(w)
                        total = graph.apply(.add, total, graph.apply(.multiply, w, outputs[j]))
                    }
                    layerWeights.append(row)
                    var slope: Int?
                    if activation == .prelu {
                        slope = graph.variable("a\(l).\(i)", network.slope(layer: l, node: i))
                        layerSlopes.append(slope!)
                    }
                    next.append(activate(total, activation, slope: slope))
                }
                weights.append(layerWeights)
                biases.append(layerBiases)
                slopes.append(activation == .prelu ? layerSlopes : nil)
                outputs = next
            }
            let difference = graph.apply(.addConstant(-label), outputs[0])
            graph.apply(.multiplyByConstant(0.5), graph.apply(.power(2), difference))
            graph.backward()
        }

        /// The activation from gates; the four the autograd lacks are composed:
        /// leaky ReLU = max(0.01 z, z), PReLU = relu(z) − α·relu(−z),
        /// ELU = relu(z) + (e^min(z, 0) − 1) with min(z, 0) = −relu(−z), softplus = log(1 + eᶻ).
        mutating func activate(_ z: Int, _ activation: Activation, slope: Int?) -> Int {
            switch activation {
            case .linear: return z
            case .tanh: return graph.apply(.tanh, z)
            case .sigmoid: return graph.apply(.sigmoid, z)
            case .relu: return graph.apply(.relu, z)
            case .leakyrelu:
                return graph.apply(.max, graph.apply(.multiplyByConstant(Activation.leakySlope), z), z)
            case .prelu:
                let below = graph.apply(.relu, graph.apply(.negate, z))
                return graph.apply(.subtract, graph.apply(.relu, z), graph.apply(.multiply, slope!, below))
            case .elu:
                let minimum = graph.apply(.negate, graph.apply(.relu, graph.apply(.negate, z)))
                let curve = graph.apply(.addConstant(-1), graph.apply(.exp, minimum))
                return graph.apply(.add, graph.apply(.relu, z), curve)
            case .softplus:
                return graph.apply(.log, graph.apply(.addConstant(1), graph.apply(.exp, z)))
            }
        }
    }

    private func randomNetwork(_ activation: Activation, output: Activation, using random: inout SeededRandom) -> Network {
        let inputCount = 1 + Int(random.nextDouble() * 3)
        let hidden = (0..<Int(random.nextDouble() * 4)).map { _ in 1 + Int(random.nextDouble() * 4) }
        var network = Network(inputCount: inputCount, hiddenLayers: hidden, activation: activation,
                              outputActivation: output, using: &random)
        network.scrambleParameters(using: &random)
        return network
    }

    func testNetworkBackpropEqualsTheAutogradForEveryActivationAndOutputKind() {
        var random = SeededRandom(seed: "autograd-network")
        var hiddenNegatives = 0, hiddenPositives = 0
        for activation in Activation.allCases {
            for output in [Activation.tanh, .linear] {
                for trial in 0..<4 {
                    let network = randomNetwork(activation, output: output, using: &random)
                    let input = (0..<network.inputCount).map { _ in random.uniform(-1, 1) }
                    let label = output == .tanh ? (random.nextDouble() < 0.5 ? -1.0 : 1.0) : random.uniform(-1, 1)
                    let name = "\(activation) → \(output), network \(trial) \(network.sizes)"
                    let built = NetworkGraph(network, input: input, label: label)
                    let graph = built.graph
                    let expected = network.gradients(input: input, label: label)
                    let copy = network
                    let out = copy.output(for: input)
                    assertClose(graph.value, 0.5 * (out - label) * (out - label), relative: 1e-12, absolute: 1e-15, name)
                    let autograd = { (index: Int) in graph.nodes[index].gradient }
                    let weights = (1..<network.layerCount).flatMap { l in built.weights[l].flatMap { $0.map(autograd) } }
                    XCTAssertEqual(weights.count, expected.weights.count, name)
                    for (k, (a, b)) in zip(weights, expected.weights).enumerated() {
                        assertClose(a, b, relative: 1e-12, absolute: 1e-12, "\(name): weight \(k)")
                    }
                    var node = network.sizes[0]
                    for l in 1..<network.layerCount {
                        for i in 0..<network.sizes[l] {
                            assertClose(autograd(built.biases[l][i]), expected.biases[node], relative: 1e-12,
                                        absolute: 1e-12, "\(name): bias \(l).\(i)")
                            let slope = built.slopes[l].map { autograd($0[i]) } ?? 0
                            assertClose(slope, expected.slopes[node], relative: 1e-12, absolute: 1e-12,
                                        "\(name): slope \(l).\(i)")
                            node += 1
                        }
                    }
                    for (j, index) in built.inputs.enumerated() {
                        assertClose(autograd(index), expected.inputs[j], relative: 1e-12, absolute: 1e-12, "\(name): input \(j)")
                    }
                    // Count hidden totals on each side of 0, so every piece of each composition ran.
                    for step in graph.forwardSteps where graph.nodes[step].operation == .relu {
                        if graph.nodes[step].value > 0 { hiddenPositives += 1 } else { hiddenNegatives += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(hiddenNegatives, 20)
        XCTAssertGreaterThan(hiddenPositives, 20)
    }
}
