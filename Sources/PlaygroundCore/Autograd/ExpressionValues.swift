/// The values of an expression's variables, typed as `x=-2, y=5, z=-4`.
///
/// Grammar: empty, or `name = [sign] number` items separated by commas; spaces anywhere
/// between tokens. A name may appear once.
public struct ExpressionValues: Equatable, Sendable {
    public struct Assignment: Equatable, Sendable {
        public var name: String
        public var value: Double
        /// 1-based column of the name in the text.
        public var column: Int
    }

    /// In the order typed.
    public private(set) var assignments: [Assignment] = []

    public init() {}

    /// Values given in code (column 0: nowhere in a text).
    public init(_ pairs: KeyValuePairs<String, Double>) {
        assignments = pairs.map { Assignment(name: $0.key, value: $0.value, column: 0) }
    }

    public subscript(name: String) -> Double? { assignments.first { $0.name == name }?.value }

    /// Reads `text`, or says where it stops making sense and what was expected there.
    public static func parse(_ text: String) throws(ExpressionError) -> ExpressionValues {
        let tokens = try ExpressionLexer.tokens(text, source: .values)
        var result = ExpressionValues()
        var position = 0
        func failure(_ message: String) -> ExpressionError {
            ExpressionError(.values, column: tokens[position].column, message)
        }
        if tokens[position].kind == .end { return result }
        while true {
            guard case let .name(name) = tokens[position].kind else {
                let after = position == 0 ? "" : " after \",\""
                throw failure("expected a name\(after) (as in x=-2, y=5), found \(tokens[position].described)")
            }
            let column = tokens[position].column
            if ExpressionFunction(rawValue: name) != nil {
                throw failure("\(UserText.quoted(name)) is a function, not a variable that can have a value")
            }
            if let earlier = result.assignments.first(where: { $0.name == name }) {
                throw failure("\(UserText.quoted(name)) is given twice (first at column \(earlier.column))")
            }
            position += 1
            guard tokens[position].kind == .symbol("=") else {
                throw failure("expected \"=\" after \(name), found \(tokens[position].described)")
            }
            position += 1
            var sign = 1.0
            if tokens[position].kind == .symbol("-") || tokens[position].kind == .symbol("+") {
                if tokens[position].kind == .symbol("-") { sign = -1 }
                position += 1
            }
            guard case let .number(magnitude) = tokens[position].kind else {
                throw failure("expected a number for \(name) (such as -2, 0.5 or 1e-3), found \(tokens[position].described)")
            }
            result.assignments.append(Assignment(name: name, value: sign * magnitude, column: column))
            position += 1
            switch tokens[position].kind {
            case .end: return result
            case .symbol(","): position += 1
            default: throw failure("expected \",\" before the next value or the end, found \(tokens[position].described)")
            }
        }
    }

    /// `x=-2, y=5, z=-4`: the form `parse` reads, numbers in shortest round-trip form.
    public var text: String {
        assignments.map { "\($0.name)=\(NumberFormat.javaScript($0.value))" }.joined(separator: ", ")
    }
}
