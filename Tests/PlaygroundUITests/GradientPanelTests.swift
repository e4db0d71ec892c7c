import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The gradient health panel against literal lines, the `h` key, and the node marks.
final class GradientPanelTests: XCTestCase {
    func marked(width: Int, height: Int) -> CellGrid { CellGrid(width: width, height: height, fill: Cell("·")) }

    /// Three layers with known figures, worked by hand: on the axis 1e-8 … 1 over 12 cells (96
    /// eighths), 1e-6 lights (−6 + 8)/8 · 96 = 24 eighths (3 cells), 3.2e-4 lights
    /// (log10 3.2e-4 + 8)/8 · 96 = 54.06 → 54 (6 cells and ▊), 1e-2 lights 72 (9 cells). A history
    /// 1e-6 … 1e-3 is evenly spaced in log: levels 0, 7/3 → 2, 14/3 → 5, 7 of ▁…█.
    func testRowsOfKnownDiagnostics() {
        let layers = [LayerDiagnostics(meanAbsGradient: 1e-6, updateRatio: 1e-3, saturated: 0.25, dead: 0.5),
                      LayerDiagnostics(meanAbsGradient: 3.2e-4, updateRatio: 0.0123, saturated: 0, dead: 0),
                      LayerDiagnostics(meanAbsGradient: 1e-2, updateRatio: 0.5, saturated: 0.004, dead: 0)]
        let history = [[1e-6, 1e-5, 1e-4, 1e-3], [3.2e-4, 3.2e-4], [1e-2]]
        var grid = marked(width: 56, height: 7)
        GradientPanel.draw(layers, history: history, names: ["h1", "h2", "out"], capabilities: Capabilities(colors: .none),
                           in: Rect(x: 1, y: 0, width: 54, height: 7), into: &grid)
        XCTAssertEqual(grid.lines, [
            "· Gradient health ─────────────────────────────────────·",
            "·     1e-8       1 |dL/dw| history     upd/w   sat dead·",
            "· h1  ███......... 1.0e-6         ▁▃▆█ 1.0e-3  25%  50%·",
            "· h2  ██████▊..... 3.2e-4           ▁▁ 1.2e-2   0%   0%·",
            "· out █████████... 1.0e-2            ▁ 5.0e-1  <1%   0%·",
            "·                                                      ·",
            "· sat: tanh |a|>.99, sigmoid a<.01 or >.99             ·",
        ])
        XCTAssertTrue(grid[51, 2].style.bold, "dead units stand out")
    }

    func testBeforeAnyRecordedUpdateTheGradientColumnsSayNothingYet() {
        var grid = marked(width: 56, height: 5)
        GradientPanel.draw([LayerDiagnostics(meanAbsGradient: 0, updateRatio: 0, saturated: 1, dead: 0)], history: [],
                           names: ["out"], capabilities: Capabilities(colors: .none, unicode: false),
                           in: Rect(x: 1, y: 0, width: 54, height: 5), into: &grid)
        XCTAssertEqual(grid.lines, [
            "· Gradient health -------------------------------------·",
            "·     1e-8       1 |dL/dw| history     upd/w   sat dead·",
            "· out ............ -                   -      100%   0%·",
            "· train (Space or s) to measure the gradients          ·",
            "·                                                      ·",
        ])
    }

    func testScientificFormAndBarEighths() {
        XCTAssertEqual(Format.scientific(3.2e-5), "3.2e-5")
        XCTAssertEqual(Format.scientific(9.96e-5), "1.0e-4", "rounding carries into the exponent")
        XCTAssertEqual(Format.scientific(1), "1.0e0")
        XCTAssertEqual(Format.scientific(0), "0")
        XCTAssertEqual(Format.scientific(.nan), "NaN")
        XCTAssertEqual(GradientPanel.barEighths(1e-8, width: 10), 0)
        XCTAssertEqual(GradientPanel.barEighths(1e-12, width: 10), 0, "below the axis: empty")
        XCTAssertEqual(GradientPanel.barEighths(1e-4, width: 10), 40)
        XCTAssertEqual(GradientPanel.barEighths(5, width: 10), 80, "above the axis: full")
        XCTAssertEqual(GradientPanel.barEighths(.nan, width: 10), 0)
    }

