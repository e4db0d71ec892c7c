// Whether the app draws in UTF-8 or ASCII, from the locale.
/// Whether the playground draws in UTF-8 or in ASCII, from the locale the user set.
///
/// The rule, in the order it is applied:
/// 1. `--ascii` forces ASCII.
/// 2. The locale in effect after `setlocale(LC_ALL, "")` has a UTF-8 codeset: UTF-8.
/// 3. The user set no locale (LC_ALL, LC_CTYPE and LANG all unset or empty): try `C.UTF-8`,
///    UTF-8 if it exists, else ASCII. A bare environment (cron, `env -i`, some containers)
///    says nothing about the terminal, and terminals today take UTF-8.
/// 4. The user named a UTF-8 locale that is not installed (`LANG=de_DE.UTF-8` on a machine
///    without it, macOS's `LC_CTYPE=UTF-8` over ssh): they want UTF-8, so try `C.UTF-8` as in 3.
/// 5. Otherwise the user chose a locale that is not UTF-8 (`LC_ALL=C`, `LANG=POSIX`,
///    `LANG=en_US.ISO-8859-1`): ASCII, as asked.
///
/// As in POSIX, the variable that decides is the first of LC_ALL, LC_CTYPE, LANG that is set
/// and not empty.
public enum LocaleRule {
    public enum Decision: Equatable, Sendable {
        /// Keep the user's locale and draw in UTF-8.
        case unicode
        /// Set LC_CTYPE to C.UTF-8 and draw in UTF-8 if that works, else in ASCII.
        case tryCUTF8
        /// Draw in ASCII.
        case ascii
    }

    /// The variables that choose the character set, strongest first.
    public static let variables = ["LC_ALL", "LC_CTYPE", "LANG"]

    /// The decision for `environment`, given the codeset `nl_langinfo(CODESET)` reports after
    /// `setlocale(LC_ALL, "")` ("UTF-8", "ANSI_X3.4-1968", ...), and whether `--ascii` was given.
    public static func decide(environment: [String: String], codesetAfterSetlocale codeset: String,
                              asciiRequested: Bool = false) -> Decision {
        if asciiRequested { return .ascii }
        if isUTF8(codeset) { return .unicode }
        guard let chosen = userLocale(environment) else { return .tryCUTF8 }
        return namesUTF8(chosen) ? .tryCUTF8 : .ascii
    }

    /// The locale name the user set for the character set, if any.
    public static func userLocale(_ environment: [String: String]) -> String? {
        variables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    }

    /// "UTF-8" or "utf8", in any case.
    public static func isUTF8(_ codeset: String) -> Bool {
        ["utf-8", "utf8"].contains(codeset.lowercased())
    }

    /// A locale name whose codeset part (after the ".", before any "@") is UTF-8: "en_US.UTF-8",
    /// "C.utf8", "de_DE.UTF-8@euro"; or the bare "UTF-8" that macOS sets as LC_CTYPE (and ssh
    /// carries to machines where no locale has that name).
    static func namesUTF8(_ locale: String) -> Bool {
        guard let dot = locale.firstIndex(of: ".") else { return isUTF8(locale) }
        let codeset = locale[locale.index(after: dot)...].prefix { $0 != "@" }
        return isUTF8(String(codeset))
    }
}
