import Glibc
import PlaygroundCore
import PlaygroundUI

/// The man page, written in mdoc from the command definitions (`HelpModel`), the app's key table
/// (`KeyMap.bindings`) and the state-key table (`StateKey.every`): `playground-tui
/// --generate-manual > playground-tui.1`. Nothing in it is typed twice, so it cannot drift from
/// `--help`, the help screen or the parser.
enum ManualPage {
    /// Prints the page and ends the process when the only argument is `--generate-manual` (a
    /// build step, like ArgumentParser's `--generate-completion-script`, so not in `--help`).
    static func printIfAsked() {
        guard Array(CommandLine.arguments.dropFirst()) == ["--generate-manual"] else { return }
        var output = TextOutput.standardOutput
        do {
            output.write(try render(HelpModel.current().command, date: date(fromISO: BuildInfo.commitDate)))
            try output.flush()
        } catch let failure as WriteFailure {
            Entry.end(by: failure)
        } catch {
            Diagnostics.say("playground-tui: --generate-manual: cannot read the command definitions: \(error)")
            exit(1)
        }
        exit(0)
    }

    static func render(_ root: HelpModel.Command, date: String) -> String {
        var page = Mdoc()
        page.macro("Dd", date.isEmpty ? "$Mdocdate$" : date, quoted: false)
        page.macro("Dt", "PLAYGROUND-TUI 1", quoted: false)
        page.macro("Os", "playground-tui \(BuildInfo.version)")
        page.section("NAME")
        page.macro("Nm", root.commandName)
        page.macro("Nd", root.abstract ?? "")
        page.section("SYNOPSIS")
        page.synopsis(root.commandName, subcommand: nil, root.shownArguments)
        for command in root.shownSubcommands { page.synopsis(root.commandName, subcommand: command.commandName, command.shownArguments) }
        page.section("DESCRIPTION")
        page.paragraphs([root.abstract, root.discussion])
        page.options(root.shownArguments)
        page.section("COMMANDS")
        for command in root.shownSubcommands {
            let isDefault = command.commandName == root.defaultSubcommand
            page.macro("Ss", command.commandName + (isDefault ? " (the default)" : ""))
            page.paragraphs([command.abstract, command.discussion])
            page.options(command.shownArguments)
        }
        keys(into: &page)
        stateKeys(into: &page)
        page.section("EXIT STATUS")
        page.text("0 on success; 1 when a command refuses its input or cannot write its output; "
                  + "64 for a command line that does not parse; 141 when the reader of the output went away.")
        return page.text
    }

    /// The app's keys, section by section, as its help screen lists them (ASCII names).
    static func keys(into page: inout Mdoc) {
        page.section("KEYS")
        page.text("In the interactive playground (and in its help screen, ?):")
        for (section, rows) in KeyMap.manualKeys() {
            page.macro("Ss", sectionTitle(section))
            page.macro("Bl", "-tag -width 10n -compact", quoted: false)
            for row in rows {
                page.macro("It", "Sy", row.keys)
                page.text(row.help)
            }
            page.macro("El")
        }
    }

    /// Every key of the state string (`--state`, the link's #hash), with what it accepts and its
    /// default.
    static func stateKeys(into page: inout Mdoc) {
        page.section("STATE KEYS")
        page.text("A state is a TensorFlow Playground link, its #hash, or key=value pairs joined by &. The keys:")
        page.macro("Bl", "-tag -width 14n -compact", quoted: false)
        for key in StateKey.every {
            page.macro("It", "Cm", key.name)
            let accepts = key.accepts ?? "any text"
            let defaultValue = key.defaultValue.flatMap { $0.isEmpty ? nil : " (default: \($0))" }
            page.text(accepts + (defaultValue ?? ""))
        }
        page.macro("El")
    }

    /// "## The playground" (the README's heading) as "The playground".
    static func sectionTitle(_ section: KeyBinding.Section) -> String {
        String(section.rawValue.drop { $0 == "#" || $0 == " " })
    }

    /// "2026-11-29" as mdoc writes a date, "November 29, 2026"; "" for anything else.
    static func date(fromISO text: String) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return "" }
        return "\(months[parts[1] - 1]) \(parts[2]), \(parts[0])"
    }
}
