import XCTest
@testable import PlaygroundCore

/// The expression language: how text is read, the graph built from it, and every refusal
/// with the column it points at.
final class ExpressionTests: XCTestCase {
    private func read(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do { return try ScalarExpression.parse(text).description } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    private func value(_ text: String, _ values: String = "", file: StaticString = #filePath, line: UInt = #line) -> Double {
        do { return try ScalarGraph(expression: text, values: values).value } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return .nan
        }
    }

    func testPrecedenceAndAssociativityAsInMathematics() {
        let readings = [
            "-x^2": "(-(x ^ 2))",
            "2^3^2": "(2 ^ (3 ^ 2))",
            "a-b-c": "((a - b) - c)",
            "a/b/c": "((a / b) / c)",
            "a+b*c": "(a + (b * c))",
            "a*b+c": "((a * b) + c)",
            "-x*y": "((-x) * y)",
            "2*-x": "(2 * (-x))",
            "x^-2": "(x ^ (-2))",
            "--x": "(-(-x))",
            "+x": "x",
            "a-b+c": "((a - b) + c)",
            "(a+b)*c": "((a + b) * c)",
            "a^b*c": "((a ^ b) * c)",
            "1/(1+exp(-(w0*x0+w1*x1+w2)))": "(1 / (1 + exp((-(((w0 * x0) + (w1 * x1)) + w2)))))",
            "max(a, b+1)": "max(a, (b + 1))",
            " relu ( x ) ": "relu(x)",
        ]
        for (text, expected) in readings { XCTAssertEqual(read(text), expected, text) }
        XCTAssertEqual(value("2^3^2"), 512)
        XCTAssertEqual(value("-2^2"), -4)
        XCTAssertEqual(value("-x^2", "x=3"), -9)
        XCTAssertEqual(value("2^-1"), 0.5)
        XCTAssertEqual(value("8/4/2"), 1)
        XCTAssertEqual(value("8-4-2"), 2)
        XCTAssertEqual(value("x^2 + 3*x*y", "x=2, y=-1"), -2)
    }

    func testNumbersInTheUsualFormsAndNames() {
        let numbers = ["3": 3.0, "3.": 3, ".5": 0.5, "1e-3": 0.001, "2.5E+2": 250, "1E2": 100, "007": 7, "0.25e1": 2.5]
        for (text, expected) in numbers { XCTAssertEqual(value(text), expected, text) }
        XCTAssertEqual(read("x1y2 + Ab"), "(x1y2 + Ab)")
        XCTAssertEqual(value("rate2 * 2", "rate2=4"), 8)
    }

