import Foundation
import FoundationXML
import PlaygroundCore
import PlaygroundUI
import XCTest

/// `playground-tui snapshot` writes SVG that a real renderer (rsvg-convert, which `make test`
/// installs) draws with the colours a 256-colour terminal shows: the xterm palette's values,
/// written here as literals. The cells checked are found in the app's own screen for the same
/// state (the heat map, a point, a braille link, a title); the pixels come from the renderer.
final class SnapshotTests: XCTestCase {
    static let xor = "dataset=xor&networkShape=4,2&x=true&y=true&xTimesY=true&showTestData=true&seed=0.12345"

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `snapshot` with `arguments` into `name` and returns the file's bytes.
    func snapshot(_ name: String, _ arguments: [String]) throws -> Data {
        let path = folder.appendingPathComponent(name).path
        let result = try ProcessRunner.run(["snapshot"] + arguments + ["--output", path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.output, "")
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The SVG drawn by rsvg-convert, as pixels (one per SVG unit).
    func rendered(_ svg: Data, _ name: String) throws -> PNGImage {
        let svgPath = folder.appendingPathComponent(name + ".svg").path, pngPath = folder.appendingPathComponent(name + ".png").path
        try svg.write(to: URL(fileURLWithPath: svgPath))
        let result = try ProcessRunner.shell("command -v rsvg-convert >/dev/null || { echo 'rsvg-convert missing: "
            + "sudo apt-get install librsvg2-bin (make test installs it)' >&2; exit 3; }; rsvg-convert \"$1\" -o \"$2\"",
                                             [svgPath, pngPath])
        XCTAssertEqual(result.status, 0, result.error)
        return try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: pngPath))))
    }

    /// The document parses as XML and its root is an `svg` element.
    func assertWellFormed(_ svg: Data, file: StaticString = #filePath, line: UInt = #line) {
        final class Root: NSObject, XMLParserDelegate {
            var name: String?
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == nil { name = element }
            }
        }
        let parser = XMLParser(data: svg), root = Root()
        parser.delegate = root
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")", file: file, line: line)
        XCTAssertEqual(root.name, "svg", file: file, line: line)
    }

    func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
    }

    func hex(_ c: (Int, Int, Int)) -> String { String(format: "#%02x%02x%02x", c.0, c.1, c.2) }

    /// The pixel at a fraction of cell (x, y): 0.5, 0.5 is its centre.
    func pixel(_ image: PNGImage, cell x: Int, _ y: Int, at fx: Double = 0.5, _ fy: Double = 0.5) -> (Int, Int, Int) {
        let origin = ScreenSVG.origin(x: x, y: y)
        return image.rgb(x: origin.x + Int(fx * Double(ScreenSVG.cellWidth)), y: origin.y + Int(fy * Double(ScreenSVG.cellHeight)))
    }

    func testTheScreenRendersInTheTerminalsColours() throws {
        let svg = try snapshot("xor.svg", ["--state", Self.xor, "--epochs", "60", "--size", "120x40"])
        assertWellFormed(svg)
        let image = try rendered(svg, "xor")
        let size = ScreenSVG.size(columns: 120, rows: 40)
        XCTAssertEqual([image.width, image.height], [size.width, size.height])

        // The same screen as the app draws it, to find the cells to look at.
        let app = Snapshot.state(playground: Playground(state: try PlaygroundState.parse(Self.xor) { "0.1" }.state), epochs: 60, width: 120, height: 40)
        let grid = Snapshot.screen(app)
        let map = app.layout.heatMap
        var checked: Set<String> = []
        let orange = (0xff, 0x87, 0x00), blue = (0x00, 0x87, 0xaf), white = (0xff, 0xff, 0xff), title = (0x5f, 0xaf, 0xff)
        for y in map.y..<map.maxY {
            for x in map.x..<map.maxX {
                let cell = grid[x, y]
                // Half-block pixels: the upper half shows the foreground, the lower half the
                // background (the palette's cube colours, xterm's values).
                if cell.scalar == "▀", case .index(let upper) = cell.style.foreground, case .index(let lower) = cell.style.background,
                   upper != lower, upper >= 16, lower >= 16 {
                    let (top, bottom) = (XTermPalette.rgb(ofIndex: Int(upper)), XTermPalette.rgb(ofIndex: Int(lower)))
                    XCTAssertEqual(hex(pixel(image, cell: x, y, at: 0.5, 0.25)), hex((top.red, top.green, top.blue)), "upper pixel of (\(x), \(y))")
                    XCTAssertEqual(hex(pixel(image, cell: x, y, at: 0.5, 0.75)), hex((bottom.red, bottom.green, bottom.blue)), "lower pixel of (\(x), \(y))")
                    checked.insert("two-colour half block")
                }
                if cell.scalar == "▀", cell.style.foreground == TerminalColor.index(208), cell.style.background == TerminalColor.index(208) {
                    XCTAssertEqual(hex(pixel(image, cell: x, y, at: 0.5, 0.25)), hex(orange), "orange cell (\(x), \(y))")
                    checked.insert("orange cell")
                }
                if cell.scalar == "▀", cell.style.foreground == TerminalColor.index(31), cell.style.background == TerminalColor.index(31) {
                    XCTAssertEqual(hex(pixel(image, cell: x, y, at: 0.5, 0.25)), hex(blue), "blue cell (\(x), \(y))")
                    checked.insert("blue cell")
                }
                // A training point of the positive class: a white cell with a blue "+".
                if cell.scalar == "+", cell.style.background == TerminalColor.index(231) {
                    XCTAssertEqual(hex(pixel(image, cell: x, y, at: 0.1, 0.1)), hex(white), "point's cell (\(x), \(y))")
                    checked.insert("point")
                }
            }
        }
        var brailleCells = 0
        // A braille link: each of its eight dots (1-2-3-7 down the left half, 4-5-6-8 down the
        // right) shows its colour somewhere in its quarter-row band exactly when its bit is set.
        for y in 0..<grid.height {
            for x in 0..<grid.width where brailleCells < 40 {
                let cell = grid[x, y]
                guard (0x2801...0x28ff).contains(cell.scalar.value), case .index(let index) = cell.style.foreground,
                      index >= 16, cell.style.background == .default else { continue }
                let ink = XTermPalette.rgb(ofIndex: Int(index))
                let bits = Int(cell.scalar.value - 0x2800)
                let dots = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]
                for (bit, (column, row)) in dots.enumerated() {
                    let origin = ScreenSVG.origin(x: x, y: y)
                    let left = origin.x + column * ScreenSVG.cellWidth / 2, top = origin.y + row * ScreenSVG.cellHeight / 4
                    var inked = false
                    for py in top..<(top + ScreenSVG.cellHeight / 4) {
                        for px in left..<(left + ScreenSVG.cellWidth / 2) where distance(image.rgb(x: px, y: py), (ink.red, ink.green, ink.blue)) < 300 {
                            inked = true
                        }
                    }
                    XCTAssertEqual(inked, bits & (1 << bit) != 0, "braille \(cell.scalar) at (\(x), \(y)), dot \(bit + 1)")
                }
                checked.insert("braille")
                brailleCells += 1
            }
        }
        // Text: the header's name in the terminal's own colours (bold, light on dark) and the
        // "Output" title in xterm 75 (#5fafff): each drawn in its colour on the dark background.
        for (word, color, name) in [("playground-tui", (0xd0, 0xd0, 0xd0), "the header"), ("Output", title, "the title")] {
            let row = (0..<grid.height).first { grid.line($0).contains(word) }!
            let rowScalars = Array(grid.line(row).unicodeScalars), letters = Array(word.unicodeScalars)
            let column = (0...(rowScalars.count - letters.count)).first { Array(rowScalars[$0..<($0 + letters.count)]) == letters }!
            var nearest = Int.max, inked = 0
            for x in column..<(column + letters.count) {
                for fy in stride(from: 0.2, to: 0.8, by: 0.05) {
                    for fx in stride(from: 0.1, to: 0.9, by: 0.1) {
                        let d = distance(pixel(image, cell: x, row, at: fx, fy), color)
                        nearest = min(nearest, d)
                        if d < 400 { inked += 1 }
                    }
                }
            }
            XCTAssertLessThan(nearest, 400, "\(name)'s glyphs are not drawn in \(hex(color))")
            XCTAssertGreaterThan(inked, letters.count * 3, "\(name): too few pixels of its colour for \(letters.count) letters")
            XCTAssertEqual(hex(pixel(image, cell: column, row, at: 0.05, 0.05)), hex((0x1c, 0x1c, 0x1c)), "\(name)'s background")
        }
        XCTAssertEqual(checked, ["two-colour half block", "orange cell", "blue cell", "point", "braille"])
    }

    func testTheSameStateGivesTheSameBytes() throws {
        for figure in ["screen", "boundary", "loss"] {
            let arguments = ["--state", Self.xor, "--epochs", "20", "--figure", figure, "--resolution", "50", "--keys", "h"]
            let first = try snapshot("a-\(figure).svg", arguments), second = try snapshot("b-\(figure).svg", arguments)
            XCTAssertEqual(first, second, figure)
            assertWellFormed(first)
        }
        // ... and another epoch gives other bytes.
        let other = try snapshot("c.svg", ["--state", Self.xor, "--epochs", "21", "--keys", "h"])
        XCTAssertNotEqual(other, try snapshot("d.svg", ["--state", Self.xor, "--epochs", "20", "--keys", "h"]))
    }

    /// The boundary figure: y points up (xor's top-left and bottom-right quadrants are orange,
    /// the other two blue: TF's #f59322 and #0877bd, through the embedded raster and the renderer),
    /// and the colour scale runs from blue at the top to orange at the bottom.
    func testTheBoundaryFigureIsTheNetworksOutputOverThePlane() throws {
        let svg = try snapshot("boundary.svg", ["--state", Self.xor + "&showTestData=false&percTrainData=10", "--epochs", "300",
                                                "--figure", "boundary", "--resolution", "100"])
        assertWellFormed(svg)
        let image = try rendered(svg, "boundary")
        let tfOrange = (0xf5, 0x93, 0x22), tfBlue = (0x08, 0x77, 0xbd)
        // The plot is 480 units square at (52, 44): quadrant centres at ±3.
        func quadrant(_ x: Double, _ y: Double) -> (orange: Int, blue: Int) {
            var counts = (orange: 0, blue: 0)
            let cx = 52 + Int((x + 6) / 12 * 480), cy = 44 + Int((6 - y) / 12 * 480)
            for py in (cy - 40)..<(cy + 40) {
                for px in (cx - 40)..<(cx + 40) {
                    let c = image.rgb(x: px, y: py)
                    if distance(c, tfOrange) < 200 { counts.orange += 1 }
                    if distance(c, tfBlue) < 200 { counts.blue += 1 }
                }
            }
            return counts
        }
        for (x, y, orange) in [(-3.0, 3.0, true), (3.0, -3.0, true), (3.0, 3.0, false), (-3.0, -3.0, false)] {
            let counts = quadrant(x, y)
            let (mine, theirs) = orange ? (counts.orange, counts.blue) : (counts.blue, counts.orange)
            XCTAssertGreaterThan(mine, 80 * 80 / 2, "quadrant (\(x), \(y)) should be mostly \(orange ? "orange" : "blue")")
            XCTAssertEqual(theirs, 0, "quadrant (\(x), \(y))")
        }
        let barX = 52 + 480 + 28 + 8
        XCTAssertEqual(hex(image.rgb(x: barX, y: 44 + 3)), hex(tfBlue), "the scale's top")
        XCTAssertEqual(hex(image.rgb(x: barX, y: 44 + 480 - 3)), hex(tfOrange), "the scale's bottom")
    }

    func testBadInputIsOneLine() throws {
        let cases: [([String], String)] = [
            (["--size", "10x10"], "expected COLUMNSxROWS such as 120x40, from 80x24 to 400x150"),
            (["--keys", "{Nope}"], "--keys: no key is named \"{Nope}\""),
            (["--resolution", "0", "--figure", "boundary"], "expected a whole number of pixels from 8 to 2000"),
        ]
        for (arguments, message) in cases {
            let result = try ProcessRunner.run(["snapshot"] + arguments + ["--output", folder.appendingPathComponent("x.svg").path])
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertTrue(result.error.contains(message), "\(arguments): \(result.error)")
            XCTAssertEqual(result.error.split(separator: "\n").count, 1, result.error)
        }
        let missing = try ProcessRunner.run(["snapshot", "--output", "/nonexistent-folder/x.svg"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.error, "playground-tui: cannot write /nonexistent-folder/x.svg: No such file or directory\n")
    }
}
