import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The drawing mode: points go where the map shows them, of the class or value chosen; the data
/// becomes custom and the losses follow every change.
final class DrawModeTests: XCTestCase {
    /// An app in the drawing mode with no points at all (cleared after a yes).
    func emptyDrawing(_ pairs: String = "showTestData=true", width: Int = 80, height: Int = 24) -> AppState {
        var app = makeApp(pairs, width: width, height: height)
        press("m", &app)
        press("C", &app)
        press("y", &app)
        XCTAssertEqual(app.playground.points, [])
        XCTAssertNotNil(app.drawing)
        return app
    }

    /// Hand-worked at 80×24, where the map is 24×12 cells at (56, 2): a cell is 0.5 wide and 1
    /// high in the plane, so the top-left cell's centre is (−5.75, 5.5) and the bottom-right's (5.75, −5.5).
    func testAClickPutsThePointAtTheCentreOfThatCell() {
        var app = emptyDrawing()
        XCTAssertEqual(app.layout.heatMap, Rect(x: 56, y: 2, width: 24, height: 12))
        press(.click(x: 56, y: 2), &app)
        press(.click(x: 79, y: 13), &app)
        press(.click(x: 61, y: 9), &app)
        XCTAssertEqual(app.playground.points.map { [$0.x, $0.y] }, [[-5.75, 5.5], [5.75, -5.5], [-3.25, -1.5]])
        XCTAssertEqual(app.drawing?.x, -3.25, "the crosshair follows the click")
        XCTAssertFalse(press(.click(x: 55, y: 2), &app) && app.playground.points.count == 4, "a click off the map adds nothing")
        XCTAssertEqual(app.playground.points.count, 3)
    }

    /// At several sizes, a point drawn at a cell is drawn by the map in that same cell (once the
    /// crosshair, which covers its cell, has left).
    func testAPointAddedAtACellShowsInThatCell() {
        for (width, height) in [(80, 24), (120, 40), (173, 51)] {
            var app = emptyDrawing(width: width, height: height)
            let map = app.layout.heatMap
            for (column, row) in [(0, 0), (map.width - 1, map.height - 1), (map.width / 3, map.height * 2 / 3), (7, 1)] {
                press(.click(x: map.x + column, y: map.y + row), &app)
            }
            press(.escape, &app)
            XCTAssertNil(app.drawing)
            let grid = screen(app)
            let marks: Set<Unicode.Scalar> = ["+", "⊞"]
            let cells = (map.y..<map.maxY).flatMap { y in (map.x..<map.maxX).map { (x: $0, y: y) } }
                .filter { marks.contains(grid[$0.x, $0.y].scalar) }
            XCTAssertEqual(Set(cells.map { "\($0.x - map.x),\($0.y - map.y)" }),
                           ["0,0", "\(map.width - 1),\(map.height - 1)", "\(map.width / 3),\(map.height * 2 / 3)", "7,1"],
                           "at \(width)×\(height)")
        }
    }

    func testTheArrowsMoveTheCrosshairByACellAndStayOnTheMap() {
        var app = emptyDrawing()
        // The middle cell (12, 6): x = −6 + 12.5 · 0.5, y = 6 − 6.5 · 1.
        XCTAssertEqual(app.drawing.map { [$0.x, $0.y] }, [0.25, -0.5])
        press(.right, &app)
        press(.up, &app)
        XCTAssertEqual(app.drawing.map { [$0.x, $0.y] }, [0.75, 0.5])
        for _ in 0..<30 { press(.left, &app); press(.down, &app) }
        XCTAssertEqual(app.drawing.map { [$0.x, $0.y] }, [-5.75, -5.5])
        press(.enter, &app)
        XCTAssertEqual(app.playground.points, [Example(x: -5.75, y: -5.5, label: 1)])
    }

