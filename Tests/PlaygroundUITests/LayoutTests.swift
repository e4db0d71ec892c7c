import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class LayoutTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40), (200, 60), (81, 25), (100, 30), (300, 90)]
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
                let regions = layout.regions.filter { !$0.rect.isEmpty }
                XCTAssertEqual(regions.count, layout.regions.count, "\(context): every region has room")
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
                // Every knob once, inside its panel or area, none overlapping.
                XCTAssertEqual(Set(layout.knobs.map(\.knob)), Set(Knob.all(for: settings)), context)
                XCTAssertEqual(layout.knobs.count, Knob.all(for: settings).count, context)
                let holders = [layout.networkPanel, layout.dataPanel, layout.settingsPanel, layout.stats, layout.legend]
                for (knob, rect) in layout.knobs {
                    XCTAssertTrue(holders.contains { rect.intersection($0) == rect }, "\(context): \(knob) at \(rect)")
                    switch knob {
                    case .neurons: XCTAssertGreaterThanOrEqual(rect.width, 1, "\(context): \(knob)")
                    case .feature: XCTAssertGreaterThanOrEqual(rect.width, 2, "\(context): \(knob)")
                    default: XCTAssertGreaterThanOrEqual(rect.width, 20, "\(context): \(knob)")
                    }
                }
                let hitAreas = layout.knobs.map { ("\($0.knob)", $0.rect) }
                    + layout.neuronButtons.map { ("button \($0.layer) \($0.delta)", $0.rect) }
                XCTAssertEqual(layout.neuronButtons.count, 2 * shape.count, context)
                for (a, first) in hitAreas.enumerated() {
                    for second in hitAreas[(a + 1)...] {
                        XCTAssertTrue(first.1.intersection(second.1).isEmpty, "\(context): \(first.0) / \(second.0)")
                    }
                }
                // The heat map is square in pixels and as wide as the stats need.
                XCTAssertEqual(layout.heatMap.width, 2 * layout.heatMap.height, context)
                XCTAssertGreaterThanOrEqual(layout.heatMap.height, 12, context)
                XCTAssertGreaterThanOrEqual(layout.stats.width, 22, context)
                XCTAssertGreaterThanOrEqual(layout.chart.height, 2, context)
                XCTAssertGreaterThanOrEqual(layout.legend.height, 2, context)
            }
        }
    }

    func testBiggerTerminalsGetBiggerHeatMapsAndNodes() throws {
        var settings = makeSettings()
        settings.networkShape = [8, 8, 8, 8, 8, 8]
        let layouts = [(80, 24), (120, 40), (200, 60)].map { Layout(width: $0.0, height: $0.1, settings: settings) }
        let sides = layouts.map(\.heatMap.width)
        XCTAssertLessThan(sides[0], sides[1])
        XCTAssertLessThan(sides[1], sides[2])
        let nodes = try layouts.map { try XCTUnwrap($0.diagram).nodeSize.width }
        XCTAssertEqual(nodes, [2, 4, 8], "compact at 80×24, 4×2 at 120×40, 8×4 at 200×60")
        XCTAssertTrue(try XCTUnwrap(layouts[0].diagram).isCompact)
    }

    func testTheFixedSizes() throws {
        let settings = makeSettings()
        let small = Layout(width: 80, height: 24, settings: settings)
        XCTAssertEqual(small.heatMap, Rect(x: 54, y: 2, width: 26, height: 13))
        let medium = Layout(width: 120, height: 40, settings: settings)
        XCTAssertEqual(medium.heatMap, Rect(x: 85, y: 2, width: 34, height: 17))
        XCTAssertEqual(try XCTUnwrap(medium.diagram).nodeSize.width, 6, "the default net gets 6×3-cell nodes at 120×40")
        let large = Layout(width: 200, height: 60, settings: settings)
        XCTAssertEqual(large.heatMap, Rect(x: 141, y: 2, width: 58, height: 29))
    }

    func testResizingSwitchesForms() throws {
        var app = makeApp("networkShape=8,8,8,8,8,8&" + HeatMapTests.allFeatures, width: 120, height: 40)
        XCTAssertFalse(try XCTUnwrap(app.layout.diagram).isCompact)
        _ = update(&app, .resize(width: 80, height: 24))
        XCTAssertTrue(try XCTUnwrap(app.layout.diagram).isCompact)
        XCTAssertEqual(app.thumbnails.pixelWidth, 2, "the thumbnails follow the new node size")
        _ = update(&app, .resize(width: 200, height: 60))
        XCTAssertEqual(app.thumbnails.pixelWidth, 8)
        XCTAssertEqual(app.thumbnails.pixelHeight, 8)
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
