import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The bytes a frame costs (issue 15, item 6): the screen writer through `EncodingSurface` with
/// xterm's sequences, read back by a small terminal emulator written here from ECMA-48 (cursor
/// position, SGR), which also counts every attribute sent that was already in force.
final class EncodingSurfaceTests: XCTestCase {
    func makeWriter() -> ScreenWriter {
        ScreenWriter(unicode: true, colorPairs: ColorPairs(mode: .full, limit: 256, defaultColors: true))
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testAHalfBlockRowSendsOnlyTheColourThatChanged() {
        var writer = makeWriter()
        var surface = EncodingSurface(width: 3, height: 1, strings: .xterm)
        var frame = CellGrid(width: 3, height: 1)
        frame[0, 0] = Cell("▀", style: CellStyle(foreground: .index(31), background: .index(74)))
        frame[1, 0] = Cell("▀", style: CellStyle(foreground: .index(31), background: .index(152)))
        frame[2, 0] = Cell("▀", style: CellStyle(foreground: .index(68), background: .index(152)))
        writer.draw(frame, on: &surface)
        XCTAssertEqual(text(surface.take()),
                       "\u{1B}(B\u{1B}[m\u{1B}[H\u{1B}[2J" + "\u{1B}[38;5;31;48;5;74m▀" + "\u{1B}[48;5;152m▀"
                       + "\u{1B}[38;5;68m▀", "both colours in one sequence where both change")
    }

    func testAnUnchangedFrameSendsNothingAndOneChangedCellIsAMoveAndTheCell() {
        var writer = makeWriter()
        var surface = EncodingSurface(width: 4, height: 2, strings: .xterm)
        var frame = CellGrid(width: 4, height: 2)
        frame.put("abcd", x: 0, y: 0)
        frame.put("efgh", x: 0, y: 1)
        writer.draw(frame, on: &surface)
        _ = surface.take()
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.take(), [])
        frame[2, 1] = Cell("X")
        writer.draw(frame, on: &surface)
        XCTAssertEqual(text(surface.take()), "\u{1B}[2;3HX")
        frame[1, 1] = Cell("Y")
        frame[3, 1] = Cell("Z")
        writer.draw(frame, on: &surface)
        XCTAssertEqual(text(surface.take()), "\u{1B}[2GY\u{1B}[4GZ", "within a row, a move to the column")
    }

    func testLeavingBoldKeepsTheColours() {
        var writer = makeWriter()
        var surface = EncodingSurface(width: 2, height: 1, strings: .xterm)
        var frame = CellGrid(width: 2, height: 1)
        frame[0, 0] = Cell("+", style: CellStyle(foreground: .index(25), background: .index(231), bold: true))
        frame[1, 0] = Cell("▀", style: CellStyle(foreground: .index(25), background: .index(231)))
        writer.draw(frame, on: &surface)
        XCTAssertTrue(text(surface.take()).hasSuffix("\u{1B}[1;38;5;25;48;5;231m+\u{1B}[22m▀"))
    }

    func testASpaceKeepsTheForegroundInForce() {
        var writer = makeWriter()
        var surface = EncodingSurface(width: 3, height: 1, strings: .xterm)
        var frame = CellGrid(width: 3, height: 1)
        frame[0, 0] = Cell("▀", style: CellStyle(foreground: .index(31), background: .index(74)))
        frame[1, 0] = Cell(" ", style: CellStyle(foreground: .default, background: .index(74)))
        frame[2, 0] = Cell("▀", style: CellStyle(foreground: .index(31), background: .index(74)))
        writer.draw(frame, on: &surface)
        XCTAssertTrue(text(surface.take()).hasSuffix("\u{1B}[38;5;31;48;5;74m▀ ▀"))
    }

    func testWithoutSeparateOffSequencesLeavingAnAttributeResetsAndSetsTheRestAgain() {
        var strings = TerminalStrings.xterm
        strings.boldOff = []
        strings.reverseOff = []
        strings.defaultForeground = []
        strings.defaultBackground = []
        var writer = makeWriter()
        var surface = EncodingSurface(width: 2, height: 1, strings: strings)
        var frame = CellGrid(width: 2, height: 1)
        frame[0, 0] = Cell("a", style: CellStyle(foreground: .index(196), bold: true, reverse: true))
        frame[1, 0] = Cell("b", style: CellStyle(foreground: .index(196), reverse: true))
        writer.draw(frame, on: &surface)
        var terminal = Emulator(width: 2, height: 1)
        terminal.feed(surface.take())
        XCTAssertEqual(terminal.screen[0].map(\.look), [
            Emulator.Look(foreground: 196, background: -1, bold: true, reverse: true),
            Emulator.Look(foreground: 196, background: -1, bold: false, reverse: true),
        ])
    }