    func testPlusAndMinusChooseTheClass() {
        var app = emptyDrawing()
        press("-", &app)
        press(.enter, &app)
        press(.right, &app)
        press("+", &app)
        press(.enter, &app)
        press(.right, &app)
        press("_", &app)
        press(.enter, &app)
        XCTAssertEqual(app.playground.points.map(\.label), [-1, 1, -1])
        XCTAssertTrue(screen(app).lines[1].contains("Draw: − orange"))
    }

    func testInRegressionTheKeysStepTheValueByTenthsBetweenMinusOneAndOne() {
        var app = emptyDrawing("problem=regression")
        XCTAssertTrue(screen(app).lines[1].contains("Draw: value 1.0"))
        for _ in 0..<5 { press("-", &app) }
        press(.enter, &app)
        for _ in 0..<30 { press("-", &app) }
        press(.right, &app)
        press(.enter, &app)
        press("=", &app)
        press(.right, &app)
        press(.enter, &app)
        XCTAssertEqual(app.playground.points.map(\.label), [0.5, -1, -0.9])
        // The swatch after the value is the value's shade on the map's scale.
        let grid = screen(app)
        let row = grid.lines[1]
        XCTAssertTrue(row.contains("Draw: value -0.9"), row)
        let swatchX = app.layout.outputPanel.x + 1 + "Draw: value -0.9".count + 1
        XCTAssertEqual(grid[swatchX, 1].style.background, Palette(app.capabilities.colors).shade(ShadeScale.shade(-0.9)))
    }

    func testRemovingTakesThePointNearestTheCrosshairWithinTwoCells() {
        var app = emptyDrawing()
        press(.click(x: 60, y: 5), &app)
        press(.click(x: 70, y: 10), &app)
        let far = app.playground.points[1]
        press(.click(x: 61, y: 5), &app)  // the crosshair a cell from the first point ...
        press("x", &app)                  // ... removes the point just drawn under it
        press("x", &app)                  // ... then the first one, a cell away
        XCTAssertEqual(app.playground.points, [far])
        press("x", &app)
        XCTAssertEqual(app.playground.points, [far], "the other point is far from the crosshair")
        XCTAssertEqual(app.status, "no point within two cells of the crosshair")
    }

    func testClearingAsksFirst() {
        var app = makeApp(width: 80, height: 24)
        press("m", &app)
        let count = app.playground.points.count
        press("C", &app)
        XCTAssertEqual(app.status, "clear all \(count) points? y/n")
        XCTAssertEqual(KeyContext(app), .question)
        XCTAssertFalse(press(.character("d"), &app), "only an answer acts while the question waits")
        press("n", &app)
        XCTAssertEqual(app.playground.points.count, count)
        press("C", &app)
        press(.escape, &app)
        XCTAssertEqual(app.playground.points.count, count)
        XCTAssertNotNil(app.drawing, "Esc answers the question, it does not leave the mode")
        press("C", &app)
        press("y", &app)
        XCTAssertEqual(app.playground.points.count, 0)
        XCTAssertTrue(app.playground.hasCustomData)
        XCTAssertEqual(app.losses.last?.training, 0, "no points, no loss")
    }

    /// The first change makes the data custom (from the data set's points): the knobs say so,
    /// noise is refused, the link says data=custom, and the warning shows once.
    func testTheDataBecomesCustomAndTheScreenSaysSo() {
        var app = makeApp("noise=10", width: 80, height: 24)
        let before = app.playground.points
        press("m", &app)
        press(.enter, &app)
        XCTAssertEqual(Array(app.playground.points.prefix(before.count)), before)
        XCTAssertEqual(app.playground.points.count, before.count + 1)
        XCTAssertEqual(app.status, DrawMode.customWarning)
        XCTAssertTrue(screen(app).lines[22].contains("a link cannot carry the points"), "the message in full above the footer")
        press(.right, &app)
        press(.enter, &app)
        XCTAssertNotEqual(app.status, DrawMode.customWarning, "the warning shows once")
        XCTAssertTrue(app.settings.link.hasSuffix("&data=custom"))
        let lines = screen(app).lines
        XCTAssertTrue(lines.contains { $0.contains("Data set          Custom") })
        XCTAssertTrue(lines.contains { $0.contains("Noise        n/a: custom") })
        press("N", &app)
        XCTAssertEqual(app.settings.noise, 10)
        XCTAssertEqual(app.status, "noise: n/a for custom data (it applies to the built-in data sets)")
        // The link box warns too; without custom data it does not.
        press("c", &app)
        XCTAssertTrue(screen(app).lines.contains { $0.contains(LinkBox.customDataWarning) })
        var builtIn = makeApp(width: 80, height: 24)
        press("c", &builtIn)
        XCTAssertFalse(screen(builtIn).lines.contains { $0.contains(LinkBox.customDataWarning) })
    }

