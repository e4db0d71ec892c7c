import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Saving and loading from the app: the entry line, the request handed to the run loop
/// (`Effect.file`), the question before an existing file is replaced, and the reports back.
final class SaveFlowTests: XCTestCase {
    /// Types `keys` and returns the effect of the last one.
    @discardableResult
    func type(_ keys: [Key], _ app: inout AppState) -> Effect {
        var effect: Effect = []
        for key in keys {
            guard let action = KeyMap.action(for: key, in: app) else {
                XCTFail("no action for \(key) in \(KeyContext(app))")
                continue
            }
            effect = update(&app, action)
        }
        return effect
    }

    func testSAndPOpenTheEntryLinePrefilledAndEnterHandsTheRequestOver() {
        var app = makeApp(width: 80, height: 24)
        type([.character("S")], &app)
        XCTAssertEqual(app.pathEntry, PathEntry(kind: .saveSession, text: "playground-session.json"))
        XCTAssertTrue(screen(app).lines[22].hasPrefix(" Save the session as: playground-session.json"))
        type([.escape, .character("P")], &app)
        XCTAssertEqual(app.pathEntry?.text, "playground-data.csv")
        // Every character goes into the name (q and Space too); Bksp deletes.
        let effect = type(Array(repeating: .backspace, count: 19) + "my q.csv".map { .character($0) } + [.backspace, .character("v"), .enter], &app)
        XCTAssertEqual(effect, [.redraw, .file])
        XCTAssertEqual(app.fileRequest, FileRequest(.saveData, path: "my q.csv"))
        XCTAssertNil(app.pathEntry)
    }

    func testAnEmptyNameIsRefusedAndTheLineStaysOpen() {
        var app = makeApp(width: 80, height: 24)
        let effect = type([.character("S")] + Array(repeating: .backspace, count: 30) + [.character(" "), .enter], &app)
        XCTAssertFalse(effect.contains(.file))
        XCTAssertNotNil(app.pathEntry)
        XCTAssertEqual(app.status, "no file name typed: type one, or Esc")
    }

    /// An existing file: the status asks; `n` writes nothing, `y` asks the run loop again, now to overwrite.
    func testAnExistingFileIsOverwrittenOnlyAfterYes() {
        var app = makeApp(width: 80, height: 24)
        type([.character("P"), .enter], &app)
        let request = FileRequest(.saveData, path: "playground-data.csv")
        XCTAssertEqual(app.fileRequest, request)
        _ = update(&app, .fileResult(.exists(request)))
        XCTAssertNil(app.fileRequest)
        XCTAssertEqual(app.status, "playground-data.csv exists: overwrite? y/n")
        XCTAssertEqual(KeyContext(app), .question)
        let no = type([.character("n")], &app)
        XCTAssertFalse(no.contains(.file))
        XCTAssertNil(app.fileRequest)
        XCTAssertEqual(app.status, "nothing changed")

        type([.character("P"), .enter], &app)
        _ = update(&app, .fileResult(.exists(request)))
        let yes = type([.character("y")], &app)
        XCTAssertEqual(yes, [.redraw, .file])
        XCTAssertEqual(app.fileRequest, FileRequest(.saveData, path: "playground-data.csv", overwrite: true))
    }

    func testAWrittenFileIsReported() {
        var app = makeApp(width: 80, height: 24)
        _ = update(&app, .train(epochs: 1234))
        type([.character("S"), .enter], &app)
        _ = update(&app, .fileResult(.written(app.fileRequest!)))
        XCTAssertEqual(app.status, "saved the session at epoch 1,234 to playground-session.json")
        XCTAssertTrue(screen(app).lines[22].contains("saved the session at epoch 1,234 to playground-session.json"),
                      "the whole message, above the footer")
        type([.character("P"), .enter], &app)
        _ = update(&app, .fileResult(.written(app.fileRequest!)))
        XCTAssertEqual(app.status, "saved \(app.playground.points.count) points to playground-data.csv")
    }

    /// A failed write says why and changes nothing else: the session runs on.
    func testAFailedSaveKeepsTheAppAsItWas() {
        var app = makeApp(width: 80, height: 24)
        press(" ", &app)
        _ = update(&app, .train(epochs: 7))
        type([.character("S"), .enter], &app)
        let before = app
        let message = "cannot write /ro/playground-session.json: Permission denied"
        _ = update(&app, .fileResult(.failed(app.fileRequest!, message: message)))
        XCTAssertEqual(app.status, message)
        var expected = before
        expected.status = message
        expected.fileMessage = message
        expected.fileRequest = nil
        XCTAssertEqual(app, expected)
        XCTAssertTrue(app.isPlaying)
        _ = update(&app, .train(epochs: 1))
        XCTAssertEqual(app.playground.epoch, 8)
    }

    /// `O` (in the drawing mode) loads points: they replace the ones in use, split again; a failure
    /// is the reader's message, with nothing changed.
    func testLoadingPointsReplacesThemAndAFailureChangesNothing() {
        var app = makeApp(width: 80, height: 24)
        XCTAssertEqual(KeyMap.action(for: .character("O"), in: app), .note("O works in the drawing mode (m)"), "loading is a key of the drawing mode")
        type([.character("m"), .character("O")], &app)
        XCTAssertEqual(app.pathEntry?.kind, .loadData)
        type([.enter], &app)
        let request = FileRequest(.loadData, path: "playground-data.csv")
        XCTAssertEqual(app.fileRequest, request)
        let before = app
        _ = update(&app, .fileResult(.failed(request, message: "points.csv:3:3: y: expected a number, found \"zwei\"")))
        XCTAssertEqual(app.playground, before.playground)
        XCTAssertEqual(app.status, "points.csv:3:3: y: expected a number, found \"zwei\"")

        let points = [Example(x: 1, y: 2, label: 1), Example(x: -3, y: 0.5, label: -1), Example(x: 0, y: -6, label: 1),
                      Example(x: 4, y: 4, label: -1)]
        _ = update(&app, .fileResult(.loaded(request, points: points)))
        XCTAssertEqual(app.playground.points, points)
        XCTAssertEqual(app.playground.data.train.count + app.playground.data.test.count, 4)
        XCTAssertEqual(app.status, "loaded 4 points from playground-data.csv: a link cannot carry them")
        XCTAssertEqual(app.losses.last?.training, app.playground.trainingLoss())
        XCTAssertEqual(app.playground.epoch, before.playground.epoch, "the network and its epoch stay")
    }
}
