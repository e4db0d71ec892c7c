// Whole-screen snapshots (STYLE.md rule 12): the screens that matter, as literal text files.
import Foundation
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Each screen is drawn by `render`, sent through the screen writer onto the recording surface
/// (what a terminal would show), and compared line by line with `Snapshots/<name>.txt`.
///
/// `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` writes the files anew and fails,
/// so that someone reads the new screens (`git diff Tests/PlaygroundUITests/Snapshots`) before
/// committing them. A plain run never writes them.
final class ScreenSnapshotTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false }

    /// The screen as the terminal shows it: rendered, written through `ScreenWriter`.
    static func shown(_ app: AppState) -> [String] {
        var grid = CellGrid(width: app.width, height: app.height)
        render(app, into: &grid)
        var surface = RecordingSurface(width: app.width, height: app.height)
        var writer = ScreenWriter(unicode: app.capabilities.unicode, colorPairs: ColorPairs(mode: .full, limit: 65536, defaultColors: true))
        writer.draw(grid, on: &surface)
        return surface.text
    }

    /// A few epochs trained, so the chart, the counters and the pictures are those of a run.
    static func trained(_ app: inout AppState, epochs: Int = 25) {
        _ = update(&app, .train(epochs: epochs))
    }

    func check(_ name: String, _ app: AppState, file: StaticString = #filePath, line: UInt = #line) throws {
        let lines = Self.shown(app)
        let url = Self.directory.appendingPathComponent(name + ".txt")
        let text = lines.joined(separator: "\n") + "\n"
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("recorded \(url.path): review it (git diff), commit it, then run without RECORD_SNAPSHOTS", file: file, line: line)
            return
        }
        guard let snapshot = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no snapshot \(url.path): record it with RECORD_SNAPSHOTS=1", file: file, line: line)
        }
        let expected = snapshot.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(expected.count, lines.count, "\(name): rows", file: file, line: line)
        for (row, (want, got)) in zip(expected, lines).enumerated() where want != got {
            XCTFail("\(name).txt row \(row + 1) differs (RECORD_SNAPSHOTS=1 re-records if intended):\n  snapshot: \(want)\n  screen:   \(got)",
                    file: file, line: line)
        }
    }

    func testPlayingField80x24() throws {
        var app = makeApp(width: 80, height: 24)
        Self.trained(&app)
        try check("playing-80x24", app)
    }

    func testPlayingField120x40() throws {
        var app = makeApp(width: 120, height: 40)
        Self.trained(&app)
        try check("playing-120x40", app)
    }

    func testHelp80x24() throws {
        var app = makeApp(width: 80, height: 24)
        press("?", &app)
        try check("help-80x24", app)
    }

    func testHelp120x40() throws {
        var app = makeApp(width: 120, height: 40)
        press("?", &app)
        try check("help-120x40", app)
    }

    func testGradientHealthPanel120x40() throws {
        var app = makeApp("dataset=spiral&networkShape=8,8,8", width: 120, height: 40)
        press("h", &app)
        Self.trained(&app)
        try check("health-120x40", app)
    }

    func testGradientHealthPanel80x24() throws {
        var app = makeApp(width: 80, height: 24)
        press("h", &app)
        Self.trained(&app)
        try check("health-80x24", app)
    }

    func testLesson1At80x24() throws {
        var app = makeApp(width: 80, height: 24)
        press("o", &app)
        press("1", &app)
        press(.right, &app)
        press(.right, &app)
        try check("lesson1-80x24", app)
    }

    func testLesson2At80x24() throws {
        var app = makeApp(width: 80, height: 24)
        press("o", &app)
        press("2", &app)
        press(.right, &app)
        try check("lesson2-80x24", app)
    }

    func testInspecting120x40() throws {
        var app = makeApp(width: 120, height: 40)
        Self.trained(&app)
        press("i", &app)
        try check("inspecting-120x40", app)
    }

    func testDrawing80x24() throws {
        var app = makeApp(width: 80, height: 24)
        press("m", &app)
        try check("drawing-80x24", app)
    }
}
