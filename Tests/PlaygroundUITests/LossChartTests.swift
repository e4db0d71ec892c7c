import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The loss chart against literal lines, on grids pre-filled with a marker so clipping shows.
final class LossChartTests: XCTestCase {
    func marked(width: Int, height: Int) -> CellGrid { CellGrid(width: width, height: height, fill: Cell("·")) }

    /// Records at epochs 0, 1, 2, … (or the given epochs) with these losses.
    func records(_ training: [Double], _ test: [Double]? = nil, epochs: [Int]? = nil) -> [LossHistory.Record] {
        let test = test ?? training
        return training.indices.map {
            LossHistory.Record(epoch: epochs?[$0] ?? $0, training: training[$0], test: test[$0])
        }
    }

    func draw(_ records: [LossHistory.Record], logScale: Bool = false, width: Int, height: Int, in rect: Rect? = nil,
              capabilities: Capabilities = Capabilities()) -> CellGrid {
        var grid = marked(width: width, height: height)
        LossChart.draw(records, logScale: logScale, in: rect ?? Rect(x: 0, y: 0, width: width, height: height),
                       capabilities: capabilities, into: &grid)
        return grid
    }

    func testBrailleLineOfAKnownSeries() {
        // One row, no labels: 4 dot columns, 4 dot rows; 1 → dot row 0, 0.5 → 1.5 → 2, 0 → 3.
        // x: epochs 0, 1, 2 → dot columns 0, 1.5 → 1, 3; the segments fill (1, 2)…(3, 3).
        let grid = draw(records([1, 0.5, 0], [1, 0.5, 0]), width: 4, height: 1, in: Rect(x: 1, y: 0, width: 2, height: 1))
        XCTAssertEqual(grid.lines, ["·⠱⣀·"])
        XCTAssertEqual(grid[1, 0].style.foreground, .index(117), "both lines in this cell: the 'both' colour")
        let training = draw(records([1, 0.5, 0], [.nan, .nan, .nan]), width: 4, height: 1, in: Rect(x: 1, y: 0, width: 2, height: 1))
        XCTAssertEqual(training.lines, ["·⠱⣀·"])
        XCTAssertEqual(training[1, 0].style.foreground, Palette(.full).trainingLine)
    }

    func testLabelsAndEpochSpanAtFiveRows() {
        // 4 plot rows (16 dot rows) and the axis row; labels "0.693"/"0.100" take 6 columns.
        let losses = [0.693, 0.4, 0.2, 0.1]
        let grid = draw(records(losses, epochs: [0, 250, 500, 1250]), width: 22, height: 5)
        // Dot columns 0, 6, 12, 31 (epoch · 31 / 1250); dot rows 0, 7, 12, 15 (round((0.693 − v) / 0.593 · 15)).
        XCTAssertEqual(grid.lines, [
            "0.693 ⠑⢄              ",
            "       ⠈⠢⡀            ",
            "         ⠈⠢⢄          ",
            "0.100       ⠉⠉⠒⠒⠒⠤⠤⠤⣀⣀",
            "epochs 0-1,250        ",
        ])
    }

