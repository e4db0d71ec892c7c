import Foundation
import XCTest

/// Your own data, end to end: draw points with the mouse, watch them and the losses, save the
/// session (a failed write and an existing file on the way), quit, resume at the same epoch.
final class DrawAndResumeTests: EndToEndTestCase {
    /// Batch size 1: with five training points a batch of 10 never fills in an epoch, and TF
    /// (like this app) then never updates the weights.
    static let drawState = "dataset=circle&showTestData=true&batchSize=1&seed=0.12345"

    func testDrawTenPointsTrainSaveQuitAndResumeAtTheSameEpochAndLosses() throws {
        let session = try start(arguments: ["--state", Self.drawState])
        let start = try waitForText(session, "Training loss", "Output")
        guard let (titleColumn, titleRow) = PlaygroundScreenTests.position(of: "Output", in: start) else {
            return XCTFail("no Output title")
        }
        // The map starts under its title (" Output " is drawn from the panel's left edge).
        let mapX = titleColumn - 1, mapY = titleRow + 1

        // The drawing mode, every point cleared.
        try session.type("m")
        try waitForText(session, "Draw: + blue")
        try session.type("C")
        try waitForText(session, "clear all")
        try session.type("y")
        try waitForText(session, "Data set", "Custom", "n/a: custom")

        // Five blue points on one row, five orange ones on another: clicks as SGR mouse reports.
        func click(_ x: Int, _ y: Int) throws {
            try session.type("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
        }
        let columns = [2, 5, 8, 11, 14].map { mapX + $0 }
        for x in columns { try click(x, mapY + 2) }
        try waitForText(session, "5 points")
        try session.type("-")
        try waitForText(session, "orange")
        for x in columns { try click(x, mapY + 8) }
        try waitForText(session, "10 points")
        try session.send("Escape")  // the crosshair goes, the points stay
        let drawn = try waitForScreen(session, "the map without the crosshair") { !$0.contains("Draw:") && !$0.contains("╋") }
        let blue: Set<Character> = ["+", "⊞"], orange: Set<Character> = ["−", "⊟"]
        for x in columns {
            XCTAssertTrue(blue.contains(Array(drawn.lines[mapY + 2])[x]), "a blue point at \(x): \(drawn.lines[mapY + 2])")
            XCTAssertTrue(orange.contains(Array(drawn.lines[mapY + 8])[x]), "an orange point at \(x): \(drawn.lines[mapY + 8])")
        }
        let drawnLoss = drawn.numbers(after: "Training loss", decimals: true)
        XCTAssertEqual(drawnLoss.count, 1)
        XCTAssertNotEqual(drawnLoss.first, 0, "ten points, some loss")

        // Train a while: the losses change.
        try session.send("Space")
        try waitForScreen(session, "the training loss to change") { screen in
            let loss = screen.numbers(after: "Training loss", decimals: true)
            return !loss.isEmpty && loss != drawnLoss && (screen.numbers(after: "Epoch").first ?? 0) > 50
        }
        try session.send("Space")
        let paused = try waitForText(session, "paused")

        // A write that fails says why, and the app runs on.
        func save(to path: String) throws {
            try session.type("S")
            try waitForText(session, "Save the session as:")
            for _ in 0..<"playground-session.json".count { try session.send("BSpace") }
            try session.type(path)
            try session.send("Enter")
        }
        try save(to: "/nonexistent-folder/s.json")
        try waitForText(session, "cannot write /nonexistent-folder/s.json: No such file or directory")

        // A save, then a second to the same file: asked first, and "n" keeps the file. The file
        // is found by the write itself (a `link` that refuses a taken name), not by a check
        // before it: a publish by `rename` would replace the file here without asking.
        let path = session.directory.appendingPathComponent("run.json").path
        try save(to: path)
        try waitForText(session, "saved the session at epoch")
        let saved = try Data(contentsOf: URL(fileURLWithPath: path))
        try save(to: path)
        try waitForText(session, "exists: overwrite?")
        try session.type("n")
        try waitForText(session, "nothing changed")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), saved)

        let epoch = paused.numbers(after: "Epoch")
        let losses = [paused.numbers(after: "Training loss", decimals: true), paused.numbers(after: "Test loss", decimals: true)]
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)

        let resumed = try self.start(arguments: ["--resume", path])
        let screen = try waitForText(resumed, "Training loss", "Custom")
        XCTAssertEqual(screen.numbers(after: "Epoch"), epoch)
        XCTAssertEqual([screen.numbers(after: "Training loss", decimals: true), screen.numbers(after: "Test loss", decimals: true)],
                       losses)
        for x in columns {
            XCTAssertTrue(blue.contains(Array(screen.lines[mapY + 2])[x]), "the blue point at \(x) after resuming")
        }
    }
}
