import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Layout properties at every size from 80×24 to 240×70 (and the tall and wide shapes), for
/// networks from none to six hidden layers of eight.
final class LayoutTests: XCTestCase {
    static let sizes: [(Int, Int)] = stride(from: 80, through: 240, by: 20).flatMap { width in
        [24, 30, 40, 50, 60, 70].map { (width, $0) }
    } + [(81, 25), (80, 50), (240, 30), (300, 90)]
    static let shapes: [[Int]] = [[], [4, 2], [8, 8, 8], [8, 8, 8, 8, 8, 8], [1, 1, 1, 1, 1, 1]]

    func testEveryRegionAndKnobLiesInsideTheScreenWithoutOverlap() throws {
        for (width, height) in Self.sizes {
            for shape in Self.shapes {
                var settings = makeSettings()
                settings.networkShape = shape
                let layout = Layout(width: width, height: height, settings: settings)
                let screen = Rect(x: 0, y: 0, width: width, height: height)
                let context = "\(width)×\(height) \(shape)"
                XCTAssertFalse(layout.isTooSmall, context)
                let diagram = try XCTUnwrap(layout.diagram, context)
                let optional: Set = ["colour bar", "point legend"]
                let regions = layout.regions.filter { !$0.rect.isEmpty }
                XCTAssertEqual(Set(regions.map(\.name)).union(optional), Set(layout.regions.map(\.name)), "\(context): room for each")
                for (name, rect) in regions {
                    XCTAssertEqual(rect.intersection(screen), rect, "\(context): \(name) \(rect) outside")
                }
                for (a, first) in regions.enumerated() {
                    for second in regions[(a + 1)...] {
                        XCTAssertTrue(first.rect.intersection(second.rect).isEmpty,
                                      "\(context): \(first.name) \(first.rect) overlaps \(second.name) \(second.rect)")
                    }
                }
                // The drawing lies in the network panel, left of the separator.
                for node in diagram.columns.flatMap(\.nodes) {
                    XCTAssertEqual(node.intersection(layout.networkPanel), node, "\(context): node \(node)")
                    XCTAssertLessThan(node.maxX, layout.separatorX, "\(context): a blank column before the separator")
                }
                XCTAssertEqual(diagram.labelWidth, Layout.featureLabelWidth, "\(context): the names keep their room")
                // Every knob once, inside its panel, none overlapping; a knob line no wider than
                // a knob column, so its label and value stay close.
                XCTAssertEqual(Set(layout.knobs.map(\.knob)), Set(Knob.all(for: settings)), context)
                XCTAssertEqual(layout.knobs.count, Knob.all(for: settings).count, context)
                let holders = [layout.networkPanel, layout.dataPanel, layout.settingsPanel, layout.displayPanel]
                for (knob, rect) in layout.knobs {
                    XCTAssertTrue(holders.contains { rect.intersection($0) == rect }, "\(context): \(knob) at \(rect)")
                    switch knob {
                    case .neurons: XCTAssertGreaterThanOrEqual(rect.width, 1, "\(context): \(knob)")
                    case .feature: XCTAssertGreaterThanOrEqual(rect.width, Layout.featureLabelWidth + 2, "\(context): \(knob)")
                    default: XCTAssertTrue((22...Layout.knobColumnWidth).contains(rect.width), "\(context): \(knob) \(rect.width) wide")
                    }
                }
                let hitAreas = layout.knobs.map { ("\($0.knob)", $0.rect) } + [("picker", layout.picker)]
                    + layout.neuronButtons.map { ("button \($0.layer) \($0.delta)", $0.rect) }
                XCTAssertEqual(layout.neuronButtons.count, 2 * shape.count, context)
                for (a, first) in hitAreas.enumerated() {
                    for second in hitAreas[(a + 1)...] {
                        XCTAssertTrue(first.1.intersection(second.1).isEmpty, "\(context): \(first.0) / \(second.0)")
                    }
                }
                // The heat map is square in pixels; the stats and the chart have their room.
                XCTAssertEqual(layout.heatMap.width, 2 * layout.heatMap.height, context)
                XCTAssertGreaterThanOrEqual(layout.heatMap.height, 12, context)
                XCTAssertTrue((22...Layout.knobColumnWidth).contains(layout.stats.width), context)
                XCTAssertGreaterThanOrEqual(layout.chart.height, LossChart.idealHeight, context)
                XCTAssertGreaterThanOrEqual(layout.chart.width, 24, "\(context): the legend's shortest form fits")
                // The picker sits in the data panel, above its knobs.
                XCTAssertFalse(layout.picker.isEmpty, context)
                XCTAssertEqual(layout.picker.intersection(layout.dataPanel), layout.picker, context)
            }
        }
    }

    /// The chart grows with the height; the heat map with the screen.
    func testBiggerTerminalsGetBiggerHeatMapsChartsAndNodes() throws {
        let settings = makeSettings()
        let small = Layout(width: 80, height: 24, settings: settings)
        let medium = Layout(width: 120, height: 40, settings: settings)
        let large = Layout(width: 200, height: 60, settings: settings)
        XCTAssertEqual(small.chart.height, 5, "at least 5 rows at 80×24")
        XCTAssertLessThan(small.heatMap.width, medium.heatMap.width)
        XCTAssertLessThan(medium.heatMap.width, large.heatMap.width)
        XCTAssertGreaterThan(large.heatMap.height, 35, "the map uses the height at 200×60")
        XCTAssertLessThan(medium.chart.height, large.chart.height)
        let nodes = try [small, medium, large].map { try XCTUnwrap($0.diagram).nodeSize.width }
        XCTAssertEqual(nodes, [2, 4, 12], "compact at 80×24, 4×2 at 120×40, 12×6 at 200×60")
        // The wide shape puts the stats and the chart beside a map as tall as the body.
        let wide = Layout(width: 240, height: 30, settings: settings)
        XCTAssertEqual(wide.heatMap.height, 27)
        XCTAssertGreaterThanOrEqual(wide.stats.x, wide.heatMap.maxX)
        XCTAssertTrue(try XCTUnwrap(large.diagram).nodeSize.height * 7 > 40, "the drawing uses the height at 200×60")
    }

