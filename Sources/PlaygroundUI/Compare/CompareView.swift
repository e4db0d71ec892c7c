// The comparison's screen: the runs' heat maps, one loss chart with a curve per run, the legend.
import PlaygroundCore

/// Draws the comparison from the frame (`Frame.runs`, `Frame.compareLayout`): nothing is
/// evaluated or laid out here.
enum CompareView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        guard let compare = state.compare, let layout = state.frame.compareLayout else { return }
        let caps = state.capabilities
        let palette = Palette(caps.colors)
        let glyphs = Glyphs.forTerminal(unicode: caps.unicode)
        let runs = state.frame.runs
        header(state, compare, in: layout.header, glyphs: glyphs, into: &grid)
        settingsLine(compare, in: layout.settings, into: &grid)
        for (offset, map) in layout.maps.enumerated() {
            let index = layout.firstShown + offset
            guard index < runs.count, index < compare.runs.count else { break }
            let values = runs[index].heatMap.outputs
            let discretize = state.settings.discretize
            let codes = HeatMapWidget.shadeCodes(values: values, count: map.width * map.height * 2, discretize: discretize)
            HalfBlocks(caps).draw(codes: codes, values: values, discretize: discretize, width: map.width, rect: map, into: &grid)
            let run = compare.runs[index], selected = index == compare.selected
            let line = Rect(x: map.x, y: map.maxY, width: map.width, height: 1)
            let sample = LossChart.seriesSample(index, capabilities: caps)
            var x = grid.put(selected ? String(glyphs.selected) : " ", x: line.x, y: line.y, style: CellStyle(bold: true), clip: line)
            x = grid.put(String(index + 1), x: x, y: line.y, style: CellStyle(foreground: sample.style.foreground, bold: true), clip: line)
            grid.put(" " + compare.setting.label(run.value), x: x, y: line.y, style: CellStyle(bold: selected, reverse: selected), clip: line)
            let reached = state.stop.targetTestLoss != nil && run.reachedTargetAt != nil
            let numbers = (reached ? (caps.unicode ? "✓" : "*") : "e") + Format.grouped(run.epoch) + " " + Format.lossLabel(run.testLoss)
            grid.put(numbers, x: map.x, y: map.maxY + 1, style: CellStyle(foreground: reached ? palette.title : .default), clip: Rect(x: map.x, y: map.maxY + 1, width: map.width, height: 1))
        }
        let series = runs.map { $0.losses.records.map { (epoch: $0.epoch, loss: $0.test) } }
        var title = "test loss"
        if layout.maps.count < compare.runs.count {
            title += " · maps \(layout.firstShown + 1)-\(layout.firstShown + layout.maps.count) of \(compare.runs.count) (← →)"
        }
        grid.put(caps.unicode ? title : title.replacing("·", with: "-").replacing("← →", with: "arrows"), x: layout.chart.x, y: layout.chart.y,
                 style: CellStyle(foreground: palette.dim), clip: layout.chart)
        LossChart.drawSeries(series, logScale: state.logScaleLoss,
                             in: Rect(x: layout.chart.x, y: layout.chart.y + 1, width: layout.chart.width, height: layout.chart.height - 1),
                             capabilities: caps, into: &grid)
        legend(state, compare, in: layout.legend, glyphs: glyphs, into: &grid)
        // The stop settings always; the last message after them (unless it is they).
        let line = state.status.flatMap { $0 == state.stop.summary ? nil : state.stop.summary + "   " + $0 } ?? state.stop.summary
        grid.put(Chrome.fitted(line, width: layout.status.width - 1, ellipsis: glyphs.ellipsis), x: 1, y: layout.status.y, clip: layout.status)
        Chrome.footer(state, in: layout.footer, into: &grid)
    }

    /// " compare activation   ▸ playing   60 epochs/s: 7.5 each of 8   epoch 1,234".
    static func header(_ state: AppState, _ compare: Compare, in rect: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        var x = grid.put(" compare \(compare.setting.title) ", x: rect.x, y: rect.y, style: CellStyle(bold: true), clip: rect)
        let play = compare.isRunning ? " \(glyphs.selected) playing " : " paused "
        x = grid.put(play, x: x + 1, y: rect.y, style: CellStyle(bold: compare.isRunning, reverse: compare.isRunning), clip: rect)
        x = grid.put("  " + pace(state, compare), x: x, y: rect.y, clip: rect)
        grid.put("  epoch " + Format.grouped(compare.epoch), x: x, y: rect.y, clip: rect)
    }

    /// The shared pace: the app's speed split between the runs still training.
    static func pace(_ state: AppState, _ compare: Compare) -> String {
        let active = max(1, compare.runs.filter { !compare.isStopped($0, state.stop) }.count)
        guard let rate = state.speed.epochsPerSecond else { return "max speed, shared by \(active)" }
        return "\(state.speed.title): \(Format.shortNumber(rate / Double(active))) each of \(active)"
    }

    /// " vary (Tab): activation  learning rate  …", the compared one in reverse.
    static func settingsLine(_ compare: Compare, in rect: Rect, into grid: inout CellGrid) {
        var x = grid.put(" vary (Tab):", x: rect.x, y: rect.y, clip: rect)
        for setting in CompareSetting.allCases {
            let current = setting == compare.setting
            x = grid.put(" ", x: x, y: rect.y, clip: rect)
            x = grid.put(setting.title, x: x, y: rect.y, style: CellStyle(bold: current, reverse: current), clip: rect)
        }
    }

    /// One row per run: its sample, number, value, epoch, test loss, and ✓ once it reached the
    /// target (it stopped there, so its epoch is the one it reached it at).
    static func legend(_ state: AppState, _ compare: Compare, in rect: Rect, glyphs: Glyphs, into grid: inout CellGrid) {
        let caps = state.capabilities
        let dim = CellStyle(foreground: Palette(caps.colors).dim)
        let target = state.stop.targetTestLoss.map { "≤" + NumberFormat.javaScript($0) } ?? ""
        let head = "    #  " + pad(compare.setting.title, 13) + leftPad("epoch", 7) + leftPad("test", 7) + "  " + (caps.unicode ? target : target.replacing("≤", with: "<="))
        grid.put(head, x: rect.x, y: rect.y, style: dim, clip: rect)
        for (index, run) in compare.runs.enumerated() where rect.y + 1 + index < rect.maxY {
            let y = rect.y + 1 + index, selected = index == compare.selected
            let sample = LossChart.seriesSample(index, capabilities: caps)
            var x = grid.put(selected ? String(glyphs.selected) : " ", x: rect.x, y: y, style: CellStyle(bold: true), clip: rect)
            x = grid.put(sample.text, x: x + 1, y: y, style: sample.style, clip: rect)
            // A run that reached the target stopped there: its epoch is the one it reached it at.
            let reached = state.stop.targetTestLoss != nil && run.reachedTargetAt != nil ? (caps.unicode ? "✓" : "*") : ""
            let text = " " + String(index + 1) + "  " + pad(compare.setting.label(run.value), 13) + leftPad(Format.grouped(run.epoch), 7)
                + leftPad(Format.lossLabel(run.testLoss), 7) + "  " + reached
            grid.put(text, x: x, y: y, style: CellStyle(bold: selected, reverse: selected), clip: rect)
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.unicodeScalars.count)) + text
    }
}
