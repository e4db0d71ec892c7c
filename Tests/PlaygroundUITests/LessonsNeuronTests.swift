import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Lesson 4 shows the numbers training uses: its gradients are `Network.gradients`, its chain
/// rule multiplies out to them, and a finite difference of the example's error agrees.
final class LessonsNeuronTests: XCTestCase {
    /// One example's error E = ½(out − label)² with the network changed by `change`.
    static func error(_ playground: Playground, point: Int, _ change: (inout Network) -> Void) -> Double {
        var network = playground.network
        change(&network)
        let width = network.sizes[0]
        let output = network.output(for: Array(playground.trainInputs[(point * width)..<((point + 1) * width)]))
        return 0.5 * (output - playground.trainLabels[point]) * (output - playground.trainLabels[point])
    }

    func testTheLessonEqualsTheNetworksGradientsForEveryNode() {
        for pairs in ["networkShape=4,2", "networkShape=3&activation=relu&x=true&y=true&xSquared=true",
                      "problem=regression&regDataset=reg-plane&networkShape=2,3&activation=sigmoid",
                      "networkShape=&activation=linear"] {
            var playground = Playground(state: makeSettings(pairs))
            playground.step(epochs: 3)  // a trained network, not only the initial one
            let network = playground.network
            let sizes = network.sizes
            for point in [0, 7, 42] {
                let width = sizes[0]
                let input = Array(playground.trainInputs[(point * width)..<((point + 1) * width)])
                let gradients = network.gradients(input: input, label: playground.trainLabels[point])
                var weightIndex = 0, nodeIndex = sizes[0]
                for layer in 1..<sizes.count {
                    for node in 0..<sizes[layer] {
                        let lesson = NeuronLesson(playground: playground, layer: layer, node: node, point: point)
                        let what = "\(pairs) point \(point) node \(layer).\(node)"
                        XCTAssertEqual(lesson.totalGradient, gradients.biases[nodeIndex], what)
                        XCTAssertEqual(lesson.weightGradients, Array(gradients.weights[weightIndex..<(weightIndex + sizes[layer - 1])]), what)
                        XCTAssertEqual(lesson.chainTotalGradient, lesson.totalGradient, accuracy: 1e-12, "∂E/∂out · f'(z): \(what)")
                        for j in lesson.inputs.indices {
                            XCTAssertEqual(lesson.weightGradients[j], lesson.totalGradient * lesson.inputs[j], accuracy: 1e-12, what)
                        }
                        let copy = network
                        XCTAssertEqual(lesson.networkOutput, copy.output(for: input), accuracy: 1e-15, what)
                        // Independent of the backward pass: a centred difference of E in the bias.
                        let h = 1e-6
                        let up = Self.error(playground, point: point) { $0.setBias(lesson.bias + h, layer: layer, node: node) }
                        let down = Self.error(playground, point: point) { $0.setBias(lesson.bias - h, layer: layer, node: node) }
                        XCTAssertEqual(lesson.totalGradient, (up - down) / (2 * h), accuracy: 1e-6, what)
                        weightIndex += sizes[layer - 1]
                        nodeIndex += 1
                    }
                }
            }
        }
    }

    func testTheScreenShowsTheSelectedNodesNumbers() {
        var app = makeApp("networkShape=4,2", width: 100, height: 30)
        app.selection = .node(layer: 1, node: 2)
        _ = update(&app, .train(epochs: 2))
        press("o", &app)
        press("4", &app)
        press("]", &app)
        press("]", &app)
        let lesson = NeuronLesson(playground: app.playground, layer: 1, node: 2, point: 2)
        let text = screen(app).lines.joined(separator: "\n")
        let n = NeuronView.number(full: false)
        XCTAssertTrue(text.contains("node h1.3 (Tanh) on training point 3 of 250"), text)
        XCTAssertTrue(text.contains("∂E/∂b = ∂E/∂z = " + n(lesson.totalGradient)), text)
        XCTAssertTrue(text.contains("∂E/∂z = ∂E/∂out · f′(z) = \(n(lesson.outputGradient)) · \(n(lesson.slope)) = \(n(lesson.totalGradient))"))
        for j in lesson.inputs.indices {
            XCTAssertTrue(text.contains("\(n(lesson.totalGradient)) · \(n(lesson.inputs[j])) = \(n(lesson.weightGradients[j]))"), "w\(j)")
        }
        // The arrows choose another node: ↓ the next in the layer, → the next layer.
        press(.down, &app)
        XCTAssertTrue(screen(app).lines.joined().contains("node h1.4 "))
        press(.right, &app)
        press(.right, &app)
        XCTAssertTrue(screen(app).lines.joined().contains("node output "))
    }

    /// Lesson 4 with no input feature, or no training point, says what is missing (it used to
    /// stop the program reading an input row that is not there).
    func testNoInputOrNoPointIsSaidNotCrashed() {
        var noInput = makeApp("x=false&y=false&xSquared=false&ySquared=false&xTimesY=false&sinX=false&sinY=false", width: 80, height: 24)
        XCTAssertEqual(noInput.playground.network.sizes.first, 0)
        press("o", &noInput)
        press("4", &noInput)
        XCTAssertTrue(screen(noInput).lines.joined().contains("lesson 4 needs an input"), screen(noInput).lines.joined(separator: "\n"))
        var noPoint = makeApp(width: 80, height: 24)
        noPoint.playground = Playground(state: noPoint.playground.state, points: [])
        XCTAssertTrue(noPoint.playground.trainLabels.isEmpty)
        press("o", &noPoint)
        press("4", &noPoint)
        XCTAssertTrue(screen(noPoint).lines.joined().contains("lesson 4 needs a training point"), screen(noPoint).lines.joined(separator: "\n"))
        press("]", &noPoint)
        XCTAssertTrue(screen(noPoint).lines.joined().contains("lesson 4 needs a training point"))
    }
}
