import XCTest
@testable import PlaygroundUI

/// A terminal for the screen writer's tests: records every operation and keeps the screen it
/// would show, with a cursor that behaves as ncurses' does for the writer's purposes (one
/// column right per write; after a row's last column its place is unknown). A write with no
/// known cursor, outside the screen, or of an ink never prepared fails the test.
struct RecordingSurface: TerminalSurface {
    enum Operation: Equatable {
        case clear
        case move(x: Int, y: Int)
        /// A write, with what its ink stood for.
        case write(TerminalCell)
        case definePair(Int32, foreground: Int16, background: Int16)
        case present
    }

    var width: Int
    var height: Int
    /// Scalars the terminal would draw two columns wide (all others: one).
    var wide: Set<Unicode.Scalar> = []
    /// Pairs the terminal refuses to define.
    var refusedPairs: Set<Int32> = []

    private(set) var operations: [Operation] = []
    /// What the terminal shows; nil where nothing was written since the last clear.
    private(set) var screen: [[TerminalCell?]]
    private(set) var prepared: [Int: TerminalCell] = [:]
    private(set) var preparedCount = 0
    private var cursor: (x: Int, y: Int)?
    private let file: StaticString
    private let line: UInt

    init(width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
        self.width = width
        self.height = height
        self.file = file
        self.line = line
        screen = Array(repeating: Array(repeating: nil, count: width), count: height)
    }

    func columns(of scalar: Unicode.Scalar) -> Int { wide.contains(scalar) ? 2 : 1 }

    mutating func definePair(_ pair: Int32, foreground: Int16, background: Int16) -> Bool {
        operations.append(.definePair(pair, foreground: foreground, background: background))
        return !refusedPairs.contains(pair)
    }

    mutating func clear() {
        operations.append(.clear)
        screen = Array(repeating: Array(repeating: nil, count: width), count: height)
        cursor = nil
    }

    mutating func prepare(ink: Int, as cell: TerminalCell) {
        prepared[ink] = cell
        preparedCount += 1
    }

    mutating func move(x: Int, y: Int) {
        operations.append(.move(x: x, y: y))
        XCTAssertTrue(x >= 0 && x < width && y >= 0 && y < height, "move to (\(x), \(y)) outside \(width)×\(height)", file: file, line: line)
        cursor = (x, y)
    }

    mutating func write(ink: Int) {
        guard let cell = prepared[ink] else {
            XCTFail("ink \(ink) written before it was prepared", file: file, line: line)
            return
        }
        operations.append(.write(cell))
        guard let (x, y) = cursor, x < width, y < height else {
            XCTFail("write of \(cell.scalar) with the cursor's place unknown", file: file, line: line)
            return
        }
        screen[y][x] = cell
        cursor = (x + 1, y)  // x + 1 == width: unknown (ncurses wraps, or stays in the last cell)
    }

    mutating func present() { operations.append(.present) }

    /// The terminal changes size: what was on screen stays where it still fits; the rest of
    /// the screen holds whatever the terminal put there ("?").
    mutating func resize(width: Int, height: Int) {
        screen = (0..<height).map { y in
            (0..<width).map { x in y < self.height && x < self.width ? screen[y][x] : TerminalCell("?") }
        }
        (self.width, self.height) = (width, height)
        cursor = nil
    }

    /// Forgets the operations so far (the screen stays).
    mutating func clearRecord() { operations = [] }

    var moves: Int { operations.filter { if case .move = $0 { true } else { false } }.count }
    var writes: [TerminalCell] { operations.compactMap { if case .write(let cell) = $0 { cell } else { nil } } }

    /// The scalars on screen, row by row ("·" where nothing was written).
    var text: [String] {
        screen.map { row in String(String.UnicodeScalarView(row.map { $0?.scalar ?? "·" })) }
    }
}
