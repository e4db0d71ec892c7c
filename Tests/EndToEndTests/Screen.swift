import Foundation

/// Reading values off a captured screen without depending on the exact layout: a value is the
/// number that follows its label on the same line, separated by up to 40 spaces or punctuation only
/// (so a footer's "n/N noise  b/B batch" gives nothing), or else the number just below it.
struct Screen {
    let text: String
    var lines: [String] { text.components(separatedBy: "\n") }

    init(_ text: String) { self.text = text }

    func contains(_ needle: String) -> Bool { text.range(of: needle, options: .caseInsensitive) != nil }

    /// Every number shown right after `label` (case-insensitive), in screen order.
    /// `decimals`: only numbers with a fractional part (losses).
    func numbers(after label: String, decimals: Bool = false) -> [Double] {
        let number = decimals ? #"-?[0-9]+\.[0-9]+"# : #"-?[0-9][0-9,]*(\.[0-9]+)?"#
        let sameLine = try! NSRegularExpression(pattern: #"^[^0-9A-Za-z]{0,40}?("# + number + ")")
        let anywhere = try! NSRegularExpression(pattern: number)
        var values: [Double] = []
        let lines = self.lines
        for (row, line) in lines.enumerated() {
            var searchStart = line.startIndex
            while let found = line.range(of: label, options: .caseInsensitive, range: searchStart..<line.endIndex) {
                searchStart = found.upperBound
                let rest = String(line[found.upperBound...])
                if let match = sameLine.firstMatch(in: rest, range: NSRange(rest.startIndex..., in: rest)),
                   let range = Range(match.range(at: 1), in: rest) {
                    values.append(Self.parse(rest[range]))
                    continue
                }
                // The value below the label: the first number in the next line's matching columns.
                guard row + 1 < lines.count else { continue }
                let below = Array(lines[row + 1])
                let column = line.distance(from: line.startIndex, to: found.lowerBound)
                guard column < below.count else { continue }
                let window = String(below[column..<min(below.count, column + label.count + 4)])
                if let match = anywhere.firstMatch(in: window, range: NSRange(window.startIndex..., in: window)),
                   let range = Range(match.range, in: window) {
                    values.append(Self.parse(window[range]))
                }
            }
        }
        return values
    }

    /// The counts in every "N neurons" on the screen.
    var neuronCounts: [Int] {
        let pattern = try! NSRegularExpression(pattern: #"([0-9]+) neurons?"#, options: .caseInsensitive)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap { Int(text[$0]) }
        }
    }

    private static func parse(_ text: Substring) -> Double {
        Double(text.replacingOccurrences(of: ",", with: "")) ?? .nan
    }

    /// The SGR parameter lists in a `capture-pane -e` text ("38;5;208", "1", "0", ...).
    var sgrParameters: [[Int]] {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { range in
                text[range].split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
            }
        }
    }

    /// SGR sequences that set a colour: 30–37, 38, 40–47, 48, 90–97, 100–107 (39 and 49 reset).
    var colourSettingEscapes: Int {
        sgrParameters.filter { parameters in
            parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        }.count
    }

    /// Escapes that set a 256-colour foreground or background ("38;5;n" / "48;5;n").
    var paletteEscapes: Int {
        sgrParameters.filter { parameters in
            zip(parameters, parameters.dropFirst()).contains { ($0 == 38 || $0 == 48) && $1 == 5 }
        }.count
    }

    /// The widest line's printed width (trailing spaces dropped).
    var usedWidth: Int {
        lines.map { line in
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            return trimmed.unicodeScalars.count
        }.max() ?? 0
    }
}
