import PlaygroundCore

/// A graph lesson (1–3): an expression, its values, its graph, and how far the step-by-step
/// view has got.
///
/// Step `s` counts from 0 (only the variables known) through the forward pass (one computed
/// node per step, `forwardCount` of them) and then the backward pass (one edge per step, in the
/// order `ScalarGraph.backward()` ran them). So at `s ≤ forwardCount` the first `s` nodes of
/// `graph.forwardSteps` have values; at `s = forwardCount + j` every value is known and the
/// gradients are those after the first `j` backward steps.
public struct GraphLesson: Equatable, Sendable {
    public private(set) var expression: String
    /// The values as the assignment language writes them (`x=-2, y=5, z=-4`).
    public private(set) var values: String
    /// Forward and backward done; the view shows only what step `step` has reached.
    public private(set) var graph: ScalarGraph
    public private(set) var step = 0
    /// Which variable Enter edits (an index into `graph.variables`).
    public var selectedVariable = 0
    /// Decimals of the `[local] × [upstream] = result` text: the course's one for its own
    /// examples, three for the user's.
    public let stepPlaces: Int

    public init(lesson: AutogradLesson) {
        expression = lesson.expression
        values = lesson.values
        graph = lesson.graph
        stepPlaces = 1
    }

    /// A lesson of the user's expression (refused, with its column, if it does not build).
    public init(expression: String, values: String) throws(ExpressionError) {
        self.expression = expression
        self.values = values
        graph = try ScalarGraph(expression: expression, values: values)
        stepPlaces = 3
    }

    public var forwardCount: Int { graph.forwardSteps.count }
    public var stepCount: Int { forwardCount + graph.backwardSteps.count }

    /// Backward steps done (0 during the forward pass).
    public var backwardDone: Int { max(0, step - forwardCount) }

    public mutating func step(by delta: Int) { step = min(stepCount, max(0, step + delta)) }
    public mutating func toStart() { step = 0 }
    public mutating func toEnd() { step = stepCount }

    /// True when node `index` has its value at this step (variables always do).
    public func hasValue(_ index: Int) -> Bool {
        guard graph.nodes[index].operation != .variable else { return true }
        guard let order = graph.forwardSteps.firstIndex(of: index) else { return false }
        return order < step
    }

    /// Each node's gradient as far as the backward pass has got (nil: nothing yet).
    public var gradients: [Double?] {
        step <= forwardCount ? [Double?](repeating: nil, count: graph.nodes.count) : graph.gradients(afterSteps: backwardDone)
    }

    /// The node the last step computed (forward) or sent a gradient to (backward).
    public var activeNode: Int? {
        if step == 0 { return nil }
        if step <= forwardCount { return graph.forwardSteps[step - 1] }
        return graph.backwardSteps[backwardDone - 1].input
    }

    /// The last backward step done, if the backward pass has begun.
    public var lastBackwardStep: ScalarGraph.BackwardStep? {
        backwardDone > 0 ? graph.backwardSteps[backwardDone - 1] : nil
    }

    /// `x0: [2] × [0.2] = 0.4`, the course's form of a backward step, rounded to `stepPlaces`.
    public func text(of step: ScalarGraph.BackwardStep, unicode: Bool) -> String {
        graph.text(of: step, times: unicode ? "×" : "x", number: ScalarGraph.rounded(stepPlaces))
    }

    /// New values for the same expression: the graph recomputes, the step stays where it was.
    /// Refused (the lesson unchanged) when a variable has no value or a gate no finite value.
    public mutating func setValues(_ text: String) throws(ExpressionError) {
        let parsed = try ExpressionValues.parse(text)
        var rebuilt = try ScalarExpression.parse(expression).graph(values: parsed)
        // The course's graphs name some nodes (`q`); the same gates keep those names.
        let shape = { (g: ScalarGraph) in g.nodes.map { "\($0.operation)\($0.inputs)" } }
        if shape(rebuilt) == shape(graph) {
            for index in graph.nodes.indices { rebuilt.rename(index, to: graph.nodes[index].name) }
        }
        graph = rebuilt
        values = parsed.text
        step = min(step, stepCount)
        selectedVariable = min(selectedVariable, max(0, graph.variables.count - 1))
    }

    /// A new expression and values: the lesson starts again at step 0. Refused (unchanged) with
    /// the column of the problem.
    public mutating func setExpression(_ text: String, values valueText: String) throws(ExpressionError) {
        let parsed = try ExpressionValues.parse(valueText)
        graph = try ScalarExpression.parse(text).graph(values: parsed)
        expression = text
        values = parsed.text
        step = 0
        selectedVariable = 0
    }

    /// The values text with one variable's value replaced (or added).
    public func values(setting name: String, to value: Double) -> String {
        var pairs = graph.variables.map { (graph.nodes[$0].name, graph.nodes[$0].value) }
        if let index = pairs.firstIndex(where: { $0.0 == name }) { pairs[index].1 = value } else { pairs.append((name, value)) }
        return pairs.map { "\($0.0)=\(NumberFormat.javaScript($0.1))" }.joined(separator: ", ")
    }

    /// What the step line says about where the lesson is.
    public func stepDescription(unicode: Bool, number: (Double) -> String) -> String {
        let output = graph.nodes[graph.output].name
        if step == 0 {
            return "step 0 of \(stepCount): the inputs are set; Space computes the first node"
        }
        if step <= forwardCount {
            let index = graph.forwardSteps[step - 1]
            let done = step == forwardCount ? "  forward done: \(output) = \(number(graph.value))" : ""
            return "forward \(step)/\(forwardCount): \(graph.label(index)) = \(number(graph.nodes[index].value))" + done
        }
        let last = graph.backwardSteps[backwardDone - 1]
        return "backward \(backwardDone)/\(graph.backwardSteps.count): " + text(of: last, unicode: unicode)
            + "  (from \(graph.label(last.node)))"
    }

    /// `∂f/∂x = -4  ∂f/∂y = -4  ∂f/∂z = 3` once the backward pass is through, else nil.
    public func gradientSummary(unicode: Bool, number: (Double) -> String) -> String? {
        guard step == stepCount, !graph.variables.isEmpty else { return nil }
        let d = unicode ? "∂" : "d"
        let output = graph.nodes[graph.output].name
        return graph.variables.map { "\(d)\(output)/\(d)\(graph.nodes[$0].name) = \(number(graph.nodes[$0].gradient))" }
            .joined(separator: "  ")
    }
}