    /// Training records gradient health from the first epoch with the panel closed, so `h` shows
    /// the history at once, one point per epoch trained.
    func testTheHistoryIsThereWhenThePanelOpens() {
        var app = makeApp("networkShape=4,4&activation=tanh", width: 120, height: 40)
        XCTAssertFalse(app.showsGradientPanel)
        _ = update(&app, .train(epochs: 7))
        XCTAssertEqual(app.playground.gradientHistory.map(\.count), [7, 7, 7], "every epoch recorded, panel closed")
        press("h", &app)
        let text = screen(app).lines.joined(separator: "\n")
        XCTAssertFalse(text.contains("to measure the gradients"), text)
        XCTAssertTrue(text.contains(Format.scientific(app.playground.diagnostics()[0].meanAbsGradient)), text)
        press("h", &app)
        _ = update(&app, .train(epochs: 2))
        XCTAssertEqual(app.playground.gradientHistory.first?.count, 9, "and on after the panel closes")
    }

    /// `h` opens the panel in the drawing's place; training fills it; `h` closes it. At 80×24 a
    /// six-layer net's seven rows fit under its titles.
    func testHOpensThePanelRecordsAndFitsAt80x24() {
        var app = makeApp("networkShape=8,8,8,8,8,8&activation=sigmoid&dataset=spiral", width: 80, height: 24)
        press("h", &app)
        XCTAssertTrue(app.showsGradientPanel)
        XCTAssertTrue(app.playground.recordsDiagnostics)
        XCTAssertNil(app.layout.diagram, "the drawing gives way: nothing of it is drawn or clicked")
        let panel = app.layout.gradientPanel
        XCTAssertGreaterThanOrEqual(panel.height, 2 + 7)
        _ = update(&app, .train(epochs: 5))
        let lines = screen(app).lines
        let rows = ["h1", "h2", "h3", "h4", "h5", "h6", "out"].map { name in
            lines.first { $0.hasPrefix(" " + name + " ") || $0.hasPrefix(" " + name + "█") }
        }
        XCTAssertFalse(rows.contains(nil), lines.joined(separator: "\n"))
        // The vanishing gradients of a deep sigmoid net: the first layer's bar is shorter.
        func barLength(_ line: String) -> Int { line.unicodeScalars.filter { GradientPanel.eighths.contains($0) }.count }
        XCTAssertLessThan(barLength(rows[0]!), barLength(rows[6]!) - 2, "\(rows[0]!)\n\(rows[6]!)")
        press("h", &app)
        XCTAssertFalse(app.showsGradientPanel)
        XCTAssertNotNil(app.layout.diagram)
    }

    /// A ReLU net whose first layer's units all have a negative total input on every training
    /// point: the diagnostics call them dead and the drawing marks each with ✕ (x in ASCII).
    func testDeadReLUNodesAreMarked() throws {
        var app = makeApp("networkShape=3&activation=relu", width: 120, height: 40)
        let layer1 = app.playground.network.sizes[1]
        for node in 0..<layer1 {
            // Bias -100 with small weights: z < 0 on every point (inputs are within ±6).
            _ = update(&app, .setParameter(.node(layer: 1, node: node), value: -100))
        }
        XCTAssertEqual(app.playground.unitDiagnostics()[0].map(\.dead), [true, true, true])
        let diagram = try XCTUnwrap(app.layout.diagram)
        for unicode in [true, false] {
            app.capabilities = Capabilities(unicode: unicode)
            let grid = screen(app)
            for node in diagram.columns[1].nodes {
                let cell = grid[node.maxX - 1, node.y]
                XCTAssertEqual(cell.scalar, unicode ? "✕" : "x")
                XCTAssertTrue(cell.style.reverse)
            }
            let output = diagram.columns[2].nodes[0]
            XCTAssertNotEqual(grid[output.maxX - 1, output.y].scalar, unicode ? "✕" : "x", "a tanh output never dies")
        }
    }

    /// A sigmoid unit driven far from zero is saturated on every point: marked `~`.
    func testSaturatedNodesAreMarked() throws {
        var app = makeApp("networkShape=2&activation=sigmoid", width: 120, height: 40)
        _ = update(&app, .setParameter(.node(layer: 1, node: 0), value: 50))
        let units = app.playground.unitDiagnostics()[0]
        XCTAssertEqual(units[0].saturated, 1)
        XCTAssertLessThan(units[1].saturated, 0.5)
        let diagram = try XCTUnwrap(app.layout.diagram)
        let grid = screen(app)
        let saturated = diagram.columns[1].nodes[0], healthy = diagram.columns[1].nodes[1]
        XCTAssertEqual(grid[saturated.maxX - 1, saturated.y].scalar, "~")
        XCTAssertFalse(grid[healthy.maxX - 1, healthy.y].style.reverse)
    }
}
