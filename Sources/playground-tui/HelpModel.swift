import ArgumentParser
import FoundationEssentials

/// The command definitions as ArgumentParser describes them for `--experimental-dump-help`: the
/// fields of its `ToolInfoV0` that the man page uses. That module is not one of the package's
/// products, so these few fields are decoded here from the same JSON; the page is then written
/// from the very model `--help` is written from, and cannot disagree with it.
struct HelpModel: Decodable {
    struct Command: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool
        let defaultSubcommand: String?
        let subcommands: [Command]?
        let arguments: [Argument]?

        /// The subcommands `--help` lists (not ArgumentParser's own `help`).
        var shownSubcommands: [Command] { (subcommands ?? []).filter { $0.shouldDisplay && $0.commandName != "help" } }
        /// The options and arguments `--help` lists.
        var shownArguments: [Argument] { (arguments ?? []).filter(\.shouldDisplay) }
    }

    struct Argument: Decodable {
        enum Kind: String, Decodable { case positional, option, flag }
        struct Name: Decodable {
            let kind: String
            let name: String

            /// As typed: `-h`, `--epochs`, `-long` for a long name with a single dash.
            var spelled: String { kind == "long" ? "--" + name : "-" + name }
        }

        let kind: Kind
        let shouldDisplay: Bool
        let isOptional: Bool
        let isRepeating: Bool
        let names: [Name]?
        let valueName: String?
        let defaultValue: String?
        let allValues: [String]?
        let abstract: String?
        let discussion: String?
    }

    let command: Command

    /// The model of `PlaygroundCommand`, from ArgumentParser's JSON (the `--experimental-dump-help` output).
    static func current() throws -> HelpModel {
        try JSONDecoder().decode(HelpModel.self, from: Data(PlaygroundCommand._dumpHelp().utf8))
    }
}
