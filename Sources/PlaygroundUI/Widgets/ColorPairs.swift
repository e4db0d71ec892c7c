// The terminal's colour pairs for the UI's colours.
/// The terminal's colour pairs for the UI's colours: a table from (foreground, background) to a
/// pair number, filled on first use within the terminal's limit.
///
/// A heat map uses a few hundred combinations, far fewer than the 65,536 pairs a 256-colour
/// terminal offers; a plain `xterm` offers 64. When the pairs run out (or the terminal refuses
/// one), a combination gets the **nearest pair already made**: the smallest sum of the squared
/// RGB distances of its foreground and of its background, where keeping the terminal's default
/// colour beats any real colour (`mismatchedDefault`) and the lower pair number wins a tie. Pair 0
/// (the terminal's own colours) is always a candidate, so an answer always exists.
public struct ColorPairs: Sendable {
    /// A pair's two colours as terminal colour numbers (-1: the terminal's default).
    public struct Colors: Hashable, Sendable {
        public var foreground: Int16
        public var background: Int16
        public init(foreground: Int16, background: Int16) {
            self.foreground = foreground
            self.background = background
        }
    }

    public let mode: Capabilities.Colors
    /// Pairs 1 ..< limit may be made (pair 0 is the terminal's default, never redefined).
    public let limit: Int32
    /// `use_default_colors` worked: -1 stands for the terminal's own foreground or background.
    public let defaultColors: Bool

    private var numbers: [Colors: Int32] = [:]
    /// The colours of pairs 1, 2, ... in the order they were made.
    private var made: [Colors] = []
    /// Nearest pairs already chosen for combinations that got none of their own.
    private var substitutes: [Colors: Int32] = [:]
    /// Set when the limit is reached or the terminal refused a pair: no more are asked for.
    public private(set) var isExhausted = false

    public init(mode: Capabilities.Colors, limit: Int32, defaultColors: Bool) {
        self.mode = mode
        self.limit = limit
        self.defaultColors = defaultColors
        isExhausted = mode == .none || limit <= 1
    }

    /// Pairs made so far (pair 0 not counted).
    public var count: Int { made.count }

    /// The colours pair `number` shows: pair 0 is the terminal's default colours.
    public func colors(ofPair number: Int32) -> Colors {
        number == 0 ? terminalColors(CellStyle.plain) : made[Int(number) - 1]
    }

    /// The pair for a style's colours. A new pair is made through `define(pair, foreground,
    /// background)` (ncurses' `init_extended_pair`; false when the terminal refuses it).
    /// Without colour the answer is always 0.
    public mutating func pair(for style: CellStyle, define: (Int32, Int16, Int16) -> Bool) -> Int32 {
        guard mode != .none else { return 0 }
        let wanted = terminalColors(style)
        if wanted == colors(ofPair: 0) { return 0 }
        if let number = numbers[wanted] { return number }
        if let number = substitutes[wanted] { return number }
        let next = Int32(made.count + 1)
        if !isExhausted, next < limit, define(next, wanted.foreground, wanted.background) {
            numbers[wanted] = next
            made.append(wanted)
            return next
        }
        isExhausted = true
        let number = nearestPair(to: wanted)
        substitutes[wanted] = number
        return number
    }

    /// The terminal colour numbers for a style: palette indices as they are on 256-colour
    /// terminals, the nearest of the eight basic colours on 8-colour ones; `.default` is -1, or
    /// white on black when the terminal cannot use its own colours.
    public func terminalColors(_ style: CellStyle) -> Colors {
        func number(_ color: TerminalColor, isForeground: Bool) -> Int16 {
            switch color {
            case .default: defaultColors ? -1 : (isForeground ? 7 : 0)
            case .index(let index): mode == .full ? Int16(index) : Int16(XTermPalette.nearestBasic[Int(index)])
            }
        }
        return Colors(foreground: number(style.foreground, isForeground: true),
                      background: number(style.background, isForeground: false))
    }

    /// The distance between two pairs' colours (see the type's rule).
    public static func distance(_ a: Colors, _ b: Colors) -> Int {
        colorDistance(a.foreground, b.foreground) + colorDistance(a.background, b.background)
    }

    /// More than any two real colours differ (3 · 255² + 1), so a pair that keeps a default wins.
    public static let mismatchedDefault = 3 * 255 * 255 + 1

    private static func colorDistance(_ a: Int16, _ b: Int16) -> Int {
        if a == b { return 0 }
        if a < 0 || b < 0 { return mismatchedDefault }
        return XTermPalette.approximateRGB(ofIndex: Int(a)).distanceSquared(to: XTermPalette.approximateRGB(ofIndex: Int(b)))
    }

    private func nearestPair(to wanted: Colors) -> Int32 {
        var best: Int32 = 0, bestDistance = Self.distance(wanted, colors(ofPair: 0))
        for (offset, colors) in made.enumerated() {
            let distance = Self.distance(wanted, colors)
            if distance < bestDistance { (best, bestDistance) = (Int32(offset + 1), distance) }
        }
        return best
    }
}
