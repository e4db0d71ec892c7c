// ASCII stand-ins for the characters the widgets draw.
/// ASCII stand-ins for the characters the widgets draw, for a locale that cannot show UTF-8.
///
/// The widgets already choose ASCII glyphs when `Capabilities.unicode` is false; this table is
/// the backstop for anything that still reaches the screen (text from a table shared by both
/// modes, a future widget), so that no terminal is sent a byte sequence it cannot show. Where a
/// widget has its own ASCII form (`Glyphs.ascii`, "▪"/"o" in the network) the stand-in is the same.
public enum AsciiFallback {
    /// The stand-in for a scalar beyond ASCII, or nil when the table has no rule for it (the
    /// screen writer then shows "?"). ASCII scalars are not looked up here.
    public static func standIn(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x2500...0x257F: boxDrawing(scalar.value)
        case 0x2580...0x259F: block(scalar.value)
        case 0x2800...0x28FF: braille(UInt8(scalar.value - 0x2800))
        case 0x25CF, 0x2022, 0x25CB, 0x25E6, 0x25AA, 0x25AB, 0x25A0, 0x25A1: "o"  // dots and squares: a node
        case 0x00B7, 0x2219, 0x22C5: "."
        case 0x00D7: "x"
        case 0x2190, 0x25C0, 0x25C2: "<"
        case 0x2192, 0x25B6, 0x25B8: ">"
        case 0x2191, 0x25B2, 0x25B4: "^"
        case 0x2193, 0x25BC, 0x25BE: "v"
        case 0x2026: "~"  // "…" shortens text; Glyphs.ascii uses "~" for it too
        case 0x2010...0x2015, 0x2212: "-"  // hyphens, dashes, minus
        case 0x00B1: "+"
        case 0x229E: "#"  // ⊞ a positive test point (PointMarks.ascii uses the same)
        case 0x229F: "="  // ⊟ a negative test point
        case 0x2264: "<"
        case 0x2265: ">"
        case 0x2248: "~"
        case 0x00B2: "2"
        case 0x00A0: " "
        default: nil
        }
    }

    /// Light, heavy, double, dashed and rounded lines: "-" along, "|" across, "+" where lines meet.
    private static func boxDrawing(_ value: UInt32) -> Unicode.Scalar {
        switch value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
             0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E: "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
             0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F: "|"
        case 0x2571: "/"
        case 0x2572: "\\"
        case 0x2573: "X"
        default: "+"  // corners, tees, crosses, rounded corners
        }
    }

    /// Block elements: the shades as in the colourless heat map's ramp, thin bars as lines, every
    /// other (half, quarter, full) block as "#" — with colour, "#" keeps both of a half block's colours.
    private static func block(_ value: UInt32) -> Unicode.Scalar {
        switch value {
        case 0x2591: "."  // ░
        case 0x2592: ":"  // ▒
        case 0x2593: "%"  // ▓
        case 0x258F, 0x2595: "|"  // ▏ ▕ (the text cursor)
        case 0x2594: "-"  // ▔
        default: "#"
        }
    }

    /// A braille cell (U+2800 + dot bits) by where its dots sit, as the loss chart's and the edges'
    /// lines do: none " ", top row "'", middle rows "-", bottom row ".", three or more rows ":".
    ///
    /// Bits 0–2 and 3–5 are rows 0–2 of the left and right column, bits 6 and 7 row 3.
    private static func braille(_ bits: UInt8) -> Unicode.Scalar {
        guard bits != 0 else { return " " }
        let rowOfBit = [0, 1, 2, 0, 1, 2, 3, 3]
        var top = 3, bottom = 0
        for bit in 0..<8 where bits & (1 << bit) != 0 {
            top = min(top, rowOfBit[bit])
            bottom = max(bottom, rowOfBit[bit])
        }
        if bottom - top >= 2 { return ":" }
        let middle = top + bottom  // twice the midpoint: 0...6
        return middle <= 1 ? "'" : (middle <= 4 ? "-" : ".")
    }
}
