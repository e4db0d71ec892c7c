import Foundation
import PlaygroundCore
import PlaygroundUI
import XCTest

/// The man page (`--generate-manual`) and the shell completions (`--generate-completion-script`)
/// against `--help`, the key table and the state-key table.
final class ManualAndCompletionTests: XCTestCase {
    /// The subcommands `--help` lists, read from its SUBCOMMANDS block.
    func subcommands() throws -> [String] {
        let help = try ProcessRunner.run(["--help"]).output
        let block = try XCTUnwrap(help.components(separatedBy: "SUBCOMMANDS:\n").last)
        // "  train                   Train ...", not the wrapped lines below it nor the "See ..." line.
        return block.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The options a command's `--help` lists ("--epochs", "-h", "--help"), from its OPTIONS block.
    func options(_ command: [String]) throws -> [String] {
        let help = try ProcessRunner.run(command + ["--help"]).output
        // "  -h, --help              Show help information." -> ["-h", "--help"]
        return help.split(separator: "\n").filter { $0.hasPrefix("  -") }.flatMap { line in
            let names = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
            return names.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        }
    }

    /// The page rendered as a reader sees it (groff, plain text): no warning, and it names every
    /// subcommand and option `--help` lists, every key binding with its help, and every state key.
    func testTheManPageRendersAndNamesEveryCommandOptionKeyAndStateKey() throws {
        let page = try ProcessRunner.run(["--generate-manual"])
        XCTAssertEqual(page.status, 0, page.error)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("playground-tui-\(UUID().uuidString).1")
        try page.output.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let rendered = try ProcessRunner.shell("groff -mandoc -Tutf8 -P-cbou -ww '\(file.path)'")
        XCTAssertEqual(rendered.status, 0, rendered.error)
        XCTAssertEqual(rendered.error, "", "groff warns about the page")
        let text = rendered.output
        XCTAssertTrue(text.hasPrefix("PLAYGROUND-TUI(1)"), String(text.prefix(200)))
        let subcommands = try subcommands()
        XCTAssertEqual(Set(subcommands), ["play", "train", "bench", "explain", "lessons", "data", "sweep", "snapshot"])
        let commandsSection = try section("COMMANDS", of: text)
        for command in [[]] + subcommands.map({ [$0] }) {
            let listed = try options(command)
            XCTAssertTrue(listed.contains("--help"), "\(command): \(listed)")
            // Root's options are in DESCRIPTION; each subcommand's under its own heading.
            let part = command.isEmpty ? try section("DESCRIPTION", of: text) : try subsection(command[0], of: commandsSection)
            for option in listed {
                XCTAssertTrue(part.contains("\n     \(option)") || part.contains(", \(option)"),
                              "the page does not list \(option) for \(command)")
            }
        }
        let keys = try section("KEYS", of: text)
        for binding in KeyMap.bindings {
            let line = binding.helpLabel(unicode: false)
            XCTAssertTrue(keys.contains(line), "the page does not name the keys \(line)")
            XCTAssertTrue(keys.contains(binding.help), "the page does not say \"\(binding.help)\"")
        }
        let stateKeys = try section("STATE KEYS", of: text)
        for key in StateKey.every {
            XCTAssertTrue(stateKeys.contains("\n     \(key.name)"), "the page does not name the state key \(key.name)")
        }
        XCTAssertTrue(stateKeys.contains("a whole number from 1 to 30 (default: 10)"), "batchSize's range and default")
    }

    /// The text between a section heading (at the line start) and the next one.
    func section(_ name: String, of text: String) throws -> String {
        let after = try XCTUnwrap(text.range(of: "\n\(name)\n"), "no section \(name)").upperBound
        let rest = text[after...]
        let end = rest.range(of: "\n[A-Z]", options: .regularExpression)?.lowerBound ?? rest.endIndex
        return "\n" + rest[..<end]
    }

    /// The part of COMMANDS under "   name" (three spaces: an .Ss heading).
    func subsection(_ name: String, of text: String) throws -> String {
        let start = try XCTUnwrap(text.range(of: "\n   \(name)"), "no subsection \(name)").upperBound
        let rest = text[start...]
        let end = rest.range(of: "\n   [a-z]", options: .regularExpression)?.lowerBound ?? rest.endIndex
        return "\n" + rest[..<end]
    }

    /// bash completes as a user pressing Tab would: the script loaded, `complete -p` names its
    /// function, which is called with COMP_WORDS / COMP_CWORD set.
    func complete(_ words: [String]) throws -> [String] {
        let script = """
            source <("$0" --generate-completion-script bash)
            PATH="$(dirname "$0"):$PATH"
            spec=$(complete -p playground-tui) || exit 3
            function=${spec##*-F }; function=${function%% *}
            COMP_WORDS=(playground-tui "$@"); COMP_CWORD=$#
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            "$function" playground-tui "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ProcessRunner.shell("exec bash -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' \"$0\" \"$@\"", words)
        XCTAssertEqual(result.status, 0, result.error)
        return result.output.split(separator: "\n").map(String.init)
    }

    func testBashCompletesSubcommandsFormatsAndStateKeys() throws {
        XCTAssertEqual(try complete(["tr"]), ["train"])
        XCTAssertEqual(try complete(["train", "--format", ""]), ["csv", "json"])
        XCTAssertEqual(try complete(["explain", "--format", ""]), ["text", "json"])
        XCTAssertEqual(try complete(["data", "--form"]), ["--format"])
        XCTAssertEqual(Set(try complete([""])), Set(try subcommands() + ["help", "-h", "--help", "--version"]))
        // After --state, the state-key table's names: all of them, then those a prefix allows.
        XCTAssertEqual(try complete(["train", "--state", ""]), StateKey.every.map { $0.name + "=" })
        XCTAssertEqual(try complete(["play", "--state", "reg"]),
                       ["regularization=", "regDataset=", "regularizationRate=", "regularization_hide=", "regularizationRate_hide="])
        XCTAssertEqual(try complete(["data", "--state", "dataset=spiral&noi"]), ["dataset=spiral&noise=", "dataset=spiral&noise_hide="])
    }

    /// zsh and fish get every subcommand, and the values of --format, too.
    func testZshAndFishScriptsNameEverySubcommandAndFormat() throws {
        for shell in ["zsh", "fish"] {
            let script = try ProcessRunner.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.error)
            for word in try subcommands() + ["csv", "json", "---completion"] {
                XCTAssertTrue(script.output.contains(word), "the \(shell) script does not mention \(word)")
            }
        }
    }
}
