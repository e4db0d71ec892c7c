/// Points as CSV: `x,y,label` rows, an optional header, `#` comments, blank lines ignored.
///
/// Read as spreadsheets write CSV (RFC 4180): a field may be quoted (`"1","2","1"`, a quote
/// inside written `""`, a line break inside a quoted header kept), a byte-order mark at the
/// start is skipped, and lines end in LF, CRLF or CR.
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
        // A byte-order mark (a spreadsheet's "CSV UTF-8") is not part of the first field.
        let body = text.unicodeScalars.first == "\u{FEFF}" ? Substring(text.unicodeScalars.dropFirst()) : Substring(text)
        // "\r\n" is one Character in Swift: splitting on isNewline takes LF, CRLF and CR files alike.
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
        while let physical = lines.popFirst() {
            lineNumber += 1
            let recordLine = lineNumber
            var line = String(physical)
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.first == "#" { skipped += 1; continue }
            var fields: [Field]
            // A quoted field may hold a line break: the record goes on over the next line.
            while true {
                switch fieldsWithColumns(Substring(line)) {
                case .fields(let complete):
                    fields = complete
                case .openQuote(let column):
                    guard let next = lines.popFirst() else {
                        throw Failure(file: file, line: recordLine, column: column,
                                      message: "a quoted field is never closed (expected a \" before the end of the file)")
                    }
                    lineNumber += 1
                    line += "\n" + next
                    continue
                case .afterQuote(let column):
                    throw Failure(file: file, line: recordLine, column: column,
                                  message: "expected a comma after a quoted field's closing \"")
                }
                break
            }
            if !sawData, fields.count == 3, fields.allSatisfy({ Double($0.text) == nil }) {
                skipped += 1  // a header such as x,y,label (or "x","y","label")
                sawData = true
                continue
            }
            sawData = true
            guard fields.count == 3 else {
                let column = fields.count > 3 ? fields[3].column - 1 : line.unicodeScalars.count + 1
                throw Failure(file: file, line: recordLine, column: column,
                              message: "expected 3 fields x,y,label, found \(fields.count)")
            }
            var numbers: [Double] = []
            for (index, field) in fields.enumerated() {
                let name = ["x", "y", "label"][index]
                guard let value = Double(field.text), value.isFinite, isPlainNumber(field.text) else {
                    throw Failure(file: file, line: recordLine, column: field.column,
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
                    throw Failure(file: file, line: recordLine, column: fields[2].column,
                                  message: "label: expected 1 or -1 (or 1 or 0) for classification, found \(UserText.quoted(fields[2].text))")
                }
            case .regression:
                label = numbers[2]
            }
            if !fit {
                for index in 0..<2 where abs(numbers[index]) > extent {
                    throw Failure(file: file, line: recordLine, column: fields[index].column,
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

    /// A field's text (unquoted, `""` read as `"`) and the 1-based column where its text starts.
    struct Field {
        var text: Substring
        var column: Int
    }

    /// A line taken apart into fields, or where it cannot be.
    enum Fields {
        case fields([Field])
        /// A quoted field still open at the end of the line (opened at `column`).
        case openQuote(column: Int)
        /// Something other than a comma or blanks after a closing quote, at `column`.
        case afterQuote(column: Int)
    }

    /// Comma-separated fields (RFC 4180): blanks around a field dropped; a field starting with
    /// `"` runs to the next lone `"`, commas and line breaks inside it kept, `""` read as `"`.
    /// Columns count code points.
    static func fieldsWithColumns(_ line: Substring) -> Fields {
        let scalars = Array(line.unicodeScalars)
        var fields: [Field] = []
        var index = 0
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
        while true {
            while index < scalars.count, isBlank(scalars[index]) { index += 1 }
            if index < scalars.count, scalars[index] == "\"" {
                let open = index
                var text = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            text.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    text.append(scalars[index])
                    index += 1
                }
                guard closed else { return .openQuote(column: open + 1) }
                while index < scalars.count, isBlank(scalars[index]) { index += 1 }
                guard index == scalars.count || scalars[index] == "," else { return .afterQuote(column: index + 1) }
                fields.append(Field(text: Substring(String(text)), column: open + 2))
            } else {
                let start = index
                while index < scalars.count, scalars[index] != "," { index += 1 }
                var end = index
                while end > start, isBlank(scalars[end - 1]) { end -= 1 }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[start..<end])
                fields.append(Field(text: Substring(String(text)), column: start + 1))
            }
            guard index < scalars.count else { return .fields(fields) }
            index += 1  // the comma
        }
    }

    /// Decimal notation only: digits, one point, an exponent; no `nan`, `inf` or hex.
    static func isPlainNumber(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    }
}
