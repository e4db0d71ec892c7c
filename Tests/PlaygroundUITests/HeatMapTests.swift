import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class HeatMapTests: XCTestCase {
    static let allFeatures = "x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true"

    /// FastMath's tanh moves a pixel's value by far less than a shade: at most one shade off.
    func testApproximateHeatMapMatchesTheExactOneWithinAShade() {
        for pairs in ["dataset=spiral&networkShape=8,8,8&" + Self.allFeatures, "dataset=circle&networkShape=4,2",
                      "dataset=xor&activation=relu&networkShape=6,3", "problem=regression&regDataset=reg-gauss&networkShape=5"] {
            var app = makeApp(pairs, width: 200, height: 60)
            _ = update(&app, .train(epochs: 50))
            let network = app.playground.network
            let features = app.settings.inputFeatures
            let width = 104, height = 104
            let columns = features.gridColumns(width: width, height: height)
            var exact = GridEvaluation()
            network.evaluate(featureColumns: columns, count: width * height, approximate: false, into: &exact)
            let exactOutputs = exact.outputs(layer: network.layerCount - 1, node: 0)
            var cache = PictureCache()
            XCTAssertTrue(cache.refresh(network: network, features: features, width: width, height: height))
            var differing = 0
            for (fast, slow) in zip(cache.outputs, exactOutputs) {
                let shadeDifference = abs(ShadeScale.shade(fast) - ShadeScale.shade(slow))
                XCTAssertLessThanOrEqual(shadeDifference, 1, pairs)
                XCTAssertEqual(fast, slow, accuracy: 1e-3, pairs)
                if shadeDifference != 0 { differing += 1 }
            }
            XCTAssertEqual(cache.outputs.count, width * height)
            XCTAssertLessThan(differing, width * height / 100, "\(pairs): only values at a shade boundary differ")
        }
    }

    func testTheCacheReEvaluatesOnlyWhenTheNetworkOrSizeChanges() {
        var app = makeApp()
        let area = app.layout.heatMap
        var cache = app.heatMap
        XCTAssertEqual(cache.pixelWidth, area.width)
        XCTAssertEqual(cache.pixelHeight, 2 * area.height)
        let network = app.playground.network, features = app.settings.inputFeatures
        XCTAssertFalse(cache.refresh(network: network, features: features, width: area.width, height: 2 * area.height))
        _ = update(&app, .train(epochs: 1))
        XCTAssertTrue(cache.refresh(network: app.playground.network, features: features, width: area.width, height: 2 * area.height))
        XCTAssertTrue(cache.refresh(network: app.playground.network, features: features, width: 10, height: 20))
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: features, width: area.width,
                                            height: 2 * area.height), "update keeps the app's cache current")
        press(" ", &app)
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: features, width: area.width,
                                            height: 2 * area.height))
    }

    /// The training points' cells, computed here from the mapping the heat map documents:
    /// column ⌊(x + 6) / 12 · w⌋, row ⌊(6 − y) / 12 · h⌋ in cells; the last point in a cell wins.
    func pointCells(_ points: [Example], in area: Rect) -> [Int: Example] {
        var cells: [Int: Example] = [:]
        for point in points {
            let column = Int(((point.x + 6) / 12 * Double(area.width)).rounded(.down))
            let row = Int(((6 - point.y) / 12 * Double(area.height)).rounded(.down))
            guard column >= 0, column < area.width, row >= 0, row < area.height else { continue }
            cells[row * area.width + column] = point
        }
        return cells
    }

    func testCellsAreTheOutputsShadesWithPointsOnTop() {
        var app = makeApp(width: 80, height: 24)
        let area = app.layout.heatMap
        let grid = screen(app)
        let outputs = Array(app.heatMap.outputs)
        let points = pointCells(app.playground.data.train, in: area)
        var shadeCells = 0
        for row in 0..<area.height {
            for column in 0..<area.width {
                let cell = grid[area.x + column, area.y + row]
                if let point = points[row * area.width + column] {
                    XCTAssertEqual(cell.scalar, point.label > 0 ? "+" : "−")
                    XCTAssertEqual(cell.style.background, .index(231), "a training point sits in a white cell")
                    continue
                }
                XCTAssertEqual(cell.scalar, "▀")
                XCTAssertEqual(cell.style.foreground, Palette(.full).shade(ShadeScale.shade(outputs[2 * row * area.width + column])))
                XCTAssertEqual(cell.style.background, Palette(.full).shade(ShadeScale.shade(outputs[(2 * row + 1) * area.width + column])))
                shadeCells += 1
            }
        }
        XCTAssertGreaterThan(shadeCells, area.width * area.height / 4)
        XCTAssertGreaterThan(points.count, 20)
        // Test points only when shown, in their own glyphs; training points stay on top.
        func testGlyphs(_ grid: CellGrid) -> Int {
            (0..<area.height).reduce(0) { sum, row in
                sum + (0..<area.width).filter { ["⊞", "⊟"].contains(grid[area.x + $0, area.y + row].scalar) }.count
            }
        }
        XCTAssertEqual(testGlyphs(grid), 0)
        press("x", &app)
        let shown = screen(app)
        XCTAssertGreaterThan(testGlyphs(shown), 10)
        for (index, point) in points {
            XCTAssertEqual(shown[area.x + index % area.width, area.y + index / area.width].scalar, point.label > 0 ? "+" : "−")
        }
    }

    func testDiscretizeShowsOnlyTheEnds() {
        var app = makeApp("discretize=true", width: 80, height: 24)
        _ = update(&app, .train(epochs: 5))
        let codes = HeatMapWidget.shadeCodes(values: app.heatMap.outputs, count: app.heatMap.outputs.count, discretize: true)
        XCTAssertTrue(codes.allSatisfy { $0 == 0 || $0 == 30 })
        XCTAssertTrue(codes.contains(0) || codes.contains(30))
    }

    func testRegressionPointsAreColouredByValue() {
        let app = makeApp("problem=regression&regDataset=reg-gauss", width: 120, height: 40)
        let area = app.layout.heatMap
        let grid = screen(app)
        let points = pointCells(app.playground.data.train, in: area)
        var shades = Set<Int>()
        for (index, point) in points {
            let cell = grid[area.x + index % area.width, area.y + index / area.width]
            let shade = ShadeScale.shade(point.label)
            XCTAssertEqual(cell.style.background, .index(ShadeScale.paletteIndices[shade]))
            shades.insert(shade)
        }
        XCTAssertGreaterThan(shades.count, 10, "values, not signs")
    }

    func testThePointsLandWhereTheyLie() {
        var app = makeApp(width: 80, height: 24)
        // After a resize the frame's pictures are those of the new size (render evaluates
        // nothing itself): the screen is what an app made at that size draws.
        let small = app.heatMap
        _ = update(&app, .resize(width: 120, height: 40))
        let fresh = makeApp(width: 120, height: 40)
        XCTAssertFalse(small.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                       width: fresh.heatMap.pixelWidth, height: fresh.heatMap.pixelHeight))
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                            width: fresh.heatMap.pixelWidth, height: fresh.heatMap.pixelHeight))
        assertSameGrid(screen(app), screen(fresh))
    }
}
