// Lessons 1-3's model: an expression, its values, its graph and the step the walk-through is at.
import PlaygroundCore

/// A graph lesson (1–3): an expression, its values, its graph, and how far the step-by-step
/// view has got.
///
/// Step `s` counts from 0 (only the inputs known) through the forward pass (one computed node
/// per step, `forwardCount` of them: constants are values, not steps) and then the backward pass
/// (one edge per step, in the order `ScalarGraph.backward()` ran them, leaving out the shares a
/// constant receives). So at `s ≤ forwardCount` the first `s` nodes of `forwardNodes` have
/// values; at `s = forwardCount + j` every value is known and the gradients are those after the
/// first `j` backward steps.
public struct GraphLesson: Equatable, Sendable {
    public private(set) var expression: String
    /// The values as the assignment language writes them (`x=-2, y=5, z=-4`).
    public private(set) var values: String
    /// Forward and backward done; the view shows only what step `step` has reached.
    public private(set) var graph: ScalarGraph {
        didSet { (forwardNodes, backwardIndices) = Self.steps(graph) }
    }
    public private(set) var step = 0
    /// Which variable Enter edits (an index into `graph.variables`).
    public var selectedVariable = 0
    /// The nodes the forward pass computes, in order (no variable, no constant).
    public private(set) var forwardNodes: [Int] = []
    /// The backward steps shown, as indices into `graph.backwardSteps` (none into a constant).
    public private(set) var backwardIndices: [Int] = []

    public init(lesson: AutogradLesson) {
        expression = lesson.expression
        values = lesson.values
        graph = lesson.graph
        (forwardNodes, backwardIndices) = Self.steps(graph)
    }

    /// A lesson of the user's expression (refused, with its column, if it does not build).
    public init(expression: String, values: String) throws(ExpressionError) {
        self.expression = expression
        self.values = values
        graph = try ScalarGraph(expression: expression, values: values)
        (forwardNodes, backwardIndices) = Self.steps(graph)
    }

    private static func steps(_ graph: ScalarGraph) -> ([Int], [Int]) {
        let forward = graph.forwardSteps.filter { !graph.isLeaf($0) }
        let backward = graph.backwardSteps.indices.filter { !graph.isLeaf(graph.backwardSteps[$0].input) || graph.nodes[graph.backwardSteps[$0].input].operation == .variable }
        return (forward, backward)
    }

    public var forwardCount: Int { forwardNodes.count }
    public var stepCount: Int { forwardCount + backwardIndices.count }

    /// Backward steps done (0 during the forward pass).
    public var backwardDone: Int { max(0, step - forwardCount) }

    public mutating func step(by delta: Int) { step = min(stepCount, max(0, step + delta)) }
    public mutating func toStart() { step = 0 }
    public mutating func toEnd() { step = stepCount }

    /// True when node `index` has its value at this step (variables and constants always do).
    public func hasValue(_ index: Int) -> Bool {
        if graph.isLeaf(index) { return true }
        guard let order = forwardNodes.firstIndex(of: index) else { return false }
        return order < step
    }

    /// Each node's gradient as far as the backward pass has got (nil: nothing yet).
    public var gradients: [Double?] {
        guard step > forwardCount else { return [Double?](repeating: nil, count: graph.nodes.count) }
        return graph.gradients(afterSteps: backwardDone == 0 ? 0 : backwardIndices[backwardDone - 1] + 1)
    }

    /// The share of the gradient that reached input `slot` of `node` (one use of a variable), once
    /// the backward pass has sent it; nil before.
    public func share(node: Int, slot: Int) -> Double? {
        guard let order = backwardIndices.firstIndex(where: {
            graph.backwardSteps[$0].node == node && graph.backwardSteps[$0].inputSlot == slot
        }), order < backwardDone else { return nil }
        return graph.backwardSteps[backwardIndices[order]].contribution
    }

    /// The node the last step computed (forward) or sent a gradient to (backward).
    public var activeNode: Int? {
        if step == 0 { return nil }
        if step <= forwardCount { return forwardNodes[step - 1] }
        return lastBackwardStep?.input
    }

    /// The last backward step done, if the backward pass has begun.
    public var lastBackwardStep: ScalarGraph.BackwardStep? {
        backwardDone > 0 ? graph.backwardSteps[backwardIndices[backwardDone - 1]] : nil
    }

    /// How numbers are written: the lecture's two significant figures, or every digit.
    public static func number(full: Bool) -> (Double) -> String {
        full ? NumberFormat.javaScript : ScalarGraph.significant(2)
    }

    /// "=" when `result` is what the shown numbers give at the precision shown, else "≈".
    static func relation(_ shown: String, _ fromShown: Double?, number: (Double) -> String, unicode: Bool) -> String {
        guard let fromShown, number(fromShown) != shown else { return "=" }
        return unicode ? "≈" : "~"
    }

    /// `x0: [2] × [0.2] = 0.4`, the course's form of a backward step: the result is the product
    /// of the numbers shown, at the precision shown, as on the slide (`unrounded` says when the
    /// exact share rounds otherwise).
    public func text(of step: ScalarGraph.BackwardStep, unicode: Bool, full: Bool = false) -> String {
        let number = Self.number(full: full)
        let local = number(step.local), upstream = number(step.upstream)
        let product = ScalarGraph.parse(local).flatMap { a in ScalarGraph.parse(upstream).map { a * $0 } }
        return "\(graph.nodes[step.input].name): [\(local)] \(unicode ? "×" : "x") [\(upstream)] = "
            + number(full ? step.contribution : product ?? step.contribution)
    }

