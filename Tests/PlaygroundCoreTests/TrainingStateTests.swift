import XCTest
@testable import PlaygroundCore

/// The network holds its parameters, the training value what training keeps (issue 7): equality
/// and reading ignore training, and editing a parameter clears what training kept for it.
final class TrainingStateTests: XCTestCase {
    /// A network 1 → 1, `out = b + w·x`, linear: every step of SPEC §4 can be done by hand.
    private func neuron(weight: Double, bias: Double) -> Network {
        var random = SeededRandom(seed: "neuron")
        var network = Network(inputCount: 1, hiddenLayers: [], activation: .linear, outputActivation: .linear, using: &random)
        network.setWeight(weight, layer: 1, node: 0, source: 0)
        network.setBias(bias, layer: 1, node: 0)
        return network
    }

    /// Issue 7's case: kill a link with L1, train 100 examples (a partial batch of 10 stays), set
    /// the weight to 0.5 and take one step. The weight moves by that step's own gradient and
    /// penalty only; the sums kept for the dead link (or for the old value) play no part.
    func testAnEditedDeadLinkMovesByItsOwnStepOnly() {
        let (rate, l1) = (0.1, 0.5)  // the L1 step lr · rate is 0.05
        var network = neuron(weight: 0.001, bias: 0)
        var training = Training(for: network)
        let kill = Training.Hyperparameters(learningRate: rate, regularization: .l1, regularizationRate: l1, batchSize: 1)
        // x = 0: no gradient, so the penalty alone takes 0.001 through zero.
        training.trainEpoch(&network, inputs: [0], labels: [0], settings: kill)
        XCTAssertTrue(training.isDead(layer: 1, node: 0, source: 0))

        let settings = Training.Hyperparameters(learningRate: rate, regularization: .l1, regularizationRate: l1, batchSize: 30)
        training.trainEpoch(&network, inputs: Array(repeating: 1, count: 100), labels: Array(repeating: 5, count: 100),
                            settings: settings)
        XCTAssertEqual(training.accumulatedExamples, 10, "a partial batch is pending")
        XCTAssertEqual(network.weight(layer: 1, node: 0, source: 0), 0)

        network.setWeight(0.5, layer: 1, node: 0, source: 0)
        training.forgetWeight(layer: 1, node: 0, source: 0)
        XCTAssertFalse(training.isDead(layer: 1, node: 0, source: 0))
        let bias = network.bias(layer: 1, node: 0)
        // One step: 30 examples x = 0.5, label 1; the update at the 30th divides by 10 + 30.
        training.trainEpoch(&network, inputs: Array(repeating: 0.5, count: 30), labels: Array(repeating: 1, count: 30),
                            settings: settings)
        // By hand (SPEC §4): every example has d = (b + 0.5 · 0.5) - 1 and adds d · 0.5 to the
        // weight's sum; w = 0.5 - (lr / 40) · Σ, then the L1 step 0.05 (sign of the old w is +).
        let d = (bias + 0.5 * 0.5) - 1
        let sum = (0..<30).reduce(0.0) { total, _ in total + d * 0.5 }
        let expected = (0.5 - (rate / 40) * sum) - rate * l1
        assertClose(network.weight(layer: 1, node: 0, source: 0), expected, relative: 1e-12)
        assertClose(expected, 0.45, absolute: 0.05, "the example's numbers: 0.45-ish")
    }

    /// The same through `Playground`: a regression on x alone (one weight, one bias), L1 strong
    /// enough to kill the link, batch 25 over 120 examples (20 carried). A plain statement of SPEC §4
    /// for one neuron trains beside it, bit for bit, then both take the edit and one more epoch.
    func testPlaygroundEditsForgetWhatTrainingKept() throws {
        var playground = Playground(state: try state(
            "problem=regression&y=false&networkShape=&regularization=L1&regularizationRate=3&learningRate=0.01&batchSize=25&percTrainData=10&seed=dead"))
        let x = playground.trainInputs, labels = playground.trainLabels
        XCTAssertEqual(x.count, 120)
        var neuron = OneNeuron(w: playground.network.weight(layer: 1, node: 0, source: 0),
                               b: playground.network.bias(layer: 1, node: 0))
        var epochs = 0
        while !playground.isDead(layer: 1, node: 0, source: 0) && epochs < 50 {
            playground.step()
            neuron.epoch(x, labels, rate: 0.01, l1: 3, batch: 25)
            epochs += 1
            XCTAssertEqual(playground.network.weight(layer: 1, node: 0, source: 0), neuron.w, "epoch \(epochs)")
            XCTAssertEqual(playground.network.bias(layer: 1, node: 0), neuron.b, "epoch \(epochs)")
        }
        XCTAssertTrue(neuron.dead, "L1 killed the link after \(epochs) epochs")
        XCTAssertEqual(playground.training.accumulatedExamples, 20)

        playground.setWeight(0.5, layer: 1, node: 0, source: 0)
        playground.setBias(-0.25, layer: 1, node: 0)
        neuron.edit(w: 0.5, b: -0.25)
        XCTAssertFalse(playground.isDead(layer: 1, node: 0, source: 0))
        playground.step()
        neuron.epoch(x, labels, rate: 0.01, l1: 3, batch: 25)
        assertClose(playground.network.weight(layer: 1, node: 0, source: 0), neuron.w, relative: 1e-12)
        assertClose(playground.network.bias(layer: 1, node: 0), neuron.b, relative: 1e-12)
        XCTAssertGreaterThan(neuron.w, 0, "the link lives again")
    }