    /// Every edit records the losses on the new points, while training runs, and training goes on
    /// from the same network.
    func testTheLossesFollowEveryEditWhileTraining() {
        var app = emptyDrawing()
        press(" ", &app)
        XCTAssertTrue(app.isPlaying, "Space plays in the drawing mode")
        for column in 0..<5 {
            press(.click(x: 60 + column, y: 4), &app)
            _ = update(&app, .train(epochs: 3))
        }
        press("-", &app)
        for column in 0..<5 {
            press(.click(x: 60 + column, y: 12), &app)
            XCTAssertEqual(app.losses.last?.training, app.playground.trainingLoss())
            XCTAssertEqual(app.losses.last?.test, app.playground.testLoss())
            _ = update(&app, .train(epochs: 3))
        }
        XCTAssertEqual(app.playground.points.count, 10)
        XCTAssertEqual(app.playground.epoch, 30)
        XCTAssertEqual(app.losses.records.count, 1 + 1 + 20, "the start, the clear, then an add and a frame ten times")
        let stats = screen(app).lines.joined()
        XCTAssertTrue(stats.contains(Format.decimal(app.playground.trainingLoss(), places: 3)))
    }

    /// The mode's keys come first; other keys act as in the playground; `m` and Esc leave.
    func testOtherKeysActAsInThePlayground() {
        var app = emptyDrawing()
        let rate = app.settings.learningRate
        press("L", &app)
        XCTAssertGreaterThan(app.settings.learningRate, rate)
        let showTest = app.settings.showTestData
        press(.click(x: 60, y: 5), &app)
        press("x", &app)
        XCTAssertEqual(app.settings.showTestData, showTest, "x removes a point here")
        XCTAssertEqual(app.playground.points, [])
        XCTAssertNil(KeyMap.action(for: .character("i"), in: app), "inspecting is not part of the mode")
        press("m", &app)
        XCTAssertNil(app.drawing)
        XCTAssertEqual(KeyMap.action(for: .character("x"), in: app), .adjust(.showTestData, by: 1))
    }

    /// Another data set would leave the drawn points: the app asks, and only a yes leaves them.
    func testChoosingADataSetAsksBeforeLeavingDrawnPoints() {
        var app = emptyDrawing()
        press(.click(x: 60, y: 4), &app)
        press(.click(x: 70, y: 10), &app)
        press(.escape, &app)  // out of the drawing mode: d is the data-set key again
        XCTAssertNil(app.drawing)
        let points = app.playground.points
        XCTAssertEqual(points.count, 2)
        press("d", &app)
        XCTAssertNotNil(app.question, "asked, not done")
        XCTAssertTrue(app.status?.contains("leave your 2 points") ?? false, app.status ?? "")
        XCTAssertEqual(app.playground.points, points)
        press("n", &app)
        XCTAssertNil(app.question)
        XCTAssertEqual(app.playground.points, points, "no keeps them")
        XCTAssertTrue(app.playground.state.data == .custom)
        press("d", &app)
        press("y", &app)
        XCTAssertEqual(app.playground.state.data, .builtIn)
        XCTAssertEqual(app.playground.state.dataset, .xor, "the next data set after circle")
        XCTAssertEqual(app.playground.points.count, 500)
    }

