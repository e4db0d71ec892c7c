import Foundation
import XCTest

/// `playground-tui explain` run as a process: the course's numbers in text and JSON, and
/// refusals as one line with a non-zero exit.
final class ExplainCommandTests: XCTestCase {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs the built binary through the suite's one process runner.
    private func run(_ arguments: [String]) throws -> Result {
        let result = try ProcessRunner.run(arguments)
        return Result(status: result.status, output: result.output, error: result.error)
    }

    /// The JSON document, decoded independently of the program's own types.
    struct Document: Decodable {
        struct Node: Decodable {
            let name: String
            let operation: String
            let formula: String
            let inputs: [String]
            let value: Double
            let gradient: Double
        }
        struct Step: Decodable {
            let node: String
            let input: String
            let local: Double
            let upstream: Double
            let contribution: Double
        }
        let value: Double
        let gradients: [String: Double]
        let nodes: [Node]
        let steps: [Step]
    }

    func testChainRuleAsText() throws {
        let result = try run(["explain", "(x+y)*z", "--at", "x=-2,y=5,z=-4"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The forward table, aligned, in forward order.
        let table = ["  name  operation  value", "  x     variable   -2", "  y     variable   5", "  z     variable   -4",
                     "  n1    x + y      3", "  f     n1 * z     -12"]
        guard let start = lines.firstIndex(of: table[0]) else { return XCTFail(result.output) }
        XCTAssertEqual(Array(lines[start..<min(lines.count, start + table.count)]), table)
        // The backward steps, output first, each written [local] × [upstream] = result.
        let steps = lines.filter { $0.hasPrefix("  ") && $0.contains("] × [") }.map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(steps.map { $0.components(separatedBy: "  ").first! }, [
            "n1: [-4] × [1] = -4", "z: [3] × [1] = 3", "x: [1] × [-4] = -4", "y: [1] × [-4] = -4",
        ])
        XCTAssertTrue(steps[0].hasSuffix("from f = n1 * z"), steps[0])
        for gradient in ["∂f/∂x  = -4", "∂f/∂y  = -4", "∂f/∂z  = 3"] {
            XCTAssertTrue(lines.contains("  " + gradient), "\(gradient) in\n\(result.output)")
        }
    }

    func testSigmoidLessonAsJSONHasEveryDigit() throws {
        for lesson in ["sigmoid", "sigmoid-gate"] {
            let result = try run(["explain", "--lesson", lesson, "--format", "json"])
            XCTAssertEqual(result.status, 0, result.error)
            let document = try JSONDecoder().decode(Document.self, from: Data(result.output.utf8))
            // σ(1) and σ'(1) = σ(1)(1 − σ(1)), computed here: JSON carries the exact double.
            let sigma = 1 / (1 + exp(-1.0))
            let slope = sigma * (1 - sigma)
            XCTAssertEqual(document.value, sigma, lesson)
            let expected = ["w0": -1 * slope, "x0": 2 * slope, "w1": -2 * slope, "x1": -3 * slope, "w2": slope]
            XCTAssertEqual(Set(document.gradients.keys), Set(expected.keys))
            for (name, gradient) in expected {
                XCTAssertEqual(document.gradients[name]!, gradient, accuracy: 1e-15, "\(lesson) \(name)")
            }
            XCTAssertEqual(document.nodes.first?.name, "w0")
            XCTAssertEqual(document.nodes.last?.name, "f")
            XCTAssertEqual(document.nodes.last?.value, sigma)
            XCTAssertEqual(document.steps.first?.node, "f")
            XCTAssertEqual(document.steps.first?.upstream, 1)
            let x0 = try XCTUnwrap(document.steps.first { $0.input == "x0" })
            XCTAssertEqual([x0.local, (x0.upstream * 10).rounded() / 10, (x0.contribution * 10).rounded() / 10], [2, 0.2, 0.4])
            for step in document.steps { XCTAssertEqual(step.contribution, step.local * step.upstream) }
        }
        let gates = try JSONDecoder().decode(Document.self, from: Data(try run(["explain", "--lesson", "sigmoid", "--format", "json"]).output.utf8))
        XCTAssertEqual(gates.nodes.map(\.operation).filter { $0 != "variable" }, ["*", "*", "+", "+", "*-1", "exp", "+1", "1/x"])
    }

    func testChainLessonKeepsTheNameQ() throws {
        let result = try run(["explain", "--lesson", "chain", "--format", "json"])
        let document = try JSONDecoder().decode(Document.self, from: Data(result.output.utf8))
        XCTAssertEqual(document.value, -12)
        XCTAssertEqual(document.gradients, ["x": -4, "y": -4, "z": 3])
        XCTAssertEqual(document.nodes.first { $0.name == "q" }?.formula, "q = x + y")
        XCTAssertEqual(document.nodes.first { $0.name == "q" }?.value, 3)
        let text = try run(["explain", "--lesson", "chain"])
        XCTAssertTrue(text.output.contains("  q     x + y      3"), text.output)
    }

    func testAnExpressionStartingWithAMinusGoesAfterTheSeparator() throws {
        let result = try run(["explain", "--at", "x=3", "--format", "json", "--", "-x^2"])
        XCTAssertEqual(result.status, 0, result.error)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.output.utf8))
        XCTAssertEqual(document.value, -9)
        XCTAssertEqual(document.gradients["x"], -6)
    }

