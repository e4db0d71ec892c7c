import Foundation
import XCTest

/// The `--help` texts, compared with the files in `Snapshots/`: `help-root.txt` for
/// `playground-tui --help` and `help-<subcommand>.txt` for each subcommand the root help lists.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests` writes the files anew, and fails,
/// so that someone reads the new texts before committing them.
final class HelpSnapshotTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false }

    /// `arguments --help` at a fixed width: ArgumentParser wraps help to `COLUMNS`.
    func help(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(arguments + ["--help"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.error)")
        XCTAssertEqual(result.error, "", "\(arguments)")
        return result.output
    }

    /// The names in the root help's SUBCOMMANDS section (each entry starts two spaces in).
    func subcommands(inRootHelp text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    func testEachHelpTextMatchesItsSnapshot() throws {
        let root = try help([])
        let names = subcommands(inRootHelp: root)
        XCTAssertTrue(Set(names).isSuperset(of: ["play", "train", "bench"]), "SUBCOMMANDS section not found: \(root)")
        var texts = [("help-root.txt", root)]
        for name in names { texts.append(("help-\(name).txt", try help([name]))) }

        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            for (file, text) in texts { try text.write(to: Self.directory.appendingPathComponent(file), atomically: true, encoding: .utf8) }
            XCTFail("recorded \(texts.map(\.0).joined(separator: ", ")) in \(Self.directory.path): review and commit them, then run without RECORD_SNAPSHOTS")
            return
        }
        for (file, text) in texts {
            let url = Self.directory.appendingPathComponent(file)
            guard let snapshot = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("no snapshot \(url.path): record it with RECORD_SNAPSHOTS=1")
                continue
            }
            if snapshot != text { XCTFail("\(file) differs from --help (re-record with RECORD_SNAPSHOTS=1 if intended):\n" + firstDifference(snapshot, text)) }
        }
        // A snapshot whose subcommand is gone would never be compared again.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasPrefix("help-") }
        XCTAssertEqual(Set(files), Set(texts.map(\.0)), "snapshots without a subcommand, or the reverse")
    }

    /// The first line where `expected` and `actual` differ, both shown.
    func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "(end)"
            let right = index < b.count ? String(b[index]) : "(end)"
            if left != right { return "line \(index + 1):\n  snapshot: \(left)\n  --help:   \(right)" }
        }
        return "(same lines)"
    }

    /// The `help` subcommand prints the same text as `--help`.
    func testHelpSubcommandEqualsHelpOption() throws {
        let viaSubcommand = try ProcessRunner.run(["help", "train"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(viaSubcommand.status, 0)
        XCTAssertEqual(viaSubcommand.output, try help(["train"]))
    }
}
