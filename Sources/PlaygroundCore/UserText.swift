/// Text the user typed, made safe to show inside a message.
///
/// Every message that repeats user input goes through `quoted`: it is the one place that decides
/// how input reaches a terminal. Nothing the user typed can then move the cursor, recolour the
/// screen, cut the message in two or flood it.
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
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isBidiControl = value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
        let isLineBreak = value == 0x2028 || value == 0x2029
        let category = scalar.properties.generalCategory
        let isLeadingMark = atStart && (category == .nonspacingMark || category == .enclosingMark
            || category == .spacingMark)
        if isControl || isBidiControl || isLineBreak || isLeadingMark {
            return "\\u{" + String(value, radix: 16, uppercase: true) + "}"
        }
        return String(scalar)
    }
}
