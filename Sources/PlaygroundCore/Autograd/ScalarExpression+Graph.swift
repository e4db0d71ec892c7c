/// From an expression tree and values to a `ScalarGraph`, gates chosen as the course draws them.
extension ScalarExpression {
    /// The graph of this expression at `values`, forward and backward done.
    ///
    /// Variables come first, in the order they first appear, one node each however often they
    /// are used. Then the gates in evaluation order (left operand before right). A part with
    /// no variable is folded into a number. A number beside a gate joins the gate:
    /// `c + e` and `e + c` → `+c`, `e - c` → `+(-c)`, `c * e` and `e * c` → `*c`, `1/e` → `1/x`,
    /// `e^c` → `^c`, `-e` → `*-1` (the course's gate); `c - e`, `c / e` (c ≠ 1), `e / c` and
    /// `max` keep the general gate with a constant node. The last node is named `f` (unless a
    /// variable has that name), the others `n1`, `n2`, ….
    ///
    /// Refused, at the column of the operator or function: a variable with no value, an
    /// exponent with a variable in it, and an operation with no finite value at these values
    /// (division by zero, log of a number ≤ 0, …).
    public func graph(values: ExpressionValues) throws(ExpressionError) -> ScalarGraph {
        var builder = ExpressionGraphBuilder()
        var seen: [String] = []
        collectVariables(into: &seen, builder: &builder)
        for (name, column) in builder.firstUse {
            guard let value = values[name] else {
                throw ExpressionError(.expression, column: column,
                                      "no value for \(UserText.quoted(name)): expected it among the values, e.g. \(name)=1")
            }
            builder.variableNodes[name] = builder.graph.variable(name, value)
        }
        let result = try builder.compile(self)
        if case let .constant(value) = result { builder.graph.constant(value) }
        var graph = builder.graph
        let taken = Set(builder.firstUse.map(\.name))
        var counter = 0
        for index in graph.forwardSteps where index != graph.output {
            guard case .constant = graph.nodes[index].operation else {
                repeat { counter += 1 } while taken.contains("n\(counter)")
                graph.rename(index, to: "n\(counter)")
                continue
            }
            graph.rename(index, to: graph.nodes[index].operation.symbol)
        }
        if graph.nodes[graph.output].operation != .variable {
            if taken.contains("f") {
                repeat { counter += 1 } while taken.contains("n\(counter)")
                graph.rename(graph.output, to: "n\(counter)")
            } else {
                graph.rename(graph.output, to: "f")
            }
        }
        graph.backward()
        return graph
    }

    private func collectVariables(into seen: inout [String], builder: inout ExpressionGraphBuilder) {
        switch self {
        case .number: break
        case let .variable(name, column):
            if !seen.contains(name) {
                seen.append(name)
                builder.firstUse.append((name, column))
            }
        case let .negate(operand, _): operand.collectVariables(into: &seen, builder: &builder)
        case let .binary(_, left, right, _):
            left.collectVariables(into: &seen, builder: &builder)
            right.collectVariables(into: &seen, builder: &builder)
        case let .call(_, arguments, _):
            for argument in arguments { argument.collectVariables(into: &seen, builder: &builder) }
        }
    }
}

extension ScalarGraph {
    /// Parses both texts and builds the graph: `ScalarGraph(expression: "(x+y)*z", values: "x=-2, y=5, z=-4")`.
    /// The error's `source` says which text its column is in.
    public init(expression: String, values: String) throws(ExpressionError) {
        let tree = try ScalarExpression.parse(expression)
        let parsedValues = try ExpressionValues.parse(values)
        self = try tree.graph(values: parsedValues)
    }
}

/// The state of one build: the graph so far and where each variable lives.
struct ExpressionGraphBuilder {
    /// A compiled part: a number (no variable in it) or a node.
    enum Operand {
        case constant(Double)
        case node(Int)
    }

    var graph = ScalarGraph()
    var firstUse: [(name: String, column: Int)] = []
    var variableNodes: [String: Int] = [:]

    mutating func compile(_ expression: ScalarExpression) throws(ExpressionError) -> Operand {
        switch expression {
        case let .number(value, _):
            return .constant(value)
        case let .variable(name, _):
            return .node(variableNodes[name]!)
        case let .negate(operand, column):
            let inner = try compile(operand)
            if case let .constant(value) = inner { return .constant(-value) }
            return try gate(.multiplyByConstant(-1), [inner], column: column)
        case let .call(function, arguments, column):
            var operands: [Operand] = []
            for argument in arguments { operands.append(try compile(argument)) }
            let operation: ScalarOperation = switch function {
            case .exp: .exp
            case .log: .log
            case .sigmoid: .sigmoid
            case .tanh: .tanh
            case .relu: .relu
            case .max: .max
            case .sin: .sin
            case .cos: .cos
            case .abs: .abs
            }
            return try gate(operation, operands, column: column)
        case let .binary(op, left, right, column):
            let a = try compile(left), b = try compile(right)
            // The operand that is a node when the other is a number.
            let node = constantValue(a) == nil ? a : b
            switch (op, a, b) {
            case let (.power, _, .constant(exponent)):
                return try gate(.power(exponent), [a], column: column)
            case (.power, _, .node):
                throw ExpressionError(.expression, column: right.startColumn,
                                      "the exponent must be a number (no variable in it), e.g. x^2")
            case let (.add, .constant(c), .node), let (.add, .node, .constant(c)):
                return try gate(.addConstant(c), [node], column: column)
            case let (.subtract, .node, .constant(c)):
                return try gate(.addConstant(-c), [a], column: column)
            case let (.multiply, .constant(c), .node), let (.multiply, .node, .constant(c)):
                return try gate(.multiplyByConstant(c), [node], column: column)
            case (.divide, .constant(1), .node):
                return try gate(.reciprocal, [b], column: column)
            default:
                let operation: ScalarOperation = switch op {
                case .add: .add
                case .subtract: .subtract
                case .multiply: .multiply
                case .divide: .divide
                case .power: preconditionFailure("both cases of a power return above")
                }
                return try gate(operation, [a, b], column: column)
            }
        }
    }

    private func constantValue(_ operand: Operand) -> Double? {
        if case let .constant(value) = operand { return value }
        return nil
    }

    /// Applies `operation`: folded to a number when every operand is one, else a node (with
    /// constant nodes for number operands). Refuses a value that is not a finite real number.
    private mutating func gate(_ operation: ScalarOperation, _ operands: [Operand], column: Int) throws(ExpressionError) -> Operand {
        let values = operands.map { operand in
            switch operand {
            case let .constant(value): value
            case let .node(index): graph.nodes[index].value
            }
        }
        let a = values.first ?? 0, b = values.count > 1 ? values[1] : 0
        let folded = operands.allSatisfy { constantValue($0) != nil }
        if let problem = operation.domainProblem(a, b) {
            throw ExpressionError(.expression, column: column, (folded ? "" : "at the given values, ") + problem)
        }
        if folded { return .constant(operation.evaluate(a, b).value) }
        var inputs: [Int] = []
        for operand in operands {
            switch operand {
            case let .constant(value): inputs.append(graph.constant(value))
            case let .node(index): inputs.append(index)
            }
        }
        return .node(graph.apply(operation, inputs: inputs))
    }
}
