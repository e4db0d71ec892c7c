import Foundation
import XCTest
@testable import PlaygroundCore

/// The optimizers inside the network's update: one step worked by hand on a two-weight net,
/// and whole runs against the C oracle's numbers (Tests/Fixtures/oracle).
final class OptimizerNetworkTests: XCTestCase {
    /// Two inputs, no hidden layer, a linear output: out = w1·x1 + w2·x2 + b, all starting at 0.
    /// Examples (1, 0) → 1, (0, 1) → −1, (1, 1) → 1, batch 2, lr 0.1, two epochs:
    /// - update 1 (t = 1) after the first two: δ = out − label = −1, +1, so
    ///   g = (∂w1, ∂w2, ∂b) / 2 = (−0.5, 0.5, 0);
    /// - the third example is a partial batch: it is carried into epoch 2 (at w⁽¹⁾: out = w1 + w2
    ///   = 0 in every case below, δ = −1);
    /// - update 2 (t = 2) after epoch 2's first two examples, over all three examples at w⁽¹⁾:
    ///   δ = −1, w1 − 1, 1 − w1, so g = ((w1 − 2)/3, −w1/3, −1/3); epoch 2's third example is
    ///   carried again.
    private func twoEpochs(_ kind: Optimizer.Kind) -> (after1: [Double], after2: [Double], training: Training) {
        var random = SeededRandom(seed: "two weights")
        var network = Network(inputCount: 2, hiddenLayers: [], activation: .tanh, outputActivation: .linear,
                              initZero: true, using: &random)
        var training = Training(for: network)
        let settings = Training.Hyperparameters(learningRate: 0.1, batchSize: 2, optimizer: Optimizer(kind))
        let parameters = { (n: Network) in [n.weight(layer: 1, node: 0, source: 0), n.weight(layer: 1, node: 0, source: 1),
                                            n.bias(layer: 1, node: 0)] }
        training.trainEpoch(&network, inputs: [1, 0, 0, 1, 1, 1], labels: [1, -1, 1], settings: settings)
        let after1 = parameters(network)
        training.trainEpoch(&network, inputs: [1, 0, 0, 1, 1, 1], labels: [1, -1, 1], settings: settings)
        return (after1, parameters(network), training)
    }

    private func assertParameters(_ actual: [Double], _ expected: [Double], _ name: String, line: UInt = #line) {
        for (a, e) in zip(actual, expected) { assertClose(a, e, relative: 1e-12, absolute: 1e-16, name, line: line) }
    }

    func testMomentumByHand() {
        // t = 1: v = g = (−0.5, 0.5, 0), p −= 0.1·v → (0.05, −0.05, 0).
        // t = 2: g = (−1.95/3, −0.05/3, −1/3) = (−0.65, −0.01667, −0.33333);
        //        v = 0.9·v + g = (−1.1, 0.43333, −0.33333); p −= 0.1·v → (0.16, −0.093333, 0.033333).
        let run = twoEpochs(.momentum)
        assertParameters(run.after1, [0.05, -0.05, 0], "momentum t=1")
        assertParameters(run.after2, [0.16, -0.05 - 0.1 * (0.45 - 0.05 / 3), 0.1 / 3], "momentum t=2")
        XCTAssertEqual(run.training.updateCount, 2)
        XCTAssertEqual(run.training.accumulatedExamples, 1, "epoch 2's last example waits for the next batch")
    }

    func testNesterovByHand() {
        // t = 1: v = g; step 0.1·(g + 0.9·v) = 0.19·g → (0.095, −0.095, 0).
        // t = 2: g = (−1.905/3, −0.095/3, −1/3) = (−0.635, −0.031667, −0.33333); v = 0.9·v + g =
        //        (−1.085, 0.418333, −0.33333); step 0.1·(g + 0.9·v) = (−0.16115, 0.0344833, −0.063333).
        let run = twoEpochs(.nesterov)
        assertParameters(run.after1, [0.095, -0.095, 0], "nesterov t=1")
        assertParameters(run.after2, [0.25615, -0.095 - 0.1 * (-0.095 / 3 + 0.9 * (0.45 - 0.095 / 3)), 0.19 / 3],
                         "nesterov t=2")
    }

