import XCTest
@testable import PlaygroundCore

/// The scalar autograd: the course's two examples (numbers worked by hand in the course),
/// every local derivative against centred differences, sums over paths, and the step order.
final class AutogradTests: XCTestCase {
    private func gradient(_ graph: ScalarGraph, _ name: String) -> Double {
        guard let value = graph.gradient(of: name) else {
            XCTFail("no variable \(name)")
            return .nan
        }
        return value
    }

    func testChainRuleLessonGivesTheCourseNumbers() {
        let graph = AutogradLesson.chain.graph
        XCTAssertEqual(graph.nodes[graph.index(named: "q")!].value, 3)
        XCTAssertEqual(graph.value, -12)
        XCTAssertEqual(gradient(graph, "x"), -4)
        XCTAssertEqual(gradient(graph, "y"), -4)
        XCTAssertEqual(gradient(graph, "z"), 3)
        XCTAssertEqual(graph.label(graph.index(named: "q")!), "q = x + y")
        XCTAssertEqual(graph.label(graph.output), "f = q * z")
    }

    func testSigmoidNeuronGivesTheCourseNumbersInBothForms() {
        for lesson in [AutogradLesson.sigmoid, .sigmoidGate] {
            let graph = lesson.graph
            assertClose(graph.value, 0.731, absolute: 5e-4, "\(lesson)")
            assertClose(gradient(graph, "x0"), 0.393, absolute: 5e-4, "\(lesson)")
            assertClose(gradient(graph, "x1"), -0.590, absolute: 5e-4, "\(lesson)")
            assertClose(gradient(graph, "w0"), -0.197, absolute: 5e-4, "\(lesson)")
            assertClose(gradient(graph, "w1"), -0.393, absolute: 5e-4, "\(lesson)")
            assertClose(gradient(graph, "w2"), 0.197, absolute: 5e-4, "\(lesson)")
        }
        // Both forms agree beyond the course's three digits: σ(1) and σ'(1)·input.
        let gates = AutogradLesson.sigmoid.graph, gate = AutogradLesson.sigmoidGate.graph
        let sigma = 1 / (1 + exp(-1.0))
        assertClose(gates.value, sigma, relative: 1e-15)
        for name in ["w0", "x0", "w1", "x1", "w2"] {
            assertClose(gradient(gates, name), gradient(gate, name), relative: 1e-14, name)
        }
        assertClose(gradient(gate, "w0"), -1 * sigma * (1 - sigma), relative: 1e-15)
    }

    func testSigmoidLessonIsDrawnWithTheCoursesGates() {
        let graph = AutogradLesson.sigmoid.graph
        XCTAssertEqual(graph.forwardSteps.map { graph.nodes[$0].operation.symbol },
                       ["*", "*", "+", "+", "*-1", "exp", "+1", "1/x"])
        // The table beside the graph: eˣ → eˣ; a·x → a; 1/x → -1/x²; c + x → 1.
        XCTAssertEqual(graph.forwardSteps.suffix(4).map { graph.nodes[$0].operation.derivativeRule },
                       ["-1*x -> -1", "e^x -> e^x", "1 + x -> 1", "1/x -> -1/x^2"])
        let single = AutogradLesson.sigmoidGate.graph
        XCTAssertEqual(single.forwardSteps.map { single.nodes[$0].operation.symbol }, ["*", "*", "+", "+", "sigmoid"])
    }

    func testBackwardStepsReadAsTheCourseWritesThem() {
        let graph = AutogradLesson.sigmoid.graph
        let text = graph.backwardSteps.map { graph.text(of: $0, number: ScalarGraph.rounded(1)) }
        XCTAssertTrue(text.contains("x0: [2] × [0.2] = 0.4"), "\(text)")
        XCTAssertTrue(text.contains("w0: [-1] × [0.2] = -0.2"), "\(text)")
        XCTAssertEqual(ScalarGraph.rounded(2)(0.39322), "0.39")
        XCTAssertEqual(ScalarGraph.rounded(0)(-0.4), "0")
    }

    /// Forward in array order, each input earlier than its node; backward from the output to
    /// the front, each node's gradient complete before it is passed on, each step local × upstream.
    func testStepsRunForwardInTopologicalOrderAndBackwardInReverse() {
        for lesson in AutogradLesson.allCases {
            let graph = lesson.graph
            XCTAssertEqual(graph.forwardSteps, graph.forwardSteps.sorted())
            for index in graph.forwardSteps {
                XCTAssertTrue(graph.nodes[index].inputs.allSatisfy { $0 < index })
            }
            let order = graph.backwardSteps.map(\.node)
            XCTAssertEqual(order, order.sorted(by: >), "\(lesson): back to front")
            XCTAssertEqual(graph.backwardSteps.first?.node, graph.output)
            XCTAssertEqual(graph.backwardSteps.count, graph.nodes.reduce(0) { $0 + $1.inputs.count })
            for (k, step) in graph.backwardSteps.enumerated() {
                XCTAssertEqual(step.contribution, step.local * step.upstream, "\(lesson) step \(k)")
                XCTAssertEqual(step.input, graph.nodes[step.node].inputs[step.inputSlot])
                // The upstream gradient is final: no later step adds to the node.
                XCTAssertFalse(graph.backwardSteps[k...].contains { $0.input == step.node })
                XCTAssertEqual(step.upstream, graph.nodes[step.node].gradient)
                XCTAssertEqual(graph.gradients(afterSteps: k)[step.node], step.upstream)
            }
        }
    }

