import Foundation
import XCTest

/// The network drawing in a real terminal: the largest net at 120×40 and at 80×24, a node
/// inspected (its picture and name in the main heat map), a weight edited on screen.
final class NetworkDrawingTests: EndToEndTestCase {
    static let largest = "networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true"
        + "&sinX=true&sinY=true&seed=0.12345"

    func testInspectAndEditAt120x40() throws { try inspectAndEdit(width: 120, height: 40) }

    func testInspectAndEditAt80x24() throws { try inspectAndEdit(width: 80, height: 24) }

    func inspectAndEdit(width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let session = try start(width: width, height: height, arguments: ["--state", Self.largest])
        let first = try waitForText(session, "Training loss", "sin(X2)", file: file, line: line)
        XCTAssertFalse(first.contains("too small"), first.text, file: file, line: line)
        // Each hidden layer's count over it: "8 neurons" where the pitch has room, else "-8+".
        let headings = first.neuronCounts.count + first.text.components(separatedBy: "-8+").count - 1
        XCTAssertEqual(headings, 6, "headings:\n\(first.text)", file: file, line: line)
        XCTAssertGreaterThan(first.text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count, 100,
                             "braille links:\n\(first.text)", file: file, line: line)
        let before = Screen(try session.capture(colors: true))

        // i selects the output; ← the first node of the last hidden layer, shown large.
        try session.send("i")
        try waitForText(session, "out (output)", file: file, line: line)
        try session.send("Left")
        let inspected = try waitForText(session, "Node h6.1", "h6.1 (layer 6, node 1)", "Tanh  bias", file: file, line: line)
        XCTAssertEqual(Self.incomingWeights(inspected), 8, "its 8 incoming weights:\n\(inspected.text)", file: file, line: line)
        let shown = try waitForScreen(session, "the heat map showing h6.1's picture", colors: true, file: file, line: line) { screen in
            Self.changedLines(before, screen) >= 8
        }
        XCTAssertGreaterThan(shown.paletteEscapes, 20, file: file, line: line)

        // w selects its first incoming link; Enter, a number, Enter sets it.
        try session.send("w")
        let link = try waitForText(session, "weight h5.1 → h6.1 =", file: file, line: line)
        let old = link.numbers(after: "h6.1 =", decimals: true).first
        let new = old == 0.75 ? "-0.75" : "0.75"
        try session.send("Enter")
        try waitForText(session, "weight h5.1 → h6.1: ", "Esc cancels", file: file, line: line)
        try session.type(new)
        try session.send("Enter")
        let edited = try waitForText(session, "weight h5.1 → h6.1 = \(new)0", file: file, line: line)
        XCTAssertNotEqual(edited.numbers(after: "h6.1 =", decimals: true).first, old, file: file, line: line)

        // A bad entry is refused with a message and changes nothing.
        try session.send("Enter")
        try session.type("5000")
        try session.send("Enter")
        try waitForText(session, "5000 is too large", file: file, line: line)
        try session.send("Escape")
        try waitForText(session, "weight h5.1 → h6.1 = \(new)0", file: file, line: line)

        // Esc returns to the network's output; q quits.
        try session.send("Escape")
        try waitForScreen(session, "the output heat map again", file: file, line: line) { !$0.contains("Node h6.1") && $0.contains("Output") }
        try session.send("q")
        XCTAssertEqual(waitForExit(session, file: file, line: line), 0, file: file, line: line)
    }

    /// The numbers on the inspector's "in:" line, left of the separator.
    static func incomingWeights(_ screen: Screen) -> Int {
        guard let line = screen.lines.first(where: { $0.contains("in: ") }) else { return 0 }
        let weights = String(line[line.range(of: "in: ")!.upperBound...].prefix { $0 != "│" })
        let number = try! NSRegularExpression(pattern: #"-?[0-9]+\.[0-9]{2}"#)
        return number.numberOfMatches(in: weights, range: NSRange(weights.startIndex..., in: weights))
    }

    static func changedLines(_ one: Screen, _ other: Screen) -> Int {
        zip(one.lines, other.lines).filter { $0 != $1 }.count
    }
}
