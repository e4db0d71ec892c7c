// The right side's arrangement: the heat map, its legends, the stats and the chart.
/// The right-hand side's arithmetic: how wide it is and where the heat map, its legends, the
/// display switches, the stats and the loss chart go. The heat map is square in pixels (`2H`
/// columns for `H` rows, two pixel rows per cell) and as large as the height and two fifths of
/// the width allow, after the loss chart's rows (at least `LossChart.idealHeight`, a sixth of the
/// body when taller).
///
/// Two forms, whichever gives the larger map:
/// ```
/// stacked (most shapes)        beside (wide and short, e.g. 240×30)
///  Output ─────────────         Output ─────────────────────────────
///  ┌heat map 2H×H┐              ┌heat map 2H×H┐ colour bar, point legend
///  colour bar, point legend     │             │ switches, speed
///  switches, speed              │             │ epoch, losses
///  epoch, losses                └─────────────┘ Loss ── chart
///  Loss ── chart
/// ```
/// The switches and the speed leave the output for the knob panels on the left when keeping
/// them under the map would shrink it (80×24).
struct OutputLayout {
    var panel = Rect(x: 0, y: 0, width: 0, height: 0)
    var heatMap = Rect(x: 0, y: 0, width: 0, height: 0)
    var colorBar = Rect(x: 0, y: 0, width: 0, height: 0)
    var pointLegend = Rect(x: 0, y: 0, width: 0, height: 0)
    /// Show test data, discretize, speed: one line each; empty when they live on the left.
    var display = Rect(x: 0, y: 0, width: 0, height: 0)
    var stats = Rect(x: 0, y: 0, width: 0, height: 0)
    /// The chart's title row and the chart.
    var chartTitle = Rect(x: 0, y: 0, width: 0, height: 0)
    var chart = Rect(x: 0, y: 0, width: 0, height: 0)

    static let statsRows = 3
    static let sideWidth = 28
    static let minimumWidth = 24

    /// The output for a screen `width` wide whose body is `body`; `displayRows` lines of
    /// switches and speed (fewer when a classroom link hides some); `leftNeeds` columns kept for
    /// the left side (the network drawing's compact form with its names).
    init(width: Int, body: Rect, displayRows: Int, leftNeeds: Int) {
        let rows = body.height
        let cap = max(OutputLayout.minimumWidth, min((width - 2) * 2 / 5, width - 2 - leftNeeds))
        let chartRows = max(LossChart.idealHeight, rows / 6)
        let fixed = 1 + OutputLayout.statsRows + 1 + chartRows  // title, stats, chart title, chart
        let stacked = max(4, min(rows - fixed, cap / 2))
        let displayBelow = rows - fixed - displayRows >= stacked
        let sideFixed = OutputLayout.statsRows + 1 + LossChart.idealHeight + displayRows
        let beside = rows - 1 >= sideFixed ? min(rows - 1, (cap - OutputLayout.sideWidth - 1) / 2) : 0
        if beside > stacked {
            let side = max(OutputLayout.sideWidth, min(32, cap - 2 * beside - 1))
            let panel = Rect(x: width - (2 * beside + 1 + side), y: body.y, width: 2 * beside + 1 + side, height: rows)
            self.panel = panel
            heatMap = Rect(x: panel.x, y: panel.y + 1, width: 2 * beside, height: beside)
            let column = Rect(x: heatMap.maxX + 1, y: heatMap.y, width: side, height: rows - 1)
            stackLegends(in: column, displayRows: displayRows, chartRows: LossChart.idealHeight)
        } else {
            let panelWidth = max(OutputLayout.minimumWidth, 2 * stacked)
            let panel = Rect(x: width - panelWidth, y: body.y, width: panelWidth, height: rows)
            self.panel = panel
            heatMap = Rect(x: panel.x, y: panel.y + 1, width: 2 * stacked, height: stacked)
            let below = Rect(x: panel.x, y: heatMap.maxY, width: panelWidth, height: panel.maxY - heatMap.maxY)
            stackLegends(in: below, displayRows: displayBelow ? displayRows : 0, chartRows: chartRows)
            colorBar.width = min(colorBar.width, heatMap.width)
        }
    }

    /// Top to bottom in `column`: colour bar and point legend when the chart keeps its rows,
    /// the display lines, the stats, the chart's title and the chart (the rest).
    private mutating func stackLegends(in column: Rect, displayRows: Int, chartRows: Int) {
        var spare = column.height - displayRows - OutputLayout.statsRows - 1 - chartRows
        var y = column.y
        func take(_ count: Int, width: Int? = nil) -> Rect {
            defer { y += count }
            return Rect(x: column.x, y: y, width: min(column.width, width ?? column.width), height: count)
        }
        if spare >= 2 { colorBar = take(2); spare -= 2 }
        if spare >= 1 { pointLegend = take(1); spare -= 1 }
        // Lines of a label and a value no wider than a knob column: the two stay close.
        display = take(displayRows, width: Layout.knobColumnWidth)
        stats = take(OutputLayout.statsRows, width: Layout.knobColumnWidth)
        chartTitle = take(1)
        chart = take(column.maxY - y)
    }
}
