// The modes as one enum: precedence, layers that give back what they covered, the lessons kept.
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class ModeTests: XCTestCase {
    /// The key context is the top mode's, whatever lies under it.
    func testTheTopModeDecidesTheKeys() {
        let inspecting = Mode.field(Field(selection: .node(layer: 1, node: 0)))
        let question = Question(text: "clear?", onYes: .clearPoints)
        XCTAssertEqual(KeyContext(Mode.playing), .normal)
        XCTAssertEqual(KeyContext(inspecting), .inspecting)
        XCTAssertEqual(KeyContext(Mode.field(Field(selection: .node(layer: 1, node: 0), entry: Entry(target: .node(layer: 1, node: 0))))), .entry)
        XCTAssertEqual(KeyContext(Mode.drawing(Drawing(x: 0, y: 0))), .drawing)
        XCTAssertEqual(KeyContext(Mode.question(question, under: .drawing(Drawing(x: 0, y: 0)))), .question)
        XCTAssertEqual(KeyContext(Mode.overlay(.help, under: .lessons(Lessons(neuron: (1, 0), resumesPlaying: false), under: inspecting))),
                       .overlay)
        XCTAssertEqual(KeyContext(Mode.overlay(.link, under: inspecting)), .link)
        XCTAssertEqual(KeyContext(Mode.lessons(Lessons(neuron: (1, 0), resumesPlaying: false), under: inspecting)), .lessons)
    }

    /// A mode opened over another gives it back as it was: the help over an inspected node, then
    /// the lessons over it, each closed in turn.
    func testLayersGiveBackWhatTheyCovered() {
        var app = makeApp(width: 120, height: 40)
        press("i", &app)
        press(.up, &app)
        let inspected = app.mode
        XCTAssertEqual(KeyContext(app), .inspecting)
        press("?", &app)
        XCTAssertEqual(app.mode, .overlay(.help, under: inspected))
        press(.escape, &app)
        XCTAssertEqual(app.mode, inspected)
        press("o", &app)
        XCTAssertEqual(KeyContext(app), .lessons)
        press(.escape, &app)
        XCTAssertEqual(app.mode, inspected, "the lessons give back the inspected node")
    }

    /// Leaving the lessons and pressing `o` again returns to the same lesson, step, expression
    /// and values (issue 17).
    func testTheLessonsOpenWhereTheyWereLeft() {
        var app = makeApp(width: 80, height: 24)
        press("o", &app)
        press("3", &app)
        press("e", &app)
        for _ in 0..<"x^2 + 3*x*y".count { press(.backspace, &app) }
        for character in "x*y" { press(character, &app) }
        press(.enter, &app)
        press(.right, &app)
        press(.right, &app)
        let left = try! XCTUnwrap(app.lessons)
        XCTAssertEqual(left.lesson, .expression)
        XCTAssertEqual(left.custom.expression, "x*y")
        press(.escape, &app)
        XCTAssertNil(app.lessons)
        XCTAssertEqual(KeyContext(app), .normal)
        press("o", &app)
        XCTAssertTrue(app.lessons == left, "the same lesson, step, expression and values")
        XCTAssertEqual(screen(app).lines[2].trimmingCharacters(in: .whitespaces), "Your expression: f = x*y")
    }

    /// The race of lesson 5 runs on the lessons' own flag: the playground's training stays
    /// paused under it, and plays on after the lessons as before.
    func testTheRaceIsNotThePlaygroundTraining() {
        var app = makeApp(width: 80, height: 24)
        press(" ", &app)
        XCTAssertTrue(app.isTraining)
        press("o", &app)
        XCTAssertFalse(app.isTraining, "the playground pauses in the lessons")
        press("5", &app)
        press(" ", &app)
        XCTAssertEqual(app.lessons?.raceRuns, true)
        XCTAssertTrue(app.isPlaying, "the run loop's clock ticks for the race")
        XCTAssertFalse(app.isTraining, "and the playground does not train")
        let epoch = app.playground.epoch
        _ = update(&app, .train(epochs: 2))
        XCTAssertEqual(app.playground.epoch, epoch, "a tick steps the race, not the network")
        press(.escape, &app)
        XCTAssertTrue(app.isTraining, "plays on after the lessons")
        press("o", &app)
        XCTAssertEqual(app.lessons?.raceRuns, false, "the race waits for Space again")
    }

    /// The lessons' footer and help offer only the keys of the lesson on screen (issue 17):
    /// lessons 4 and 5 have no graph to step, edit or retype; no lesson offers to open the
    /// lessons or the playground's training speed.
    func testTheLessonsOfferOnlyTheirOwnKeys() {
        for lesson in Lessons.Lesson.allCases {
            var app = makeApp(width: 120, height: 40)
            press("o", &app)
            press(Character(String(lesson.rawValue)), &app)
            let footer = screen(app).lines[39]
            XCTAssertEqual(footer.contains(" Enter edit "), lesson.isGraph, "\(lesson): \(footer)")
            XCTAssertEqual(footer.contains(" e expression "), lesson.isGraph, "\(lesson): \(footer)")
            XCTAssertEqual(footer.contains(" Space step "), lesson.isGraph, "\(lesson): \(footer)")
            XCTAssertEqual(footer.contains(" Space run "), lesson == .descent, "\(lesson): \(footer)")
            XCTAssertEqual(footer.contains(" → step "), lesson.isGraph, "\(lesson): \(footer)")
            XCTAssertEqual(footer.contains(" [/] point "), lesson == .neuron, "\(lesson): \(footer)")
            press("?", &app)
            let help = screen(app).lines.joined(separator: "\n")
            XCTAssertFalse(help.contains("open the lessons"), "\(lesson)")
            XCTAssertFalse(help.contains("training speed"), "\(lesson)")
            XCTAssertEqual(help.contains("type an expression"), lesson.isGraph, "\(lesson)")
            XCTAssertEqual(help.contains("race speed down / up"), lesson == .descent, "\(lesson)")
            XCTAssertEqual(help.contains("previous / next point"), lesson == .neuron, "\(lesson)")
            XCTAssertEqual(help.contains("build the graph"), lesson.isGraph, "\(lesson): no typing outside the graphs")
        }
    }

    /// The help box at 80×24 leaves no scrap of the screen under it beside its frame (issue 17:
    /// `5` after `┐`, `F│`).
    func testTheHelpBoxLeavesNoScraps() {
        var app = makeApp(width: 80, height: 24)
        press("?", &app)
        let grid = screen(app)
        let rows = (0..<grid.height).filter { grid.line($0).contains("│") || grid.line($0).contains("┐") }
        XCTAssertGreaterThan(rows.count, 20)
        for y in rows {
            let line = Array(grid.line(y).unicodeScalars)
            let left = line.firstIndex { "┌│└".unicodeScalars.contains($0) }!
            let right = line.lastIndex { "┐│┘".unicodeScalars.contains($0) }!
            XCTAssertTrue(line[..<left].allSatisfy { $0 == " " }, "row \(y) left of the box: \(grid.line(y))")
            XCTAssertTrue(line[(right + 1)...].allSatisfy { $0 == " " }, "row \(y) right of the box: \(grid.line(y))")
        }
    }
}

