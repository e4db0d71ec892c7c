// The link box (`c`): the state as a TensorFlow Playground link, to copy.
/// The link box (`c`): the state as a TensorFlow Playground link, in forms that survive copying.
///
/// A band across the full width of the screen (no side borders, so a selection takes nothing
/// but link text) holds, top to bottom:
/// - a one-row view of the link that never breaks inside it: when the link is wider than the
///   screen it scrolls sideways (←/→ or `h`/`l` by three quarters of a screen, `Home`/`End`),
///   and the row below it says which characters it shows ("◀ chars 61–140 of 412 ▶");
/// - when the link is wider than the screen and there is room, the whole link in full-width rows.
///   The run loop writes these rows once more as one run of text that the terminal wraps itself
///   (`LinkBox.wholeRows`), so that the terminal marks them as one wrapped line and a mouse
///   selection over them copies the link without line breaks;
/// - what else happened: the link went to the clipboard by OSC 52 (if the terminal allows it),
///   and it is printed on standard output when the app quits.
///
/// While the box is open the app turns mouse reporting off (`AppState.wantsMouseReporting`), so
/// that the terminal's own selection works.
public struct LinkBox: Equatable, Sendable {
    /// The rows the box covers, across the whole screen.
    public let band: Rect
    /// The row of the one-row view.
    public let viewRow: Int
    /// The rows holding the whole link wrapped at the screen's width; nil when the link fits on
    /// the view row or the screen is too short for them.
    public let wholeRows: Range<Int>?
    /// The link's length in code points, and the first one the view shows (clamped to the link).
    public let length: Int
    public let offset: Int

    /// The box for `state`; nil unless it is open and the screen is large enough to draw it.
    public init?(_ state: AppState) {
        guard state.overlay == .link, !state.layout.isTooSmall, state.width > 0 else { return nil }
        let width = state.width
        length = state.settings.link.unicodeScalars.count
        offset = max(0, min(state.linkScroll, Self.maxOffset(length: length, width: width)))
        let wholeCount = length > width ? (length + width - 1) / width : 0
        // Rule, blank, view, indicator, blank, two notes (three with custom data), rule; the
        // whole link adds a label, its rows and a blank.
        let notes = state.playground.hasCustomData ? 3 : 2
        let withWhole = wholeCount > 0 && 8 + notes + wholeCount <= state.height
        let height = (withWhole ? 8 + wholeCount : 6) + notes
        band = Rect(x: 0, y: max(0, (state.height - height) / 2), width: width, height: min(height, state.height))
        viewRow = band.y + 2
        wholeRows = withWhole ? (band.y + 6)..<(band.y + 6 + wholeCount) : nil
    }

    /// The largest first code point of the view: the last screenful ends with the link's end.
    public static func maxOffset(length: Int, width: Int) -> Int { max(0, length - width) }

    /// How far ←/→ move the view: three quarters of the screen, so some text stays in sight.
    public static func step(width: Int) -> Int { max(1, width * 3 / 4) }

    /// The row under the view: markers for text beyond either edge and the span shown, then
    /// the keys; or that the whole link is on the row above.
    func indicator(unicode: Bool) -> (position: String, keys: String) {
        let last = min(length, offset + band.width)
        guard offset > 0 || last < length else { return ("the whole link (\(length) characters)", "") }
        let dash = unicode ? "–" : "-"
        let left = offset > 0 ? (unicode ? "◀" : "<") : " "
        let right = last < length ? (unicode ? "▶" : ">") : " "
        let keys = unicode ? "← → or h l scroll, Home End" : "Left Right or h l scroll, Home End"
        return ("\(left) chars \(offset + 1)\(dash)\(last) of \(length) \(right)", keys)
    }

    /// The notes under the link: where else it went; with custom data, that the points are not in it.
    func notes(unicode: Bool, customData: Bool = false) -> [String] {
        let select = wholeRows == nil ? "select the line above" : "select the rows above"
        return ["copied to the clipboard (OSC 52) " + (unicode ? "—" : "-") + " if your terminal allows it;",
                "or " + select + ". Also printed on standard output when you quit."]
            + (customData ? [Self.customDataWarning] : [])
    }

    /// The link says `data=custom` but cannot carry the points themselves.
    public static let customDataWarning = "data=custom: the link cannot carry your points; S or P saves them to a file"

    func draw(_ state: AppState, into grid: inout CellGrid) {
        let unicode = state.capabilities.unicode
        let palette = Palette(state.capabilities.colors)
        let glyphs = Glyphs.forTerminal(unicode: unicode)
        let rule = Cell(glyphs.horizontal, style: CellStyle(foreground: palette.title))
        let dim = CellStyle(foreground: palette.dim)
        let link = Array(state.settings.link.unicodeScalars)
        grid.fill(band)
        grid.fill(Rect(x: 0, y: band.y, width: band.width, height: 1), with: rule)
        grid.fill(Rect(x: 0, y: band.maxY - 1, width: band.width, height: 1), with: rule)
        grid.put(" TensorFlow Playground link (any key but the arrows closes) ", x: 2, y: band.y, style: CellStyle(bold: true))

        grid.put(Self.text(link[offset..<min(length, offset + band.width)]), x: 0, y: viewRow)
        let indicator = indicator(unicode: unicode)
        grid.put(indicator.position, x: 0, y: viewRow + 1, style: dim)
        grid.put(indicator.keys, x: band.width - indicator.keys.unicodeScalars.count, y: viewRow + 1, style: dim)

        var noteRow = viewRow + 3
        if let wholeRows {
            let label = "the whole link: select these rows to copy it (the terminal joins them)"
            grid.put(label, x: 2, y: band.y + 5, style: dim)
            for (index, row) in wholeRows.enumerated() {
                let start = index * band.width
                grid.put(Self.text(link[start..<min(length, start + band.width)]), x: 0, y: row)
            }
            noteRow = wholeRows.upperBound + 1
        }
        let customData = state.playground.hasCustomData
        for (index, note) in notes(unicode: unicode, customData: customData).enumerated() {
            let warning = customData && index == 2
            grid.put(note, x: 2, y: noteRow + index, style: CellStyle(foreground: warning ? palette.warning : .default, bold: warning),
                     clip: band)
        }
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }
}

/// Which way to move the link box's view.
public enum LinkScroll: Equatable, Sendable {
    case back, forward, start, end
}

extension AppState {
    /// False while the link box is open: the terminal's own mouse selection then works. The run
    /// loop turns the terminal's mouse reporting off and on to match.
    public var wantsMouseReporting: Bool { overlay != .link }

    /// Opens the link box at the link's start.
    mutating func openLinkBox() {
        overlay = .link
        linkScroll = 0
    }

    /// Moves the link box's view, held between the link's start and its last screenful.
    mutating func scrollLink(_ scroll: LinkScroll) {
        let maxOffset = LinkBox.maxOffset(length: settings.link.unicodeScalars.count, width: width)
        let step = LinkBox.step(width: width)
        switch scroll {
        case .back: linkScroll -= step
        case .forward: linkScroll += step
        case .start: linkScroll = 0
        case .end: linkScroll = maxOffset
        }
        linkScroll = max(0, min(linkScroll, maxOffset))
    }
}
