// Putting text on the terminal's clipboard (OSC 52).
/// Putting text on the terminal's clipboard: xterm's OSC 52 control sequence, which carries the
/// text in base64. The run loop writes the sequence when the link box opens; terminals that allow
/// it (xterm when its window operations allow it, kitty, iTerm2, WezTerm, foot, tmux with `set-clipboard on`)
/// set their clipboard, the others ignore it.
public enum Clipboard {
    /// `ESC ] 52 ; c ; <base64 of text> BEL`: "c" names the clipboard selection. Written as it
    /// is also inside tmux: tmux reads OSC 52 itself when `set-clipboard` is `on` (a DCS
    /// passthrough would need `allow-passthrough`, off by default in tmux 3.3).
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}"
    }
}

/// Base64 as RFC 4648 section 4 defines it: each 3 bytes (24 bits) become 4 characters of 6 bits
/// each from `A–Z a–z 0–9 + /`; a final group of 1 or 2 bytes is padded with zero bits and the
/// missing characters are written as `=`.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            // The group as one 24-bit number, missing bytes zero.
            var group = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
            // `count` bytes fill `count + 1` six-bit characters; the rest are padding.
            for character in 0..<4 {
                output.append(character <= count ? alphabet[(group >> (18 - 6 * character)) & 0x3F] : UInt8(ascii: "="))
            }
            index += count
        }
        return String(decoding: output, as: UTF8.self)
    }
}