/// Messages that name a key ask the key table for it.
final class KeyNameTests: XCTestCase {
    func testMessagesNameTheKeysOfTheTable() {
        XCTAssertEqual(KeyMap.key(for: .adjust(.hiddenLayers, by: 1)), "]")
        XCTAssertEqual(KeyMap.key(for: .beginPathEntry(.saveData)), "P")
        XCTAssertEqual(KeyMap.key(for: .adjust(.batchSize, by: -1)), "b")
        XCTAssertEqual(KeyMap.key(for: .moveSelection(dx: 1, dy: 0), in: .inspecting), "→")
        XCTAssertEqual(KeyMap.key(for: .moveSelection(dx: 1, dy: 0), in: .inspecting, unicode: false), "Right")
        XCTAssertEqual(KeyMap.key(for: .select(nil), in: .inspecting), "Esc")
        XCTAssertEqual(KeyMap.key(for: .quit, in: .normal), "Ctrl-C")
        XCTAssertEqual(KeyMap.key(for: .turnHelpPage(by: 1), in: .normal), "?", "no key of that context makes it")
        var app = makeApp("networkShape=", width: 120, height: 40)
        press("+", &app)
        XCTAssertEqual(app.status, "no hidden layer: press ] to add one")
    }
}

/// The one line editor: the weight's entry, the file name and a lesson's line take the same
/// four keys through `Action.line`.
final class LineEditorTests: XCTestCase {
    func testEveryLineTypesAndDeletesTheSameWay() {
        var text = "ab"
        XCTAssertTrue(LineEditor.apply(.type("c"), to: &text, accepts: { _ in true }))
        XCTAssertFalse(LineEditor.apply(.type("x"), to: &text, accepts: { $0 != "x" }), "a refused character")
        XCTAssertTrue(LineEditor.apply(.deleteBackward, to: &text, accepts: { _ in true }))
        XCTAssertEqual(text, "ab")

        // A weight: Bksp, a digit, Esc.
        var app = makeApp(width: 120, height: 40)
        press("i", &app)
        press(.enter, &app)
        press("7", &app)
        XCTAssertEqual(app.entry?.text, "7")
        press(.backspace, &app)
        XCTAssertEqual(app.entry?.text, "")
        press(.escape, &app)
        XCTAssertNil(app.entry)
        // A file name: the same keys edit it.
        press("P", &app)
        let name = app.pathEntry?.text ?? ""
        press(.backspace, &app)
        press("x", &app)
        XCTAssertEqual(app.pathEntry?.text, String(name.dropLast()) + "x")
        press(.escape, &app)
        XCTAssertNil(app.pathEntry)
        // A lesson's expression.
        press("o", &app)
        press("3", &app)
        press("e", &app)
        let expression = app.lessons?.entry?.texts.first ?? ""
        press(.backspace, &app)
        XCTAssertEqual(app.lessons?.entry?.texts.first, String(expression.dropLast()))
        press(.escape, &app)
        XCTAssertNil(app.lessons?.entry)
        XCTAssertNotNil(app.lessons, "Esc closes the line, not the lessons")
    }
}
