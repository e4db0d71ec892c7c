/// The terminfo entry the terminal is opened with: `TerminalDescription`'s rule asked of ncurses.
import CNcurses
import PlaygroundUI
import Synchronization

enum TerminalEntry {
    /// The fallback's notice, left by `choose` for the app's first status line.
    private static let pendingNotice = Mutex<String?>(nil)

    /// The entry for `term` (the value of `TERM`), and the notice when it is a fallback.
    static func choose(term: String?) -> TerminalDescription.Choice {
        let choice = TerminalDescription.choose(term: term, exists: exists)
        pendingNotice.withLock { $0 = choice.notice }
        return choice
    }

    /// The notice of the last `choose`, once: nil after the first call.
    static func takeNotice() -> String? {
        pendingNotice.withLock { notice in
            defer { notice = nil }
            return notice
        }
    }

    /// Whether ncurses finds an entry named `name` in the terminfo database (the compiled-in
    /// folders /etc/terminfo, /lib/terminfo, /usr/share/terminfo, ~/.terminfo, or TERMINFO and
    /// TERMINFO_DIRS).
    static func exists(_ name: String) -> Bool {
        tgetent(nil, name) == 1
    }
}
