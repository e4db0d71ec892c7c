import Foundation
import XCTest
@testable import PlaygroundUI

/// The key tables of `docs/playground.md` (the full guide) and `KeyMap.bindings` describe the same
/// keys: each binding is one row of its section with exactly its keys, and each row is one binding.
/// The README's short table ("The keys you need first") is checked the other way only: each of its
/// rows is a binding, with exactly that binding's keys and a description that starts with the
/// binding's own help text (the words the `?` screen shows).
final class ReadmeKeyTableTests: XCTestCase {
    static let guidePath = "docs/playground.md"
    static let readmeHeading = "## The keys you need first"

    func testTheGuideKeyTablesAndTheBindingsAgree() throws {
        let guide = try String(contentsOfFile: Self.packageRoot + "/" + Self.guidePath, encoding: .utf8)
        for section in KeyBinding.Section.allCases {
            let rows = try Self.keyTable(under: section.rawValue, in: guide)
            XCTAssertFalse(rows.isEmpty, "\(Self.guidePath) has no key table under \"\(section.rawValue)\"")
            var documented: [(row: String, keys: [KeyPattern])] = []
            for row in rows {
                guard let keys = Self.keys(of: row, in: Self.guidePath) else { continue }
                documented.append((row.line, keys))
            }
            var bindings = KeyMap.bindings.filter { $0.section == section }
            for row in documented {
                if let index = bindings.firstIndex(where: { Set($0.keys) == Set(row.keys) }) {
                    bindings.remove(at: index)
                } else {
                    let names = row.keys.map { $0.name() }.joined(separator: " ")
                    let near = KeyMap.bindings.filter { !Set($0.keys).isDisjoint(with: row.keys) }
                        .map { "\"\($0.help)\" (\($0.helpLabel(unicode: true)), \($0.section.rawValue))" }
                    XCTFail("\(Self.guidePath) \"\(section.rawValue)\": row \(row.row) documents keys \(names), but no binding of that "
                            + "section has exactly these keys" + (near.isEmpty ? " (none binds them)" : "; bindings that share some: "
                            + near.joined(separator: ", ")))
                }
            }
            for binding in bindings {
                let cell = binding.keys.map { "`\($0.name())`" }.joined(separator: " ")
                XCTFail("binding \"\(binding.help)\" (keys \(binding.helpLabel(unicode: true))) is not documented in \(Self.guidePath) under "
                        + "\"\(section.rawValue)\": add a row | \(cell) | \(binding.help) |")
            }
        }
    }

    func testTheReadmeFirstKeysAreBindingsWithTheirHelp() throws {
        let readme = try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)
        let rows = try Self.keyTable(under: Self.readmeHeading, in: readme)
        XCTAssertGreaterThanOrEqual(rows.count, 10, "README's \"\(Self.readmeHeading)\" has too few rows to start with")
        for row in rows {
            guard let keys = Self.keys(of: row, in: "README.md") else { continue }
            let description = Self.description(ofRow: row.line)
            let sameKeys = KeyMap.bindings.filter { Set($0.keys) == Set(keys) }
            if sameKeys.isEmpty {
                XCTFail("README row \(row.line) documents keys no binding has exactly (see docs/keys.md)")
            } else if !sameKeys.contains(where: { Self.describes(description, help: $0.help) }) {
                XCTFail("README row \(row.line): the description should start with the binding's help, "
                        + sameKeys.map { "\"\($0.help)\"" }.joined(separator: " or "))
            }
        }
    }

    /// The keys of a table row, or nil (with a failure) when a name in it is no key's name.
    static func keys(of row: (keys: String, line: String), in file: String) -> [KeyPattern]? {
        let names = keyNames(inCell: row.keys)
        XCTAssertFalse(names.isEmpty, "\(file) row \(row.line) names no key: write each key as a code span, `d` / `D`")
        let keys = names.compactMap { name -> KeyPattern? in
            let pattern = KeyPattern(name: name)
            XCTAssertNotNil(pattern, "\(file) row \(row.line) names `\(name)`, which is no key's name")
            return pattern
        }
        return keys.count == names.count && !keys.isEmpty ? keys : nil
    }

    /// The second cell of a table row, trimmed.
    static func description(ofRow line: String) -> String {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        return cells.count > 2 ? String(cells[2]).trimmingCharacters(in: .whitespaces) : ""
    }

    /// A description says the help text when it is the help, or starts with it and goes on after a
    /// character that is not part of a word ("quit, printing ..." but not "quitting").
    static func describes(_ description: String, help: String) -> Bool {
        guard description.hasPrefix(help) else { return false }
        guard let next = description.dropFirst(help.count).first else { return true }
        return !(next.isLetter || next.isNumber)
    }

    /// The README check's own pieces, on hand-written rows: a description that extends the help
    /// passes, one that changes it or runs on into a word does not.
    func testTheDescriptionCheck() {
        XCTAssertEqual(Self.description(ofRow: "| `q` | quit, printing the link |"), "quit, printing the link")
        XCTAssertTrue(Self.describes("quit", help: "quit"))
        XCTAssertTrue(Self.describes("quit, printing the link", help: "quit"))
        XCTAssertFalse(Self.describes("quitting", help: "quit"))
        XCTAssertFalse(Self.describes("leave", help: "quit"))
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
        guard let start = lines.firstIndex(of: heading) else { throw ReadmeError(description: "no heading \"\(heading)\"") }
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