    /// Five drawn points split 2 / 3 at 50 %: a batch of 10 never fills, so the app says why
    /// nothing learns; with batch 2 it learns and says nothing.
    func testABatchLargerThanTheTrainingSetIsExplained() {
        var app = emptyDrawing("batchSize=10")
        for x in [57, 60, 65, 70, 75] { press(.click(x: x, y: 5), &app) }
        press(.escape, &app)
        XCTAssertEqual(app.playground.data.train.count, 2)
        press(" ", &app)
        XCTAssertEqual(app.status, "batch size 10 > 2 training points: no update ever comes (b lowers it)")
        let network = app.playground.network
        _ = update(&app, .train(epochs: 3))
        XCTAssertEqual(app.playground.network, network, "as in TF: no batch fills, no update")
        press(" ", &app)
        _ = update(&app, .adjust(.batchSize, by: -8))
        press("s", &app)
        XCTAssertNil(app.status)
    }

    /// `q` asks before it would lose drawn points that were never saved; a save (or Ctrl-C, or a
    /// no answer then q after saving) settles it.
    func testQuitAsksWhileDrawnPointsAreUnsaved() {
        var app = makeApp()
        XCTAssertEqual(update(&app, .requestQuit), .quit, "nothing drawn: q quits at once")
        app = emptyDrawing()
        press(.click(x: 60, y: 4), &app)
        XCTAssertTrue(app.unsavedPoints)
        XCTAssertEqual(update(&app, .requestQuit), .redraw)
        XCTAssertTrue(app.status?.hasPrefix("quit and lose your 1 unsaved point?") ?? false, app.status ?? "")
        XCTAssertEqual(KeyMap.action(for: .character("n"), in: app), .answer(false))
        _ = update(&app, .answer(false))
        XCTAssertNil(app.question)
        XCTAssertEqual(KeyMap.action(for: .interrupt, in: app), .quit, "Ctrl-C quits without asking")
        _ = update(&app, .requestQuit)
        XCTAssertEqual(update(&app, .answer(true)), .quit)
        // After a save the points are safe: q quits at once.
        app.question = nil
        app.receive(.written(FileRequest(.saveData, path: "p.csv")))
        XCTAssertFalse(app.unsavedPoints)
        XCTAssertEqual(update(&app, .requestQuit), .quit)
    }

    /// Loading a file over unsaved drawn points asks first; no keeps them.
    func testLoadingOverUnsavedPointsAsksFirst() {
        var app = emptyDrawing()
        press(.click(x: 60, y: 4), &app)
        let drawn = app.playground.points
        let file = [Example(x: 1, y: 1, label: 1), Example(x: -1, y: -1, label: -1)]
        app.receive(.loaded(FileRequest(.loadData, path: "in.csv"), points: file))
        XCTAssertNotNil(app.question)
        XCTAssertEqual(app.playground.points, drawn)
        _ = update(&app, .answer(false))
        XCTAssertEqual(app.playground.points, drawn)
        app.receive(.loaded(FileRequest(.loadData, path: "in.csv"), points: file))
        _ = update(&app, .answer(true))
        XCTAssertEqual(Set(app.playground.points.map { [$0.x, $0.y] }), [[1, 1], [-1, -1]])
        XCTAssertFalse(app.unsavedPoints)
    }

    /// Custom points are no data set: the picker marks none of its pictures.
    func testThePickerMarksNoDataSetForCustomPoints() throws {
        var app = makeApp(width: 120, height: 40)
        let picker = app.layout.picker
        func bracketed(_ app: AppState) -> Bool {
            let grid = screen(app)
            return (picker.y..<picker.maxY).contains { y in (picker.x..<picker.maxX).contains { grid[$0, y].scalar == "[" } }
        }
        XCTAssertTrue(bracketed(app), "circle is marked")
        press("m", &app)
        press(.enter, &app)
        XCTAssertTrue(app.playground.hasCustomData)
        XCTAssertFalse(bracketed(app))
    }
}
