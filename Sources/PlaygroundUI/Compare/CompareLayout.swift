// Where the comparison draws: the grid of small heat maps, the loss chart, its legend.
/// The comparison's screen for a size and a number of runs:
///
/// ```
/// row 0       header: what is compared, playing or paused, the shared pace
/// row 1       the settings to choose from (Tab), the one compared marked
/// maps        a grid of small heat maps, each with its value, epoch and test loss below
/// chart       every run's test loss, one curve each, and the legend (one row per run)
/// row h-2     the stop settings and the last message
/// row h-1     the footer
/// ```
/// The chart and the legend stand below the maps, or (from 150 columns on) at their right when
/// that gives larger maps. Maps are `2h × h` cells (square in pixels) with `h` as large as fits every run;
/// when even `minimumMapRows` do not fit them all, as many as fit show, around the cursor.
public struct CompareLayout: Equatable, Sendable {
    public static let minimumMapRows = 6
    public static let maximumMapRows = 20
    /// Rows under each map: its value, then its epoch and test loss.
    static let labelRows = 2

    public var header: Rect
    public var settings: Rect
    /// One heat map per run shown, for runs `firstShown ..< firstShown + maps.count`.
    public var maps: [Rect]
    public var firstShown: Int
    public var chart: Rect
    public var legend: Rect
    public var status: Rect
    public var footer: Rect

    public init(width: Int, height: Int, runCount: Int, selected: Int) {
        header = Rect(x: 0, y: 0, width: width, height: 1)
        settings = Rect(x: 0, y: 1, width: width, height: 1)
        status = Rect(x: 0, y: height - 2, width: width, height: 1)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        let top = 2, contentHeight = max(0, height - 4)
        let legendRows = runCount + 1
        // Beside (from 150 columns) or below the maps, whichever gives the larger maps.
        var arrangements: [(maps: Rect, chart: Rect, legend: Rect, below: Bool)] = []
        let band = max(8, legendRows), legendWidth = min(40, width / 2)
        arrangements.append((Rect(x: 0, y: top, width: width, height: max(0, contentHeight - band - 1)),
                             Rect(x: 0, y: top + contentHeight - band, width: width - legendWidth - 1, height: band),
                             Rect(x: width - legendWidth, y: top + contentHeight - band, width: legendWidth, height: band), true))
        if width >= 150 {
            let side = max(56, width / 3)
            let chartHeight = min(24, max(8, contentHeight - legendRows - 1))
            arrangements.append((Rect(x: 0, y: top, width: width - side - 1, height: contentHeight),
                                 Rect(x: width - side, y: top, width: side, height: chartHeight),
                                 Rect(x: width - side, y: top + chartHeight + 1, width: side, height: legendRows), false))
        }
        // The largest maps that fit every run; else the smallest, as many as fit.
        func grid(_ area: Rect, _ rows: Int) -> (columns: Int, rows: Int) {
            ((area.width + 1) / (2 * rows + 1), area.height / (rows + CompareLayout.labelRows))
        }
        func mapRows(_ area: Rect) -> Int {
            for rows in stride(from: CompareLayout.maximumMapRows, through: CompareLayout.minimumMapRows, by: -1) {
                let fit = grid(area, rows)
                if fit.columns * fit.rows >= runCount { return rows }
            }
            return CompareLayout.minimumMapRows
        }
        let chosen = arrangements.max { mapRows($0.maps) < mapRows($1.maps) }!
        let mapArea = chosen.maps, rows = mapRows(mapArea)
        chart = chosen.chart
        legend = chosen.legend
        let fit = grid(mapArea, rows)
        let capacity = max(0, min(runCount, fit.columns * fit.rows))
        firstShown = max(0, min(selected - capacity / 2, runCount - capacity))
        maps = (0..<capacity).map { index in
            Rect(x: mapArea.x + (index % fit.columns) * (2 * rows + 1),
                 y: mapArea.y + (index / max(1, fit.columns)) * (rows + CompareLayout.labelRows),
                 width: 2 * rows, height: rows)
        }
        // Below the maps, the rows they leave go to the chart and the legend.
        if chosen.below, let last = maps.last {
            let spare = max(0, mapArea.maxY - (last.maxY + CompareLayout.labelRows))
            chart = Rect(x: chart.x, y: chart.y - spare, width: chart.width, height: chart.height + spare)
            legend = Rect(x: legend.x, y: legend.y - spare, width: legend.width, height: legend.height + spare)
        }
    }

    /// The map of run `index`, if it is shown.
    public func map(ofRun index: Int) -> Rect? {
        maps.indices.contains(index - firstShown) ? maps[index - firstShown] : nil
    }
}
