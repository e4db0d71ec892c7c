import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Without UTF-8 every character the app draws must reach the screen as printable ASCII with a
/// rule behind it (not the "?" of a character nobody thought of).
final class AsciiFallbackTests: XCTestCase {
    func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool { (0x20...0x7E).contains(scalar.value) }

    /// Screens drawn with Unicode: many states, sizes, overlays, the inspector with an entry,
    /// and the colourless heat map's shading ramp.
    func unicodeScreens() -> [CellGrid] {
        let everything = "dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true"
            + "&xTimesY=true&sinX=true&sinY=true&showTestData=true&discretize=true"
        var screens: [CellGrid] = []
        for (pairs, width, height) in [("", 120, 40), (everything, 200, 60), (everything, 80, 24),
                                       ("problem=regression&regDataset=reg-gauss&networkShape=3", 100, 30)] {
            for colors in [Capabilities.Colors.full, .none] {
                var app = makeApp(pairs, width: width, height: height, capabilities: Capabilities(colors: colors, unicode: true))
                screens.append(screen(app))
                _ = update(&app, .train(epochs: 40))
                _ = update(&app, .togglePlay)
                screens.append(screen(app))
                _ = update(&app, .select(.edge(layer: 1, node: 0, source: 0)))
                screens.append(screen(app))
                app.entry = Entry(target: .edge(layer: 1, node: 0, source: 0), text: "0.5")
                screens.append(screen(app))
                app.entry = nil
                _ = update(&app, .select(.node(layer: 1, node: 0)))
                screens.append(screen(app))
                for overlay in [Overlay.help, .link] {
                    app.overlay = overlay
                    screens.append(screen(app))
                }
            }
        }
        return screens
    }

    func testEveryCharacterOnScreenHasAPrintableStandIn() {
        var drawn: Set<Unicode.Scalar> = []
        for grid in unicodeScreens() { for cell in grid.cells where !cell.scalar.isASCII { drawn.insert(cell.scalar) } }
        // The screens must show what the widgets draw, or this test checks nothing.
        for expected: Unicode.Scalar in ["─", "│", "┌", "┘", "▀", "▪", "▸", "▏", "↑", "→", "░", "█"] {
            XCTAssertTrue(drawn.contains(expected), "no screen shows \(expected)")
        }
        XCTAssertTrue(drawn.contains { (0x2801...0x28FF).contains($0.value) }, "no screen shows braille")
        for scalar in drawn.sorted(by: { $0.value < $1.value }) {
            let standIn = AsciiFallback.standIn(for: scalar)
            XCTAssertNotNil(standIn, "no ASCII rule for \(scalar) U+\(String(scalar.value, radix: 16, uppercase: true))")
            if let standIn { XCTAssertTrue(isPrintableASCII(standIn), "\(scalar) → U+\(String(standIn.value, radix: 16))") }
        }
    }