    /// The exact share at the precision shown, when it differs from the product of the rounded
    /// numbers (`0.39` where the step shows 2 × 0.2 = 0.4); nil when they agree.
    public func unrounded(_ step: ScalarGraph.BackwardStep, full: Bool = false) -> String? {
        let number = Self.number(full: full)
        let product = ScalarGraph.parse(number(step.local)).flatMap { a in ScalarGraph.parse(number(step.upstream)).map { a * $0 } }
        guard !full, let product, number(product) != number(step.contribution) else { return nil }
        return number(step.contribution)
    }

    /// The local derivative of the last backward step, written out with its numbers: the
    /// sigmoid's `σ′ = (1 − 0.73)·0.73 = 0.2` as the slide has it, `1 − tanh² = 1 − 0.76² = 0.42`,
    /// else the operation's rule and its value: `∂n6/∂n5 = eˣ = 0.37`.
    public func localText(of step: ScalarGraph.BackwardStep, unicode: Bool, full: Bool = false) -> String {
        let number = Self.number(full: full)
        let node = graph.nodes[step.node], local = number(step.local)
        let minus = unicode ? "−" : "-", times = unicode ? "·" : "*"
        switch node.operation {
        case .sigmoid:
            let out = number(node.value)
            let shown = ScalarGraph.parse(out).map { (1 - $0) * $0 }
            return "\(unicode ? "σ′" : "sigmoid'") = (1 \(minus) \(out)) \(times) \(out) "
                + Self.relation(local, shown, number: number, unicode: unicode) + " " + local
        case .tanh:
            let out = number(node.value)
            let shown = ScalarGraph.parse(out).map { 1 - $0 * $0 }
            return "tanh\(unicode ? "′" : "'") = 1 \(minus) \(out)\(unicode ? "²" : "^2") "
                + Self.relation(local, shown, number: number, unicode: unicode) + " " + local
        default:
            let d = unicode ? "∂" : "d"
            let names = node.inputs.map { graph.nodes[$0].name }
            let rule = switch node.operation {
            // The rules of two inputs in the inputs' own names: ∂(w0·x0)/∂w0 = x0.
            case .multiply: names[1 - step.inputSlot]
            case .divide: step.inputSlot == 0 ? "1/" + names[1] : "\(minus)\(names[0])/\(names[1])\(unicode ? "²" : "^2")"
            default: node.operation.derivative(unicode: unicode).rule(slot: step.inputSlot)
            }
            let named = "\(d)\(node.name)/\(d)\(graph.nodes[step.input].name) = "
            return named + (ScalarGraph.parse(rule) != nil ? local : "\(rule) = \(local)")
        }
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

    /// What the step line says about where the lesson is; at the last step, that it is the end
    /// and what to press next.
    public func stepDescription(unicode: Bool, number: (Double) -> String, full: Bool = false) -> String {
        let output = graph.nodes[graph.output].name
        if step == 0 {
            return stepCount == 0 ? "nothing to compute: f is an input; \(Lessons.key(.editExpression)) types another expression"
                : "step 0 of \(stepCount): the inputs are set; \(Lessons.key(.space)) computes the first node"
        }
        if step <= forwardCount {
            let index = forwardNodes[step - 1]
            let done = step == forwardCount ? "  forward done: \(output) = \(number(graph.value))" : ""
            return "forward \(step)/\(forwardCount): \(graph.label(index)) = \(number(graph.nodes[index].value))" + done
        }
        let last = graph.backwardSteps[backwardIndices[backwardDone - 1]]
        return "backward \(backwardDone)/\(backwardIndices.count): " + text(of: last, unicode: unicode, full: full)
            + "  (from \(graph.label(last.node)))"
    }

    /// `∂f/∂x = -4  ∂f/∂y = -4  ∂f/∂z = 3` once the backward pass is through, else nil. A
    /// variable used more than once shows its uses' shares added: `∂f/∂y = 2 + 3 = 5`.
    public func gradientSummary(unicode: Bool, number: (Double) -> String) -> String? {
        guard step == stepCount, !graph.variables.isEmpty else { return nil }
        let d = unicode ? "∂" : "d"
        let output = graph.nodes[graph.output].name
        return graph.variables.map { variable in
            let total = number(graph.nodes[variable].gradient)
            let shares = backwardIndices.map { graph.backwardSteps[$0] }.filter { $0.input == variable }.reversed()
                .map { number($0.contribution) }
            var sum = ""
            if shares.count > 1 {
                let added = shares.reduce(0.0 as Double?) { sum, text in sum.flatMap { s in ScalarGraph.parse(text).map { s + $0 } } }
                let terms = shares.enumerated().map { $0 > 0 && $1.hasPrefix("-") ? "(\($1))" : $1 }
                sum = terms.joined(separator: " + ") + " " + Self.relation(total, added, number: number, unicode: unicode) + " "
            } else {
                sum = "= "
            }
            return "\(d)\(output)/\(d)\(graph.nodes[variable].name) " + (shares.count > 1 ? "= " + sum : sum) + total
        }
        .joined(separator: "  ")
    }
}

extension ScalarGraph {
    /// True for a variable or a constant: a value the lesson shows, not a step it computes.
    func isLeaf(_ index: Int) -> Bool {
        switch nodes[index].operation {
        case .variable, .constant: true
        default: false
        }
    }
}
