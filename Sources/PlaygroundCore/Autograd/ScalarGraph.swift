/// A computation on scalars as a graph, stored flat: one array of nodes, each naming its
/// operation and the indices of its inputs, which always come earlier in the array.
///
/// So the array order is a topological order. Forward walks it front to back: each node's
/// value is its operation applied to its inputs' values, and its local derivatives
/// ∂node/∂input are kept beside the value. Backward walks it back to front from the last node
/// (the output f, ∂f/∂f = 1): for every input of a node,
///
///     gradient[input] += local derivative · gradient[node]
///
/// "the local gradient times the gradient from above", *added* to what the input already has,
/// so a value used twice (x · x, or x feeding two gates) gets the sum of both paths.
public struct ScalarGraph: Equatable, Sendable {
    /// One scalar and how it was made.
    public struct Node: Equatable, Sendable {
        /// Shown on the graph and in tables: a variable's name, `q`, `f`, or `n3`.
        public var name: String
        public var operation: ScalarOperation
        /// Indices of earlier nodes, `operation.arity` of them.
        public var inputs: [Int]
        /// The forward value (a variable's value is set, not computed).
        public var value: Double
        /// ∂node/∂input for each input, from the last forward pass.
        public var localDerivatives: [Double]
        /// ∂f/∂node after `backward()`, 0 before.
        public var gradient: Double
    }

    /// One edge of the backward pass: `input` receives `local × upstream` from `node`.
    public struct BackwardStep: Equatable, Sendable {
        /// The node whose gradient flows back (its gradient is complete at this step).
        public var node: Int
        /// The input receiving a share, and which of the node's inputs it is (0 or 1).
        public var input: Int
        public var inputSlot: Int
        /// ∂node/∂input.
        public var local: Double
        /// ∂f/∂node, the gradient from above.
        public var upstream: Double
        /// local × upstream, added to the input's gradient.
        public var contribution: Double
    }

    public private(set) var nodes: [Node] = []
    /// The steps of the last `backward()`, in the order they ran (empty before).
    public private(set) var backwardSteps: [BackwardStep] = []

    public init() {}

    // MARK: Building

    /// Appends a named input with a value.
    @discardableResult
    public mutating func variable(_ name: String, _ value: Double) -> Int {
        append(Node(name: name, operation: .variable, inputs: [], value: value, localDerivatives: [], gradient: 0))
    }

    /// Appends a constant leaf (it receives a gradient, but nobody asks for it).
    @discardableResult
    public mutating func constant(_ value: Double, name: String? = nil) -> Int {
        apply(.constant(value), name: name)
    }

    /// Appends `operation` applied to earlier nodes and computes its value at once. The name
    /// defaults to `n1`, `n2`, … counting the nodes that are not variables.
    @discardableResult
    public mutating func apply(_ operation: ScalarOperation, _ inputs: Int..., name: String? = nil) -> Int {
        apply(operation, inputs: inputs, name: name)
    }

    @discardableResult
    public mutating func apply(_ operation: ScalarOperation, inputs: [Int], name: String? = nil) -> Int {
        precondition(operation != .variable, "use variable(_:_:) for an input")
        precondition(inputs.count == operation.arity, "\(operation) takes \(operation.arity) inputs")
        precondition(inputs.allSatisfy { $0 >= 0 && $0 < nodes.count }, "inputs must be earlier nodes")
        let (value, locals) = computed(operation, inputs)
        return append(Node(name: name ?? "n\(nodes.count - variables.count + 1)", operation: operation, inputs: inputs, value: value,
                           localDerivatives: locals, gradient: 0))
    }