    func testKnobsBesideTheDrawingOnLargeScreensUnderItOnSmallOnes() {
        let settings = makeSettings()
        XCTAssertFalse(Layout(width: 80, height: 24, settings: settings).knobsBesideNetwork)
        XCTAssertFalse(Layout(width: 80, height: 50, settings: settings).knobsBesideNetwork)
        let large = Layout(width: 200, height: 60, settings: settings)
        XCTAssertTrue(large.knobsBesideNetwork)
        XCTAssertLessThan(large.dataPanel.maxX, large.networkPanel.x)
        // At 80×24 the switches and the speed leave the output for a panel on the left.
        let small = Layout(width: 80, height: 24, settings: settings)
        XCTAssertTrue(small.displayOnLeft)
        XCTAssertLessThan(small.displayPanel.maxX, small.separatorX)
        XCTAssertFalse(Layout(width: 120, height: 40, settings: settings).displayOnLeft)
    }

    /// Each picture answers a click with its own data set, in both problems; nothing between.
    func testThePickersPicturesHitTestToTheirDataSets() {
        for (width, height) in Self.sizes {
            for problem in ["classification", "regression"] {
                let layout = Layout(width: width, height: height, settings: makeSettings("problem=" + problem))
                let sets = problem == "classification" ? Dataset.classification : Dataset.regression
                let picker = layout.picker
                var hits: [Dataset] = []
                for x in picker.x..<picker.maxX {
                    if let dataset = layout.dataset(atX: x, y: picker.y), hits.last != dataset { hits.append(dataset) }
                }
                XCTAssertEqual(hits, sets, "\(width)×\(height) \(problem): left to right")
                XCTAssertNil(layout.dataset(atX: picker.x, y: picker.y), "the bracket column")
                XCTAssertNil(layout.dataset(atX: picker.maxX, y: picker.y))
                XCTAssertNil(layout.dataset(atX: picker.x + 1, y: picker.maxY))
            }
        }
    }

    func testAClickOnAPictureChoosesItsDataSet() throws {
        for (width, height) in [(80, 24), (200, 60)] {
            var app = makeApp(width: width, height: height)
            let picker = app.layout.picker
            let spiral = try XCTUnwrap((picker.x..<picker.maxX).last { app.layout.dataset(atX: $0, y: picker.y) != nil })
            XCTAssertTrue(press(.click(x: spiral, y: picker.y), &app))
            XCTAssertEqual(app.settings.dataset, .spiral)
            XCTAssertTrue(press(.click(x: picker.x + 1, y: picker.y), &app))
            XCTAssertEqual(app.settings.dataset, .circle)
            XCTAssertTrue(press(.click(x: picker.x + 1, y: picker.y), &app), "the current one: focus")
            XCTAssertEqual(app.focus, .dataset)
            XCTAssertEqual(app.settings.dataset, .circle)
        }
    }

    func testResizingSwitchesForms() throws {
        var app = makeApp("networkShape=8,8,8,8,8,8&" + HeatMapTests.allFeatures, width: 120, height: 40)
        XCTAssertFalse(try XCTUnwrap(app.layout.diagram).isCompact)
        _ = update(&app, .resize(width: 80, height: 24))
        XCTAssertTrue(try XCTUnwrap(app.layout.diagram).isCompact)
        XCTAssertEqual(app.thumbnails.pixelWidth, 2, "the thumbnails follow the new node size")
        _ = update(&app, .resize(width: 240, height: 70))
        let size = try XCTUnwrap(app.layout.diagram).nodeSize
        XCTAssertEqual(app.thumbnails.pixelWidth, size.pixelWidth)
        XCTAssertEqual(app.thumbnails.pixelHeight, size.pixelHeight)
        XCTAssertGreaterThan(size.width, 4)
    }

    func testBelowTheMinimumTheLayoutIsTooSmall() {
        let settings = makeSettings()
        XCTAssertTrue(Layout(width: 79, height: 24, settings: settings).isTooSmall)
        XCTAssertTrue(Layout(width: 80, height: 23, settings: settings).isTooSmall)
        XCTAssertTrue(Layout(width: 0, height: 0, settings: settings).isTooSmall)
        XCTAssertFalse(Layout(width: 80, height: 24, settings: settings).isTooSmall)
    }

    func testHitTesting() throws {
        let layout = Layout(width: 120, height: 40, settings: makeSettings())
        let batch = try XCTUnwrap(layout.rect(of: .batchSize))
        XCTAssertEqual(layout.knob(atX: batch.x, y: batch.y), .batchSize)
        XCTAssertEqual(layout.knob(atX: batch.maxX - 1, y: batch.y), .batchSize)
        XCTAssertNil(layout.knob(atX: batch.maxX, y: batch.y))
        XCTAssertNil(layout.knob(atX: 0, y: 0))
        // A feature's knob is its input node and its name.
        let diagram = try XCTUnwrap(layout.diagram)
        let sinY = diagram.columns[0].nodes[6]
        XCTAssertEqual(layout.knob(atX: sinY.x, y: sinY.y), .feature(.sinY))
        XCTAssertEqual(layout.knob(atX: diagram.labelRect(slot: 6).x, y: diagram.labelRect(slot: 6).y), .feature(.sinY))
    }
}
