import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Points over the heat map: readable on every background, in every colour mode and in ASCII.
final class PointMarkTests: XCTestCase {
    static let modes: [(name: String, capabilities: Capabilities)] = [
        ("256", Capabilities()), ("8", Capabilities(colors: .eight)), ("none", Capabilities(colors: .none)),
        ("256 ASCII", Capabilities(unicode: false)), ("none ASCII", Capabilities(colors: .none, unicode: false)),
    ]

    /// A 5×1 map of one value (2 pixel rows) with one point drawn in its middle cell.
    func mapWithPoint(value: Double, label: Double, isTest: Bool, problem: Problem = .classification,
                      capabilities: Capabilities) -> CellGrid {
        var grid = CellGrid(width: 5, height: 1, fill: Cell("·"))
        let rect = Rect(x: 0, y: 0, width: 5, height: 1)
        let values = ArraySlice([Double](repeating: value, count: 10))
        HalfBlocks(capabilities).draw(codes: HalfBlocks.codes(values), values: values, width: 5, rect: rect, into: &grid)
        // (0, 0) is the centre of [-6, 6]²: column ⌊6 / 12 · 5⌋ = 2.
        PointMarks.draw([Example(x: 0, y: 0, label: label)], isTest: isTest, problem: problem, capabilities: capabilities,
                        in: rect, into: &grid)
        return grid
    }

    func testALiteralPointOnItsOwnClassRegion() {
        XCTAssertEqual(mapWithPoint(value: 1, label: 1, isTest: false, capabilities: Capabilities()).lines, ["▀▀+▀▀"])
        XCTAssertEqual(mapWithPoint(value: -1, label: -1, isTest: true, capabilities: Capabilities()).lines, ["▀▀⊟▀▀"])
        XCTAssertEqual(mapWithPoint(value: 1, label: 1, isTest: false, capabilities: Capabilities(colors: .none)).lines, ["██+██"])
        XCTAssertEqual(mapWithPoint(value: 1, label: 1, isTest: true, capabilities: Capabilities(colors: .none)).lines, ["██⊞██"])
        XCTAssertEqual(mapWithPoint(value: -1, label: -1, isTest: false,
                                    capabilities: Capabilities(colors: .none, unicode: false)).lines, ["  -  "])
        XCTAssertEqual(mapWithPoint(value: 1, label: 1, isTest: true,
                                    capabilities: Capabilities(colors: .none, unicode: false)).lines, ["@@#@@"])
    }

    func testAPointStandsOutFromARegionOfItsOwnClassInEveryMode() {
        for (name, caps) in Self.modes {
            for label in [-1.0, 1.0] {
                for isTest in [false, true] {
                    let grid = mapWithPoint(value: label, label: label, isTest: isTest, capabilities: caps)
                    let region = grid[0, 0], point = grid[2, 0]
                    XCTAssertNotEqual(point.scalar, region.scalar, "\(name) label \(label) test \(isTest)")
                    guard caps.colors != .none else { continue }
                    // The point's cell (its ring) differs from both colours of the region's cell.
                    XCTAssertNotEqual(point.style.background, region.style.background, "\(name) label \(label) test \(isTest)")
                    XCTAssertNotEqual(point.style.background, region.style.foreground, "\(name) label \(label) test \(isTest)")
                    XCTAssertNotEqual(point.style.foreground, point.style.background, "\(name): the glyph shows")
                }
            }
        }
    }

    func testTrainingAndTestPointsDifferInEveryMode() {
        for (name, caps) in Self.modes {
            for label in [-1.0, 1.0] {
                let training = PointMarks.cell(label: label, isTest: false, problem: .classification, capabilities: caps)
                let test = PointMarks.cell(label: label, isTest: true, problem: .classification, capabilities: caps)
                XCTAssertNotEqual(training.scalar, test.scalar, "\(name): shapes differ even without colour")
                if caps.colors != .none {
                    XCTAssertNotEqual(training.style.background, test.style.background, "\(name): a light ring and a dark one")
                }
            }
        }
    }

    func testClassesDifferWithoutColour() {
        let glyphs = [false, true].flatMap { isTest in
            [true, false].map { PointMarks.glyph(positive: $0, isTest: isTest, unicode: true) }
        }
        XCTAssertEqual(glyphs, ["+", "−", "⊞", "⊟"])
        let ascii = [false, true].flatMap { isTest in
            [true, false].map { PointMarks.glyph(positive: $0, isTest: isTest, unicode: false) }
        }
        XCTAssertEqual(ascii, ["+", "-", "#", "="])
        let none = Capabilities(colors: .none)
        XCTAssertEqual(PointMarks.cell(label: 1, isTest: false, problem: .classification, capabilities: none),
                       Cell("+", style: CellStyle(bold: true)))
        XCTAssertEqual(PointMarks.cell(label: -1, isTest: false, problem: .classification, capabilities: none),
                       Cell("−", style: CellStyle(bold: true)))
    }