    /// A leading minus also works without the separator (no option of `explain` looks like it).
    func testAnExpressionMayStartWithAMinus() throws {
        for arguments in [["explain", "-x^2", "--at", "x=3", "--format", "json"], ["explain", "--at", "x=3", "--format", "json", "-x^2"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)")
            let document = try JSONDecoder().decode(Document.self, from: Data(result.output.utf8))
            XCTAssertEqual(document.value, -9)
            XCTAssertEqual(document.gradients["x"], -6)
        }
    }

    /// sin, cos and abs (the playground's features use them): every gradient against a centred
    /// difference of the value `explain` itself prints, at several points.
    func testSinCosAndAbsAgreeWithFiniteDifferences() throws {
        let expression = "sin(x*y) + cos(x)^2 * abs(y - 2*x) + abs(sin(y))"
        func value(_ x: Double, _ y: Double) throws -> Document {
            let result = try run(["explain", expression, "--at", "x=\(x),y=\(y)", "--format", "json"])
            XCTAssertEqual(result.status, 0, result.error)
            return try JSONDecoder().decode(Document.self, from: Data(result.output.utf8))
        }
        for (x, y) in [(0.3, -1.2), (1.7, 0.4), (-2.1, 2.5)] {
            let document = try value(x, y)
            // The same function written out with the standard library.
            XCTAssertEqual(document.value, Foundation.sin(x * y) + Foundation.pow(Foundation.cos(x), 2) * Swift.abs(y - 2 * x)
                + Swift.abs(Foundation.sin(y)), accuracy: 1e-12)
            let h = 1e-6
            let dx = (try value(x + h, y).value - value(x - h, y).value) / (2 * h)
            let dy = (try value(x, y + h).value - value(x, y - h).value) / (2 * h)
            XCTAssertEqual(document.gradients["x"]!, dx, accuracy: 1e-6, "at \(x), \(y)")
            XCTAssertEqual(document.gradients["y"]!, dy, accuracy: 1e-6, "at \(x), \(y)")
        }
        let text = try run(["explain", expression, "--at", "x=1,y=1"]).output
        for rule in ["sin x → cos x", "cos x → −sin x", "|x|   → sign x (0 at 0)", "x²    → 2·x"] {
            XCTAssertTrue(text.contains(rule), "\(rule) in\n\(text)")
        }
    }

    func testBadInputIsOneLineWithTheColumnAndANonZeroExit() throws {
        let cases: [([String], String)] = [
            (["explain", "(x+y", "--at", "x=1,y=2"], "column 5 of the expression: expected \")\" to close the \"(\" at column 1"),
            (["explain", "foo(x)", "--at", "x=1"], "column 1 of the expression: unknown function \"foo\""),
            (["explain", "x + z", "--at", "x=1"], "column 5 of the expression: no value for \"z\""),
            (["explain", "1/(x-1)", "--at", "x=1"], "column 2 of the expression: at the given values, division by zero"),
            (["explain", "log(x)", "--at", "x=-1"], "column 1 of the expression: at the given values, log of a non-positive number (-1)"),
            (["explain", "x", "--at", "x=1,,"], "column 5 of --at: expected a name after \",\""),
            (["explain", "x\u{1B}[2J"], "unexpected character \"\\e\""),
            (["explain"], "give an expression"),
            (["explain", "x", "--lesson", "chain"], "not both"),
            (["explain", "--lesson", "backprop"], "unknown lesson \"backprop\": expected one of chain, sigmoid, sigmoid-gate"),
            (["explain", "--lesson", "chain", "--at", "x=1"], "--at: a lesson brings its own values"),
            (["explain", "x", "--at", "x=1", "--format", "xml"], "--format"),
            (["explain", "--lesso", "chain"], "unknown option \"--lesso\": expected --at, --lesson or --format"),
            (["explain", "x", "y"], "give one expression, in quotes if it has spaces"),
        ]
        for (arguments, mention) in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): bad input, as for every command")
            XCTAssertEqual(result.error.split(separator: "\n").count, 1, "\(arguments): \(result.error)")
            XCTAssertTrue(result.error.contains(mention), "\(arguments): \(result.error)")
            XCTAssertFalse(result.error.contains("\u{1B}"), "\(arguments): terminal codes reach stderr raw")
            XCTAssertEqual(result.output, "", "\(arguments)")
        }
    }

    func testHelpListsTheOptionsAndTheTopLevelListsExplain() throws {
        let help = try run(["explain", "--help"])
        XCTAssertEqual(help.status, 0)
        for option in ["--at", "--lesson", "--format"] { XCTAssertTrue(help.output.contains(option), option) }
        XCTAssertTrue(try run(["--help"]).output.contains("explain"))
    }
}
