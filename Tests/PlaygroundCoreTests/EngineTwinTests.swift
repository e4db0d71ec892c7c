import XCTest
@testable import PlaygroundCore

/// Where the engine must compute exactly what TF Playground's JavaScript computes.
final class EngineTwinTests: XCTestCase {
    /// TF's ReLU is `Math.max(0, x)`: `Math.max` returns NaN when an argument is NaN, and
    /// `Math.max(0, -0)` is +0. So NaN stays NaN (a diverged net shows as diverged, not as 0)
    /// and -0 becomes +0.
    func testReLUKeepsNaNAndMapsMinusZeroToPlusZeroAsMathMaxDoes() {
        XCTAssertTrue(Activation.relu.value(.nan).isNaN)
        let zero = Activation.relu.value(-0.0)
        XCTAssertEqual(zero, 0)
        XCTAssertEqual(zero.sign, .plus)
        XCTAssertEqual(Activation.relu.value(-3), 0)
        XCTAssertEqual(Activation.relu.value(2.5), 2.5)

        // Through the network and the grid: a NaN reaching a ReLU node comes out as NaN.
        var random = SeededRandom(seed: "relu-nan")
        var network = Network(inputCount: 1, hiddenLayers: [1], activation: .relu, outputActivation: .linear, using: &random)
        network.setWeight(1, layer: 1, node: 0, source: 0)
        network.setBias(-0.0, layer: 1, node: 0)
        XCTAssertTrue(network.output(for: [.nan]).isNaN)
        var evaluation = GridEvaluation()
        network.evaluate(featureColumns: [.nan, -0.0], count: 2, into: &evaluation)
        XCTAssertTrue(evaluation.value(layer: 1, node: 0, point: 0).isNaN)
        XCTAssertEqual(evaluation.value(layer: 1, node: 0, point: 1).sign, .plus, "z = -0 + 1 · -0 = -0; relu gives +0")
    }

    /// TF's error is `0.5 * Math.pow(d, 2)`: the square first, then the half. Where d² is near the
    /// smallest normal number, halving rounds a second time and `0.5 * d * d` (the half first)
    /// differs in the last bit. The loss must be `0.5 * (d * d)` there.
    func testLossIsHalfOfTheSquareInTFsOrder() {
        // Search seeded doubles with d² in [2^-1022, 2^-1020), where 0.5 · d² is subnormal.
        var random = SeededRandom(seed: "half-square")
        var found: Double?
        for _ in 0..<5000 {
            let d = Double.leastNormalMagnitude.squareRoot() * random.uniform(1, 2)
            if 0.5 * d * d != 0.5 * (d * d) { found = d; break }
        }
        guard let d = found else { return XCTFail("no d in 5000 where the two orders differ") }

        // A network without inputs: its output is its bias, so with label 0 the engine's d is the bias.
        var unused = SeededRandom(seed: "loss")
        var network = Network(inputCount: 0, hiddenLayers: [], activation: .linear, outputActivation: .linear, using: &unused)
        network.setBias(d, layer: 1, node: 0)
        let loss = network.loss(inputs: [], labels: [0])
        XCTAssertEqual(loss.bitPattern, (0.5 * (d * d)).bitPattern, "d = \(d)")
        XCTAssertNotEqual(loss.bitPattern, (0.5 * d * d).bitPattern)
    }
}
