/// The words of a local derivative (`x·y → y, x`) and the table of a graph's rules, in Unicode and
/// ASCII: the one text the lessons' table, lesson 4, the activation card and `explain` all show.
/// An operation's local derivatives in words: its formula in `x` and `y`, and ∂/∂x (∂/∂y).
public struct DerivativeText: Equatable, Sendable {
    public let formula: String
    public let rules: [String]
    /// `→`, or `->` in the ASCII form.
    public let arrow: String

    public init(_ formula: String, _ rules: [String], arrow: String = "→") {
        self.formula = formula
        self.rules = rules
        self.arrow = arrow
    }

    /// `x·y → y, x`; `width` pads the formula so that a table's arrows line up.
    public func line(formulaWidth width: Int = 0) -> String {
        let pad = String(repeating: " ", count: max(0, width - formula.unicodeScalars.count))
        return formula + pad + " " + arrow + " " + rules.joined(separator: ", ")
    }

    public var line: String { line() }

    /// The rule for input `slot` (0: x, 1: y).
    public func rule(slot: Int) -> String { slot < rules.count ? rules[slot] : "0" }

    /// The same text in ASCII.
    public var ascii: DerivativeText { DerivativeText(Self.ascii(formula), rules.map(Self.ascii), arrow: "->") }

    /// Unicode math spelt in ASCII: `·` `*`, `−` `-`, `²` `^2`, `eˣ` `e^x`, `σ` `sigmoid`, `′` `'`.
    public static func ascii(_ text: String) -> String {
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "e" where index < scalars.count && scalars[index] == "ˣ":
                result += "e^x"
                index += 1
            case "·": result += "*"
            case "−": result += "-"
            case "²": result += "^2"
            case "³": result += "^3"
            case "σ": result += "sigmoid"
            case "′": result += "'"
            case "→": result += "->"
            case "∂": result += "d"
            case "α": result += "alpha"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension ScalarGraph {
    /// The local derivative of each kind of gate in the graph, one line each, in the order the
    /// gates first appear, arrows in line (`eˣ   → eˣ`, `1/x  → −1/x²`): the lessons' table and
    /// `explain`'s. Leaves (variables, constants) have none.
    public func derivativeLines(unicode: Bool) -> [(text: String, operations: [ScalarOperation])] {
        var rules: [(text: DerivativeText, operations: [ScalarOperation])] = []
        for node in nodes {
            switch node.operation {
            case .variable, .constant: continue
            default: break
            }
            let text = node.operation.derivative(unicode: unicode)
            if let index = rules.firstIndex(where: { $0.text == text }) {
                if !rules[index].operations.contains(node.operation) { rules[index].operations.append(node.operation) }
            } else {
                rules.append((text, [node.operation]))
            }
        }
        let width = rules.map(\.text.formula.unicodeScalars.count).max() ?? 0
        return rules.map { ($0.text.line(formulaWidth: width), $0.operations) }
    }
}
