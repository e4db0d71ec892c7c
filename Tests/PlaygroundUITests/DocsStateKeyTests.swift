import Foundation
import PlaygroundCore
import XCTest

/// `docs/state-keys.md`: below its marker line, one row per key of `StateKey.every` (what it
/// accepts, its default, what a change of it does), generated from the table and compared with it
/// here. `RECORD_DOCS=1 swift test --filter DocsStateKeyTests` writes it anew and fails.
final class DocsStateKeyTests: XCTestCase {
    static let path = ReadmeKeyTableTests.packageRoot + "/docs/state-keys.md"
    static let marker = "<!-- Everything below is generated from StateKey.every by DocsStateKeyTests: RECORD_DOCS=1 to renew. -->"

    static let changeNames: [Playground.Change: String] = [
        .live: "applies at once", .newNetwork: "a new network, same data", .newData: "new data and a new network",
    ]

    static func generated() -> String {
        var text = "\n| key | accepts | at its default | a change |\n|---|---|---|---|\n"
        for key in StateKey.every {
            let accepts = (key.accepts ?? "any text").replacing("|", with: "\\|")
            let defaultValue = key.defaultValue.map { $0.isEmpty ? "" : "`\($0)`" } ?? "(not written)"
            text += "| `\(key.name)` | \(accepts) | \(defaultValue) | \(changeNames[key.change]!) |\n"
        }
        return text
    }

    func testTheStateKeyPageIsTheTable() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        guard let range = text.range(of: Self.marker + "\n") else { return XCTFail("docs/state-keys.md has no line \(Self.marker)") }
        let generated = Self.generated()
        if DocsKeyReferenceTests.recording {
            try (String(text[..<range.upperBound]) + generated).write(toFile: Self.path, atomically: true, encoding: .utf8)
            return XCTFail("wrote \(Self.path): review it, then run without RECORD_DOCS")
        }
        let old = text[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        if old.count != new.count || index < old.count {
            XCTFail("docs/state-keys.md differs from StateKey.every at generated line \(index + 1): the file says\n"
                    + "\(index < old.count ? old[index] : "(nothing)")\nthe table gives\n\(index < new.count ? new[index] : "(nothing)")\n"
                    + "(RECORD_DOCS=1 swift test --filter DocsStateKeyTests writes it anew)")
        }
        // Every key named in the page reads back: its default, given as its value, parses.
        for key in StateKey.every {
            XCTAssertTrue(text.contains("| `\(key.name)` |"), key.name)
        }
    }
}
