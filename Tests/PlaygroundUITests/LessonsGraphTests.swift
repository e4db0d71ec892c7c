import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The graph lessons on screen: what each step shows, stepping back, editing, bad input.
final class LessonsGraphTests: XCTestCase {
    /// The app at 80×24 with the lessons open on `lesson`.
    static func lessons(_ lesson: Lessons.Lesson = .chain, width: Int = 80, height: Int = 24, unicode: Bool = true) -> AppState {
        var app = makeApp(width: width, height: height, capabilities: Capabilities(unicode: unicode))
        press("o", &app)
        XCTAssertEqual(KeyContext(app), .lessons)
        press(Character(String(lesson.rawValue)), &app)
        return app
    }

    static func text(_ app: AppState) -> String { screen(app).lines.joined(separator: "\n") }

    func testStepZeroShowsOnlyTheInputs() {
        let app = Self.lessons()
        let lines = screen(app).lines
        XCTAssertTrue(lines[4].hasPrefix("            =-2      "), lines[4])
        XCTAssertTrue(lines[4].hasSuffix("x + y → 1, 1 "), lines[4])
        // x runs straight into +, y comes up into it from below, z up into ×: three wires, no joins.
        XCTAssertTrue(lines[5].hasPrefix("        [x]─────────────────►(+)─────────────────►(×) "), lines[5])
        XCTAssertTrue(lines[6].hasPrefix("                              ▲                    ▲ "), lines[6])
        XCTAssertTrue(lines[10].hasPrefix("        [y]───────────────────┘                    │ "), lines[10])
        XCTAssertTrue(lines[15].hasPrefix("        [z]────────────────────────────────────────┘ "), lines[15])
        let text = Self.text(app)
        for value in ["=-2", "=5", "=-4"] { XCTAssertTrue(text.contains(value), value) }
        XCTAssertFalse(text.contains("q=3"), "q is not computed at step 0")
        XCTAssertFalse(text.contains("f=-12"))
        XCTAssertFalse(text.contains("∂-"), "no gradient at step 0")
        XCTAssertTrue(lines[19].hasPrefix(" step 0 of 6: the inputs are set"), lines[19])
    }

    func testTheForwardPassThenTheBackwardPass() {
        var app = Self.lessons()
        press(" ", &app)
        XCTAssertTrue(Self.text(app).contains("q=3"))
        XCTAssertFalse(Self.text(app).contains("f=-12"))
        press(.right, &app)
        let forward = screen(app).lines
        XCTAssertTrue(forward[4].hasPrefix("            =-2                  q=3                  f=-12 "), forward[4])
        XCTAssertTrue(forward[19].hasPrefix(" forward 2/2: f = q * z = -12  forward done: f = -12"), forward[19])
        XCTAssertFalse(forward.joined().contains("∂f/∂x"))
        press(.end, &app)
        let done = screen(app).lines
        XCTAssertTrue(done[6].hasPrefix("            ∂-4               ▲  ∂-4               ▲  ∂1 "), done[6])
        XCTAssertTrue(done[11].hasPrefix("            ∂-4 "), done[11])
        XCTAssertTrue(done[16].hasPrefix("            ∂3 "), done[16])
        XCTAssertTrue(done[19].hasPrefix(" backward 4/4: y: [1] × [-4] = -4  (from q = x + y)"), done[19])
        XCTAssertTrue(done[20].hasPrefix(" ∂f/∂x = -4  ∂f/∂y = -4  ∂f/∂z = 3"), done[20])
        // Space at the last step says that this is the end and what to press next.
        press(" ", &app)
        XCTAssertEqual(app.status, "the end: Home restarts, Tab lesson 2")
        XCTAssertTrue(screen(app).lines[0].contains("the end: Home restarts, Tab lesson 2"), screen(app).lines[0])
    }

