/// Which terminal description (terminfo entry) the playground opens the terminal with.
///
/// Terminals today set a `TERM` of their own (`xterm-kitty`, `alacritty`, `foot`,
/// `xterm-ghostty`, `wezterm`), and a machine reached over SSH often lacks that entry. Every one
/// of them understands what xterm does, so when the entry `TERM` names is missing the playground
/// opens with the closest one that exists, says so once on the status line, and refuses only
/// when none of them exists either. Whether an entry exists is asked of the caller (ncurses
/// knows), so the rule is tested without a terminal.
public enum TerminalDescription {
    /// The entries tried in place of a missing one, closest first, by the start of the missing
    /// name (the first row whose prefix matches; the last row, "", matches every name). One row
    /// per family.
    public static let fallbacks: [(prefix: String, entries: [String])] = [
        // tmux's own entry is newer than screen's, which every tmux understands too.
        ("tmux", ["tmux-256color", "screen-256color", "screen", "xterm-256color", "xterm"]),
        ("screen", ["screen-256color", "screen", "xterm-256color", "xterm"]),
        // Everything else (kitty, alacritty, foot, ghostty, wezterm, an xterm variant) speaks
        // xterm's language with 256 colours.
        ("", ["xterm-256color", "xterm"]),
    ]

    public enum Choice: Equatable, Sendable {
        /// `TERM`'s own entry exists.
        case asNamed(String)
        /// `TERM`'s entry is missing; `entry` is the closest one that exists.
        case fallback(missing: String, entry: String)
        /// `TERM` is unset or empty.
        case unset
        /// Neither `TERM`'s entry nor any fallback exists.
        case nothingUsable(missing: String)

        /// The entry to open the terminal with, if any.
        public var entry: String? {
            switch self {
            case .asNamed(let name): name
            case .fallback(_, let entry): entry
            case .unset, .nothingUsable: nil
            }
        }

        /// The status line's one-time notice: only a fallback has one.
        public var notice: String? {
            guard case .fallback(let missing, let entry) = self else { return nil }
            return "no terminal description for TERM=\(missing) here: drawing as \(entry)"
        }
    }

    /// The entry for `term` (the value of `TERM`, nil when unset): its own when `exists` says so,
    /// else the first of its family's fallbacks that exists.
    public static func choose(term: String?, exists: (String) -> Bool) -> Choice {
        guard let term, !term.isEmpty else { return .unset }
        if exists(term) { return .asNamed(term) }
        let family = fallbacks.first { term.hasPrefix($0.prefix) }?.entries ?? []
        guard let entry = family.first(where: { $0 != term && exists($0) }) else {
            return .nothingUsable(missing: term)
        }
        return .fallback(missing: term, entry: entry)
    }
}
