import ArgumentParser
import FoundationEssentials
import PlaygroundCore

/// `playground-tui explain`: an expression's graph, forward values and backward pass, headless.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Backpropagation on an expression, step by step: every value, then every gradient.",
        discussion: """
            Text prints the nodes in forward order (name, operation, value), the backward steps \
            as 'input: [local] × [upstream] = contribution', and ∂f/∂ each variable. JSON prints \
            one object with value, gradients, nodes and steps. Text also gives each kind of gate's \
            rule under 'local derivatives'. Functions: exp, log, sigmoid, tanh, relu, max, sin, cos, abs. An expression \
            may start with a minus (explain '-x^2' --at x=3), or follow '--'.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// Every word that is not an option: the expression, one word, which may start with a minus
    /// (`explain '-x^2' --at x=3`): no option of `explain` is a single letter but `-h`.
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The expression, e.g. '(x+y)*z', 'sigmoid(w0*x0 + w1*x1 + w2)' or '-x^2'.", valueName: "expression"))
    var words: [String] = []


    @Option(parsing: .unconditional, help: ArgumentHelp("The variables' values, e.g. 'x=-2,y=5,z=-4'.", valueName: "values"))
    var at: String?

    @Option(help: ArgumentHelp("One of the course's examples: \(lessonNames).", valueName: "name"))
    var lesson: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    static let lessonNames = AutogradLesson.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func run() throws {
        let shown: (expression: String, values: String, lesson: AutogradLesson?)
        let graph: ScalarGraph
        let words = self.words.filter { $0 != "--" }
        if let option = words.first(where: { $0.hasPrefix("--") }) {
            throw Self.refuse("unknown option \(UserText.quoted(option)): expected --at, --lesson or --format")
        }
        if words.count > 1 {
            throw Self.refuse("give one expression, in quotes if it has spaces (got \(words.count) words: "
                              + words.map { UserText.quoted($0) }.joined(separator: " ") + ")")
        }
        let expression = words.first
        switch (expression, lesson) {
        case (nil, nil):
            throw Self.refuse("give an expression (e.g. '(x+y)*z' --at x=-2,y=5,z=-4) or --lesson \(Self.lessonNames)")
        case (_?, _?):
            throw Self.refuse("give an expression or --lesson, not both")
        case let (nil, name?):
            guard let chosen = AutogradLesson(rawValue: name) else {
                throw Self.refuse("--lesson: unknown lesson \(UserText.quoted(name)): expected one of \(Self.lessonNames)")
            }
            if at != nil { throw Self.refuse("--at: a lesson brings its own values (\(chosen.values))") }
            shown = (chosen.expression, chosen.values, chosen)
            graph = chosen.graph
        case let (text?, nil):
            do {
                let values = try ExpressionValues.parse(at ?? "")
                graph = try ScalarExpression.parse(text).graph(values: values)
                shown = (text, values.text, nil)
            } catch {
                let place = error.source == .expression ? "the expression" : "--at"
                throw Self.refuse("column \(error.column) of \(place): \(error.message)")
            }
        }
        let output = switch format {
        case .text: Self.text(graph, expression: shown.expression, values: shown.values, lesson: shown.lesson)
        case .json: try Self.json(graph, expression: shown.expression)
        }
        var standardOutput = TextOutput.standardOutput
        standardOutput.write(output)
        try standardOutput.flush()
    }

    /// One line on standard error and the status of bad input (64, as for every other command).
    static func refuse(_ message: String) -> ExitCode {
        Diagnostics.say("playground-tui: explain: \(message)")
        return ExitCode(64)
    }

    /// Six significant digits: enough to follow the arithmetic (JSON has every digit).
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value == 0 ? 0 : value) : NumberFormat.javaScript(value)
    }

    static func text(_ graph: ScalarGraph, expression: String, values: String, lesson: AutogradLesson?) -> String {
        var lines: [String] = []
        if let lesson { lines.append("lesson      \(lesson.rawValue): \(lesson.title)") }
        lines.append("expression  \(expression)")
        if !values.isEmpty { lines.append("values      \(values)") }
        lines.append("")
        lines.append("forward, in topological order")
        let rows = graph.nodes.indices.map { index in
            let node = graph.nodes[index]
            let operation = switch node.operation {
            case .variable: "variable"
            case .constant: "constant"
            default: graph.formula(of: index)
            }
            return [node.name, operation, number(node.value)]
        }
        lines += table([["name", "operation", "value"]] + rows)
        let rules = graph.derivativeLines(unicode: true)
        if !rules.isEmpty {
            lines.append("")
            lines.append("local derivatives, one line per kind of gate (x its first input, y its second)")
            lines += rules.map { "  " + $0.text }
        }
        lines.append("")
        lines.append("backward, in reverse order: input: [local] × [upstream] = contribution")
        let steps = graph.backwardSteps.map { step in [graph.text(of: step, number: number), "from " + graph.label(step.node)] }
        lines += steps.isEmpty ? ["  (none: the expression is a single node)"] : table(steps)
        lines.append("")
        lines.append("gradients")
        let output = graph.nodes[graph.output].name
        let gradients = graph.variables.map { ["∂\(output)/∂\(graph.nodes[$0].name)", "= " + number(graph.nodes[$0].gradient)] }
        lines += gradients.isEmpty ? ["  (none: no variables)"] : table(gradients)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows with every column but the last padded to its widest cell, indented by two.
    static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            return "  " + cells.joined(separator: "  ")
        }
    }

    /// The JSON document: numbers exactly (shortest round-trip digits; a non-finite one as the
    /// string "Infinity", "-Infinity" or "NaN").
    struct Document: Codable, Equatable {
        struct Node: Codable, Equatable {
            let name: String
            /// The gate as drawn: `+`, `*`, `1/x`, `exp`, or `variable`.
            let operation: String
            /// `q = x + y`
            let formula: String
            let inputs: [String]
            let value: Double
            let gradient: Double
        }

        struct Step: Codable, Equatable {
            let node: String
            let input: String
            let local: Double
            let upstream: Double
            let contribution: Double
        }

        let expression: String
        let value: Double
        let gradients: [String: Double]
        let nodes: [Node]
        let steps: [Step]
    }

    static func json(_ graph: ScalarGraph, expression: String) throws -> String {
        let nodes = graph.nodes.indices.map { index in
            let node = graph.nodes[index]
            return Document.Node(name: node.name, operation: node.operation == .variable ? "variable" : node.operation.symbol,
                                 formula: graph.label(index), inputs: node.inputs.map { graph.nodes[$0].name },
                                 value: node.value, gradient: node.gradient)
        }
        let steps = graph.backwardSteps.map { step in
            Document.Step(node: graph.nodes[step.node].name, input: graph.nodes[step.input].name, local: step.local,
                          upstream: step.upstream, contribution: step.contribution)
        }
        let gradients = Dictionary(uniqueKeysWithValues: graph.variables.map { (graph.nodes[$0].name, graph.nodes[$0].gradient) })
        let document = Document(expression: expression, value: graph.value, gradients: gradients, nodes: nodes, steps: steps)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