    private mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        backwardSteps = []
        return nodes.count - 1
    }

    /// Renames a node (for lessons that name an intermediate value, like `q`).
    public mutating func rename(_ index: Int, to name: String) { nodes[index].name = name }

    // MARK: Reading

    /// The node whose gradients are taken: the last one.
    public var output: Int { nodes.count - 1 }
    public var value: Double { nodes[output].value }

    /// Indices of the variables, in the order they were added.
    public var variables: [Int] { nodes.indices.filter { nodes[$0].operation == .variable } }

    /// The index of the node with this name, if any.
    public func index(named name: String) -> Int? { nodes.firstIndex { $0.name == name } }

    /// ∂f/∂(the variable with this name) after `backward()`.
    public func gradient(of name: String) -> Double? {
        variables.first { nodes[$0].name == name }.map { nodes[$0].gradient }
    }

    /// `x + y`: the node's operation applied to its inputs' names (a variable: its name).
    public func formula(of index: Int) -> String {
        let node = nodes[index]
        if node.operation == .variable { return node.name }
        let names = node.inputs.map { nodes[$0].name }
        return node.operation.formula(names.first ?? "", names.count > 1 ? names[1] : "")
    }

    /// `q = x + y`: the node's name, then its formula (a variable: its name).
    public func label(_ index: Int) -> String {
        nodes[index].operation == .variable ? nodes[index].name : nodes[index].name + " = " + formula(of: index)
    }

    /// The nodes computed (not set) in the forward pass, in the order it computes them.
    public var forwardSteps: [Int] {
        nodes.indices.filter { nodes[$0].operation != .variable }
    }

    // MARK: Forward and backward

    /// Sets a variable's value; call `forward()` to recompute the rest.
    public mutating func setValue(_ value: Double, of variable: Int) {
        precondition(nodes[variable].operation == .variable, "only a variable has a value to set")
        nodes[variable].value = value
    }

    /// Recomputes every node front to back (the array order is topological).
    public mutating func forward() {
        for index in nodes.indices where nodes[index].operation != .variable {
            (nodes[index].value, nodes[index].localDerivatives) = computed(nodes[index].operation, nodes[index].inputs)
        }
        for index in nodes.indices { nodes[index].gradient = 0 }
        backwardSteps = []
    }

    /// The operation's value and local derivatives at its inputs' current values.
    private func computed(_ operation: ScalarOperation, _ inputs: [Int]) -> (Double, [Double]) {
        let a = inputs.count > 0 ? nodes[inputs[0]].value : 0
        let b = inputs.count > 1 ? nodes[inputs[1]].value : 0
        let result = operation.evaluate(a, b)
        return (result.value, Array([result.da, result.db].prefix(inputs.count)))
    }

    /// Zeroes every gradient, sets ∂f/∂f = 1 at the output, and walks back to front adding each
    /// input's share. Records each share as a step (`backwardSteps`).
    public mutating func backward() {
        for index in nodes.indices { nodes[index].gradient = 0 }
        backwardSteps = []
        guard !nodes.isEmpty else { return }
        nodes[output].gradient = 1
        for index in nodes.indices.reversed() {
            let node = nodes[index]
            for (slot, input) in node.inputs.enumerated() {
                let local = node.localDerivatives[slot]
                let contribution = local * node.gradient
                nodes[input].gradient += contribution
                backwardSteps.append(BackwardStep(node: index, input: input, inputSlot: slot, local: local,
                                                  upstream: node.gradient, contribution: contribution))
            }
        }
    }

    /// Every node's gradient after the first `count` backward steps (the output's 1 counts as
    /// given): what a step-by-step view shows.
    public func gradients(afterSteps count: Int) -> [Double?] {
        var result = [Double?](repeating: nil, count: nodes.count)
        if !nodes.isEmpty { result[output] = 1 }
        for step in backwardSteps.prefix(count) {
            result[step.input] = (result[step.input] ?? 0) + step.contribution
        }
        return result
    }

    /// `x0: [2] × [0.2] = 0.4`: the input's name, the local derivative, the gradient from above
    /// and their product, each written by `number`.
    public func text(of step: BackwardStep, times: String = "×", number: (Double) -> String) -> String {
        "\(nodes[step.input].name): [\(number(step.local))] \(times) [\(number(step.upstream))] = \(number(step.contribution))"
    }

    /// A number as a lecture writes it: `digits` significant figures, but every digit before the
    /// point (0.39322 → "0.39", -0.5344 → "-0.53", 12.4 → "12", 123.4 → "123" with 2), and
    /// exponent notation below 0.001 and from a million up (-5.3e-6). Zero is "0".
    public static func significant(_ digits: Int) -> (Double) -> String {
        { value in
            guard value.isFinite else { return NumberFormat.javaScript(value) }
            if value == 0 { return "0" }
            let magnitude = value.magnitude
            var exponent = 0, scaled = magnitude
            while scaled >= 10 { scaled /= 10; exponent += 1 }
            while scaled < 1 { scaled *= 10; exponent -= 1 }
            if magnitude < 1e-3 || magnitude >= 1e6 {
                var mantissa = rounded(max(0, digits - 1))(scaled)
                if mantissa == "10" { mantissa = "1"; exponent += 1 }
                return (value < 0 ? "-" : "") + mantissa + "e" + String(exponent)
            }
            return rounded(max(0, digits - 1 - exponent))(value)
        }
    }

    /// The number `text` (as `significant` or `rounded` wrote it) stands for.
    public static func parse(_ text: String) -> Double? {
        Double(text.replacingMinusSigns())
    }

    /// A number rounded to `places` decimals, shortest form: 0.39322 → "0.4" with 1 place.
    public static func rounded(_ places: Int) -> (Double) -> String {
        { value in
            guard value.isFinite else { return NumberFormat.javaScript(value) }
            var scale = 1.0
            for _ in 0..<max(0, places) { scale *= 10 }
            let rounded = (value * scale).rounded() / scale
            return NumberFormat.javaScript(rounded == 0 ? 0 : rounded)
        }
    }
}

extension String {
    /// "−" (U+2212) written back as "-", so the text parses as a number.
    func replacingMinusSigns() -> String { String(unicodeScalars.map { $0 == "\u{2212}" ? "-" : Character($0) }) }
}
