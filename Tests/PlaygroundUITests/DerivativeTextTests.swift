import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// One text per derivative: the operations' and activations' own texts, read by the lessons'
/// table, lesson 4, the activation card and `explain`; arrows in line in UTF-8 and ASCII, and no
/// row of the lessons' table cut at 80 columns.
final class DerivativeTextTests: XCTestCase {
    static let everyGate = "relu(x) + max(x, y)/2 + sigmoid(x*y) - tanh(y)^2 + exp(-x) + log(y) + 1/x + sin(x) * cos(y) + abs(x - y)"

    func testTheTableLinesUpInUnicodeAndASCII() throws {
        let graph = try ScalarGraph(expression: Self.everyGate, values: "x=0.5, y=2")
        for unicode in [true, false] {
            let lines = graph.derivativeLines(unicode: unicode).map(\.text)
            XCTAssertGreaterThan(lines.count, 12)
            let arrow = unicode ? "→" : "->"
            let columns = Set(lines.map { line in
                line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: line.firstRange(of: arrow)!.lowerBound.samePosition(in: line.unicodeScalars)!)
            })
            XCTAssertEqual(columns.count, 1, "arrows in one column: \(lines)")
            if !unicode { XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(lines)") }
        }
        XCTAssertEqual(ScalarOperation.power(2).derivative(unicode: true).line, "x² → 2·x")
        XCTAssertEqual(ScalarOperation.power(2).derivative(unicode: false).line, "x^2 -> 2*x")
        XCTAssertEqual(ScalarOperation.power(3).derivative(unicode: true).line, "x³ → 3·x²")
        XCTAssertEqual(ScalarOperation.sigmoid.derivative(unicode: true).line, "σ(x) → (1 − σ)·σ")
        XCTAssertEqual(ScalarOperation.sigmoid.derivative(unicode: false).line, "sigmoid(x) -> (1 - sigmoid)*sigmoid")
        XCTAssertEqual(ScalarOperation.exp.derivative(unicode: false).line, "e^x -> e^x")
    }

    /// The lesson's table on an 80×24 screen, whole, in UTF-8 and ASCII (the graph scrolls instead).
    func testNoRowOfTheLessonsTableIsCutAt80Columns() throws {
        for unicode in [true, false] {
            var app = LessonsGraphTests.lessons(.expression, unicode: unicode)
            try app.lessons!.custom.setExpression("relu(x) + max(x, y) + sigmoid(x*y) - tanh(y) + x^2", values: "x=0.5, y=2")
            let lines = screen(app).lines
            for rule in DerivativeTable.lines(app.lessons!.custom.graph, unicode: unicode) {
                XCTAssertTrue(lines.contains { $0.contains(rule.text) },
                              "\(rule.text) whole in\n" + lines.joined(separator: "\n"))
            }
            XCTAssertTrue(lines.joined().contains(unicode ? "relu x    → 1 if x > 0, else 0" : "relu x     -> 1 if x > 0, else 0"),
                          lines.joined(separator: "\n"))
        }
    }

    /// Lesson 4 and the activation card write f' with the activation's own words.
    func testLessonFourAndTheCardReadTheActivationsText() {
        XCTAssertEqual(Activation.sigmoid.derivativeText(), "(1 − out)·out")
        XCTAssertEqual(Activation.tanh.derivativeText(), "1 − out²")
        XCTAssertEqual(NeuronView.derivativeText(.sigmoid, unicode: false), "(1 - out)*out")
        var grid = CellGrid(width: 30, height: 12)
        ActivationCard.draw(.sigmoid, capabilities: Capabilities(), in: Rect(x: 0, y: 0, width: 30, height: 12), into: &grid)
        XCTAssertTrue(grid.lines.contains { $0.hasPrefix("f′ = (1 − f)·f") }, grid.lines.joined(separator: "\n"))
    }
}
