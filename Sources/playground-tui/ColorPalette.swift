import CNcurses
import PlaygroundUI

/// Turns the UI's colours (indices into the xterm 256-colour palette) into ncurses colour pairs,
/// allocated lazily: a heat map uses a few hundred (foreground, background) combinations, far
/// fewer than the 65,536 pairs a 256-colour terminal offers, and an 8-colour terminal's 64 pairs
/// still hold the 81 combinations of its colours only if we never allocate unused ones.
struct ColorPalette {
    let mode: Capabilities.Colors
    /// Pairs 1 ..< pairLimit may be allocated (pair 0 is the terminal's default).
    let pairLimit: Int32
    /// `use_default_colors` worked: -1 stands for the terminal's own foreground or background.
    let defaultColors: Bool

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    init(mode: Capabilities.Colors, pairLimit: Int32, defaultColors: Bool) {
        self.mode = mode
        self.pairLimit = pairLimit
        self.defaultColors = defaultColors
    }

    /// The pair for a style's colours, allocating it on first use; 0 (the default colours) when
    /// there is no colour or no pair left.
    mutating func pair(for style: CellStyle) -> Int32 {
        guard mode != .none else { return 0 }
        let key = PairKey(foreground: terminalColor(style.foreground, isForeground: true),
                          background: terminalColor(style.background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit, init_extended_pair(nextPair, Int32(key.foreground), Int32(key.background)) == OK else {
            return 0
        }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// The ncurses colour number for a UI colour: itself on 256-colour terminals, the nearest of
    /// the eight basic colours otherwise; -1 for the default (or black/white without default colours).
    private func terminalColor(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        switch color {
        case .default:
            return defaultColors ? -1 : (isForeground ? 7 : 0)
        case .index(let index):
            return mode == .full ? Int16(index) : Int16(XTermPalette.nearestBasic[Int(index)])
        }
    }
}
