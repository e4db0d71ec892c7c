// The colour model: TF Playground's shade scale mapped to the terminal's colours.
/// The colour model: TF Playground's 31-shade orange–grey–blue scale, mapped to the xterm
/// 256-colour palette, plus the fixed colours for points, lines and text, with fallbacks for
/// eight colours and for none.

/// A colour as red, green and blue bytes.
public struct RGB: Hashable, Sendable {
    public var red: Int
    public var green: Int
    public var blue: Int
    public init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Squared Euclidean distance in RGB.
    public func distanceSquared(to other: RGB) -> Int {
        let r = red - other.red, g = green - other.green, b = blue - other.blue
        return r * r + g * g + b * b
    }
}

/// TF's output colour scale over [-1, 1] in 31 shades.
public enum ShadeScale {
    public static let count = 31
    /// The middle shade (value 0).
    public static let middle = 15
    public static let orange = RGB(0xf5, 0x93, 0x22)
    public static let grey = RGB(0xe8, 0xea, 0xeb)
    public static let blue = RGB(0x08, 0x77, 0xbd)

    /// TF's shade of a value: `clamp(floor(15.5 (v + 1)), 0, 30)`. NaN shows as the middle.
    @inline(__always)
    public static func shade(_ value: Double) -> Int {
        if value.isNaN { return middle }
        let raw = (15.5 * (value + 1)).rounded(.down)
        return raw <= 0 ? 0 : (raw >= 30 ? 30 : Int(raw))
    }

    /// The value a shade stands for: -1 + shade / 15 (shade 0 is -1, 15 is 0, 30 is +1).
    public static func value(ofShade shade: Int) -> Double { -1 + Double(shade) / 15 }

    /// The colour of a shade: linear in RGB from orange (-1) to grey (0) to blue (+1), as d3 does.
    public static func rgb(ofShade shade: Int) -> RGB {
        let v = value(ofShade: shade)
        let (from, to, t) = v < 0 ? (orange, grey, v + 1) : (grey, blue, v)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        return RGB(mix(from.red, to.red), mix(from.green, to.green), mix(from.blue, to.blue))
    }

    /// Each shade's nearest xterm-256 palette index.
    public static let paletteIndices: [UInt8] = (0..<count).map { XTermPalette.nearestIndex(to: rgb(ofShade: $0)) }

    /// Each shade on an eight-colour terminal: yellow for the orange side, white near 0, blue.
    public static let basicIndices: [UInt8] = (0..<count).map { $0 < 11 ? 3 : ($0 > 19 ? 4 : 7) }

    /// Shading characters from -1 (lightest) to +1 (densest), for terminals without colour.
    static let unicodeRamp: [Unicode.Scalar] = [" ", "░", "▒", "▓", "█"]
    static let asciiRamp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The shading character for a value when there is no colour.
    static func rampCharacter(_ value: Double, unicode: Bool) -> Unicode.Scalar {
        let ramp = unicode ? unicodeRamp : asciiRamp
        let index = shade(value) * ramp.count / count
        return ramp[min(ramp.count - 1, index)]
    }
}

/// The xterm 256-colour palette: 16 system colours, the 6×6×6 cube, 24 greys.
public enum XTermPalette {
    /// The cube's channel levels.
    public static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB of palette entries 16–255 (the system colours 0–15 vary between terminals and
    /// are never chosen by `nearestIndex`).
    public static func rgb(ofIndex index: Int) -> RGB {
        precondition(index >= 16 && index <= 255, "only the cube and the greys have fixed colours")
        if index >= 232 {
            let level = 8 + (index - 232) * 10
            return RGB(level, level, level)
        }
        let cube = index - 16
        return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    /// The index in 16–255 nearest to `color` (squared RGB distance; the lower index on a tie).
    public static func nearestIndex(to color: RGB) -> UInt8 {
        var best = 16, bestDistance = Int.max
        for index in 16...255 {
            let distance = rgb(ofIndex: index).distanceSquared(to: color)
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return UInt8(best)
    }

    /// xterm's eight basic colours: black, red, green, yellow, blue, magenta, cyan, white.
    public static let basicColors = [RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
                                     RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229)]

    /// xterm's default bright colours (palette entries 8–15).
    public static let brightColors = [RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
                                      RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255)]

    /// Any palette entry's RGB: the system colours 0–15 as xterm shows them by default (other
    /// terminals differ a little), the cube and the greys exactly. For judging nearness only.
    public static func approximateRGB(ofIndex index: Int) -> RGB {
        index < 8 ? basicColors[index] : (index < 16 ? brightColors[index - 8] : rgb(ofIndex: index))
    }

    /// For each of the 256 palette entries, the nearest of the eight basic colours, for terminals
    /// that have only those: 0–7 stay, the bright 8–15 fall to their plain colour, the cube and
    /// the greys go to the nearest by squared RGB distance (the lower on a tie).
    public static let nearestBasic: [UInt8] = (0..<256).map { index in
        if index < 16 { return UInt8(index % 8) }
        let color = rgb(ofIndex: index)
        var best = 0, bestDistance = Int.max
        for (candidate, basic) in basicColors.enumerated() {
            let distance = color.distanceSquared(to: basic)
            if distance < bestDistance { (best, bestDistance) = (candidate, distance) }
        }
        return UInt8(best)
    }
}

/// The app's fixed colours, each with a 256-colour index and an eight-colour one
/// (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white).
public struct Palette: Equatable, Sendable {
    public let colors: Capabilities.Colors

    public init(_ colors: Capabilities.Colors) { self.colors = colors }

    /// A colour chosen by the terminal's depth: nothing without colour.
    public func color(full: UInt8, eight: UInt8) -> TerminalColor {
        switch colors {
        case .none: .default
        case .eight: .index(eight)
        case .full: .index(full)
        }
    }

    /// The heat map's colour for a shade.
    public func shade(_ shade: Int) -> TerminalColor {
        color(full: ShadeScale.paletteIndices[shade], eight: ShadeScale.basicIndices[shade])
    }

    /// A data point's colour: its label's side of the scale, darker than the heat map so that a
    /// point stands out on a region of its own colour; test points darker still (TF outlines
    /// training points white and test points dark).
    public func point(label: Double, isTest: Bool) -> TerminalColor {
        let positive = label >= 0
        switch (positive, isTest) {
        case (false, false): return color(full: 166, eight: 1)  // #d75f00, red
        case (true, false): return color(full: 19, eight: 6)    // #0000af, cyan
        case (false, true): return color(full: 94, eight: 5)    // #875f00, magenta
        case (true, true): return color(full: 17, eight: 0)     // #00005f, black
        }
    }

    /// The loss chart's lines.
    public var trainingLine: TerminalColor { color(full: 250, eight: 7) }
    public var testLine: TerminalColor { color(full: 214, eight: 3) }
    /// Warnings such as "diverged".
    public var warning: TerminalColor { color(full: 196, eight: 1) }
    /// Panel titles and rules.
    public var title: TerminalColor { color(full: 75, eight: 6) }
    /// Hints and secondary text.
    public var dim: TerminalColor { color(full: 245, eight: 7) }
}