    /// Where a widget has its own ASCII form, the stand-in is that same character.
    func testStandInsAgreeWithTheWidgetsOwnASCIIGlyphs() {
        let unicode = Glyphs.unicode, ascii = Glyphs.ascii
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
            (unicode.horizontal, ascii.horizontal), (unicode.vertical, ascii.vertical),
            (unicode.topLeft, ascii.topLeft), (unicode.topRight, ascii.topRight),
            (unicode.bottomLeft, ascii.bottomLeft), (unicode.bottomRight, ascii.bottomRight),
            (unicode.upperHalf, ascii.upperHalf), (unicode.selected, ascii.selected),
            (unicode.times.unicodeScalars.first!, ascii.times.unicodeScalars.first!),
            (unicode.ellipsis.unicodeScalars.first!, ascii.ellipsis.unicodeScalars.first!),
            ("▪", "o"),  // a bias mark: NetworkView's ASCII form
            ("→", ">"), ("←", "<"), ("↑", "^"), ("↓", "v"),
        ]
        for (glyph, expected) in pairs { XCTAssertEqual(AsciiFallback.standIn(for: glyph), expected, "\(glyph)") }
    }

    /// Every box-drawing, block and braille character has a printable stand-in: lines along,
    /// across and meeting; shades as the colourless ramp; braille by where its dots sit.
    func testWholeBlocksAreCovered() {
        for value in UInt32(0x2500)...0x259F {
            let scalar = Unicode.Scalar(value)!
            XCTAssertTrue(AsciiFallback.standIn(for: scalar).map(isPrintableASCII) ?? false, "U+\(String(value, radix: 16))")
        }
        for value in UInt32(0x2800)...0x28FF {
            XCTAssertTrue("'-.: ".unicodeScalars.contains(AsciiFallback.standIn(for: Unicode.Scalar(value)!)!), "U+\(String(value, radix: 16))")
        }
        let expected: [(Unicode.Scalar, Unicode.Scalar)] = [
            ("┼", "+"), ("╭", "+"), ("═", "-"), ("║", "|"), ("╱", "/"), ("░", "."), ("▒", ":"), ("▓", "%"),
            ("▏", "|"), ("█", "#"), ("▄", "#"),
            ("⠀", " "), ("⠉", "'"), ("⠒", "-"), ("⠤", "-"), ("⣀", "."), ("⡇", ":"), ("⠃", "'"), ("⢠", "."),
        ]
        for (glyph, standIn) in expected { XCTAssertEqual(AsciiFallback.standIn(for: glyph), standIn, "\(glyph)") }
        XCTAssertNil(AsciiFallback.standIn(for: "漢"), "no rule: the writer shows ?")
    }

    /// What the screen writer sends for each kind of scalar.
    func testTheWriterShowsOneColumnCharactersOnly() {
        let wide: (Unicode.Scalar) -> Int = { $0 == "漢" ? 2 : ($0 == "\u{301}" ? 0 : 1) }
        func shown(_ scalar: Unicode.Scalar, unicode: Bool) -> Unicode.Scalar {
            ScreenWriter.displayable(scalar, unicode: unicode, columns: wide)
        }
        XCTAssertEqual(shown("\u{1B}", unicode: true), " ", "an escape never reaches the terminal")
        XCTAssertEqual(shown("\u{7F}", unicode: true), " ")
        XCTAssertEqual(shown("\u{9B}", unicode: true), " ", "C1 control (CSI)")
        XCTAssertEqual(shown("a", unicode: false), "a")
        XCTAssertEqual(shown("▀", unicode: true), "▀")
        XCTAssertEqual(shown("漢", unicode: true), "?", "two columns would shift the row")
        XCTAssertEqual(shown("\u{301}", unicode: true), "?", "a combining mark takes no column")
        XCTAssertEqual(shown("▀", unicode: false), "#")
        XCTAssertEqual(shown("漢", unicode: false), "?")
    }

    /// The whole path: a Unicode frame through an ASCII writer reaches the screen as ASCII.
    func testAnASCIIWriterPutsOnlyASCIIOnScreen() {
        let frame = unicodeScreens()[1]
        var writer = ScreenWriter(unicode: false, colorPairs: ColorPairs(mode: .full, limit: 65536, defaultColors: true))
        var surface = RecordingSurface(width: frame.width, height: frame.height)
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.writes.count, frame.cells.count)
        for (written, cell) in zip(surface.writes, frame.cells) {
            XCTAssertTrue(isPrintableASCII(written.scalar), "U+\(String(written.scalar.value, radix: 16)) on an ASCII screen")
            XCTAssertEqual(written.scalar, cell.scalar.isASCII ? cell.scalar : AsciiFallback.standIn(for: cell.scalar), "\(cell.scalar)")
        }
        XCTAssertTrue(frame.cells.contains { !$0.scalar.isASCII }, "the frame had Unicode to map")
    }
}