    /// The slide's numbers in the slide's form: two significant figures, each step's product
    /// of the numbers shown, and the sigmoid gate's (1 − 0.73) · 0.73 = 0.2.
    func testTheSigmoidLessonWritesTheCoursesSteps() {
        var app = Self.lessons(.sigmoid)
        var seen: [String] = [], details: [String] = []
        for _ in 0..<30 {
            seen.append(screen(app).lines[19])
            details.append(screen(app).lines[20])
            press(" ", &app)
        }
        for step in ["backward 1/12: n7: [-0.53] × [1] = -0.53  (from f = 1/n7)",
                     "backward 3/12: n5: [0.37] × [-0.53] = -0.2  (from n6 = exp(n5))",
                     "backward 11/12: w0: [-1] × [0.2] = -0.2  (from n1 = w0 * x0)",
                     "backward 12/12: x0: [2] × [0.2] = 0.4  (from n1 = w0 * x0)"] {
            XCTAssertTrue(seen.contains { $0.hasPrefix(" " + step) }, "\(step) in \(seen)")
        }
        // -3 × 0.2 is -0.6, the slide's step; the exact share rounds to -0.59, and the line says so.
        XCTAssertTrue(details.contains { $0.hasPrefix(" local: ∂n2/∂x1 = w1 = -3, added to ∂f/∂x1 (-0.59 unrounded)") }, "\(details)")
        // Every node the steps name is named on the graph.
        press(.end, &app)
        let picture = GraphPicture(app.lessons!.graphLesson!, capabilities: app.capabilities).grid.lines.joined(separator: "\n")
        for name in ["n1=-2", "n2=6", "n3=4", "n4=1", "n5=-1", "n6=0.37", "n7=1.4", "f=0.73"] {
            XCTAssertTrue(picture.contains(name), name)
        }
        let text = Self.text(app)
        // The table of local derivatives beside the graph, arrows in line.
        for rule in ["eˣ    → eˣ", "−1·x  → −1", "1/x   → −1/x²", "1 + x → 1"] { XCTAssertTrue(text.contains(rule), rule) }
        // The same gradients with the sigmoid as one gate, and its rule.
        press("f", &app)
        press(.home, &app)
        for _ in 0..<6 { press(" ", &app) }
        let first = screen(app).lines
        XCTAssertTrue(first[19].hasPrefix(" backward 1/9: n4: [0.2] × [1] = 0.2  (from f = sigmoid(n4))"), first[19])
        XCTAssertTrue(first[20].hasPrefix(" local: σ′ = (1 − 0.73) · 0.73 = 0.2, added to ∂f/∂n4"), first[20])
        press(.end, &app)
        let gate = Self.text(app)
        XCTAssertTrue(gate.contains("σ(x)  → (1 − σ)·σ"), gate)
        XCTAssertTrue(gate.contains("∂f/∂w0 = -0.2  ∂f/∂x0 = 0.39  ∂f/∂w1 = -0.39  ∂f/∂x1 = -0.59"), gate)
        XCTAssertTrue(gate.contains("backward 9/9: x0: [2] × [0.2] = 0.4"))
        // p: every digit, everywhere.
        press("p", &app)
        let full = Self.text(app)
        XCTAssertTrue(full.contains("∂f/∂x0 = 0.3932238664829637"), full)
        XCTAssertTrue(full.contains("f=0.7310585786300049"), full)
    }

    func testSteppingBackUndoesAStep() {
        var app = Self.lessons()
        press(.end, &app)
        var back = app
        press(.backspace, &back)
        var forward = Self.lessons()
        for _ in 0..<5 { press(" ", &forward) }
        XCTAssertEqual(screen(back), screen(forward))
        XCTAssertFalse(Self.text(back).contains("∂f/∂x = -4"))
        press(.left, &back)
        press(.home, &app)
        XCTAssertEqual(screen(app), screen(Self.lessons()))
    }

    func testEditingAValueRecomputesTheGraph() {
        var app = Self.lessons()
        press(.end, &app)
        press(.enter, &app)  // x is selected
        XCTAssertEqual(KeyContext(app), .lessonEntry)
        press(.backspace, &app)
        press(.backspace, &app)
        press("1", &app)
        press(.enter, &app)
        XCTAssertEqual(KeyContext(app), .lessons)
        let text = Self.text(app)
        // x = 1: q = 6, f = -24, ∂f/∂z = q = 6, ∂f/∂x = z = -4.
        XCTAssertTrue(text.contains("q=6") && text.contains("f=-24"), text)
        XCTAssertTrue(text.contains("∂f/∂x = -4  ∂f/∂y = -4  ∂f/∂z = 6"), text)
        XCTAssertTrue(text.contains("values: x=1, y=5, z=-4"), text)
        // A value list with a variable missing is refused and changes nothing.
        press("v", &app)
        for _ in 0..<6 { press(.backspace, &app) }
        press(.enter, &app)
        XCTAssertEqual(KeyContext(app), .lessonEntry)
        XCTAssertTrue(Self.text(app).contains("no value for \"z\""), Self.text(app))
        press(.escape, &app)
        XCTAssertTrue(Self.text(app).contains("f=-24"))
    }

    func testABadExpressionShowsItsColumnAndKeepsThePreviousGraph() {
        var app = Self.lessons(.expression)
        let before = app.lessons!.custom
        press("e", &app)
        for _ in 0..<20 { press(.backspace, &app) }
        for character in "(x+" { press(character, &app) }
        press(.enter, &app)
        let lines = screen(app).lines
        let field = lines.firstIndex { $0.hasPrefix(" f = (x+") }!
        XCTAssertEqual(lines[field + 1], "        ^" + String(repeating: " ", count: 71), "the caret under column 4")
        XCTAssertTrue(lines[field + 2].hasPrefix(" column 4: expected a number, a name or \"(\", found the end"), lines[field + 2])
        XCTAssertEqual(app.lessons!.custom, before, "the previous graph stays")
        XCTAssertTrue(lines.joined().contains("(^2)"), "the previous graph is still drawn")
        // Fixed, it builds and starts at step 0.
        for character in "y)*z" { press(character, &app) }
        press(.tab, &app)
        for character in ", z=2" { press(character, &app) }
        press(.enter, &app)
        XCTAssertEqual(app.lessons!.custom.expression, "(x+y)*z")
        press(.end, &app)
        XCTAssertTrue(Self.text(app).contains("∂f/∂x = 2  ∂f/∂y = 2  ∂f/∂z = 1"), Self.text(app))
    }

    func testTheLessonsGoBackToThePlaygroundAsItWas() {
        var app = makeApp(width: 80, height: 24)
        app.isPlaying = true
        let playground = app.playground
        press("o", &app)
        XCTAssertFalse(app.isPlaying, "the playground pauses in the lessons")
        _ = update(&app, .train(epochs: 5))
        XCTAssertEqual(app.playground, playground, "ticks in the lessons do not train the network")
        press(.escape, &app)
        XCTAssertNil(app.lessons)
        XCTAssertTrue(app.isPlaying, "and plays on after")
    }
}
