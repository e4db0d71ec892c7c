import Foundation
import XCTest

/// Issue 18 in a real terminal at 80×24: train, step back with `{`, see the past on the top line,
/// the footer and the stats, branch with a lower learning rate (a ghost stays), rewind with `R`.
final class TimeTravelScreenTests: EndToEndTestCase {
    /// The number after "Epoch" in the stats.
    static func epoch(_ screen: Screen) -> Int? {
        guard let line = screen.lines.first(where: { $0.contains(" Epoch ") }) else { return nil }
        return line.split(separator: " ").last.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) }
    }

    func testScrubBranchAndRewind() throws {
        let session = try start(width: 80, height: 24, arguments: ["--state", "seed=0.12345&dataset=spiral"])
        try waitForText(session, "Training loss", "paused")
        try session.send("Space")
        try waitForScreen(session, "60 epochs trained") { (Self.epoch($0) ?? 0) >= 60 }
        try session.send("Space")
        let paused = try waitForScreen(session, "paused, the epoch still") { screen in
            screen.lines[0].contains("paused") && Self.epoch(screen) == Self.epoch(Screen(try! session.capture()))
        }
        let now = try XCTUnwrap(Self.epoch(paused))

        // Ten kept epochs back (every one of the last 256 is kept): everything says now - 10.
        try session.type("{{{{{{{{{{")
        let past = try waitForScreen(session, "the top line at epoch \(now - 10) of \(now)") {
            $0.lines[0].contains("past") && $0.lines[0].contains("epoch \(now - 10) of \(now)")
        }
        XCTAssertEqual(Self.epoch(past), now - 10, past.text)
        XCTAssertTrue(past.lines[0].contains("End"), "how to return:\n\(past.text)")
        XCTAssertTrue(past.lines[23].contains("continue from"), "what Space will do:\n\(past.text)")
        XCTAssertTrue(past.lines[22].contains("│ \(now - 10): 0."), "the chart's epoch and losses:\n\(past.text)")

        // A lower learning rate there: the run continues from that epoch, the top line is back to now.
        try session.type("l")
        let branched = try waitForScreen(session, "the branch at \(now - 10)") {
            !$0.lines[0].contains(" past ") && Self.epoch($0) == now - 10 && $0.contains("0.01")
        }
        XCTAssertTrue(branched.contains("continued from epoch \(now - 10)"), branched.text)

        // R: back to epoch 0, the same weights (the status says so).
        try session.type("R")
        let rewound = try waitForScreen(session, "epoch 0 again") { Self.epoch($0) == 0 && $0.contains("same weights") }
        XCTAssertFalse(rewound.contains("too small"))
    }
}
