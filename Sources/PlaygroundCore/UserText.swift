/// Text the user typed, made safe to show inside a message, a link or a clipboard.
///
/// The one rule for text that reaches a terminal: `isUnsafe` names the code points that must never
/// be written as they are (they move the cursor, set the title or the clipboard, end a bracketed
/// paste, reorder the line). A message that repeats user input says it through `quoted` (escaped
/// as `\e`, `\u{…}`); a link, the clipboard and a CSV comment line carry it through `url`
/// (percent-encoded, as a browser writes such bytes). Nothing the user typed, loaded or pasted can
/// then move the cursor, recolour the screen, cut a message in two or flood it.
public enum UserText {
    /// The longest input, in code points, shown whole; a longer one is shortened in the middle
    /// of nothing: its first `shownLength` code points, an ellipsis, and its full length.
    public static let shownLength = 40

    /// `text` in double quotes, one line, safe for a terminal:
    /// - `"` and `\` are escaped; `\n`, `\r`, `\t` and `\e` (Esc) are written so;
    /// - every other control character (C0, DEL, C1), the bidirectional controls (U+200E/F,
    ///   U+202A–U+202E, U+2066–U+2069) and a combining mark at the start (it would join the
    ///   opening quote) are written as `\u{…}`;
    /// - text longer than `limit` code points is cut after `limit` of them, followed by
    ///   `…" (N characters)` where N counts code points.
    /// Works on Unicode scalars, never on grapheme clusters, so a mark after a separator stays
    /// visible as what it is.
    public static func quoted(_ text: some StringProtocol, limit: Int = shownLength) -> String {
        let scalars = text.unicodeScalars
        let total = scalars.count
        var result = "\""
        var shown = 0
        for scalar in scalars {
            if shown == limit { break }
            result += escaped(scalar, atStart: shown == 0)
            shown += 1
        }
        if total > limit {
            result += "…\" (\(total) characters)"
        } else {
            result += "\""
        }
        return result
    }

    /// One code point as it appears inside `quoted`'s quotes.
    static func escaped(_ scalar: Unicode.Scalar, atStart: Bool) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{1B}": return "\\e"
        default: break
        }
        let category = scalar.properties.generalCategory
        let isLeadingMark = atStart && (category == .nonspacingMark || category == .enclosingMark
            || category == .spacingMark)
        if isUnsafe(scalar) || isLeadingMark {
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
        return String(scalar)
    }

    /// `message` as one line that cannot move the cursor or recolour the terminal: every code
    /// point `quoted` escapes inside quotes is escaped the same way, quotes and backslashes stay as
    /// they are, and a combining mark is kept. The net under every line written to standard error.
    public static func line(_ message: String) -> String {
        var line = ""
        for scalar in message.unicodeScalars {
            if scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F {
                line.unicodeScalars.append(scalar)
                continue
            }
            let isMark = [.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory)
            line += isMark ? String(scalar) : escaped(scalar, atStart: false)
        }
        return line
    }

    /// Whether a code point must never reach a terminal as it is: a control character (C0,
    /// DEL, C1), a bidirectional control (U+200E/F, U+202A–U+202E, U+2066–U+2069) or a line or
    /// paragraph separator (U+2028/9).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isBidiControl = value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
        let isLineBreak = value == 0x2028 || value == 0x2029
        return isControl || isBidiControl || isLineBreak
    }

    /// `text` as a link carries it: every unsafe code point and the space percent-encoded, byte
    /// by byte of its UTF-8 (ESC is `%1B`, U+0085 is `%C2%85`), everything else as it is. A state
    /// string read from a link never holds these (the reader drops white space and refuses the
    /// rest), so a state read and written back is unchanged; a state made some other way still
    /// prints, copies and saves as text a terminal shows and does not obey.
    public static func url(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) || scalar == " " else {
                result.unicodeScalars.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 {
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 0x10 ? "%0" + hex : "%" + hex
            }
        }
        return result
    }
}