    func testClassColoursAreTheLabelsSide() {
        // 256: dark blue #005faf and burnt orange #d75f00 on white; sky blue and amber on #303030.
        func style(_ label: Double, _ isTest: Bool, _ colors: Capabilities.Colors) -> CellStyle {
            PointMarks.cell(label: label, isTest: isTest, problem: .classification, capabilities: Capabilities(colors: colors)).style
        }
        XCTAssertEqual(style(1, false, .full), CellStyle(foreground: .index(25), background: .index(231), bold: true))
        XCTAssertEqual(style(-1, false, .full), CellStyle(foreground: .index(166), background: .index(231), bold: true))
        XCTAssertEqual(style(1, true, .full), CellStyle(foreground: .index(75), background: .index(236), bold: true))
        XCTAssertEqual(style(-1, true, .full), CellStyle(foreground: .index(214), background: .index(236), bold: true))
        // 8: blue and red on white; cyan and yellow on black.
        XCTAssertEqual(style(1, false, .eight), CellStyle(foreground: .index(4), background: .index(7), bold: true))
        XCTAssertEqual(style(-1, false, .eight), CellStyle(foreground: .index(1), background: .index(7), bold: true))
        XCTAssertEqual(style(1, true, .eight), CellStyle(foreground: .index(6), background: .index(0), bold: true))
        XCTAssertEqual(style(-1, true, .eight), CellStyle(foreground: .index(3), background: .index(0), bold: true))
    }

    func testRegressionPointsFollowTheShadeScaleWithContrastingInk() {
        for label in stride(from: -1.0, through: 1.0, by: 0.05) {
            for (colors, indices) in [(Capabilities.Colors.full, ShadeScale.paletteIndices), (.eight, ShadeScale.basicIndices)] {
                let cell = PointMarks.cell(label: label, isTest: false, problem: .regression, capabilities: Capabilities(colors: colors))
                XCTAssertEqual(cell.style.background, .index(indices[ShadeScale.shade(label)]), "label \(label)")
                XCTAssertEqual(cell.scalar, label >= 0 ? "+" : "−")
            }
        }
        // The ends and the middle by hand: orange #f59322 (luminance 163) and grey want black
        // ink, blue #0877bd (luminance 94) white.
        func ink(_ label: Double) -> TerminalColor {
            PointMarks.cell(label: label, isTest: true, problem: .regression, capabilities: Capabilities()).style.foreground
        }
        XCTAssertEqual(ink(-1), .index(16))
        XCTAssertEqual(ink(0), .index(16))
        XCTAssertEqual(ink(1), .index(231))
        XCTAssertEqual(PointMarks.cell(label: 0.5, isTest: true, problem: .regression, capabilities: Capabilities()).scalar, "⊞")
    }

    func testPointsOutsideTheMapAreLeftOut() {
        var grid = CellGrid(width: 4, height: 2, fill: Cell("·"))
        let points = [Example(x: -6, y: 6, label: 1), Example(x: 5.9, y: -5.9, label: -1), Example(x: 6, y: 0, label: 1),
                      Example(x: 0, y: -6.5, label: 1)]
        PointMarks.draw(points, isTest: false, problem: .classification, capabilities: Capabilities(colors: .none),
                        in: Rect(x: 0, y: 0, width: 4, height: 2), into: &grid)
        XCTAssertEqual(grid.lines, ["+···", "···−"])
    }

    func testTheLegendShowsEachMark() {
        var grid = CellGrid(width: 24, height: 5, fill: Cell("·"))
        let row = Rect(x: 0, y: 4, width: 24, height: 1)
        OutputPanel.drawPointLegend(Capabilities(), problem: .classification, in: row, into: &grid)
        XCTAssertEqual(grid.lines[4], " + − train  ⊞ ⊟ test    ")
        XCTAssertEqual(grid[1, 4], PointMarks.cell(label: 1, isTest: false, problem: .classification, capabilities: Capabilities()))
        XCTAssertEqual(grid[14, 4], PointMarks.cell(label: -1, isTest: true, problem: .classification, capabilities: Capabilities()))
        OutputPanel.drawPointLegend(Capabilities(colors: .none, unicode: false), problem: .classification, in: row, into: &grid)
        XCTAssertEqual(grid.lines[4], " + - train  # = test    ")
        XCTAssertEqual(grid.lines[0], String(repeating: "·", count: 24), "only its own row")
    }
}
