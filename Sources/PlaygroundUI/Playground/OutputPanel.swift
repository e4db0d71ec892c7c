// The right-hand side: the heat map, its legends, the epoch and losses, the chart.
import PlaygroundCore

/// The right-hand side: the heat map, its colour scale and point legend, the epoch and losses,
/// and the loss chart (the display switches are knob lines, drawn with the other knobs).
enum OutputPanel {
    static func draw(_ state: AppState, layout: Layout, into grid: inout CellGrid) {
        let caps = state.capabilities
        let palette = Palette(caps.colors)
        Panels.title(heatMapTitle(state), in: Rect(x: layout.outputPanel.x, y: layout.outputPanel.y,
                                                   width: layout.outputPanel.width, height: 1), capabilities: caps, into: &grid)
        HeatMapWidget.draw(state, in: layout.heatMap, into: &grid)
        drawColorBar(caps, in: layout.colorBar, into: &grid)
        drawPointLegend(caps, problem: state.settings.problem, in: layout.pointLegend, into: &grid)

        // Epoch and losses; the labels carry the chart lines' colours.
        let stats = layout.stats
        let run = state.frame.shown
        // Looking at the past: that epoch's losses.
        let timeline = state.frame.timeline
        let last = timeline.viewed ?? run.losses.last
        statLine("Epoch", value: Format.grouped(run.epoch), color: .default, row: stats.y, in: stats, into: &grid)
        statLine(lossLabel("Training", state, width: stats.width), value: last.map { Format.decimal($0.training, places: 3) } ?? "-",
                 color: palette.trainingLine, row: stats.y + 1, in: stats, into: &grid)
        statLine(lossLabel("Test", state, width: stats.width), value: last.map { Format.decimal($0.test, places: 3) } ?? "-",
                 color: palette.testLine, row: stats.y + 2, in: stats, into: &grid)

        // The chart, its title row carrying the legend.
        let chart = layout.chart
        if chart.height > 0 {
            let titleRow = Rect(x: chart.x, y: chart.y - 1, width: chart.width, height: 1)
            Panels.title("Loss", in: titleRow, capabilities: caps, into: &grid)
            LossChart.drawLegend(capabilities: caps, in: Rect(x: titleRow.x + 6, y: titleRow.y, width: titleRow.width - 6, height: 1),
                                 into: &grid)
            LossChart.draw(run.losses.records, ghosts: timeline.ghosts, marker: timeline.viewed, logScale: state.logScaleLoss,
                           in: chart, capabilities: caps, into: &grid)
        }
    }

    /// "Training loss" (TF's square loss), or "Training loss (CE)" for cross-entropy ("Train
    /// loss (CE)" when the line is narrow), so the numbers say which loss they are.
    static func lossLabel(_ data: String, _ state: AppState, width: Int) -> String {
        guard state.settings.effectiveLoss == .crossentropy else { return data + " loss" }
        let long = data + " loss (CE)"
        // A value such as "0.693" with a space either side must fit beside it.
        return long.count + 8 <= width ? long : (data == "Training" ? "Train" : data) + " loss (CE)"
    }

    /// "Output", or the inspected node whose output the heat map shows instead.
    static func heatMapTitle(_ state: AppState) -> String {
        guard let node = state.shownNode else { return "Output" }
        let name = Inspector.name(layer: node.layer, node: node.node, settings: state.settings, unicode: state.capabilities.unicode)
        return (node.layer == 0 ? "Input " : "Node ") + name + " (\(KeyMap.key(for: .select(nil), in: .inspecting)): output)"
    }

    /// "Label        value", the label in the line's colour.
    static func statLine(_ label: String, value: String, color: TerminalColor, row: Int, in rect: Rect,
                         into grid: inout CellGrid) {
        let line = Rect(x: rect.x, y: row, width: rect.width, height: 1)
        grid.fill(line)
        grid.put(" " + label, x: rect.x, y: row, style: CellStyle(foreground: color), clip: line)
        let valueX = rect.maxX - 1 - value.unicodeScalars.count
        grid.put(value, x: max(rect.x + label.count + 2, valueX), y: row, style: CellStyle(bold: true), clip: line)
    }

    /// The colour scale from -1 to +1 across the heat map's width, labelled below.
    static func drawColorBar(_ caps: Capabilities, in rect: Rect, into grid: inout CellGrid) {
        guard rect.height >= 2, rect.width >= 6 else { return }
        let palette = Palette(caps.colors)
        for column in 0..<rect.width {
            let shade = column * ShadeScale.count / rect.width
            let cell = caps.colors == .none
                ? Cell(ShadeScale.rampCharacter(ShadeScale.value(ofShade: shade), unicode: caps.unicode))
                : Cell(" ", style: CellStyle(background: palette.shade(shade)))
            grid.set(x: rect.x + column, y: rect.y, cell, clip: rect)
        }
        let labels = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1)
        grid.fill(labels)
        grid.put("-1", x: rect.x, y: labels.y, clip: labels)
        grid.put("0", x: rect.x + rect.width / 2, y: labels.y, clip: labels)
        grid.put("+1", x: rect.maxX - 2, y: labels.y, clip: labels)
    }

    /// Each point mark as the map draws it, then what it is: " + − train  ⊞ ⊟ test" (plus for
    /// the blue class or a value ≥ 0, minus for orange or < 0).
    static func drawPointLegend(_ caps: Capabilities, problem: Problem, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let y = rect.y
        let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
        grid.fill(line)
        var x = rect.x + 1
        for (isTest, name) in [(false, " train  "), (true, " test")] {
            for label in [1.0, -1.0] {
                grid.set(x: x, y: y, PointMarks.cell(label: label, isTest: isTest, problem: problem, capabilities: caps), clip: line)
                x += label > 0 ? 2 : 1
            }
            x = grid.put(name, x: x, y: y, clip: line)
        }
    }
}
