import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Every lesson at every size from 80×24 to 200×60, in Unicode and ASCII, with and without
/// colour: the frame (tabs, title, footer) is whole and no part is drawn over another.
final class LessonsLayoutTests: XCTestCase {
    static let sizes = [(80, 24), (81, 25), (100, 30), (120, 40), (160, 50), (200, 60), (240, 70)]

    func testEveryLessonFitsEverySizeWithoutOverlap() {
        for (width, height) in Self.sizes {
            for capabilities in [Capabilities(), Capabilities(colors: .none, unicode: false)] {
                var app = LessonsGraphTests.lessons(width: width, height: height, unicode: capabilities.unicode)
                app.capabilities = capabilities
                for lesson in Lessons.Lesson.allCases {
                    press(Character(String(lesson.rawValue)), &app)
                    press(.end, &app)
                    let lines = screen(app).lines
                    let what = "lesson \(lesson.rawValue) at \(width)×\(height) unicode \(capabilities.unicode)"
                    for tab in Lessons.Lesson.allCases { XCTAssertTrue(lines[1].contains(" \(tab.rawValue) \(tab.tab) "), what) }
                    XCTAssertTrue(lines[height - 1].hasSuffix(" ? help  q quit "), "\(what): \(lines[height - 1])")
                    XCTAssertTrue(lines[0].hasSuffix("lesson \(lesson.rawValue) of 5 "), what)
                    if capabilities.unicode == false {
                        XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(what) is ASCII")
                    }
                    switch lesson {
                    case .chain, .sigmoid, .expression:
                        // The table of local derivatives is not drawn over by the graph.
                        let graph = app.lessons!.graphLesson!.graph
                        for rule in DerivativeTable.lines(graph, unicode: capabilities.unicode) {
                            XCTAssertTrue(lines.contains { $0.contains(rule.text) }, "\(what): rule \(rule.text)")
                        }
                        XCTAssertTrue(lines[height - 2].contains("variable") || lines[height - 2].contains("="), what)
                    case .neuron:
                        let lesson = NeuronLesson(playground: app.playground, layer: app.lessons!.neuronLayer,
                                                  node: app.lessons!.neuronNode, point: 0, unicode: capabilities.unicode)
                        for line in NeuronView.lines(lesson, unicode: capabilities.unicode, examples: 250)
                        where line.text.count <= width - 2 {
                            XCTAssertTrue(lines.contains { $0.contains(line.text) }, "\(what): \(line.text)")
                        }
                    case .descent:
                        for runner in app.lessons!.race.runners {
                            XCTAssertTrue(lines.contains { $0.contains(" " + runner.optimizer.kind.title + " ") }, "\(what): \(runner.optimizer.kind)")
                        }
                        XCTAssertTrue(lines.contains { $0.contains("step 1000 of 1000") }, what)
                    }
                }
            }
        }
    }

    /// A graph wider than the screen scrolls to the node the step is on.
    func testAWideGraphScrollsToTheActiveNode() {
        var app = LessonsGraphTests.lessons(.sigmoid)
        for _ in 0..<8 { press(" ", &app) }  // the forward pass's last gate, 1/x, at the far right
        let text = screen(app).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("(1/x)") && text.contains("f=0.73"), text)
        press(.home, &app)
        XCTAssertTrue(screen(app).lines.joined().contains("[w0]"))
    }

    /// On a projector-size screen the graph grows and sits in the middle: lesson 1 at 200×60
    /// spreads over most of the graph's area instead of its top-left corner.
    func testTheGraphGrowsOnALargeScreen() {
        let app = LessonsGraphTests.lessons(.chain, width: 200, height: 60)
        let lines = screen(app).lines
        let graphRows = lines.indices.filter { lines[$0].contains("[x]") || lines[$0].contains("[y]") || lines[$0].contains("[z]") }
        XCTAssertEqual(graphRows.count, 3)
        XCTAssertGreaterThanOrEqual(graphRows.last! - graphRows.first!, 10, "bands wider than three rows: \(graphRows)")
        let f = lines.first { $0.contains("(×)") }!
        let fColumn = f.distance(from: f.startIndex, to: f.firstRange(of: "(×)")!.lowerBound)
        XCTAssertGreaterThan(fColumn, 80, "the output far to the right, not crammed at the left:\n" + lines.joined(separator: "\n"))
        XCTAssertGreaterThan(graphRows.first!, 8, "centred vertically, not at the top")
    }

    /// Lesson 4 writes a small gradient in exponent notation, as the health panel does.
    func testLessonFourWritesSmallNumbersWithAnExponent() {
        let n = NeuronView.number(full: false)
        XCTAssertEqual(n(-5.3e-6), "-5.3e-6")
        XCTAssertEqual(n(0.00123), "0.0012")
        XCTAssertEqual(n(0.000812), "8.1e-4")
        XCTAssertEqual(n(-0.0016), "-0.0016")
        XCTAssertEqual(n(0.25), "0.2500")
        XCTAssertEqual(n(0), "0.0000")
        XCTAssertEqual(NeuronView.number(full: true)(-5.3e-6), "-0.0000053")
    }

    /// A graph taller and wider than the screen says where it goes on, and scrolls to the step.
    func testAGraphBeyondTheScreenSaysWhereItGoesOn() throws {
        var app = LessonsGraphTests.lessons(.expression)
        try app.lessons!.custom.setExpression("tanh(a*b+c)*relu(a-c)+max(a,b)/2 + exp(a*b*c) - sigmoid(c)",
                                              values: "a=0.5, b=-2, c=1")
        let top = screen(app).lines
        XCTAssertTrue(top[3].hasPrefix(" ▸ ▾ more "), "wider and taller than the room: \(top[3])")
        press(.end, &app)
        let end = screen(app).lines
        XCTAssertTrue(end.joined().contains("f="), "the output shows at the end")
        for _ in 0..<3 { press(.left, &app) }
        XCTAssertTrue(screen(app).lines[3].contains("more"), screen(app).lines.joined(separator: "\n"))
    }
}
