import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The input column: every shown feature's picture (faded when off) with its key and name.
final class FeatureColumnTests: XCTestCase {
    /// The column's text at 80×24 (2×1-cell nodes: pixel centres at x, y = ±3) without colour.
    /// On: the shading ramp of the pixel pair's mean (x: −3 then +3 → " █"; y: mean 0 → "▒▒").
    /// Off: two braille dots per positive pixel ("⢕" both, "⠑" upper, "⢄" lower, " " none):
    /// x² and y² are 9 everywhere; xy is +9 at (−3, −3) and (3, 3); sin x > 0 only at x = 3;
    /// sin y > 0 only at y = 3.
    func testLiteralLinesWithoutColour() throws {
        let app = makeApp(width: 80, height: 24, capabilities: Capabilities(colors: .none))
        let grid = screen(app)
        let diagram = try XCTUnwrap(app.layout.diagram)
        XCTAssertTrue(diagram.isCompact)
        let lines = diagram.columns[0].nodes.indices.map { slot in
            let label = diagram.labelRect(slot: slot), node = diagram.columns[0].nodes[slot]
            return String(String.UnicodeScalarView((label.x..<node.maxX).map { grid[$0, node.y].scalar }))
        }
        XCTAssertEqual(lines, ["     1 X1 █", "     2 X2▒▒", "    3 X1²⢕⢕", "    4 X2²⢕⢕", "   5 X1X2⢄⠑", "6 sin(X1) ⢕",
                               "7 sin(X2)⠑⠑"])
        // The key is bold; the name plain.
        let first = diagram.labelRect(slot: 0)
        XCTAssertTrue(grid[first.maxX - 4, first.y].style.bold, "the key 1")
        XCTAssertFalse(grid[first.maxX - 1, first.y].style.bold)
    }

    /// In 256 colours every pixel shows its feature's value on the map's scale, an off feature's
    /// `fadedStrength` of it (the pale middle of the scale), computed here from the features.
    func testOffFeaturesAreWashedOutShadesOfTheirPictures() throws {
        let app = makeApp("x=true&y=false&sinY=true", width: 120, height: 40)
        let grid = screen(app)
        let diagram = try XCTUnwrap(app.layout.diagram)
        let size = diagram.nodeSize
        let palette = Palette(.full)
        for (slot, feature) in Feature.allCases.enumerated() {
            let node = diagram.columns[0].nodes[slot]
            let isOn = [.x, .sinY].contains(feature)
            var pale = true
            for row in 0..<size.pixelHeight {
                for column in 0..<size.pixelWidth {
                    let x = -6 + (Double(column) + 0.5) / Double(size.pixelWidth) * 12
                    let y = 6 - (Double(row) + 0.5) / Double(size.pixelHeight) * 12
                    let exact = feature.value(x: x, y: y)
                    let value = isOn ? exact : max(-1, min(1, exact)) * NetworkView.fadedStrength
                    let cell = grid[node.x + column, node.y + row / 2]
                    XCTAssertEqual(cell.scalar, "▀")
                    XCTAssertEqual(row % 2 == 0 ? cell.style.foreground : cell.style.background,
                                   palette.shade(ShadeScale.shade(value)), "\(feature) pixel \(column),\(row)")
                    pale = pale && abs(ShadeScale.shade(value) - ShadeScale.middle) <= 6
                }
            }
            XCTAssertEqual(pale, !isOn, "\(feature): only the off pictures stay in the pale middle")
            let label = diagram.labelRect(slot: slot)
            XCTAssertEqual(grid[label.maxX - 1, label.y].style.foreground, isOn ? .default : palette.dim, "\(feature)'s name")
        }
    }

    /// In 8 colours an off feature is dotted in its shades' colours; an on one is half blocks.
    func testEightColoursDotTheOffFeatures() throws {
        let app = makeApp(width: 120, height: 40, capabilities: Capabilities(colors: .eight))
        let grid = screen(app)
        let diagram = try XCTUnwrap(app.layout.diagram)
        for (slot, feature) in Feature.allCases.enumerated() {
            let node = diagram.columns[0].nodes[slot]
            let cells = (node.y..<node.maxY).flatMap { y in (node.x..<node.maxX).map { grid[$0, y] } }
            if app.settings.features.contains(feature) {
                XCTAssertTrue(cells.allSatisfy { $0.scalar == "▀" }, "\(feature)")
            } else {
                XCTAssertTrue(cells.allSatisfy { $0.scalar == "⢕" && $0.style.background == .default }, "\(feature)")
                XCTAssertTrue(cells.contains { $0.style.foreground != .default }, "\(feature): coloured dots")
            }
        }
    }

    /// At every size and for the smallest and largest nets, every shown feature's key and name
    /// are on the screen beside its slot; a hidden one is gone with its key.
    func testEveryShownFeatureShowsItsKeyAndNameAtEverySize() throws {
        for (width, height) in LayoutTests.sizes where width <= 240 {
            for pairs in ["networkShape=", "networkShape=8,8,8,8,8,8&sinX_hide=true"] {
                let app = makeApp(pairs, width: width, height: height)
                let grid = screen(app)
                let diagram = try XCTUnwrap(app.layout.diagram)
                let context = "\(width)×\(height) \(pairs)"
                XCTAssertEqual(diagram.columns[0].nodes.count, app.settings.shownFeatures.count, context)
                for (slot, feature) in app.settings.shownFeatures.enumerated() {
                    let label = diagram.labelRect(slot: slot)
                    let text = String(String.UnicodeScalarView((label.x..<label.maxX).map { grid[$0, label.y].scalar }))
                    let key = Feature.allCases.firstIndex(of: feature)! + 1
                    XCTAssertTrue(text.hasSuffix("\(key) \(feature.label)"), "\(context): \(text.debugDescription)")
                }
                if pairs.contains("sinX_hide") {
                    XCTAssertFalse(grid.lines.joined().contains("sin(X1)"), context)
                }
            }
        }
    }
}
