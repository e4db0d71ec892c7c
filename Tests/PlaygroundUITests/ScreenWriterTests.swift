import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The diff drawing against a recording terminal: what is written, where the cursor moves, and
/// that the recorded screen always ends up showing the frame.
final class ScreenWriterTests: XCTestCase {
    func makeWriter(unicode: Bool = true) -> ScreenWriter {
        ScreenWriter(unicode: unicode, colorPairs: ColorPairs(mode: .full, limit: 256, defaultColors: true))
    }

    /// A grid holding `rows` (all of one length), plain style.
    func grid(_ rows: [String]) -> CellGrid {
        var grid = CellGrid(width: rows[0].unicodeScalars.count, height: rows.count)
        for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y) }
        return grid
    }

    func testTheFirstFrameClearsAndDrawsEveryCellOneMovePerRow() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 4, height: 3)
        writer.draw(grid(["abcd", "efgh", "ijkl"]), on: &surface)
        XCTAssertEqual(surface.operations.first, .clear)
        XCTAssertEqual(surface.operations.last, .present)
        XCTAssertEqual(surface.writes.count, 12)
        XCTAssertEqual(surface.moves, 3, "a row is one run; the cursor is not trusted to wrap")
        XCTAssertEqual(surface.text, ["abcd", "efgh", "ijkl"])
    }

    func testAnUnchangedFrameWritesNothing() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 4, height: 2)
        let frame = grid(["abcd", "efgh"])
        writer.draw(frame, on: &surface)
        surface.clearRecord()
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.operations, [.present])
    }

    func testOneChangedCellIsOneMoveAndOneWrite() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 4, height: 2)
        var frame = grid(["abcd", "efgh"])
        writer.draw(frame, on: &surface)
        surface.clearRecord()
        frame[2, 1] = Cell("X", style: CellStyle(bold: true))
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.operations, [.move(x: 2, y: 1), .write(TerminalCell("X", bold: true)), .present])
        XCTAssertEqual(surface.text, ["abcd", "efXh"])
    }

    func testARunOfChangedCellsIsOneMoveAndAGapStartsAnother() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 8, height: 1)
        writer.draw(grid(["........"]), on: &surface)
        surface.clearRecord()
        writer.draw(grid([".abc.de."]), on: &surface)
        XCTAssertEqual(surface.operations, [
            .move(x: 1, y: 0), .write(TerminalCell("a")), .write(TerminalCell("b")), .write(TerminalCell("c")),
            .move(x: 5, y: 0), .write(TerminalCell("d")), .write(TerminalCell("e")), .present,
        ])
    }

    /// A run that ends in a row's last column and one that starts the next row are two moves:
    /// after the last column ncurses' cursor is on the next row, or, in the last row, still there.
    func testARunEndingAtTheRowsEndDoesNotCarryOnToTheNextRow() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 3, height: 2)
        writer.draw(grid(["...", "..."]), on: &surface)
        surface.clearRecord()
        writer.draw(grid(["..a", "b.c"]), on: &surface)
        XCTAssertEqual(surface.operations, [
            .move(x: 2, y: 0), .write(TerminalCell("a")),
            .move(x: 0, y: 1), .write(TerminalCell("b")),
            .move(x: 2, y: 1), .write(TerminalCell("c")), .present,
        ], "the last write is the screen's last cell")
        XCTAssertEqual(surface.text, ["..a", "b.c"])
    }

    func testInvalidateClearsAndRedrawsEverything() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 3, height: 2)
        let frame = grid(["abc", "def"])
        writer.draw(frame, on: &surface)
        writer.invalidate()
        XCTAssertNil(writer.shown)
        surface.clearRecord()
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.operations.first, .clear)
        XCTAssertEqual(surface.writes.map(\.scalar), Array("abcdef".unicodeScalars))
        XCTAssertEqual(surface.text, ["abc", "def"])
    }

    func testANewSizeClearsAndDrawsTheWholeNewFrame() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 3, height: 2)
        writer.draw(grid(["abc", "def"]), on: &surface)
        surface.resize(width: 4, height: 3)
        surface.clearRecord()
        // The old frame's cells are still on screen and equal to the new frame's: only a
        // full redraw writes them (and the "?" the terminal filled the new area with) again.
        writer.draw(grid(["abcx", "defy", "ghiz"]), on: &surface)
        XCTAssertEqual(surface.operations.first, .clear)
        XCTAssertEqual(surface.writes.count, 12)
        XCTAssertEqual(surface.text, ["abcx", "defy", "ghiz"])
        XCTAssertEqual(writer.shown?.width, 4)
    }

    func testAFrameLargerThanTheScreenIsClippedToIt() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 2, height: 1)
        writer.draw(grid(["abcd", "efgh"]), on: &surface)
        XCTAssertEqual(surface.text, ["ab"])
        XCTAssertEqual(surface.writes.count, 2, "nothing written outside the screen")
    }

    func testTheScreensLastCellIsWritten() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 3, height: 2)
        writer.draw(grid(["abc", "def"]), on: &surface)
        surface.clearRecord()
        writer.draw(grid(["abc", "deZ"]), on: &surface)
        XCTAssertEqual(surface.operations, [.move(x: 2, y: 1), .write(TerminalCell("Z")), .present])
    }

    func testEachDistinctCellIsPreparedOnce() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 6, height: 4)
        writer.draw(grid(["ababab", "bababa", "ababab", "bababa"]), on: &surface)
        XCTAssertEqual(surface.writes.count, 24)
        XCTAssertEqual(surface.preparedCount, 2)
    }

    /// More distinct cells than the ink table holds: it starts over and the screen stays right.
    func testTheInkTableStartsOverWhenFull() {
        var writer = makeWriter()
        let side = 100, count = side * side
        XCTAssertGreaterThan(count, ScreenWriter.inkLimit)
        var frame = CellGrid(width: side, height: side)
        for index in 0..<count { frame.cells[index] = Cell(Unicode.Scalar(0x4E00 + UInt32(index))!) }
        var surface = RecordingSurface(width: side, height: side)
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.preparedCount, count)
        XCTAssertLessThanOrEqual(surface.prepared.count, ScreenWriter.inkLimit, "ink numbers are reused")
        for index in stride(from: 0, to: count, by: 997) {
            XCTAssertEqual(surface.screen[index / side][index % side]?.scalar, frame.cells[index].scalar)
        }
    }

    /// Random edits to random frames: after every draw the screen shows the frame, and exactly
    /// the cells that changed were written.
    func testRandomEditsAlwaysLeaveTheFrameOnScreen() {
        var random = SeededRandom(seed: "screen writer")  // the same edits on every run
        var writer = makeWriter()
        var surface = RecordingSurface(width: 9, height: 5)
        var frame = CellGrid(width: 9, height: 5)
        let styles = [CellStyle.plain, CellStyle(foreground: .index(196)), CellStyle(background: .index(21), bold: true)]
        writer.draw(frame, on: &surface)
        for _ in 0..<200 {
            let before = frame
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                frame[Int.random(in: 0..<9, using: &random), Int.random(in: 0..<5, using: &random)] =
                    Cell(Unicode.Scalar(UInt8.random(in: 0x61...0x64, using: &random)), style: styles.randomElement(using: &random)!)
            }
            surface.clearRecord()
            writer.draw(frame, on: &surface)
            let changed = zip(before.cells, frame.cells).filter { $0 != $1 }.count
            XCTAssertEqual(surface.writes.count, changed)
            for y in 0..<5 {
                for x in 0..<9 {
                    let shown = surface.screen[y][x]
                    XCTAssertEqual(shown?.scalar, frame[x, y].scalar, "(\(x), \(y))")
                    XCTAssertEqual(shown?.bold, frame[x, y].style.bold, "(\(x), \(y))")
                    XCTAssertEqual(shown.map { writer.colorPairs.colors(ofPair: $0.pair) },
                                   writer.colorPairs.terminalColors(frame[x, y].style), "(\(x), \(y))")
                }
            }
        }
    }

    func testColoursBecomeDefinedPairsOnTheWrittenCells() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 3, height: 1)
        var frame = CellGrid(width: 3, height: 1)
        let red = CellStyle(foreground: .index(196)), onBlue = CellStyle(foreground: .index(196), background: .index(21), reverse: true)
        frame[0, 0] = Cell("r", style: red)
        frame[1, 0] = Cell("b", style: onBlue)
        frame[2, 0] = Cell("R", style: red)
        writer.draw(frame, on: &surface)
        XCTAssertEqual(surface.operations.filter { if case .definePair = $0 { true } else { false } },
                       [.definePair(1, foreground: 196, background: -1), .definePair(2, foreground: 196, background: 21)])
        XCTAssertEqual(surface.writes, [TerminalCell("r", pair: 1), TerminalCell("b", reverse: true, pair: 2), TerminalCell("R", pair: 1)])
    }
    /// Over a slow link a frame writes at most its limit of changed cells; the next frames write
    /// the rest, starting where the last one stopped, until the screen shows the frame.
    func testALimitedDrawWritesTheRestWithTheNextFramesRowAfterRow() {
        var writer = makeWriter()
        var surface = RecordingSurface(width: 4, height: 3)
        writer.draw(grid(["....", "....", "...."]), on: &surface)
        let frame = grid(["abcd", "efgh", "ijkl"])
        var rounds = 0
        repeat {
            surface.clearRecord()
            writer.draw(frame, on: &surface, cellLimit: 5)
            XCTAssertLessThanOrEqual(surface.writes.count, 5)
            rounds += 1
        } while writer.isBehind && rounds < 10
        XCTAssertEqual(rounds, 3, "12 cells, 5 a frame")
        XCTAssertEqual(surface.text, ["abcd", "efgh", "ijkl"])
        surface.clearRecord()
        writer.draw(frame, on: &surface, cellLimit: 5)
        XCTAssertEqual(surface.operations, [.present], "the frame shown is the frame")

        // A picture row that keeps changing does not starve the rows after it, and a change of
        // text goes before the pictures.
        let red = CellStyle(foreground: .index(196)), blue = CellStyle(foreground: .index(21))
        var pictures = CellGrid(width: 4, height: 3, fill: Cell("▀", style: red))
        writer.draw(pictures, on: &surface)
        while writer.isBehind { writer.draw(pictures, on: &surface, cellLimit: 5) }
        for round in 0..<3 {
            pictures.fill(Rect(x: 0, y: 0, width: 4, height: 1), with: Cell("▀", style: round % 2 == 0 ? blue : red))
            pictures.fill(Rect(x: 0, y: 2, width: 4, height: 1), with: Cell("▀", style: blue))
            surface.clearRecord()
            writer.draw(pictures, on: &surface, cellLimit: 4)
        }
        XCTAssertEqual(surface.screen[2].map { $0.map { writer.colorPairs.colors(ofPair: $0.pair) } },
                       Array(repeating: writer.colorPairs.terminalColors(blue), count: 4))
        pictures.put("key", x: 0, y: 2)
        pictures.fill(Rect(x: 0, y: 0, width: 4, height: 2), with: Cell("▀", style: red))
        surface.clearRecord()
        writer.draw(pictures, on: &surface, cellLimit: 3)
        XCTAssertEqual(surface.text[2], "key▀", "the text first")
    }
}
