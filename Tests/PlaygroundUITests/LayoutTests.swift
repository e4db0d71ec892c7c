import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class LayoutTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40), (200, 60), (81, 25), (100, 30), (300, 90)]
    static let shapes: [[Int]] = [[], [4, 2], [8, 8, 8], [8, 8, 8, 8, 8, 8], [1, 1, 1, 1, 1, 1]]

    func testEveryRegionAndKnobLiesInsideTheScreenWithoutOverlap() {
        for (width, height) in Self.sizes {
            for shape in Self.shapes {
                var settings = makeSettings()
                settings.networkShape = shape
                let layout = Layout(width: width, height: height, settings: settings)
                let screen = Rect(x: 0, y: 0, width: width, height: height)
                let context = "\(width)×\(height) \(shape)"
                XCTAssertFalse(layout.isTooSmall, context)
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
                // Every knob once, inside its panel or area, none overlapping.
                XCTAssertEqual(layout.knobs.map(\.knob), Knob.all(for: settings).sorted { a, b in
                    layout.knobs.firstIndex { $0.knob == a }! < layout.knobs.firstIndex { $0.knob == b }! })
                XCTAssertEqual(Set(layout.knobs.map(\.knob)), Set(Knob.all(for: settings)), context)
                let holders = [layout.dataPanel, layout.featuresPanel, layout.networkPanel, layout.stats, layout.legend]
                for (knob, rect) in layout.knobs {
                    XCTAssertTrue(holders.contains { rect.intersection($0) == rect }, "\(context): \(knob) at \(rect)")
                    XCTAssertGreaterThanOrEqual(rect.width, 12, "\(context): \(knob)")
                }
                for (a, first) in layout.knobs.enumerated() {
                    for second in layout.knobs[(a + 1)...] {
                        XCTAssertTrue(first.rect.intersection(second.rect).isEmpty, "\(context): \(first.knob) / \(second.knob)")
                    }
                }
                // The heat map is square in pixels, the chart has room for a line.
                XCTAssertEqual(layout.heatMap.width, 2 * layout.heatMap.height, context)
                XCTAssertGreaterThanOrEqual(layout.chart.height, 3, context)
                XCTAssertGreaterThanOrEqual(layout.stats.width, 22, context)
                XCTAssertGreaterThanOrEqual(layout.legend.height, 5, context)
            }
        }
    }

    func testBiggerTerminalsGetBiggerHeatMaps() {
        let settings = makeSettings()
        let sides = [(80, 24), (120, 40), (200, 60)].map { Layout(width: $0.0, height: $0.1, settings: settings).heatMap.width }
        XCTAssertEqual(sides, sides.sorted())
        XCTAssertLessThan(sides[0], sides[1])
        XCTAssertLessThan(sides[1], sides[2])
        XCTAssertGreaterThanOrEqual(sides[0], 28)
    }

    func testTheFixedSizes() {
        let settings = makeSettings()
        let small = Layout(width: 80, height: 24, settings: settings)
        XCTAssertEqual(small.heatMap, Rect(x: 29, y: 2, width: 28, height: 14))
        XCTAssertEqual(small.featureColumns, 1)
        let medium = Layout(width: 120, height: 40, settings: settings)
        XCTAssertEqual(medium.heatMap, Rect(x: 31, y: 2, width: 58, height: 29))
        let large = Layout(width: 200, height: 60, settings: settings)
        XCTAssertEqual(large.heatMap, Rect(x: 35, y: 2, width: 104, height: 52))
    }

    func testShortScreensFoldFeaturesAndLayersIntoTwoColumns() {
        var settings = makeSettings()
        settings.networkShape = [8, 8, 8, 8, 8, 8]
        let small = Layout(width: 80, height: 24, settings: settings)
        XCTAssertEqual(small.featureColumns, 2)
        XCTAssertEqual(small.neuronColumns, 2)
        let tall = Layout(width: 80, height: 40, settings: settings)
        XCTAssertEqual(tall.featureColumns, 1)
        XCTAssertEqual(tall.neuronColumns, 1)
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
    }
}
