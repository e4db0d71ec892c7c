// The loss chart's axis: linear or logarithmic, and its labels.
import PlaygroundCore

extension LossChart {
    /// Losses below this plot at it on the log scale (a loss of 0 has no logarithm); the bottom
    /// label then reads "<1e-4".
    static let logFloor = 1e-4

    /// The y axis: from the smallest to the largest finite loss shown, linear or logarithmic.
    struct Axis: Equatable {
        /// The smallest and largest finite loss (after the floor, on the log scale).
        let lowest: Double
        let highest: Double
        let logScale: Bool
        /// Some finite loss lay below `logFloor` and was drawn at it.
        let clamped: Bool

        /// nil when no value is finite (nothing to plot).
        init?(values: [Double], logScale: Bool) {
            var low = Double.infinity, high = -Double.infinity
            for value in values where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
            guard low <= high else { return nil }
            self.logScale = logScale
            clamped = logScale && low < LossChart.logFloor
            lowest = logScale ? max(low, LossChart.logFloor) : low
            highest = logScale ? max(high, LossChart.logFloor) : high
        }

        /// A loss in plotted units: itself, or its base-10 logarithm (after the floor).
        func plotted(_ value: Double) -> Double {
            logScale ? Math.log(max(value, LossChart.logFloor)) / Math.log(10) : value
        }

        /// The dot row of `value` among `rows` dot rows, 0 at the top (the highest loss) and
        /// `rows - 1` at the bottom: `round((top − v) / (top − bottom) · (rows − 1))` in plotted
        /// units. A flat range sits in the middle row, `(rows − 1) / 2`. nil for NaN and ±∞.
        func row(_ value: Double, rows: Int) -> Int? {
            guard value.isFinite else { return nil }
            let top = plotted(highest), bottom = plotted(lowest)
            let span = top - bottom
            if span <= 1e-12 * max(1, abs(top)) { return (rows - 1) / 2 }
            let row = Int(((top - plotted(value)) / span * Double(rows - 1)).rounded())
            return min(rows - 1, max(0, row))
        }

        /// The label at the top row and at the bottom row.
        var topLabel: String { LossChart.shortNumber(highest) }
        var bottomLabel: String { (clamped ? "<" : "") + LossChart.shortNumber(lowest) }
    }

    /// A loss in at most about six characters (`Format.lossLabel`).
    static func shortNumber(_ value: Double) -> String { Format.lossLabel(value) }
}
