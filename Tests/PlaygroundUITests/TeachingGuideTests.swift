import Foundation
import PlaygroundCore
import XCTest
@testable import PlaygroundUI

/// `docs/teaching.md`: every command in it parses (its `--state` without a warning) and opens the
/// setup that the `> **Opens:**` line under it states, in the app itself (`AppState`, the key
/// map, `update`). And every picture the docs show is one `make pictures` draws.
final class TeachingGuideTests: XCTestCase {
    static let root = ReadmeKeyTableTests.packageRoot

    struct Step {
        let line: Int
        let command: String
        var opens: String?
    }

    /// The commands in the guide's code blocks and the `Opens:` line after each block.
    static func steps(in text: String) -> [Step] {
        var steps: [Step] = []
        var inBlock = false, waiting: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            if inBlock {
                if line.hasPrefix("playground-tui") {
                    steps.append(Step(line: index + 1, command: String(line)))
                    waiting.append(steps.count - 1)
                }
            } else if !line.isEmpty {
                let prefix = "> **Opens:** "
                for step in waiting where line.hasPrefix(prefix) { steps[step].opens = String(line.dropFirst(prefix.count)) }
                waiting = []
            }
        }
        return steps
    }

    /// The text between `--state '` and the next `'`.
    static func state(in command: String) -> String? {
        guard let start = command.range(of: "--state '") else { return nil }
        let rest = command[start.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    func testEveryLinkParsesAndOpensTheStatedSetup() throws {
        let text = try String(contentsOfFile: Self.root + "/docs/teaching.md", encoding: .utf8)
        let steps = Self.steps(in: text)
        XCTAssertGreaterThanOrEqual(steps.count, 8, "the guide's commands were not found")
        for step in steps {
            let context = "docs/teaching.md:\(step.line)"
            guard let opens = step.opens else {
                XCTFail("\(context): no \"> **Opens:**\" line after the command's block")
                continue
            }
            let words = step.command.split(separator: " ")
            let subcommand = words.count > 1 && !words[1].hasPrefix("-") ? String(words[1]) : "play"
            XCTAssertTrue(["play", "lessons", "sweep", "train", "snapshot"].contains(subcommand), "\(context): \(subcommand)")
            let parsed = try PlaygroundState.parse(Self.state(in: step.command) ?? "") { "0.5" }
            XCTAssertEqual(parsed.warnings, [], context)
            let settings = parsed.state
            var app = AppState(state: settings, capabilities: Capabilities(), width: 120, height: 40)
            if subcommand == "lessons" { app.openLessons() }
            var claims = 0
            for claim in opens.split(separator: " · ").map(String.init) {
                claims += 1
                let (name, value) = Self.split(claim)
                switch name {
                case "lesson":
                    XCTAssertEqual(app.lessons?.lesson.rawValue, Int(value), "\(context): \(claim)")
                case "then":
                    // "then `5`: lesson 5": the key, pressed in the app, opens that lesson.
                    let parts = value.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let key = parts[0].split(separator: "`").first, key.count == 1,
                          let action = KeyMap.action(for: .character(Character(String(key))), in: app) else {
                        XCTFail("\(context): \(claim): expected then `K`: lesson N")
                        continue
                    }
                    _ = update(&app, action)
                    XCTAssertEqual("lesson \(app.lessons?.lesson.rawValue ?? 0)", parts[1].trimmingCharacters(in: .whitespaces),
                                   "\(context): \(claim)")
                case "data set":
                    XCTAssertEqual(app.settings.activeDataset.rawValue, value, "\(context): \(claim)")
                case "activation":
                    XCTAssertEqual(app.settings.activation.rawValue, value, "\(context): \(claim)")
                case "optimizer":
                    XCTAssertEqual(app.settings.optimizer.rawValue, value, "\(context): \(claim)")
                case "hidden layers":
                    XCTAssertEqual(app.settings.networkShape.map(String.init).joined(separator: ","), value, "\(context): \(claim)")
                case "learning rate":
                    XCTAssertEqual(app.settings.learningRate, Double(value), "\(context): \(claim)")
                case "features":
                    XCTAssertEqual(Set(app.settings.inputFeatures.map(\.rawValue)), Self.names(value), "\(context): \(claim)")
                case "hides":
                    let hidden = app.settings.hiddenControls.map(\.rawValue) + app.settings.hiddenInputs.map(\.rawValue)
                    XCTAssertEqual(Set(hidden), Self.names(value), "\(context): \(claim)")
                    // And the app acts on it: each hidden control is not offered in the footer.
                    let footer = KeyMap.footerHints(for: app).left.compactMap(\.control)
                    XCTAssertTrue(Set(footer).isDisjoint(with: app.settings.hiddenControls), "\(context): the footer offers a hidden control")
                default:
                    XCTFail("\(context): \"\(claim)\" is no claim this test can check (lesson, then, data set, activation, optimizer, "
                            + "hidden layers, learning rate, features, hides)")
                }
            }
            XCTAssertGreaterThan(claims, 0, context)
        }
    }

    /// "data set spiral" -> ("data set", "spiral"): the longest known name that starts the claim.
    static func split(_ claim: String) -> (String, String) {
        for name in ["hidden layers", "learning rate", "data set", "activation", "optimizer", "features", "hides", "lesson", "then"]
        where claim.hasPrefix(name + " ") {
            return (name, String(claim.dropFirst(name.count + 1)))
        }
        return (claim, "")
    }

    static func names(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// The parser finds commands and their claims, and a command without a claim line is seen.
    func testTheStepParser() {
        let text = "x\n```\nplayground-tui --state 'a=1'\n```\n\n> **Opens:** lesson 1\n```\nplayground-tui lessons\n```\ntext\n"
        let steps = Self.steps(in: text)
        XCTAssertEqual(steps.map(\.command), ["playground-tui --state 'a=1'", "playground-tui lessons"])
        XCTAssertEqual(steps.map(\.opens), ["lesson 1", nil])
        XCTAssertEqual(Self.state(in: steps[0].command), "a=1")
    }

    /// Every picture the README and `docs/` show is one `scripts/pictures.sh` draws (so `make
    /// pictures` renews it), and is there.
    func testEveryDocsPictureIsMadeByMakePictures() throws {
        let script = try String(contentsOfFile: Self.root + "/scripts/pictures.sh", encoding: .utf8)
        let made = Set(script.split(separator: "\n").filter { $0.hasPrefix("picture ") }.map { String($0.split(separator: " ")[1]) })
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/docs").filter { $0.hasSuffix(".md") }
        XCTAssertFalse(docs.isEmpty)
        // Each page with the way its links reach docs/pictures/.
        let pages = docs.map { ("docs/" + $0, "](pictures/") } + [("README.md", "](docs/pictures/")]
        var shown = 0
        var shownByReadme = 0
        for (page, prefix) in pages {
            let text = try String(contentsOfFile: Self.root + "/" + page, encoding: .utf8)
            for piece in text.components(separatedBy: prefix).dropFirst() {
                guard let end = piece.firstIndex(of: ")") else { continue }
                let name = String(piece[..<end])
                shown += 1
                if page == "README.md" { shownByReadme += 1 }
                XCTAssertTrue(made.contains(name), "\(page) shows pictures/\(name), which scripts/pictures.sh does not draw")
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.root + "/docs/pictures/" + name),
                              "docs/pictures/\(name) is missing: run make pictures")
            }
        }
        XCTAssertGreaterThan(shownByReadme, 0, "the README shows no picture from docs/pictures")
        XCTAssertGreaterThan(shown, 0)
    }
}
