/// Points as CSV: `x,y,label` rows, an optional header, `#` comments, blank lines ignored.
///
/// Reading refuses what it cannot use with the line and column and what was expected; writing
/// gives every number in its shortest round-trip form, so writing and reading back gives the same
/// points bit for bit. Labels: classification takes ±1 or 0/1 (0 is read as −1); regression
/// takes any finite number. Every point must lie in the playground's plane [−6, 6]², unless the
/// reader is asked to fit them: then all points are scaled by one factor (about the origin, so
/// the picture keeps its shape and its axes) until they fit, and the result says by how much.
public enum DataFile {
    /// The playground's plane: points lie in [−extent, extent]².
    public static let extent = 6.0

    /// A file that cannot be used: where and why.
    public struct Failure: Error, Equatable, CustomStringConvertible, Sendable {
        public let file: String
        /// 1-based; 0 when the problem is the file as a whole.
        public let line: Int
        /// 1-based; 0 when the problem is the whole line.
        public let column: Int
        public let message: String

        public var description: String {
            var place = file
            if line > 0 { place += ":\(line)" }
            if column > 0 { place += ":\(column)" }
            return "\(place): \(message)"
        }
    }

    /// What a read produced.
    public struct Contents: Equatable, Sendable {
        public var points: [Example]
        /// The factor every coordinate was multiplied by to fit the plane (1 when none).
        public var scale: Double
        /// Comment lines, header and blank lines skipped.
        public var skippedLines: Int
    }

    /// Parses `text` (named `file` in messages).
    public static func read(_ text: String, file: String, problem: Problem, fit: Bool = false) throws(Failure) -> Contents {
        var points: [Example] = []
        var skipped = 0
        var lineNumber = 0
        var sawData = false
        // "\r\n" is one Character in Swift: splitting on isNewline takes LF, CRLF and CR files alike.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.first == "#" { skipped += 1; continue }
            let fields = fieldsWithColumns(line)
            if !sawData, fields.count == 3, fields.allSatisfy({ Double($0.text) == nil }) {
                skipped += 1  // a header such as x,y,label
                sawData = true
                continue
            }
            sawData = true
            guard fields.count == 3 else {
                let column = fields.count > 3 ? fields[3].column - 1 : line.count + 1
                throw Failure(file: file, line: lineNumber, column: column,
                              message: "expected 3 fields x,y,label, found \(fields.count)")
            }
            var numbers: [Double] = []
            for (index, field) in fields.enumerated() {
                let name = ["x", "y", "label"][index]
                guard let value = Double(field.text), value.isFinite, isPlainNumber(field.text) else {
                    throw Failure(file: file, line: lineNumber, column: field.column,
                                  message: "\(name): expected a number, found \(UserText.quoted(field.text))")
                }
                numbers.append(value)
            }
            let label: Double
            switch problem {
            case .classification:
                switch numbers[2] {
                case 1: label = 1
                case -1, 0: label = -1
                default:
                    throw Failure(file: file, line: lineNumber, column: fields[2].column,
                                  message: "label: expected 1 or -1 (or 1 or 0) for classification, found \(UserText.quoted(fields[2].text))")
                }
            case .regression:
                label = numbers[2]
            }
            if !fit {
                for index in 0..<2 where abs(numbers[index]) > extent {
                    throw Failure(file: file, line: lineNumber, column: fields[index].column,
                                  message: "\(index == 0 ? "x" : "y") = \(fields[index].text) lies outside the plane [-6, 6] (--fit scales the points into it)")
                }
            }
            points.append(Example(x: numbers[0], y: numbers[1], label: label))
        }
        guard !points.isEmpty else {
            throw Failure(file: file, line: 0, column: 0, message: "no points: expected lines of x,y,label")
        }
        var scale = 1.0
        if fit {
            let largest = points.reduce(0.0) { max($0, abs($1.x), abs($1.y)) }
            if largest > extent {
                scale = extent / largest
                points = points.map { Example(x: $0.x * scale, y: $0.y * scale, label: $0.label) }
            }
        }
        return Contents(points: points, scale: scale, skippedLines: skipped)
    }

    /// The points as CSV with a header, each number in its shortest round-trip form.
    public static func write(_ points: [Example]) -> String {
        var text = "x,y,label\n"
        for point in points {
            text += "\(number(point.x)),\(number(point.y)),\(number(point.label))\n"
        }
        return text
    }

    /// Shortest round-trip digits (Swift's own), `-0` kept as `-0.0` so it reads back as -0.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15, value != 0 || value.sign == .plus {
            return String(Int(value))
        }
        return String(value)
    }

    /// Comma-separated fields, trimmed, each with the 1-based column where its text starts.
    static func fieldsWithColumns(_ line: Substring) -> [(text: Substring, column: Int)] {
        var result: [(Substring, Int)] = []
        var column = 1
        for part in line.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0 == " " || $0 == "\t" }.count
            var text = part.dropFirst(leading)
            while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
            result.append((text, column + leading))
            column += part.count + 1
        }
        return result
    }

    /// Decimal notation only: digits, one point, an exponent; no `nan`, `inf` or hex.
    static func isPlainNumber(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    }
}
