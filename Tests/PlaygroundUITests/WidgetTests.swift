import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Widgets against literal lines, on grids pre-filled with a marker so clipping shows.
final class WidgetTests: XCTestCase {
    func marked(width: Int, height: Int) -> CellGrid { CellGrid(width: width, height: height, fill: Cell("·")) }

    func testKnobLine() {
        var grid = marked(width: 22, height: 1)
        Panels.knobLine(label: "Noise", value: "25", isOn: false, focused: false, in: Rect(x: 1, y: 0, width: 20, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, ["· Noise           25 ·"])
        Panels.knobLine(label: "Layer 2", value: "4 neurons", isOn: false, marker: "▸", focused: true,
                        in: Rect(x: 1, y: 0, width: 20, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, ["·▸Layer 2  4 neurons ·"])
        XCTAssertTrue(grid[5, 0].style.reverse)
        Panels.knobLine(label: "Show test data", value: nil, isOn: true, focused: false, in: Rect(x: 1, y: 0, width: 20, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, ["· [x] Show test data ·"])
        Panels.knobLine(label: "A very long label here", value: "123", isOn: false, focused: false,
                        in: Rect(x: 1, y: 0, width: 12, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, ["· A very  123st data ·"], "the label gives way; the old cells beyond the rect stay")
    }

    func testFooterAt80Columns() {
        let app = makeApp(width: 80, height: 24)
        var grid = marked(width: 80, height: 1)
        Chrome.footer(app, in: Rect(x: 0, y: 0, width: 80, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, [" Space play  s step  r reset  d data  1-7 features  i inspect    ? help  q quit "])
        XCTAssertTrue(grid[1, 0].style.reverse)
    }

    func testHeaderShowsPlayStateMessageAndSeed() {
        var app = makeApp(width: 80, height: 24)
        app.isPlaying = true
        app.status = "new data: seed 0.1"
        var grid = marked(width: 80, height: 1)
        Chrome.header(app, in: Rect(x: 0, y: 0, width: 80, height: 1), into: &grid)
        XCTAssertEqual(grid.lines, [" playground-tui   ▸ playing   new data: seed 0.1      60 epochs/s  seed 0.12345 "])
    }

    func testTooSmallMessageIsCentred() {
        let app = makeApp(width: 40, height: 6)
        let lines = screen(app).lines
        XCTAssertEqual(lines[1], "     terminal too small, need 80×24     ")
        XCTAssertEqual(lines[2], "               (now 40×6)               ")
        XCTAssertEqual(lines[3], "                q quits                 ")
        let ascii = makeApp(width: 79, height: 24, capabilities: Capabilities(unicode: false))
        XCTAssertTrue(screen(ascii).lines.joined().contains("terminal too small, need 80x24"))
    }

    func testStatsShowEpochAndLossesWithThreeDecimals() {
        var app = makeApp(width: 120, height: 40)
        _ = update(&app, .train(epochs: 1234))
        let text = screen(app).lines
        let layout = app.layout
        let epochLine = String(text[layout.stats.y].unicodeScalars.dropFirst(layout.stats.x).prefix(layout.stats.width))
        XCTAssertTrue(epochLine.hasPrefix(" Epoch"))
        XCTAssertTrue(epochLine.hasSuffix("1,234 "))
        let last = app.losses.last!
        let trainingLine = String(text[layout.stats.y + 1].unicodeScalars.dropFirst(layout.stats.x).prefix(layout.stats.width))
        XCTAssertTrue(trainingLine.hasPrefix(" Training loss"))
        XCTAssertTrue(trainingLine.hasSuffix(Format.decimal(last.training, places: 3) + " "), trainingLine)
        let testLine = String(text[layout.stats.y + 2].unicodeScalars.dropFirst(layout.stats.x).prefix(layout.stats.width))
        XCTAssertTrue(testLine.hasPrefix(" Test loss"))
    }

    func testNumberFormats() {
        XCTAssertEqual(Format.decimal(0.12345, places: 3), "0.123")
        XCTAssertEqual(Format.decimal(0.0005, places: 3), "0.001")
        XCTAssertEqual(Format.decimal(12.5, places: 3), "12.500")
        XCTAssertEqual(Format.decimal(-0.0001, places: 3), "0.000")
        XCTAssertEqual(Format.decimal(-2.25, places: 1), "-2.3")
        XCTAssertEqual(Format.decimal(.nan, places: 3), "NaN")
        XCTAssertEqual(Format.decimal(.infinity, places: 3), "inf")
        XCTAssertEqual(Format.grouped(0), "0")
        XCTAssertEqual(Format.grouped(999), "999")
        XCTAssertEqual(Format.grouped(1234567), "1,234,567")
    }

    func testLinkOverlayHoldsTheWholeLink() {
        var app = makeApp(width: 80, height: 24)
        app.overlay = .link
        let lines = screen(app).lines
        let link = app.settings.link
        // The one-row view comes first; the whole link is in the rows below it (LinkBoxTests).
        let start = lines.lastIndex { $0.hasPrefix("https://") }!
        let joined = lines[start..<(start + (link.count + 79) / 80)].joined()
        XCTAssertEqual(String(joined.prefix(link.count)), link)
    }
}

final class NumberFormatWidgetTests: XCTestCase {
    func testLargeNumbersUseAShortScientificForm() {
        XCTAssertEqual(Format.decimal(1.185773677090996e165, places: 3), "1.19e165")
        XCTAssertEqual(Format.decimal(-2.5e7, places: 3), "-2.50e7")
        XCTAssertEqual(Format.decimal(9.9999e9, places: 3), "1.00e10")
        XCTAssertEqual(Format.decimal(999_999, places: 3), "999999.000")
        XCTAssertEqual(Format.decimal(0.4567, places: 3), "0.457")
        XCTAssertEqual(Format.decimal(.infinity, places: 3), "inf")
    }
}