    func testAValueUsedTwiceGetsTheSumOfBothPaths() {
        // f = x · x at 3: two steps into x, 3 + 3 = 6 = 2x.
        var square = ScalarGraph()
        let x = square.variable("x", 3)
        square.apply(.multiply, x, x)
        square.backward()
        XCTAssertEqual(square.backwardSteps.map(\.contribution), [3, 3])
        XCTAssertEqual(square.gradient(of: "x"), 6)
        // f = (a + b) · (a · b) at a = 2, b = -5: ∂f/∂a = ab + (a + b)b = -10 + 15 = 5.
        var shared = ScalarGraph()
        let a = shared.variable("a", 2), b = shared.variable("b", -5)
        let sum = shared.apply(.add, a, b), product = shared.apply(.multiply, a, b)
        shared.apply(.multiply, sum, product)
        shared.backward()
        XCTAssertEqual(shared.value, 30)
        XCTAssertEqual(shared.gradient(of: "a"), 5)
        XCTAssertEqual(shared.gradient(of: "b"), -10 + 2 * (-3))
        // A second backward starts from zero rather than adding to the first.
        shared.backward()
        XCTAssertEqual(shared.gradient(of: "a"), 5)
    }

    func testForwardRecomputesAfterAnEdit() {
        var graph = AutogradLesson.chain.graph
        graph.setValue(1, of: graph.index(named: "x")!)
        graph.forward()
        XCTAssertEqual(graph.value, -24)
        XCTAssertEqual(graph.backwardSteps, [])
        graph.backward()
        XCTAssertEqual(graph.gradient(of: "z"), 6)
    }

    /// Every operation at points inside its domain and away from kinks: the local
    /// derivatives equal centred differences of the forward value.
    func testEveryLocalDerivativeAgreesWithCentredDifferences() {
        let points: [(Double, Double)] = [(0.7, -1.3), (-0.4, 2.1), (1.9, 0.45)]
        let operations: [ScalarOperation] = [
            .add, .subtract, .multiply, .divide, .negate, .power(2), .power(3), .power(-1.5), .power(0.5),
            .exp, .log, .reciprocal, .addConstant(1), .addConstant(-2.5), .multiplyByConstant(-1),
            .multiplyByConstant(3.25), .sigmoid, .tanh, .relu, .max, .sin, .cos, .abs,
        ]
        let h = 1e-6
        for operation in operations {
            for (a0, b0) in points {
                // log and fractional powers need a > 0.
                let a = [.log, .power(-1.5), .power(0.5)].contains(operation) ? abs(a0) : a0
                let result = operation.evaluate(a, b0)
                let f = { (x: Double, y: Double) in operation.evaluate(x, y).value }
                let numericA = (f(a + h, b0) - f(a - h, b0)) / (2 * h)
                let numericB = (f(a, b0 + h) - f(a, b0 - h)) / (2 * h)
                assertClose(result.da, numericA, relative: 1e-6, absolute: 1e-8, "\(operation) ∂/∂a at \(a), \(b0)")
                assertClose(result.db, numericB, relative: 1e-6, absolute: 1e-8, "\(operation) ∂/∂b at \(a), \(b0)")
            }
        }
    }

    func testKinksTakeTheSideTrainingUses() {
        XCTAssertEqual(ScalarOperation.relu.evaluate(0, 0).da, 0)
        XCTAssertEqual(ScalarOperation.relu.evaluate(-2, 0).da, 0)
        XCTAssertEqual(ScalarOperation.relu.evaluate(2, 0).da, 1)
        let tie = ScalarOperation.max.evaluate(1, 1)
        XCTAssertEqual([tie.da, tie.db], [1, 0])
        let below = ScalarOperation.max.evaluate(-1, 4)
        XCTAssertEqual([below.value, below.da, below.db], [4, 0, 1])
        XCTAssertEqual(ScalarOperation.power(0).evaluate(0, 0).da, 0, "x^0 is flat, also at 0")
    }

    func testDomainProblemsAreNamed() {
        XCTAssertEqual(ScalarOperation.divide.domainProblem(1, 0), "division by zero")
        XCTAssertEqual(ScalarOperation.reciprocal.domainProblem(0, 0), "division by zero")
        XCTAssertEqual(ScalarOperation.log.domainProblem(0, 0)?.contains("log of a non-positive number (0)"), true)
        XCTAssertNotNil(ScalarOperation.power(0.5).domainProblem(-4, 0))
        XCTAssertNil(ScalarOperation.power(2).domainProblem(-4, 0))
        XCTAssertNotNil(ScalarOperation.exp.domainProblem(1000, 0))
        XCTAssertNil(ScalarOperation.exp.domainProblem(700, 0))
    }
}