    /// Editing a parameter also clears its optimizer state (none is written yet by SGD; set by hand).
    func testForgettingAParameterClearsItsOptimizerState() {
        let network = neuron(weight: 1, bias: 1)
        var training = Training(for: network)
        let weight = network.layout.weightsAt, bias = network.layout.biasesAt + 1, slope = network.layout.slopesAt + 1
        for k in [weight, bias, slope] {
            training.gradientSums[k] = 2
            training.firstMoments[k] = 3
            training.secondMoments[k] = 4
        }
        training.forgetWeight(layer: 1, node: 0, source: 0)
        training.forgetBias(layer: 1, node: 0)
        training.forgetSlope(layer: 1, node: 0)
        for k in [weight, bias, slope] {
            XCTAssertEqual([training.gradientSums[k], training.firstMoments[k], training.secondMoments[k]], [0, 0, 0])
        }
    }

    /// Training that has not updated yet leaves the network equal to what it was; the training
    /// value is what changed. (With the sums inside the network, `==` saw them.)
    func testNetworkEqualityIsAboutParametersOnly() {
        let start = neuron(weight: 0.3, bias: -0.2)
        var network = start
        var training = Training(for: network)
        let settings = Training.Hyperparameters(learningRate: 0.1, batchSize: 10)
        training.trainEpoch(&network, inputs: [1, 2, 3], labels: [1, -1, 1], settings: settings)
        XCTAssertEqual(training.accumulatedExamples, 3)
        XCTAssertEqual(network, start)
        XCTAssertNotEqual(training, Training(for: start))
        training.clearGradients()
        XCTAssertEqual(training, Training(for: start))
    }

    /// A network without inputs (every feature off) trains and reads: its output is its bias.
    func testANetworkWithoutInputsTrains() throws {
        var playground = Playground(state: try state("x=false&y=false&networkShape=2&seed=0.3"))
        XCTAssertEqual(playground.network.inputCount, 0)
        playground.step(epochs: 3)
        XCTAssertTrue(playground.trainingLoss().isFinite)
        XCTAssertEqual(playground.network.gradients(input: [], label: 1).inputs, [])
        var evaluation = GridEvaluation()
        playground.network.evaluate(featureColumns: [], count: 4, into: &evaluation)
        XCTAssertEqual(evaluation.value(layer: 2, node: 0, point: 3), playground.network.output(for: []))
        playground.network.evaluate(featureColumns: [], count: 0, into: &evaluation)
        XCTAssertEqual(evaluation.count, 0)
    }
}

/// SPEC §4 for one linear neuron `out = b + w·x`, written out plainly as the tests' own statement of
/// the math, with issue 7's edit rule: an edited parameter starts with nothing accumulated.
private struct OneNeuron {
    var w, b: Double
    var weightSum = 0.0, biasSum = 0.0, examples = 0, dead = false

    mutating func epoch(_ inputs: [Double], _ labels: [Double], rate: Double, l1: Double, batch: Int) {
        for i in inputs.indices {
            let d = (b + w * inputs[i]) - labels[i]
            biasSum += d
            if !dead { weightSum += d * inputs[i] }
            examples += 1
            if (i + 1) % batch == 0 { update(rate: rate, l1: l1) }
        }
    }

    mutating func update(rate: Double, l1: Double) {
        b -= rate * biasSum / Double(examples)
        if !dead {
            let sign: Double = w < 0 ? -1 : (w > 0 ? 1 : 0)
            let moved = w - (rate / Double(examples)) * weightSum
            let penalised = moved - (rate * l1) * sign
            if moved * penalised < 0 { (w, dead) = (0, true) } else { w = penalised }
        }
        (weightSum, biasSum, examples) = (0, 0, 0)
    }

    mutating func edit(w: Double, b: Double) {
        (self.w, self.b, weightSum, biasSum, dead) = (w, b, 0, 0, false)
    }
}