    /// Random frames of half-blocks, text, bold and reverse in many colours, each drawn over the
    /// last: the emulated screen always shows the frame, no attribute is ever sent twice, and a
    /// frame costs bytes only for the cells that changed.
    func testRandomFramesShowExactlyAndNeverRepeatAnAttribute() {
        var random = SeededRandom(seed: "encoding surface")
        let width = 13, height = 6
        var writer = makeWriter()
        var surface = EncodingSurface(width: width, height: height, strings: .xterm)
        var terminal = Emulator(width: width, height: height)
        let colors: [TerminalColor] = [.default, .index(31), .index(74), .index(152), .index(208), .index(3), .index(12)]
        var frame = CellGrid(width: width, height: height)
        for round in 0..<300 {
            let before = frame
            for _ in 0..<Int.random(in: 0...(round % 10 == 0 ? 80 : 10), using: &random) {
                let style = CellStyle(foreground: colors.randomElement(using: &random)!, background: colors.randomElement(using: &random)!,
                                      bold: Bool.random(using: &random) && Bool.random(using: &random),
                                      reverse: Int.random(in: 0..<8, using: &random) == 0)
                let scalar: Unicode.Scalar = ["▀", "a", "b", " ", "⣿", "+"].randomElement(using: &random)!
                frame[Int.random(in: 0..<width, using: &random), Int.random(in: 0..<height, using: &random)] = Cell(scalar, style: style)
            }
            writer.draw(frame, on: &surface)
            let bytes = surface.take()
            terminal.feed(bytes)
            if before == frame, round > 0 { XCTAssertEqual(bytes, [], "round \(round)") }
            for y in 0..<height {
                for x in 0..<width {
                    let cell = frame[x, y], colors = writer.colorPairs.terminalColors(cell.style)
                    var expected = Emulator.Cell(scalar: cell.scalar, look: Emulator.Look(
                        foreground: colors.foreground, background: colors.background, bold: cell.style.bold, reverse: cell.style.reverse))
                    let shown = terminal.screen[y][x]
                    // A space shows no foreground (unless in reverse): any is the same look.
                    if cell.scalar == " ", !cell.style.reverse { expected.look.foreground = shown.look.foreground }
                    XCTAssertEqual(shown, expected, "round \(round), (\(x), \(y))")
                }
            }
            XCTAssertEqual(terminal.redundant, [], "round \(round)")
            XCTAssertEqual(terminal.writesWithoutPlace, 0)
            XCTAssertEqual(terminal.cellsWritten, round == 0 ? width * height : zip(before.cells, frame.cells).filter { $0 != $1 }.count,
                           "round \(round): only changed cells are sent")
            terminal.cellsWritten = 0
        }
    }
}

/// Just enough of a terminal to read back what `EncodingSurface` sends with `TerminalStrings.xterm`:
/// CUP, CHA, CUF, ED 2, SGR (0, 1, 22, 7, 27, 30–37, 39, 40–47, 49, 90–97, 100–107, 38;5 and
/// 48;5), G0 designation, UTF-8 text. A write at the last column leaves the cursor's place unknown.
struct Emulator {
    struct Look: Equatable {
        var foreground: Int16 = -1, background: Int16 = -1
        var bold = false, reverse = false
    }
    struct Cell: Equatable {
        var scalar: Unicode.Scalar = " "
        var look = Look()
    }

    let width: Int, height: Int
    var screen: [[Cell]]
    /// Whatever the shell left in force.
    var look = Look(foreground: 5, background: 6, bold: true, reverse: true)
    var cursor: (x: Int, y: Int)? = (0, 0)
    /// The SGR parameters that set what was already in force.
    var redundant: [String] = []
    var writesWithoutPlace = 0
    var cellsWritten = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        screen = Array(repeating: Array(repeating: Cell(), count: width), count: height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        var index = 0
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}" {
                if scalars[index + 1] == "(" {
                    index += 3
                    continue
                }
                precondition(scalars[index + 1] == "[", "unexpected escape")
                var end = index + 2
                while !("@"..."~").contains(scalars[end]) { end += 1 }
                let parameters = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
                control(scalars[end], parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 },
                        text: parameters)
                index = end + 1
                continue
            }
            if let (x, y) = cursor, x < width {
                screen[y][x] = Cell(scalar: scalar, look: look)
                cursor = (x + 1, y)
                cellsWritten += 1
            } else {
                writesWithoutPlace += 1
            }
            index += 1
        }
    }

    private mutating func control(_ final: Unicode.Scalar, _ numbers: [Int], text: String) {
        switch final {
        case "H":
            cursor = numbers.count == 2 ? (numbers[1] - 1, numbers[0] - 1) : (0, 0)
        case "G":
            if let y = cursor?.y { cursor = (numbers[0] - 1, y) }
        case "C":
            if let (x, y) = cursor { cursor = (x + max(1, numbers[0]), y) }
        case "J":
            screen = Array(repeating: Array(repeating: Cell(look: Look(background: look.background)), count: width), count: height)
        case "m":
            var index = 0
            func set<T: Equatable>(_ path: WritableKeyPath<Look, T>, _ value: T, _ name: String) {
                if look[keyPath: path] == value { redundant.append(name) }
                look[keyPath: path] = value
            }
            while index < numbers.count {
                let n = numbers[index]
                switch n {
                case 0:
                    if look == Look() { redundant.append("0") }
                    look = Look()
                case 1: set(\.bold, true, "1")
                case 22: set(\.bold, false, "22")
                case 7: set(\.reverse, true, "7")
                case 27: set(\.reverse, false, "27")
                case 39: set(\.foreground, -1, "39")
                case 49: set(\.background, -1, "49")
                case 30...37: set(\.foreground, Int16(n - 30), "\(n)")
                case 40...47: set(\.background, Int16(n - 40), "\(n)")
                case 90...97: set(\.foreground, Int16(n - 82), "\(n)")
                case 100...107: set(\.background, Int16(n - 92), "\(n)")
                case 38:
                    set(\.foreground, Int16(numbers[index + 2]), "38;5;\(numbers[index + 2])")
                    index += 2
                case 48:
                    set(\.background, Int16(numbers[index + 2]), "48;5;\(numbers[index + 2])")
                    index += 2
                default: XCTFail("SGR \(n) not expected")
                }
                index += 1
            }
        default:
            XCTFail("control \(final) (\(text)) not expected")
        }
        if let (x, _) = cursor, x >= width { cursor = nil }
    }
}
