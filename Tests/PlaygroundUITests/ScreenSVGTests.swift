import XCTest
@testable import PlaygroundUI

/// `ScreenSVG` on small hand-made grids: what each kind of cell becomes (the rendered colours are
/// checked with a real renderer in `SnapshotTests`).
final class ScreenSVGTests: XCTestCase {
    func grid(_ cells: [(Int, Int, Cell)], width: Int = 6, height: Int = 2) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        for (x, y, cell) in cells { grid[x, y] = cell }
        return grid
    }

    /// Text is escaped for XML, placed at its first cell, and a run of one colour is one element
    /// stretched to its cells' width; two spaces end a run.
    func testTextRunsAreEscapedAndPlacedAtTheirCells() {
        var g = CellGrid(width: 12, height: 1)
        g.put("<a&b>", x: 1, y: 0)
        g.put("c", x: 9, y: 0)
        let svg = ScreenSVG.document(g, title: "t \"x\"")
        XCTAssertTrue(svg.contains("<title>t &quot;x&quot;</title>"), svg)
        // Cell 1 starts at the margin + one cell; five cells are 45 units wide.
        XCTAssertTrue(svg.contains("<text x=\"21\" y=\"26\" fill=\"#d0d0d0\" textLength=\"45\" lengthAdjust=\"spacing\">&lt;a&amp;b&gt;</text>"), svg)
        XCTAssertTrue(svg.contains("<text x=\"93\" y=\"26\" fill=\"#d0d0d0\">c</text>"), svg)
    }

    /// Neighbouring backgrounds of one colour are one rectangle; reverse video swaps the colours.
    func testBackgroundsMergeAndReverseSwaps() {
        let red = CellStyle(background: .index(196))
        var cells = (0..<4).map { (x: $0, y: 0, Cell(" ", style: red)) }
        cells.append((x: 0, y: 1, Cell("R", style: CellStyle(reverse: true))))
        let svg = ScreenSVG.document(grid(cells), title: "t")
        XCTAssertTrue(svg.contains("<path fill=\"#ff0000\" d=\"M12 12h36v18h-36z\"/>"), svg)
        // Reversed default colours: a light cell with dark text.
        XCTAssertTrue(svg.contains("<path fill=\"#d0d0d0\" d=\"M12 30h9v18h-9z\"/>"), svg)
        XCTAssertTrue(svg.contains("fill=\"#1c1c1c\">R</text>"), svg)
    }

    /// Half blocks, braille and box lines are shapes, not text.
    func testBlocksBrailleAndLinesAreShapes() {
        let style = CellStyle(foreground: .index(208), background: .index(31))
        let svg = ScreenSVG.document(grid([(0, 0, Cell("▀", style: style)), (1, 0, Cell("▀", style: style)),
                                           (2, 0, Cell("⠁", style: CellStyle(foreground: .index(231)))),
                                           (3, 0, Cell("─"))]), title: "t")
        XCTAssertFalse(svg.contains("</text>"), "no glyph is text: \(svg)")
        XCTAssertTrue(svg.contains("<path fill=\"#0087af\" d=\"M12 12h18v18h-18z\"/>"), "both backgrounds as one: \(svg)")
        XCTAssertTrue(svg.contains("<path fill=\"#ff8700\" d=\"M12 12h18v9h-18z\"/>"), "both upper halves as one: \(svg)")
        // Dot 1 of braille: the top left; nothing else.
        XCTAssertTrue(svg.contains("<path fill=\"#ffffff\" d=\"M32 13h2v2h-2z\"/>"), svg)
        // The line through the middle of the cell, edge to edge.
        XCTAssertTrue(svg.contains("<path fill=\"#d0d0d0\" d=\"M39 21h9v1h-9z\"/>"), svg)
    }
}
