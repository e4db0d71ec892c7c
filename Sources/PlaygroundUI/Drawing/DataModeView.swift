// The drawing mode's view: the crosshair over the heat map, its prompt line.
import PlaygroundCore

/// What the drawing mode and the file lines add to the screen: the crosshair on the heat map and
/// the map's title saying what a point will be; the prompt line above the footer while a file
/// name is typed or a question waits.
enum DataModeView {
    static func draw(_ state: AppState, layout: Layout, into grid: inout CellGrid) {
        if let drawing = state.drawing, !layout.heatMap.isEmpty {
            drawTitle(drawing, state, layout: layout, into: &grid)
            drawCrosshair(drawing, state, in: layout.heatMap, into: &grid)
        }
        if let line = promptLine(state, width: grid.width), layout.footer.y > 0 {
            let row = Rect(x: 0, y: layout.footer.y - 1, width: grid.width, height: 1)
            grid.fill(row, with: Cell(" ", style: CellStyle(bold: true)))
            // The end of a long name stays in sight, where the typing is.
            let scalars = Array(line.unicodeScalars)
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: scalars.suffix(max(0, row.width - 2)))
            grid.put(String(shown), x: 1, y: row.y, style: CellStyle(bold: true), clip: row)
        }
    }

    /// The prompt line's text: the file name being typed with a cursor, or the question; else, in
    /// the drawing mode, after a file was saved or loaded, or when the message is longer than the
    /// header's room at this `width`, the message in full (never cut where it would lose its point).
    static func promptLine(_ state: AppState, width: Int) -> String? {
        if let question = state.question { return question.text + "  y: yes  n or Esc: no" }
        if let entry = state.pathEntry { return entry.prompt + entry.text + (state.capabilities.unicode ? "▏" : "_") }
        guard let status = state.status else { return nil }
        let long = status.unicodeScalars.count > Chrome.headerStatusWidth(state, width: width)
        guard state.drawing != nil || status == state.fileMessage || long else { return nil }
        return status
    }

    /// The class or value a new point gets, as the map's title: "Draw: + blue", "Draw: 0.5 ▆".
    static func drawTitle(_ drawing: Drawing, _ state: AppState, layout: Layout, into grid: inout CellGrid) {
        let caps = state.capabilities
        let problem = state.settings.problem
        let label = drawing.newLabel(problem)
        let text: String
        if problem == .classification {
            text = label > 0 ? "Draw: + blue" : "Draw: " + (caps.unicode ? "−" : "-") + " orange"
        } else {
            text = "Draw: value " + Format.decimal(label, places: 1) + "  "
        }
        let titleRow = Rect(x: layout.outputPanel.x, y: layout.outputPanel.y, width: layout.outputPanel.width, height: 1)
        Panels.title(text, in: titleRow, capabilities: caps, into: &grid)
        if problem == .regression {
            // A swatch of the value's colour on the map's scale, after "value 0.5 ".
            let x = titleRow.x + 1 + ("Draw: value " + Format.decimal(label, places: 1)).unicodeScalars.count + 1
            grid.set(x: x, y: titleRow.y, swatch(label: label, problem: problem, capabilities: caps), clip: titleRow)
        }
    }

    /// The crosshair: the cell under it, in the new point's colour with a cross over it.
    static func drawCrosshair(_ drawing: Drawing, _ state: AppState, in map: Rect, into grid: inout CellGrid) {
        let cell = DrawMode.cell(x: drawing.x, y: drawing.y, width: map.width, height: map.height)
        var mark = swatch(label: drawing.newLabel(state.settings.problem), problem: state.settings.problem,
                          capabilities: state.capabilities)
        mark.scalar = state.capabilities.unicode ? "╋" : "@"
        grid.set(x: map.x + cell.column, y: map.y + cell.row, mark, clip: map)
    }

    /// A cell in the colour of a point with `label` (reverse video without colour).
    static func swatch(label: Double, problem: Problem, capabilities: Capabilities) -> Cell {
        let palette = Palette(capabilities.colors)
        guard capabilities.colors != .none else { return Cell(" ", style: CellStyle(bold: true, reverse: true)) }
        let background: TerminalColor
        let light: Bool
        if problem == .regression {
            let shade = ShadeScale.shade(label)
            background = palette.shade(shade)
            light = PointMarks.isLight(shade: shade, colors: capabilities.colors)
        } else {
            background = label > 0 ? palette.color(full: 25, eight: 4) : palette.color(full: 166, eight: 1)
            light = false
        }
        let ink = light ? PointMarks.black(palette) : PointMarks.white(palette)
        return Cell(" ", style: CellStyle(foreground: ink, background: background, bold: true))
    }
}
