// The header, the footer and the "too small" screen.
/// The header, the footer and the "too small" screen.
enum Chrome {
    /// " playground-tui   ▸ playing   message ......   60 epochs/s  seed 0.12345 ". The speed and
    /// the seed always show at the right; a message takes the room between and is cut with an
    /// ellipsis when it is longer.
    static func header(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        if TimeTravelView.isShown(state) { return TimeTravelView.header(state, in: rect, into: &grid) }
        let palette = Palette(state.capabilities.colors)
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        grid.fill(rect)
        var x = grid.put(" playground-tui ", x: rect.x, y: rect.y, style: CellStyle(bold: true), clip: rect)
        let play = state.isPlaying ? " \(glyphs.selected) playing " : " paused "
        x = grid.put(play, x: x + 1, y: rect.y, style: CellStyle(bold: state.isPlaying, reverse: state.isPlaying), clip: rect)
        let speed = state.speed.title + state.stop.headerNote, seed = "seed \(state.settings.seed) "
        let rightX = max(x + 1, rect.maxX - speed.unicodeScalars.count - 2 - seed.unicodeScalars.count)
        let seedX = grid.put(speed, x: rightX, y: rect.y, clip: rect) + 2
        grid.put(seed, x: seedX, y: rect.y, style: CellStyle(foreground: palette.dim), clip: rect)
        if let status = state.status, DataModeView.promptLine(state, width: grid.width) == nil {
            let warning = state.hasDiverged && status == AppState.divergedMessage
            // Two spaces after the play state, three before the speed.
            let room = Rect(x: x + 2, y: rect.y, width: max(0, rightX - 3 - (x + 2)), height: 1)
            grid.put(fitted(status, width: room.width, ellipsis: glyphs.ellipsis), x: room.x, y: rect.y,
                     style: CellStyle(foreground: warning ? palette.warning : .default, bold: warning), clip: room)
        }
    }

    /// The header's room for a message: between the play state and the speed (two spaces after
    /// the one, three before the other).
    static func headerStatusWidth(_ state: AppState, width: Int) -> Int {
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        let play = state.isPlaying ? " \(glyphs.selected) playing " : " paused "
        let left = " playground-tui ".unicodeScalars.count + 1 + play.unicodeScalars.count
        let right = (state.speed.title + state.stop.headerNote).unicodeScalars.count + 2 + "seed \(state.settings.seed) ".unicodeScalars.count
        return max(0, width - right - 3 - (left + 2))
    }

    /// `text` as it is when it fits in `width` columns, else its start and `ellipsis`.
    static func fitted(_ text: String, width: Int, ellipsis: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        guard width > ellipsis.unicodeScalars.count else { return "" }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(width - ellipsis.unicodeScalars.count))
        return String(cut) + ellipsis
    }

    /// The most useful keys of the context from the left (as many as fit, by the table's
    /// priorities), the pinned ones ("? help  q quit") always at the right.
    static func footer(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        if TimeTravelView.isShown(state) { return TimeTravelView.footer(state, in: rect, into: &grid) }
        grid.fill(rect)
        let keyStyle = CellStyle(bold: true, reverse: true)
        let unicode = state.capabilities.unicode
        let hints = KeyMap.footerHints(for: state)
        let pinned = hints.pinned.map { (key: $0.footerLabel(unicode: unicode), label: $0.footer!.label) }
        let pinnedWidth = pinned.reduce(0) { $0 + $1.key.unicodeScalars.count + $1.label.count + 3 }
        let rightStart = rect.maxX - pinnedWidth
        var x = rect.x
        for binding in hints.left {
            let key = binding.footerLabel(unicode: unicode), label = binding.footer!.label(isPlaying: state.isPlaying)
            let width = key.unicodeScalars.count + label.count + 3
            guard x + width <= rightStart else { break }
            x = grid.put(" " + key + " ", x: x, y: rect.y, style: keyStyle, clip: rect)
            x = grid.put(label + " ", x: x, y: rect.y, clip: rect)
        }
        x = rightStart
        for hint in pinned {
            x = grid.put(" " + hint.key + " ", x: x, y: rect.y, style: keyStyle, clip: rect)
            x = grid.put(hint.label + " ", x: x, y: rect.y, clip: rect)
        }
    }

    /// Below 80×24: a centred message with the size needed, the size now and how to quit (the
    /// only key that acts here).
    static func tooSmall(_ state: AppState, into grid: inout CellGrid) {
        grid.fill(grid.bounds)
        let times = Glyphs.forTerminal(unicode: state.capabilities.unicode).times
        let lines = ["terminal too small, need \(Layout.minimumWidth)\(times)\(Layout.minimumHeight)",
                     "(now \(state.width)\(times)\(state.height))", "q quits"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < grid.height {
            let x = max(0, (grid.width - line.unicodeScalars.count) / 2)
            grid.put(line, x: x, y: top + index, style: CellStyle(bold: index == 0))
        }
    }
}