    func testRMSPropByHand() {
        // t = 1: s = 0.1·g² = (0.025, 0.025, 0); step 0.1·g / (√0.025 + 1e-8): ±0.31622775 (b: 0).
        let first = 0.05 / (0.025.squareRoot() + 1e-8)
        let run = twoEpochs(.rmsprop)
        assertParameters(run.after1, [first, -first, 0], "rmsprop t=1")
        // t = 2: g = ((w1 − 2)/3, −w1/3, −1/3) at w1 = `first`; s = 0.9·s + 0.1·g².
        let g = [(first - 2) / 3, -first / 3, -1.0 / 3]
        let s = [0.9 * 0.025 + 0.1 * g[0] * g[0], 0.9 * 0.025 + 0.1 * g[1] * g[1], 0.1 * g[2] * g[2]]
        let expected = [first, -first, 0].indices.map { i in
            [first, -first, 0][i] - 0.1 * g[i] / (s[i].squareRoot() + 1e-8)
        }
        assertParameters(run.after2, expected, "rmsprop t=2")
        assertClose(run.after2[0], 0.5577522610427619, relative: 1e-12)
    }

    func testAdamByHandWithBiasCorrection() {
        // t = 1: m = 0.1·g, s = 0.001·g², m̂ = g, ŝ = g²: step 0.1·g / (|g| + 1e-8) = ±0.1·0.5/(0.5 + 1e-8).
        let first = 0.05 / (0.5 + 1e-8)
        let run = twoEpochs(.adam)
        assertParameters(run.after1, [first, -first, 0], "adam t=1")
        // t = 2: m = 0.9·m + 0.1·g, s = 0.999·s + 0.001·g², m̂ = m / (1 − 0.81), ŝ = s / (1 − 0.998001).
        let g1 = [-0.5, 0.5, 0], g = [(first - 2) / 3, -first / 3, -1.0 / 3]
        let expected = (0..<3).map { i -> Double in
            let m = 0.09 * g1[i] + 0.1 * g[i], s = 0.000999 * g1[i] * g1[i] + 0.001 * g[i] * g[i]
            return [first, -first, 0][i] - 0.1 * (m / 0.19) / ((s / 0.001999).squareRoot() + 1e-8)
        }
        assertParameters(run.after2, expected, "adam t=2")
        assertClose(run.after2[0], 0.19992421022976664, relative: 1e-12)
    }

    func testSGDThroughTheSameNetIsTFsRule() {
        // t = 1: p −= 0.1·g → (0.05, −0.05, 0); t = 2: g = (−0.65, −0.016667, −0.33333) →
        // (0.115, −0.048333, 0.033333).
        let run = twoEpochs(.sgd)
        assertParameters(run.after1, [0.05, -0.05, 0], "sgd t=1")
        assertParameters(run.after2, [0.115, -0.05 + 0.1 * 0.05 / 3, 0.1 / 3], "sgd t=2")
    }

    // MARK: The C oracle

    /// `Tests/Fixtures/oracle/*.csv`: `# state`, then the oracle's `epoch,train_loss,test_loss`.
    func testMomentumAndAdamRunsEqualTheOracle() throws {
        let folder = packageRoot.appendingPathComponent("Tests/Fixtures/oracle")
        let names = try XCTUnwrap(try? FileManager.default.contentsOfDirectory(atPath: folder.path),
                                  "oracle fixtures missing: \(folder.path) (scripts/make-oracle-fixtures.sh)")
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names.count, 7)
        var kinds: Set<String> = [], penalties: Set<String> = []
        for name in names {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            XCTAssertTrue(lines[0].hasPrefix("# ") && lines[1] == "epoch,train_loss,test_loss", name)
            let stateText = String(lines[0].dropFirst(2))
            var playground = Playground(state: try state(stateText))
            kinds.insert(playground.state.optimizer.rawValue)
            penalties.insert(playground.state.regularization.rawValue)
            let rows = lines.dropFirst(2).map { $0.split(separator: ",").map { Double($0)! } }
            XCTAssertEqual(rows.count, 101, name)
            for row in rows {
                if row[0] > 0 { playground.step() }
                assertClose(playground.trainingLoss(), row[1], relative: 1e-9, "\(name) epoch \(row[0]) train")
                assertClose(playground.testLoss(), row[2], relative: 1e-9, "\(name) epoch \(row[0]) test")
            }
        }
        XCTAssertEqual(kinds, ["momentum", "adam"])
        XCTAssertEqual(penalties, ["none", "L1", "L2"], "with and without L1/L2")
    }
}
