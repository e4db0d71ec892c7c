// The past on screen: the top line and the footer while a past epoch shows, and the loss chart's mouse.
import PlaygroundCore

/// What the screen says while it shows a past epoch: the top line (which epoch, how to go on,
/// how to return) and the footer (what Space and a setting will do before they do it). The
/// pictures, the network, the losses and the chart's marker come from the frame (`Timeline`).
enum TimeTravelView {
    /// The top line's text after the play state, longest first: the first that fits is drawn.
    static func headerTexts(_ state: AppState) -> [String] {
        guard let epoch = state.viewedEpoch else { return [] }
        let now = Format.grouped(state.frame.timeline.now), shown = Format.grouped(epoch)
        let space = KeyMap.key(for: .togglePlay), end = KeyMap.key(for: .history(.toNow))
        return ["epoch \(shown) of \(now): \(space) continues from here, \(end) returns to now",
                "epoch \(shown) of \(now): \(space) continues here, \(end): now",
                "epoch \(shown) of \(now) (\(end): now)",
                "epoch \(shown) of \(now)"]
    }

    /// The top line while a past epoch shows: " playground-tui  ◂ past  epoch 412 of 3,000: Space
    /// continues from here, End returns to now" (a status, when there is one, in its place).
    static func header(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        grid.fill(rect)
        var x = grid.put(" playground-tui ", x: rect.x, y: rect.y, style: CellStyle(bold: true), clip: rect)
        x = grid.put(" \(state.capabilities.unicode ? "◂" : "<") past ", x: x + 1, y: rect.y, style: CellStyle(bold: true, reverse: true), clip: rect)
        let room = Rect(x: x + 2, y: rect.y, width: max(0, rect.maxX - 1 - (x + 2)), height: 1)
        let texts = state.status.map { [$0] } ?? headerTexts(state)
        let text = texts.first { $0.unicodeScalars.count <= room.width } ?? texts.last ?? ""
        grid.put(Chrome.fitted(text, width: room.width, ellipsis: glyphs.ellipsis), x: room.x, y: rect.y, clip: room)
    }

    /// The footer's entries while a past epoch shows, most useful first: each a key and its
    /// labels, longest first.
    static func footerEntries(_ state: AppState) -> [(key: String, labels: [String])] {
        guard let epoch = state.viewedEpoch else { return [] }
        let shown = Format.grouped(epoch)
        let unicode = state.capabilities.unicode
        func key(_ action: HistoryAction) -> String { KeyMap.key(for: .history(action), unicode: unicode) }
        return [
            (KeyMap.key(for: .togglePlay), ["continue from epoch \(shown) (the run after it stays as a ghost)",
                                            "continue from epoch \(shown) (the rest: a ghost)",
                                            "continue from \(shown)"]),
            (key(.step(by: -1)) + "/" + key(.step(by: 1)), ["epoch", "epoch"]),
            (key(.toNow), ["now"]),
            (KeyMap.key(for: .adjust(.learningRate, by: -1)) + "/" + KeyMap.key(for: .adjust(.learningRate, by: 1)),
             ["a setting also continues from here", "rate: continue"]),
            (key(.toStart), ["start"]),
            (key(.rewind), ["rewind"]),
        ]
    }

    /// The footer while a past epoch shows (the pinned keys, "? help  q quit", stay at the right).
    static func footer(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        grid.fill(rect)
        let keyStyle = CellStyle(bold: true, reverse: true)
        let unicode = state.capabilities.unicode
        let pinned = KeyMap.footerHints(for: state).pinned.map { (key: $0.footerLabel(unicode: unicode), label: $0.footer!.label) }
        let pinnedWidth = pinned.reduce(0) { $0 + $1.key.unicodeScalars.count + $1.label.count + 3 }
        let rightStart = rect.maxX - pinnedWidth
        var x = rect.x
        for entry in footerEntries(state) {
            let keyWidth = entry.key.unicodeScalars.count + 3
            guard let label = entry.labels.first(where: { x + keyWidth + $0.count <= rightStart }) else { break }
            x = grid.put(" " + entry.key + " ", x: x, y: rect.y, style: keyStyle, clip: rect)
            x = grid.put(label + " ", x: x, y: rect.y, clip: rect)
        }
        x = rightStart
        for hint in pinned {
            x = grid.put(" " + hint.key + " ", x: x, y: rect.y, style: keyStyle, clip: rect)
            x = grid.put(hint.label + " ", x: x, y: rect.y, clip: rect)
        }
    }

    /// The keys' context shows the past's top line and footer (the playing field, inspecting,
    /// or the help over them), not while a value or a file name is typed.
    static func isShown(_ state: AppState) -> Bool {
        guard state.isInThePast, state.lessons == nil, state.drawing == nil else { return false }
        return [.normal, .inspecting, .overlay, .link].contains(KeyContext(state))
    }

    /// A click on the loss chart: the kept epoch nearest the one under it; the wheel there: one
    /// kept epoch on (up) or back (down).
    static func chartMouseAction(_ key: Key, _ state: AppState) -> Action? {
        let chart = state.layout.chart
        switch key {
        case .click(let x, let y):
            guard chart.contains(x: x, y: y) else { return nil }
            let frame = state.frame
            let geometry = LossChart.Geometry(frame.shown.losses.records, ghosts: frame.timeline.ghosts, logScale: state.logScaleLoss,
                                              in: chart, unicode: state.capabilities.unicode)
            return geometry?.epoch(atX: x).map { .history(.jump(toEpoch: $0)) }
        case .scroll(let up, let x, let y):
            guard chart.contains(x: x, y: y) else { return nil }
            return .history(.step(by: up ? 1 : -1))
        default:
            return nil
        }
    }
}
