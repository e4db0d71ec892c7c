/// Bad input to the expression language: where (1-based column, counted in Unicode scalars)
/// and what would have been accepted there. `source` says which text the column is in.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Source: String, Sendable {
        /// The expression (`(x+y)*z`).
        case expression
        /// The list of values (`x=-2, y=5`).
        case values
    }

    public var source: Source
    public var column: Int
    public var message: String

    public init(_ source: Source, column: Int, _ message: String) {
        self.source = source
        self.column = column
        self.message = message
    }

    /// `column 5: expected ...`
    public var description: String { "column \(column): \(message)" }
}

/// One token of an expression or a value list.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        /// One of `+ - * / ^ ( ) , =`.
        case symbol(Unicode.Scalar)
        case end
    }

    var kind: Kind
    /// 1-based column of the token's first character.
    var column: Int
    /// The characters as typed.
    var text: String

    /// The token as a message names it: `the number 3`, `the name "y"`, `"*"`, `the end`.
    var described: String {
        switch kind {
        case .number: "the number \(UserText.quoted(text))"
        case .name: "the name \(UserText.quoted(text))"
        case .symbol: UserText.quoted(text)
        case .end: "the end"
        }
    }
}

/// Cuts text into tokens: numbers (`3`, `3.`, `.5`, `1e-3`, `2.5E+2`), names (a letter, then
/// letters and digits), the symbols `+ - * / ^ ( ) , =`, spaces between them ignored.
enum ExpressionLexer {
    /// The longest text accepted, in Unicode scalars. It bounds the depth of the tree (a sum of
    /// 500 terms is 500 deep) and so the recursion that builds and reads it.
    static let maximumLength = 1000

    static func tokens(_ text: String, source: ExpressionError.Source) throws(ExpressionError) -> [ExpressionToken] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= maximumLength else {
            throw ExpressionError(source, column: maximumLength + 1,
                                  "too long (\(scalars.count) characters): at most \(maximumLength) are accepted")
        }
        var tokens: [ExpressionToken] = []
        var index = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        func isLetter(_ k: Int) -> Bool {
            k < scalars.count && (("a"..."z").contains(scalars[k]) || ("A"..."Z").contains(scalars[k]))
        }
        while index < scalars.count {
            let start = index
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" {
                index += 1
                continue
            }
            if isDigit(index) || (scalar == "." && isDigit(index + 1)) {
                while isDigit(index) { index += 1 }
                if index < scalars.count && scalars[index] == "." {
                    index += 1
                    while isDigit(index) { index += 1 }
                }
                // An exponent only when digits follow (`2e` is the number 2, then the name e).
                if index < scalars.count && (scalars[index] == "e" || scalars[index] == "E") {
                    var next = index + 1
                    if next < scalars.count && (scalars[next] == "+" || scalars[next] == "-") { next += 1 }
                    if isDigit(next) {
                        index = next
                        while isDigit(index) { index += 1 }
                    }
                }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let value = Double(text), value.isFinite else {
                    throw ExpressionError(source, column: start + 1,
                                          "the number \(UserText.quoted(text)) is too large for a double")
                }
                tokens.append(ExpressionToken(kind: .number(value), column: start + 1, text: text))
            } else if isLetter(index) {
                while isLetter(index) || isDigit(index) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                tokens.append(ExpressionToken(kind: .name(text), column: start + 1, text: text))
            } else if "+-*/^(),=".unicodeScalars.contains(scalar) {
                index += 1
                tokens.append(ExpressionToken(kind: .symbol(scalar), column: start + 1, text: String(scalar)))
            } else {
                let what = scalar == "." ? "\".\" with no digit after it" : "character \(UserText.quoted(String(scalar)))"
                throw ExpressionError(source, column: start + 1,
                                      "unexpected \(what): expected a number, a name, + - * / ^, a bracket or a comma")
            }
        }
        tokens.append(ExpressionToken(kind: .end, column: scalars.count + 1, text: ""))
        return tokens
    }
}
