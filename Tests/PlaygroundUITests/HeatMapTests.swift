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

    func testPixelsAreTheOutputsShadesWithPointsOnTop() {
        var app = makeApp(width: 80, height: 24)
        let area = app.layout.heatMap
        let grid = screen(app)
        let outputs = Array(app.heatMap.outputs)
        let codes = HeatMapWidget.pixelCodes(values: app.heatMap.outputs, width: area.width, height: 2 * area.height, state: app)
        var shadeCells = 0
        for row in 0..<area.height {
            for column in 0..<area.width {
                let cell = grid[area.x + column, area.y + row]
                XCTAssertEqual(cell.scalar, "▀")
                let upper = codes[2 * row * area.width + column]
                if upper <= 30 {
                    XCTAssertEqual(Int(upper), ShadeScale.shade(outputs[2 * row * area.width + column]))
                    XCTAssertEqual(cell.style.foreground, Palette(.full).shade(Int(upper)))
                    shadeCells += 1
                } else {
                    XCTAssertEqual(cell.style.foreground, Palette(.full).point(label: upper == HeatMapWidget.trainingPositive ? 1 : -1, isTest: false))
                }
            }
        }
        XCTAssertGreaterThan(shadeCells, 0)
        // Training points are marked; test points only when shown.
        XCTAssertTrue(codes.contains(HeatMapWidget.trainingPositive) && codes.contains(HeatMapWidget.trainingNegative))
        XCTAssertFalse(codes.contains(HeatMapWidget.testPositive) || codes.contains(HeatMapWidget.testNegative))
        press("x", &app)
        let shown = HeatMapWidget.pixelCodes(values: app.heatMap.outputs, width: area.width, height: 2 * area.height, state: app)
        XCTAssertTrue(shown.contains(HeatMapWidget.testPositive) || shown.contains(HeatMapWidget.testNegative))
    }

    func testDiscretizeShowsOnlyTheEnds() {
        var app = makeApp("discretize=true", width: 80, height: 24)
        _ = update(&app, .train(epochs: 5))
        let area = app.layout.heatMap
        let codes = HeatMapWidget.pixelCodes(values: app.heatMap.outputs, width: area.width, height: 2 * area.height, state: app)
        XCTAssertTrue(codes.allSatisfy { $0 == 0 || $0 == 30 || $0 > 30 })
    }

    func testThePointsLandWhereTheyLie() {
        // A point at (x, y) is at column floor((x + 6) / 12 · w), row floor((6 - y) / 12 · h).
        var app = makeApp(width: 80, height: 24)
        let area = app.layout.heatMap
        let width = area.width, height = 2 * area.height
        let codes = HeatMapWidget.pixelCodes(values: app.heatMap.outputs, width: width, height: height, state: app)
        for point in app.playground.data.train.prefix(20) {
            let column = Int(((point.x + 6) / 12 * Double(width)).rounded(.down))
            let row = Int(((6 - point.y) / 12 * Double(height)).rounded(.down))
            XCTAssertGreaterThan(codes[row * width + column], 30)
        }
        // A stale cache (the size changed and nothing refreshed it): render evaluates by itself
        // and draws what an app made at that size draws.
        app.width = 120
        app.height = 40
        var fresh = app
        fresh.refreshPictures()
        XCTAssertFalse(app.heatMap.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                             width: fresh.heatMap.pixelWidth, height: fresh.heatMap.pixelHeight))
        assertSameGrid(screen(app), screen(fresh))
    }
}
