import XCTest
@testable import PlaygroundUI

final class ColorModelTests: XCTestCase {
    func testShadesFollowTF() {
        XCTAssertEqual(ShadeScale.shade(-1), 0)
        XCTAssertEqual(ShadeScale.shade(-5), 0)
        XCTAssertEqual(ShadeScale.shade(0), 15)
        XCTAssertEqual(ShadeScale.shade(1), 30, "floor(31) clamps to 30")
        XCTAssertEqual(ShadeScale.shade(7), 30)
        XCTAssertEqual(ShadeScale.shade(-0.01), 15, "floor(15.345)")
        XCTAssertEqual(ShadeScale.shade(-0.04), 14)
        XCTAssertEqual(ShadeScale.shade(.nan), 15)
        XCTAssertEqual(ShadeScale.shade(.infinity), 30)
        XCTAssertEqual(ShadeScale.shade(-.infinity), 0)
    }

    func testShadesAreMonotone() {
        var previous = 0
        for step in -300...300 {
            let shade = ShadeScale.shade(Double(step) / 200)
            XCTAssertGreaterThanOrEqual(shade, previous)
            previous = shade
        }
    }

    func testTheScaleRunsOrangeGreyBlue() {
        XCTAssertEqual(ShadeScale.rgb(ofShade: 0), ShadeScale.orange)
        XCTAssertEqual(ShadeScale.rgb(ofShade: 15), ShadeScale.grey)
        XCTAssertEqual(ShadeScale.rgb(ofShade: 30), ShadeScale.blue)
        XCTAssertEqual(ShadeScale.rgb(ofShade: 0), RGB(0xf5, 0x93, 0x22))
        XCTAssertEqual(ShadeScale.rgb(ofShade: 30), RGB(0x08, 0x77, 0xbd))
        // Red falls all the way; each shade moves away from orange, then toward blue.
        let colors = (0..<31).map(ShadeScale.rgb(ofShade:))
        for (a, b) in zip(colors, colors.dropFirst()) {
            XCTAssertLessThanOrEqual(b.red, a.red, "red falls from orange to blue")
        }
        for shade in 1...15 {
            XCTAssertGreaterThan(colors[shade].distanceSquared(to: ShadeScale.orange), colors[shade - 1].distanceSquared(to: ShadeScale.orange))
        }
        for shade in 15..<30 {
            XCTAssertGreaterThan(colors[shade].distanceSquared(to: ShadeScale.blue), colors[shade + 1].distanceSquared(to: ShadeScale.blue))
        }
    }

    func testPaletteIndices() {
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 16), RGB(0, 0, 0))
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 208), RGB(255, 135, 0))
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 31), RGB(0, 135, 175))
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 231), RGB(255, 255, 255))
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 232), RGB(8, 8, 8))
        XCTAssertEqual(XTermPalette.rgb(ofIndex: 255), RGB(238, 238, 238))
        XCTAssertEqual(XTermPalette.nearestIndex(to: RGB(255, 135, 0)), 208, "a cube colour maps to itself")
        XCTAssertEqual(XTermPalette.nearestIndex(to: RGB(120, 120, 120)), 243, "a grey to the grey ramp")
        XCTAssertEqual(ShadeScale.paletteIndices.first, 208, "#f59322")
        XCTAssertEqual(ShadeScale.paletteIndices[15], 255, "#e8eaeb")
        XCTAssertEqual(ShadeScale.paletteIndices.last, 31, "#0877bd")
        // Every index is the true nearest.
        for shade in 0..<31 {
            let target = ShadeScale.rgb(ofShade: shade)
            let chosen = XTermPalette.rgb(ofIndex: Int(ShadeScale.paletteIndices[shade]))
            for index in 16...255 {
                XCTAssertLessThanOrEqual(chosen.distanceSquared(to: target), XTermPalette.rgb(ofIndex: index).distanceSquared(to: target))
            }
        }
    }

    func testEightColoursAndNone() {
        let eight = Palette(.eight)
        XCTAssertEqual(eight.shade(0), .index(3), "orange side: yellow")
        XCTAssertEqual(eight.shade(15), .index(7), "middle: white")
        XCTAssertEqual(eight.shade(30), .index(4), "blue side: blue")
        for shade in 0..<31 { if case .index(let i) = eight.shade(shade) { XCTAssertLessThan(i, 8) } }
        let none = Palette(.none)
        XCTAssertEqual(none.shade(0), .default)
        XCTAssertEqual(none.point(label: 1, isTest: false), .default)
        XCTAssertNotEqual(Palette(.full).point(label: 1, isTest: false), Palette(.full).point(label: 1, isTest: true))
        XCTAssertNotEqual(Palette(.full).point(label: -1, isTest: false), Palette(.full).point(label: 1, isTest: false))
    }

    func testShadingCharactersGetDenserTowardBlue() {
        XCTAssertEqual(ShadeScale.rampCharacter(-1, unicode: true), " ")
        XCTAssertEqual(ShadeScale.rampCharacter(0, unicode: true), "▒")
        XCTAssertEqual(ShadeScale.rampCharacter(1, unicode: true), "█")
        XCTAssertEqual(ShadeScale.rampCharacter(-1, unicode: false), " ")
        XCTAssertEqual(ShadeScale.rampCharacter(1, unicode: false), "@")
    }
}

/// The 256 → 8 colour mapping the backend uses on eight-colour terminals.
final class EightColourTests: XCTestCase {
    func testBasicAndBrightColoursMapToThemselves() {
        for index in 0..<8 {
            XCTAssertEqual(XTermPalette.nearestBasic[index], UInt8(index))
            XCTAssertEqual(XTermPalette.nearestBasic[index + 8], UInt8(index))
        }
    }

    func testCubeCornersAndGreys() {
        // Cube index 16 + 36 r + 6 g + b.
        XCTAssertEqual(XTermPalette.nearestBasic[16], 0, "black")
        XCTAssertEqual(XTermPalette.nearestBasic[16 + 36 * 5], 1, "pure red")
        XCTAssertEqual(XTermPalette.nearestBasic[16 + 6 * 5], 2, "pure green")
        XCTAssertEqual(XTermPalette.nearestBasic[16 + 5], 4, "pure blue")
        XCTAssertEqual(XTermPalette.nearestBasic[231], 7, "white")
        XCTAssertEqual(XTermPalette.nearestBasic[232], 0, "the darkest grey is black")
        XCTAssertEqual(XTermPalette.nearestBasic[255], 7, "the lightest grey is white")
    }

    func testTheHeatMapsEndsStayOrangeAndBlue() {
        // TF's orange (#f59322) and blue (#0877bd) must stay told apart: warm against blue.
        let orange = XTermPalette.nearestBasic[Int(XTermPalette.nearestIndex(to: RGB(0xf5, 0x93, 0x22)))]
        let blue = XTermPalette.nearestBasic[Int(XTermPalette.nearestIndex(to: RGB(0x08, 0x77, 0xbd)))]
        XCTAssertTrue([1, 3].contains(orange), "orange maps to red or yellow, got \(orange)")
        XCTAssertTrue([4, 6].contains(blue), "blue maps to blue or cyan, got \(blue)")
    }

    func testEveryEntryIsAValidBasicColour() {
        XCTAssertEqual(XTermPalette.nearestBasic.count, 256)
        XCTAssertTrue(XTermPalette.nearestBasic.allSatisfy { $0 < 8 })
    }
}
