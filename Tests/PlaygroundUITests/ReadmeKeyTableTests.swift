import Foundation
import XCTest
@testable import PlaygroundUI

/// The README's two key tables and `KeyMap.bindings` describe the same keys: each binding is one
/// README row of its section with exactly its keys, and each README row is one binding.
final class ReadmeKeyTableTests: XCTestCase {
    func testTheReadmeKeyTablesAndTheBindingsAgree() throws {
        let readme = try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)
        for section in KeyBinding.Section.allCases {
            let rows = try Self.keyTable(under: section.rawValue, in: readme)
            XCTAssertFalse(rows.isEmpty, "README has no key table under \"\(section.rawValue)\"")
            var documented: [(row: String, keys: [KeyPattern])] = []
            for row in rows {
                let names = Self.keyNames(inCell: row.keys)
                XCTAssertFalse(names.isEmpty, "README row \(row.line) names no key: write each key as a code span, `d` / `D`")
                let keys = names.compactMap { name -> KeyPattern? in
                    let pattern = KeyPattern(name: name)
                    XCTAssertNotNil(pattern, "README row \(row.line) names `\(name)`, which is no key's name")
                    return pattern
                }
                if keys.count == names.count { documented.append((row.line, keys)) }
            }
            var bindings = KeyMap.bindings.filter { $0.section == section }
            for row in documented {
                if let index = bindings.firstIndex(where: { Set($0.keys) == Set(row.keys) }) {
                    bindings.remove(at: index)
                } else {
                    let names = row.keys.map { $0.name() }.joined(separator: " ")
                    let near = KeyMap.bindings.filter { !Set($0.keys).isDisjoint(with: row.keys) }
                        .map { "\"\($0.help)\" (\($0.helpLabel(unicode: true)), \($0.section.rawValue))" }
                    XCTFail("README \"\(section.rawValue)\": row \(row.row) documents keys \(names), but no binding of that "
                            + "section has exactly these keys" + (near.isEmpty ? " (none binds them)" : "; bindings that share some: "
                            + near.joined(separator: ", ")))
                }
            }
            for binding in bindings {
                let cell = binding.keys.map { "`\($0.name())`" }.joined(separator: " ")
                XCTFail("binding \"\(binding.help)\" (keys \(binding.helpLabel(unicode: true))) is not documented in the README under "
                        + "\"\(section.rawValue)\": add a row | \(cell) | \(binding.help) |")
            }
        }
    }

    /// The parser itself, on a hand-written table: code spans are keys, "…" between two is a
    /// range, other text is ignored, and the table ends at the first line that is not a row.
    func testTheKeyCellParser() throws {
        XCTAssertEqual(Self.keyNames(inCell: "`d` / `D`"), ["d", "D"])
        XCTAssertEqual(Self.keyNames(inCell: "`<` `>` (or `,` `.`)"), ["<", ">", ",", "."])
        XCTAssertEqual(Self.keyNames(inCell: "`1` … `4`"), ["1", "2", "3", "4"])
        XCTAssertEqual(Self.keyNames(inCell: "`click`, `any key`"), ["click", "any key"])
        XCTAssertEqual(Self.keyNames(inCell: "Space"), [])
        let text = "## A\n\n| key | action |\n|---|---|\n| `a` | one |\n| `b` / `B` | two | more |\n\n| `c` | other table |\n## B\n"
        let rows = try Self.keyTable(under: "## A", in: text)
        XCTAssertEqual(rows.map(\.keys), ["`a`", "`b` / `B`"])
        XCTAssertThrowsError(try Self.keyTable(under: "## C", in: text))
    }

    /// The package root: three levels above this file (Tests/PlaygroundUITests/this.swift).
    static var packageRoot: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    struct ReadmeError: Error, CustomStringConvertible {
        let description: String
    }

    /// The rows of the first table after the heading line `heading`: the key cell and the line.
    static func keyTable(under heading: String, in text: String) throws -> [(keys: String, line: String)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { throw ReadmeError(description: "README has no heading \"\(heading)\"") }
        var rows: [(keys: String, line: String)] = []
        var inTable = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("|") else {
                if inTable { break }
                continue
            }
            inTable = true
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
            let keys = cells.first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            if keys == "key" || keys.allSatisfy({ $0 == "-" || $0 == ":" }) { continue }
            rows.append((keys, line))
        }
        return rows
    }

    /// The key names in a README key cell: each code span is one key; a "…" between two code
    /// spans makes a range of characters (`1` … `7`).
    static func keyNames(inCell cell: String) -> [String] {
        let pieces = cell.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        var names: [String] = []
        var rangeNext = false
        for (index, piece) in pieces.enumerated() {
            if index % 2 == 0 {
                rangeNext = index > 0 && piece.trimmingCharacters(in: .whitespaces) == "…"
                continue
            }
            guard index < pieces.count - 1 else { break }  // an unclosed code span
            if rangeNext, let last = names.last?.unicodeScalars.first, let end = piece.unicodeScalars.first,
               last.value < end.value {
                names += (last.value + 1...end.value).compactMap(Unicode.Scalar.init).map { String($0) }
            } else {
                names.append(piece)
            }
        }
        return names
    }
}
