// The knob panels: titles and one line per knob.
import PlaygroundCore

/// The settings panels and the knob lines they are made of.
enum Panels {
    /// A panel title: the name in bold, then a rule to the panel's right edge.
    static func title(_ text: String, in rect: Rect, capabilities: Capabilities, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let glyphs = Glyphs.forTerminal(unicode: capabilities.unicode)
        let palette = Palette(capabilities.colors)
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        grid.fill(line, with: Cell(glyphs.horizontal, style: CellStyle(foreground: palette.dim)))
        grid.put(" " + text + " ", x: rect.x, y: rect.y, style: CellStyle(foreground: palette.title, bold: true),
                 clip: line)
    }

    /// One knob on one line: a marker column, the label, the value right-aligned (a check box
    /// before the label for switches); the focused knob in reverse video.
    static func knobLine(label: String, value: String?, isOn: Bool, marker: Unicode.Scalar = " ",
                         focused: Bool, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let style = CellStyle(bold: focused || marker != " ", reverse: focused)
        grid.fill(rect, with: Cell(" ", style: style))
        grid.set(x: rect.x, y: rect.y, Cell(marker, style: style), clip: rect)
        var text = value == nil ? (isOn ? "[x] " : "[ ] ") + label : label
        if let value {
            // One column of margin on the right when it fits.
            let room = rect.width - 1
            let margin = text.unicodeScalars.count + 1 + value.unicodeScalars.count <= room - 1 ? 1 : 0
            let width = room - margin
            let labelRoom = max(0, width - value.unicodeScalars.count - 1)
            if text.unicodeScalars.count > labelRoom { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(labelRoom))) }
            let padding = max(1, width - text.unicodeScalars.count - value.unicodeScalars.count)
            text += String(repeating: " ", count: padding) + value
        }
        grid.put(text, x: rect.x + 1, y: rect.y, style: style, clip: rect)
    }

    /// Draws the knobs that are lines (the features and neuron counts belong to the drawing).
    static func drawKnobs(_ state: AppState, layout: Layout, into grid: inout CellGrid) {
        let settings = state.settings
        for (knob, rect) in layout.knobs {
            guard let row = state.settingTable.row(of: knob), row.panel != .drawing else { continue }
            knobLine(label: row.label(knob), value: row.value(knob, state), isOn: row.isOn(knob, settings),
                     focused: state.focus == knob, in: rect, into: &grid)
        }
    }

    /// The knob panels (the data panel with the data sets' pictures) and the line that
    /// separates the left side from the output.
    static func draw(_ state: AppState, layout: Layout, into grid: inout CellGrid) {
        let caps = state.capabilities
        title("Data", in: layout.dataPanel, capabilities: caps, into: &grid)
        title("Network", in: layout.settingsPanel, capabilities: caps, into: &grid)
        if layout.displayOnLeft { title("Display", in: layout.displayPanel, capabilities: caps, into: &grid) }
        if !layout.picker.isEmpty {
            DatasetPicker.draw(current: state.playground.hasCustomData ? nil : state.settings.activeDataset, problem: state.settings.problem, capabilities: caps,
                               in: layout.picker, into: &grid)
        }
        let glyphs = Glyphs.forTerminal(unicode: caps.unicode)
        let separator = Cell(glyphs.vertical, style: CellStyle(foreground: Palette(caps.colors).dim))
        for y in layout.outputPanel.y..<layout.outputPanel.maxY { grid.set(x: layout.separatorX, y: y, separator) }
        drawKnobs(state, layout: layout, into: &grid)
    }
}
