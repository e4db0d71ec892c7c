import Foundation
import XCTest
@testable import PlaygroundUI

/// `docs/keys.md` is the full key reference: below its marker line it is generated from
/// `KeyMap.bindings` (every binding, its keys, where it works, what it does, its footer word and
/// the `_hide` key that hides it), and this test compares the file with the table.
/// `RECORD_DOCS=1 swift test --filter DocsKeyReferenceTests` writes it anew and fails, so that
/// someone reads the change before committing it. Its rows also pass the README's key-table check.
final class DocsKeyReferenceTests: XCTestCase {
    static let path = ReadmeKeyTableTests.packageRoot + "/docs/keys.md"
    static let marker = "<!-- Everything below is generated from KeyMap.bindings by DocsKeyReferenceTests: RECORD_DOCS=1 to renew. -->"
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_DOCS"].map { !$0.isEmpty && $0 != "0" } ?? false }

    /// Where a binding works, in words.
    static let contextNames: [(KeyContext, String)] = [
        (.normal, "playground"), (.inspecting, "inspecting"), (.entry, "typing a value"), (.overlay, "help"),
        (.link, "link box"), (.tooSmall, "too small"), (.lessons, "lessons"), (.lessonEntry, "typing in a lesson"),
        (.drawing, "drawing"), (.pathEntry, "typing a file name"), (.question, "a question"), (.compare, "runs side by side"),
    ]

    /// The generated part: one table per section, one row per binding, in the table's order.
    static func generated() -> String {
        var text = ""
        for section in KeyBinding.Section.allCases {
            text += "\n" + section.rawValue + "\n\n| key | action | works in | footer | hidden by |\n|---|---|---|---|---|\n"
            for binding in KeyMap.bindings where binding.section == section {
                let keys = binding.keys.map { "`\($0.name())`" }.joined(separator: " ")
                let contexts = binding.contexts.count == KeyContext.allCases.count ? "everywhere"
                    : contextNames.filter { binding.contexts.contains($0.0) }.map(\.1).joined(separator: ", ")
                let footer = binding.footer.map { $0.isPinned ? "\($0.label) (always)" : $0.label } ?? ""
                let hidden = binding.control.map { "`\($0.rawValue)_hide`" } ?? ""
                text += "| \(keys) | \(binding.help.replacing("|", with: "\\|")) | \(contexts) | \(footer) | \(hidden) |\n"
            }
        }
        return text
    }

    func testTheKeyReferenceIsTheKeyTable() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        guard let range = text.range(of: Self.marker + "\n") else {
            return XCTFail("docs/keys.md has no line \(Self.marker)")
        }
        let generated = Self.generated()
        if Self.recording {
            try (String(text[..<range.upperBound]) + generated).write(toFile: Self.path, atomically: true, encoding: .utf8)
            return XCTFail("wrote \(Self.path): review it, then run without RECORD_DOCS")
        }
        let documented = String(text[range.upperBound...])
        if documented != generated {
            let old = documented.split(separator: "\n", omittingEmptySubsequences: false)
            let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            XCTFail("docs/keys.md differs from KeyMap.bindings at generated line \(index + 1): the file says\n"
                    + "\(index < old.count ? old[index] : "(nothing)")\nthe table gives\n\(index < new.count ? new[index] : "(nothing)")\n"
                    + "(RECORD_DOCS=1 swift test --filter DocsKeyReferenceTests writes it anew)")
        }
        // The generated rows read back through the README check's parser as exactly the bindings' keys.
        for section in KeyBinding.Section.allCases {
            let rows = try ReadmeKeyTableTests.keyTable(under: section.rawValue, in: documented)
            let bindings = KeyMap.bindings.filter { $0.section == section }
            XCTAssertEqual(rows.count, bindings.count, section.rawValue)
            for (row, binding) in zip(rows, bindings) {
                XCTAssertEqual(ReadmeKeyTableTests.keyNames(inCell: row.keys).compactMap(KeyPattern.init(name:)), binding.keys, row.line)
            }
        }
    }
}
