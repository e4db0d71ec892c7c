import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The graph lessons' pictures read back into edges: from each box's right side follow the wire
/// characters to the arrow head they reach (`►` into a box's left side is its first input, `▲`
/// under a box its second), refusing any junction, and compare the tree so read with the graph's
/// own, exactly. On the lecture's two graphs on the screen, and on 300 random expressions (up to
/// 12 operations, 5 variables) at the spacing of an 80×24 and a 200×60 screen, in UTF-8 and ASCII.
final class LessonsGraphReadbackTests: XCTestCase {
    /// The tree drawn in `lines` as `box(child, child)`, or a description of what cannot be read.
    static func readBack(_ lines: [String]) -> Result<String, ReadError> {
        let rows = lines.map { Array($0) }
        func at(_ x: Int, _ y: Int) -> Character { y >= 0 && y < rows.count && x >= 0 && x < rows[y].count ? rows[y][x] : " " }
        struct Box { let x: Int, y: Int, end: Int, text: String }
        var boxes: [Box] = []
        for (y, row) in rows.enumerated() {
            var x = 0
            while x < row.count {
                let close: Character? = row[x] == "[" ? "]" : row[x] == "(" ? ")" : nil
                if let close, let end = row[(x + 1)...].firstIndex(where: { $0 == close || $0 == " " }), row[end] == close {
                    boxes.append(Box(x: x, y: y, end: end, text: String(row[(x + 1)..<end])))
                    x = end + 1
                } else {
                    x += 1
                }
            }
        }
        func box(at x: Int, _ y: Int) -> Int? { boxes.firstIndex { $0.y == y && $0.x <= x && x <= $0.end } }
        var inputs: [Int: [Int: Int]] = [:], roots: [Int] = []
        for (index, source) in boxes.enumerated() {
            var x = source.end + 1, y = source.y, dx = 1, dy = 0
            if at(x, y) == " " { roots.append(index); continue }
            var steps = 0
            while true {
                steps += 1
                if steps > 10_000 { return .failure(ReadError("a wire that never ends from \(source.text)")) }
                let c = at(x, y)
                switch (c, dx, dy) {
                case ("─", 1, 0), ("-", 1, 0), ("│", 0, _), ("|", 0, _): break
                case ("┐", 1, 0): (dx, dy) = (0, 1)
                case ("┘", 1, 0): (dx, dy) = (0, -1)
                case ("└", 0, 1), ("┌", 0, -1): (dx, dy) = (1, 0)
                case ("+", 1, 0):
                    if "|^".contains(at(x, y - 1)) { (dx, dy) = (0, -1) } else if at(x, y + 1) == "|" { (dx, dy) = (0, 1) } else {
                        return .failure(ReadError("a corner that goes nowhere at \(x),\(y)"))
                    }
                case ("+", 0, _): (dx, dy) = (1, 0)
                case ("►", 1, 0), (">", 1, 0):
                    guard let target = box(at: x + 1, y), boxes[target].x == x + 1 else {
                        return .failure(ReadError("an arrow into no box at \(x),\(y)"))
                    }
                    if inputs[target, default: [:]][0] != nil { return .failure(ReadError("two first inputs into \(boxes[target].text)")) }
                    inputs[target, default: [:]][0] = index
                case ("▲", 0, -1), ("^", 0, -1):
                    guard let target = box(at: x, y - 1) else { return .failure(ReadError("an arrow into no box at \(x),\(y)")) }
                    if inputs[target, default: [:]][1] != nil { return .failure(ReadError("two second inputs into \(boxes[target].text)")) }
                    inputs[target, default: [:]][1] = index
                default:
                    return .failure(ReadError("\(UserText.quoted(String(c))) at \(x),\(y) on the wire from \(source.text)"))
                }
                if "►>▲".contains(c) || (c == "^" && dy == -1) { break }
                x += dx
                y += dy
            }
        }
        guard roots.count == 1 else { return .failure(ReadError("\(roots.count) boxes with no outgoing wire")) }
        func tree(_ index: Int) -> String {
            let slots = inputs[index] ?? [:]
            guard !slots.isEmpty else { return boxes[index].text }
            return boxes[index].text + "(" + (0..<(slots.keys.max()! + 1)).map { slots[$0].map(tree) ?? "?" }.joined(separator: ",") + ")"
        }
        return .success(tree(roots[0]))
    }

    struct ReadError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The graph's own tree, each use of a leaf in place.
    static func expected(_ graph: ScalarGraph, unicode: Bool) -> String {
        func tree(_ node: Int) -> String {
            let text = GraphPicture.boxText(graph, node, unicode: unicode)
            let inputs = graph.nodes[node].inputs
            return inputs.isEmpty ? text : text + "(" + inputs.map(tree).joined(separator: ",") + ")"
        }
        return tree(graph.output)
    }