    /// Each refusal: the text, the column it points at, and words from the message.
    func testEveryErrorNamesItsColumnAndWhatWasExpected() {
        let values = "x=1, y=2"
        let cases: [(String, Int, String)] = [
            ("(x+y", 5, "expected \")\" to close the \"(\" at column 1, found the end"),
            ("((x)", 5, "to close the \"(\" at column 1"),
            ("x+y)", 4, "unmatched \")\""),
            ("foo(x)", 1, "unknown function \"foo\": expected one of exp, log, sigmoid, tanh, relu, max, sin, cos, abs"),
            ("x $ y", 3, "unexpected character \"$\""),
            ("x + é", 5, "unexpected character \"é\""),
            ("x +* y", 4, "expected a number, a name or \"(\", found \"*\""),
            ("", 1, "empty"),
            ("   ", 4, "empty"),
            ("exp x", 5, "expected \"(\" after the function exp, found the name \"x\""),
            ("max(x)", 6, "max takes 2 arguments: expected \",\""),
            ("exp(x, y)", 6, "expected \")\" to close exp( at column 1"),
            ("x..5", 2, "\".\" with no digit after it"),
            ("2 x", 3, "expected an operator (+ - * / ^) or the end, found the name \"x\""),
            ("2e", 2, "found the name \"e\""),
            ("1e999", 1, "too large"),
            ("x*", 3, "found the end"),
            ("x + z", 5, "no value for \"z\": expected it among the values, e.g. z=1"),
            ("x^y", 3, "the exponent must be a number"),
            ("x^(2*y)", 4, "the exponent must be a number"),
            ("x/(y-2)", 2, "at the given values, division by zero"),
            ("1/0", 2, "division by zero"),
            ("2/(x-1)", 2, "division by zero"),
            ("log(x-1)", 1, "log of a non-positive number (0)"),
            ("y + log(-x)", 5, "log of a non-positive number (-1)"),
            ("(x-3)^0.5", 6, "-2 to the power 0.5 is not a real number"),
            ("(x-1)^-1", 6, "division by zero"),
            ("exp(1000*x)", 1, "not a finite number"),
        ]
        for (text, column, words) in cases {
            do {
                let graph = try ScalarGraph(expression: text, values: values)
                XCTFail("\(text) was accepted: \(graph.value)")
            } catch {
                XCTAssertEqual(error.source, .expression, text)
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(words), "\(text): \(error.message)")
            }
        }
    }

    func testLimitsOnNestingAndLengthAreErrorsNotCrashes() {
        let deep = String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)
        XCTAssertThrowsError(try ScalarExpression.parse(deep)) { error in
            XCTAssertEqual((error as? ExpressionError)?.column, 101)
            XCTAssertTrue("\(error)".contains("nested more than 100 deep"), "\(error)")
        }
        XCTAssertEqual(read(String(repeating: "(", count: 90) + "x" + String(repeating: ")", count: 90)), "x")
        let long = Array(repeating: "x", count: 501).joined(separator: "+")
        XCTAssertThrowsError(try ScalarExpression.parse(long)) { error in
            XCTAssertEqual((error as? ExpressionError)?.column, 1001)
            XCTAssertTrue("\(error)".contains("too long (1001 characters)"), "\(error)")
        }
        let longest = Array(repeating: "x", count: 500).joined(separator: "+")
        XCTAssertEqual(value(longest, "x=0.5"), 250)
    }

    func testValuesList() throws {
        let values = try ExpressionValues.parse("x=-2, y=5,z = -4 , rate=+1e-3")
        XCTAssertEqual(values.assignments.map(\.name), ["x", "y", "z", "rate"])
        XCTAssertEqual(values.assignments.map(\.value), [-2, 5, -4, 0.001])
        XCTAssertEqual(values.assignments.map(\.column), [1, 7, 11, 20])
        XCTAssertEqual(values.text, "x=-2, y=5, z=-4, rate=0.001")
        XCTAssertEqual(try ExpressionValues.parse("  ").assignments, [])
        let cases: [(String, Int, String)] = [
            ("x", 2, "expected \"=\" after x, found the end"),
            ("x=", 3, "expected a number for x"),
            ("x=1 y=2", 5, "expected \",\" before the next value or the end, found the name \"y\""),
            ("x=1,x=2", 5, "\"x\" is given twice (first at column 1)"),
            ("=1", 1, "expected a name (as in x=-2, y=5), found \"=\""),
            ("exp=1", 1, "\"exp\" is a function"),
            ("x=1,", 5, "expected a name after \",\""),
            ("x=--1", 4, "expected a number for x"),
            ("x=y", 3, "expected a number for x"),
            ("x=2*3", 4, "expected \",\""),
            ("x=1;y=2", 4, "unexpected character \";\""),
        ]
        for (text, column, words) in cases {
            XCTAssertThrowsError(try ExpressionValues.parse(text), text) { error in
                guard let error = error as? ExpressionError else { return XCTFail("\(text): \(error)") }
                XCTAssertEqual(error.source, .values, text)
                XCTAssertEqual(error.column, column, "\(text): \(error)")
                XCTAssertTrue(error.message.contains(words), "\(text): \(error.message)")
            }
        }
    }

    /// The lessons typed as text give the lessons' graphs: the same gates, values and gradients.
    func testLessonsTypedAsTextGiveTheLessonGraphs() throws {
        for lesson in AutogradLesson.allCases {
            let typed = try ScalarGraph(expression: lesson.expression, values: lesson.values)
            let built = lesson.graph
            XCTAssertEqual(typed.nodes.map(\.operation), built.nodes.map(\.operation), "\(lesson)")
            XCTAssertEqual(typed.nodes.map(\.inputs), built.nodes.map(\.inputs), "\(lesson)")
            XCTAssertEqual(typed.nodes.map(\.value), built.nodes.map(\.value), "\(lesson)")
            XCTAssertEqual(typed.nodes.map(\.gradient), built.nodes.map(\.gradient), "\(lesson)")
        }
    }

    func testNumbersBesideAGateJoinIt() throws {
        func gates(_ text: String) throws -> [String] {
            let graph = try ScalarGraph(expression: text, values: "x=0.5, y=2")
            return graph.forwardSteps.map { graph.nodes[$0].operation.symbol }
        }
        XCTAssertEqual(try gates("x^2 + 3*x*y"), ["^2", "*3", "*", "+"])
        XCTAssertEqual(try gates("1 + x"), ["+1"])
        XCTAssertEqual(try gates("x + 1"), ["+1"])
        XCTAssertEqual(try gates("x - 2"), ["-2"])
        XCTAssertEqual(try gates("x * 2"), ["*2"])
        XCTAssertEqual(try gates("1/x"), ["1/x"])
        XCTAssertEqual(try gates("-x"), ["*-1"])
        XCTAssertEqual(try gates("2 - x"), ["2", "-"])
        XCTAssertEqual(try gates("2 / x"), ["2", "/"])
        XCTAssertEqual(try gates("max(x, 0)"), ["0", "max"])
        XCTAssertEqual(try gates("2*(3+1) * x"), ["*8"], "a part with no variable is folded")
        XCTAssertEqual(try gates("x^(1/2)"), ["^0.5"])
    }

    func testVariablesComeFirstOnceEachAndNamesDoNotCollide() throws {
        let graph = try ScalarGraph(expression: "f*n1 + f*y", values: "y=3, n1=2, f=5, unused=1")
        XCTAssertEqual(graph.nodes.map(\.name), ["f", "n1", "y", "n2", "n3", "n4"])
        XCTAssertEqual(graph.label(graph.output), "n4 = n2 + n3")
        XCTAssertEqual(graph.value, 25)
        XCTAssertEqual(graph.gradient(of: "f"), 5)
        XCTAssertNil(graph.gradient(of: "unused"))
        let square = try ScalarGraph(expression: "x*x", values: "x=3")
        XCTAssertEqual(square.nodes.map(\.name), ["x", "f"])
        XCTAssertEqual(square.gradient(of: "x"), 6)
    }

    /// Random strings over the language's alphabet (and a few characters outside it): each is
    /// read or refused with a column inside the text (or just after it), never a crash. What
    /// is read prints as a text that reads back the same.
    func testRandomTextIsReadOrRefusedNeverACrash() {
        let pieces = ["x", "y", "z", "w0", "2", "3.5", ".5", "1e-3", "0", "e", "E", "+", "-", "*", "/", "^",
                      "(", ")", ",", "=", "exp", "log", "max", "sigmoid", "tanh", "relu", "foo", " ", ".", "$", "é", "\u{1B}"]
        var random = SeededRandom(seed: "expression-fuzz")
        var accepted = 0, refused = 0
        for _ in 0..<4000 {
            let count = Int(random.nextDouble() * 14)
            let text = (0..<count).map { _ in pieces[Int(random.nextDouble() * Double(pieces.count))] }.joined()
            let length = text.unicodeScalars.count
            do {
                let graph = try ScalarGraph(expression: text, values: "x=1.5, y=-2, z=0, w0=0.25")
                XCTAssertTrue(graph.value.isFinite, text)
                let tree = try ScalarExpression.parse(text)
                XCTAssertEqual(try ScalarExpression.parse(tree.description).description, tree.description, text)
                accepted += 1
            } catch {
                XCTAssertTrue((1...length + 1).contains(error.column), "\(UserText.quoted(text)): \(error)")
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertFalse(error.message.contains("\u{1B}"), "user text reaches messages quoted")
                refused += 1
            }
            do {
                _ = try ExpressionValues.parse(text)
            } catch {
                XCTAssertTrue((1...length + 1).contains(error.column), "\(UserText.quoted(text)): \(error)")
            }
        }
        XCTAssertGreaterThan(accepted, 100, "the fuzz should also reach the graph builder")
        XCTAssertGreaterThan(refused, 100)
    }
}