    func testOverlapGetsTheBothColourAndCrossingLinesStayVisible() {
        // Training falls, test rises, over 6×4 dots: an X whose every cell holds both lines.
        let grid = draw(records([1, 0], [0, 1]), width: 3, height: 1, capabilities: Capabilities())
        XCTAssertEqual(grid.lines, ["⡱⠶⢎"])
        for x in 0..<3 { XCTAssertEqual(grid[x, 0].style.foreground, .index(117), "cell \(x) holds both lines") }
        let apart = draw(records([1, 1], [0, 0]), width: 3, height: 2, capabilities: Capabilities(colors: .eight))
        XCTAssertEqual(apart.lines, ["⠉⠉⠉", "⣀⣀⣀"])
        XCTAssertEqual(apart[0, 0].style.foreground, .index(7), "training alone")
        XCTAssertEqual(apart[0, 1].style.foreground, .index(3), "test alone")
        // Without colour the shared cells are bold and the test line dotted; ASCII marks them "#".
        let plain = draw(records([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), width: 3, height: 1, capabilities: Capabilities(colors: .none))
        XCTAssertTrue(plain[1, 0].style.bold)
        let ascii = draw(records([1, 0, 0], [1, 1, 0]), width: 3, height: 2, capabilities: Capabilities(colors: .none, unicode: false))
        XCTAssertEqual(ascii.lines, ["#o ", " *#"])
    }

    func testLogScalePlacesPowersOfTenEvenly() {
        // ASCII: one dot per cell, three plot rows over the axis row; too narrow for labels.
        let series = records([1, 0.1, 0.01])
        let ascii = Capabilities(unicode: false)
        XCTAssertEqual(draw(series, logScale: true, width: 3, height: 4, capabilities: ascii).lines,
                       ["#  ", " # ", "  #", "0 2"])
        // Linear: 0.1 is 0.9/0.99 of the way down, row round(1.82) = 2.
        XCTAssertEqual(draw(series, logScale: false, width: 3, height: 4, capabilities: ascii).lines,
                       ["#  ", " # ", " ##", "0 2"])
        // Braille: 1, 0.1, 0.01, 0.001 on dot rows 0–3 and dot columns 0–3.
        XCTAssertEqual(draw(records([1, 0.1, 0.01, 0.001], [.nan, .nan, .nan, .nan]), logScale: true, width: 2, height: 1).lines,
                       ["⠑⢄"])
    }

    func testLogScaleClampsZeroAndTinyLossesToTheFloorAndSaysSo() {
        let grid = draw(records([1, 0, 1e-6], [.nan, .nan, .nan]), logScale: true, width: 12, height: 3,
                        capabilities: Capabilities(unicode: false))
        // Labels "1.000" and "<1e-4" (6 columns); plot 6 wide, 2 rows; 0 and 1e-6 at the floor.
        XCTAssertEqual(grid.lines, ["1.000 *     ", "<1e-4  *****", "epochs 0-2  "])
        XCTAssertEqual(LossChart.Axis(values: [0.5, 0.02], logScale: true)?.bottomLabel, "0.020")
        XCTAssertEqual(LossChart.Axis(values: [0.5, 0], logScale: true)?.bottomLabel, "<1e-4")
        XCTAssertEqual(LossChart.Axis(values: [0.5, 0], logScale: false)?.bottomLabel, "0.000")
    }

    func testTheLogScaleIsNamedOnTheAxisRow() {
        let grid = draw(records([1, 0.5]), logScale: true, width: 20, height: 3)
        XCTAssertEqual(grid.lines[2], "epochs 0-1       log")
        XCTAssertEqual(draw(records([1, 0.5]), logScale: false, width: 20, height: 3).lines[2], "epochs 0-1          ")
    }

    func testDivergedValuesLeaveAGap() {
        let ascii = Capabilities(unicode: false)
        let grid = draw(records([1, .nan, 0, .infinity, 0], [.nan, .nan, .nan, -.infinity, .nan]), width: 5, height: 3,
                        capabilities: ascii)
        XCTAssertEqual(grid.lines, ["*    ", "  * *", "0   4"], "no room for the words: the first and last epoch")
        // Nothing finite: only the axis, no crash.
        XCTAssertEqual(draw(records([.nan, .infinity], [.nan, .nan]), width: 12, height: 3).lines,
                       ["            ", "            ", "epochs 0-1  "])
        XCTAssertEqual(draw([], width: 3, height: 2).lines, ["   ", "   "])
    }

    func testTheXAxisIsTheEpoch() {
        // Epochs 0, 10, 100 over 11 columns: columns 0, 1, 10.
        let grid = draw(records([1, 1, 1], [.nan, .nan, .nan], epochs: [0, 10, 100]), width: 11, height: 1,
                        capabilities: Capabilities(unicode: false))
        XCTAssertEqual(grid.lines, ["***********"])
        let labelled = draw(records([1, 0, 0], [.nan, .nan, .nan], epochs: [0, 10, 100]), width: 17, height: 2,
                            capabilities: Capabilities(unicode: false))
        XCTAssertEqual(labelled.lines, ["1.000 *          ", "0.000  **********"])
    }

    func testSmallHeightsStillDrawTheLines() {
        let series = records([0.5, 0.25, 0.125, 0.0625], [.nan, .nan, .nan, .nan])
                // Two rows: labels, 16×8 dots; dot columns 0, 5, 10, 15 and rows 0, 4, 6, 7.
        XCTAssertEqual(draw(series, width: 14, height: 2).lines, ["0.500 ⠑⠤⡀     ", "0.063   ⠈⠑⠢⠤⢄⣀"])
        // One row: no labels, 28×4 dots; columns 0, 9, 18, 27 and rows 0, 2, 3, 3.
        XCTAssertEqual(draw(series, width: 14, height: 1).lines, ["⠉⠑⠒⠢⠤⠤⠤⣀⣀⣀⣀⣀⣀⣀"])
    }

    func testLegendFitsItsLineAndCarriesTheLinesStyles() {
        var grid = marked(width: 32, height: 1)
        XCTAssertEqual(LossChart.drawLegend(capabilities: Capabilities(), in: Rect(x: 1, y: 0, width: 30, height: 1), into: &grid), 29)
        XCTAssertEqual(grid.lines, ["·⠒⠒ training  ⠒⠒ test  ⠒⠒ both··"])
        XCTAssertEqual(grid[1, 0].style.foreground, Palette(.full).trainingLine)
        XCTAssertEqual(grid[15, 0].style.foreground, Palette(.full).testLine)
        XCTAssertEqual(grid[24, 0].style.foreground, .index(117))
        XCTAssertEqual(grid[4, 0].style, .plain, "names in plain text")
        grid = marked(width: 25, height: 1)
        LossChart.drawLegend(capabilities: Capabilities(colors: .none), in: Rect(x: 0, y: 0, width: 24, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, ["⠒ train  ⠂ test  ⠒ both··"])
        XCTAssertTrue(grid[17, 0].style.bold, "the shared cells are bold without colour")
        grid = marked(width: 19, height: 1)
        LossChart.drawLegend(capabilities: Capabilities(unicode: false), in: grid.bounds, into: &grid)
        XCTAssertEqual(grid.lines, ["*train otest #both·"])
        grid = marked(width: 17, height: 1)
        XCTAssertEqual(LossChart.drawLegend(capabilities: Capabilities(), in: grid.bounds, into: &grid), 0)
        XCTAssertEqual(grid.lines, [String(repeating: "·", count: 17)])
    }

    func testShortNumbers() {
        XCTAssertEqual(LossChart.shortNumber(0.6931), "0.693")
        XCTAssertEqual(LossChart.shortNumber(12.34), "12.3")
        XCTAssertEqual(LossChart.shortNumber(1234.4), "1234")
        XCTAssertEqual(LossChart.shortNumber(0.0023), "2.3e-3")
        XCTAssertEqual(LossChart.shortNumber(1e-4), "1e-4")
        XCTAssertEqual(LossChart.shortNumber(1e-5), "1e-5")
        XCTAssertEqual(LossChart.shortNumber(0.00996), "1e-2")
        XCTAssertEqual(LossChart.shortNumber(0), "0.000")
        XCTAssertEqual(LossChart.shortNumber(2.5e7), "2.50e7")
    }

    func testTheScreenShowsLegendLabelsAndEpochs() {
        var app = makeApp(width: 120, height: 40)
        _ = update(&app, .train(epochs: 25))
        _ = update(&app, .train(epochs: 25))
        let chart = app.layout.chart
        let lines = screen(app).lines.map { Array($0.unicodeScalars) }
        func text(_ row: Int) -> String { String(String.UnicodeScalarView(lines[row][chart.x..<chart.maxX])) }
        XCTAssertTrue(text(chart.y - 1).hasPrefix(" Loss ⠒⠒ training  ⠒⠒ test  ⠒⠒ both"), text(chart.y - 1))
        XCTAssertTrue(text(chart.maxY - 1).hasPrefix("epochs 0-50 "), text(chart.maxY - 1))
        let top = app.losses.records.flatMap { [$0.training, $0.test] }.max()!
        XCTAssertTrue(text(chart.y).hasPrefix(LossChart.shortNumber(top) + " "), text(chart.y))
    }
}