    func testTheLecturesGraphsReadBackFromTheScreen() {
        for (lesson, form) in [(Lessons.Lesson.chain, false), (.sigmoid, false), (.sigmoid, true)] {
            for (width, height) in [(200, 60), (80, 24)] {
                for unicode in [true, false] {
                    var app = LessonsGraphTests.lessons(lesson, width: width, height: height, unicode: unicode)
                    if form { press("f", &app) }
                    press(.end, &app)
                    let graph = app.lessons!.graphLesson!.graph
                    let lines = screen(app).lines
                    // The graph's part of the screen: left of the table, between the title and the step line.
                    let title = (lines[3].firstRange(of: "local derivatives") ?? lines[3].firstRange(of: "derivatives")!).lowerBound
                    let tableX = lines[3].distance(from: lines[3].startIndex, to: title)
                    let area = lines[4..<(height - 5)].map { String($0.prefix(tableX)) }
                    let what = "\(lesson) gate form \(form) at \(width)×\(height) unicode \(unicode)"
                    // The lecture's graphs fit whole on both screens (at 80×24 in the compact form).
                    XCTAssertEqual(try? Self.readBack(Array(area)).get(), Self.expected(graph, unicode: unicode),
                                   "\(what)\n" + area.joined(separator: "\n"))
                    // Whole, as drawn before scrolling.
                    let picture = GraphPicture(app.lessons!.graphLesson!, capabilities: app.capabilities)
                    XCTAssertEqual(try? Self.readBack(picture.grid.lines).get(), Self.expected(graph, unicode: unicode), what)
                }
            }
        }
    }

    func testRandomExpressionsReadBackExactly() throws {
        var random = SeededRandom(seed: "readback")
        var checked = 0, attempts = 0, compact = 0, wide = 0
        while checked < 300 {
            attempts += 1
            XCTAssertLessThan(attempts, 3000, "too many expressions refused")
            var operations = 1 + Int(random.nextDouble() * 12)
            let text = Self.expression(&random, budget: &operations)
            let names = ["v", "w", "x", "y", "z"]
            let values = names.map { "\($0)=\(Double(Int(random.nextDouble() * 40) - 20) / 10)" }.joined(separator: ", ")
            guard let lesson = try? GraphLesson(expression: text, values: values) else { continue }
            var done = lesson
            done.toEnd()
            checked += 1
            for unicode in [true, false] {
                let capabilities = Capabilities(unicode: unicode)
                let truth = Self.expected(done.graph, unicode: unicode)
                for (width, height) in [(80, 24), (200, 60)] {
                    // The spacing the lesson screen chooses at this size (its body: below the tabs and title, above the footer).
                    let spacing = LessonsView.graphLayout(done, capabilities: capabilities, full: false,
                                                          in: Rect(x: 0, y: 3, width: width, height: height - 4)).spacing
                    if spacing.compact { compact += 1 } else { wide += 1 }
                    for step in [0, done.stepCount] {
                        var shown = done
                        shown.toStart()
                        shown.step(by: step)
                        let picture = GraphPicture(shown, capabilities: capabilities, spacing: spacing)
                        switch Self.readBack(picture.grid.lines) {
                        case .success(let read):
                            XCTAssertEqual(read, truth, "\(text) at \(values)\n" + picture.grid.lines.joined(separator: "\n"))
                        case .failure(let error):
                            XCTFail("\(text): \(error)\n" + picture.grid.lines.joined(separator: "\n"))
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(compact, 100, "both layouts are read back: compact \(compact), wide \(wide)")
        XCTAssertGreaterThan(wide, 100, "both layouts are read back: compact \(compact), wide \(wide)")
    }

    /// A random expression of at most `budget` operations in five variables.
    static func expression(_ random: inout SeededRandom, budget: inout Int) -> String {
        let leaf = { (random: inout SeededRandom) -> String in
            random.nextDouble() < 0.85 ? ["v", "w", "x", "y", "z"][Int(random.nextDouble() * 5)] : ["2", "0.5", "3"][Int(random.nextDouble() * 3)]
        }
        guard budget > 0 else { return leaf(&random) }
        budget -= 1
        let choice = Int(random.nextDouble() * 11)
        switch choice {
        case 0...4:
            let op = ["+", "-", "*", "/", "+"][choice]
            let a = expression(&random, budget: &budget), b = expression(&random, budget: &budget)
            return "(\(a) \(op) \(b))"
        case 5: return "exp(\(expression(&random, budget: &budget)))"
        case 6: return "sigmoid(\(expression(&random, budget: &budget)))"
        case 7: return "tanh(\(expression(&random, budget: &budget)))"
        case 8: return "relu(\(expression(&random, budget: &budget)))"
        case 9:
            let a = expression(&random, budget: &budget), b = expression(&random, budget: &budget)
            return "max(\(a), \(b))"
        default:
            budget -= 1  // two gates: the power and the sign
            return "-(\(expression(&random, budget: &budget)))^2"
        }
    }
}
