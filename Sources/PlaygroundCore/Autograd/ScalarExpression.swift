/// An expression of the lessons' language, as a tree that remembers where each part was typed.
///
/// Grammar, loosest first (precedence and associativity as in mathematics):
///
///     sum     = product { ("+" | "-") product }          left-associative
///     product = unary { ("*" | "/") unary }              left-associative
///     unary   = ("-" | "+") unary | power                so -x^2 is -(x^2), -x*y is (-x)*y
///     power   = primary [ "^" unary ]                    right-associative: 2^3^2 = 2^9 = 512
///     primary = number | name | function "(" sum { "," sum } ")" | "(" sum ")"
///
/// `x^-2` works because the exponent is a `unary`. Functions: `exp`, `log` (natural), `sigmoid`,
/// `tanh`, `relu` of one argument, `max` of two.
public indirect enum ScalarExpression: Equatable, Sendable, CustomStringConvertible {
    case number(Double, column: Int)
    case variable(String, column: Int)
    /// `-operand`; the column of the minus sign.
    case negate(ScalarExpression, column: Int)
    /// The column of the operator.
    case binary(BinaryOperator, ScalarExpression, ScalarExpression, column: Int)
    /// The column of the function's name.
    case call(ExpressionFunction, [ScalarExpression], column: Int)

    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// Fully bracketed, to show how the text was read: `-x^2` gives `(-(x ^ 2))`.
    public var description: String {
        switch self {
        case let .number(value, _): NumberFormat.javaScript(value)
        case let .variable(name, _): name
        case let .negate(operand, _): "(-\(operand))"
        case let .binary(op, left, right, _): "(\(left) \(op.rawValue) \(right))"
        case let .call(function, arguments, _):
            "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }

    /// The column where this part of the text begins (a bracket before it not counted).
    public var startColumn: Int {
        switch self {
        case let .number(_, column), let .variable(_, column), let .negate(_, column), let .call(_, _, column):
            column
        case let .binary(_, left, _, _): left.startColumn
        }
    }

    /// Reads `text`, or says where it stops making sense and what was expected there.
    public static func parse(_ text: String) throws(ExpressionError) -> ScalarExpression {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(text, source: .expression))
        return try parser.parseWhole()
    }
}

/// The functions of the language.
public enum ExpressionFunction: String, CaseIterable, Sendable {
    case exp, log, sigmoid, tanh, relu, max
    /// The playground's own features use these.
    case sin, cos, abs

    public var argumentCount: Int { self == .max ? 2 : 1 }

    static let listed = allCases.map(\.rawValue).joined(separator: ", ")
}

/// Recursive descent over the tokens, one function per grammar rule.
struct ExpressionParser {
    /// Brackets, signs and exponents may nest this deep (the recursion stays small).
    static let maximumDepth = 100

    let tokens: [ExpressionToken]
    var position = 0
    var depth = 0

    init(tokens: [ExpressionToken]) { self.tokens = tokens }

    var current: ExpressionToken { tokens[position] }

    func isSymbol(_ symbol: Unicode.Scalar) -> Bool { current.kind == .symbol(symbol) }

    func failure(_ message: String, at column: Int? = nil) -> ExpressionError {
        ExpressionError(.expression, column: column ?? current.column, message)
    }

    mutating func parseWhole() throws(ExpressionError) -> ScalarExpression {
        if current.kind == .end { throw failure("empty: expected an expression such as (x+y)*z") }
        let expression = try parseSum()
        switch current.kind {
        case .end: return expression
        case .symbol(")"): throw failure("unmatched \")\": no \"(\" before it to close")
        default: throw failure("expected an operator (+ - * / ^) or the end, found \(current.described)")
        }
    }

    mutating func parseSum() throws(ExpressionError) -> ScalarExpression {
        var left = try parseProduct()
        while isSymbol("+") || isSymbol("-") {
            let op: ScalarExpression.BinaryOperator = isSymbol("+") ? .add : .subtract
            let column = current.column
            position += 1
            left = .binary(op, left, try parseProduct(), column: column)
        }
        return left
    }

    mutating func parseProduct() throws(ExpressionError) -> ScalarExpression {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op: ScalarExpression.BinaryOperator = isSymbol("*") ? .multiply : .divide
            let column = current.column
            position += 1
            left = .binary(op, left, try parseUnary(), column: column)
        }
        return left
    }

    mutating func parseUnary() throws(ExpressionError) -> ScalarExpression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw failure("nested more than \(Self.maximumDepth) deep (brackets, signs and powers)")
        }
        if isSymbol("-") {
            let column = current.column
            position += 1
            return .negate(try parseUnary(), column: column)
        }
        if isSymbol("+") {
            position += 1
            return try parseUnary()
        }
        return try parsePower()
    }

    mutating func parsePower() throws(ExpressionError) -> ScalarExpression {
        let base = try parsePrimary()
        guard isSymbol("^") else { return base }
        let column = current.column
        position += 1
        return .binary(.power, base, try parseUnary(), column: column)
    }

    mutating func parsePrimary() throws(ExpressionError) -> ScalarExpression {
        let token = current
        switch token.kind {
        case let .number(value):
            position += 1
            return .number(value, column: token.column)
        case let .name(name):
            position += 1
            let opens = isSymbol("(")
            guard let function = ExpressionFunction(rawValue: name) else {
                if opens {
                    throw failure("unknown function \(UserText.quoted(name)): expected one of \(ExpressionFunction.listed)",
                                  at: token.column)
                }
                return .variable(name, column: token.column)
            }
            guard opens else {
                throw failure("expected \"(\" after the function \(name), found \(current.described)")
            }
            position += 1
            var arguments: [ScalarExpression] = []
            for index in 0..<function.argumentCount {
                if index > 0 {
                    guard isSymbol(",") else {
                        throw failure("\(name) takes \(function.argumentCount) arguments: expected \",\", found \(current.described)")
                    }
                    position += 1
                }
                arguments.append(try parseSum())
            }
            guard isSymbol(")") else {
                let count = function.argumentCount == 1 ? "1 argument" : "\(function.argumentCount) arguments"
                throw failure("expected \")\" to close \(name)( at column \(token.column) (it takes \(count)), found \(current.described)")
            }
            position += 1
            return .call(function, arguments, column: token.column)
        case .symbol("("):
            position += 1
            let inner = try parseSum()
            guard isSymbol(")") else {
                throw failure("expected \")\" to close the \"(\" at column \(token.column), found \(current.described)")
            }
            position += 1
            return inner
        default:
            throw failure("expected a number, a name or \"(\", found \(token.described)")
        }
    }
}
