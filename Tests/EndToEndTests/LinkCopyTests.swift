import Foundation
import XCTest

/// The link survives copying: `c` shows it on one scrolling row and, whole, as one line the
/// terminal wrapped; mouse reporting is off while the box is open; OSC 52 reaches tmux's
/// clipboard; the link is on the screen after a quit; and the wrapped text pasted into
/// `train --state` trains exactly as the original settings do.
final class LinkCopyTests: EndToEndTestCase {
    /// `EndToEndTestCase.state` as TF writes it.
    static let link = "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
        + "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false"
        + "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false"
        + "&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false"

    /// The pane's text with wrapped lines joined, as a selection over them copies it (`-J`).
    func joinedCapture(_ session: TmuxSession) throws -> [String] {
        try session.command(["capture-pane", "-p", "-J", "-t", "t"]).components(separatedBy: "\n")
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    func testTheLinkBoxCopiesTheLinkWholeAndTurnsTheMouseOffWhileOpen() throws {
        let session = try start(width: 80, height: 24)
        // tmux takes OSC 52 from the app into a paste buffer only with set-clipboard on.
        try session.command(["set-option", "-g", "set-clipboard", "on"])
        try waitForText(session, "epoch")
        try assertScreenTaken(session)

        try session.type("c")
        var screen = try waitForText(session, "TensorFlow Playground link", "chars 1–80 of 403")
        XCTAssertEqual(try session.format("#{mouse_any_flag} #{mouse_sgr_flag}"), "0 0", "mouse reporting off in the box")
        // The one-row view: the link's first 80 characters, on a row of their own.
        XCTAssertTrue(screen.lines.contains(String(Self.link.prefix(80))), screen.text)
        // The whole link: separate rows on the screen, one line to a selection.
        let rows = screen.lines.drop { $0 != String(Self.link.prefix(80)) }.dropFirst()
            .drop { $0 != String(Self.link.prefix(80)) }.prefix(6)
        XCTAssertEqual(rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(), Self.link, screen.text)
        XCTAssertTrue(try joinedCapture(session).contains(Self.link), "a selection over the rows copies the link whole")
        XCTAssertEqual(try session.command(["show-buffer"]), Self.link, "OSC 52 put the link on tmux's clipboard")

        try session.send("Right")
        screen = try waitForText(session, "◀ chars 61–140 of 403 ▶")
        XCTAssertTrue(screen.lines.contains(String(Self.link.dropFirst(60).prefix(80))), screen.text)
        try session.send("End")
        try waitForText(session, "◀ chars 324–403 of 403")
        XCTAssertEqual(try session.format("#{mouse_any_flag}"), "0", "still off while scrolling")

        try session.send("Escape")
        try waitForScreen(session, "the box to close") { !$0.contains("TensorFlow Playground link") }
        try assertScreenTaken(session)

        // Pasting the wrapped rows (line breaks and indentation inside) trains as the link does.
        let pasted = rows.map { "    " + $0 }.joined(separator: "\n") + "\n"
        let original = try Shell.run(binary(), ["train", "--state", Self.state, "--epochs", "30"])
        let fromPaste = try Shell.run(binary(), ["train", "--state", pasted, "--epochs", "30"])
        XCTAssertEqual(original.status, 0, original.error)
        XCTAssertEqual(fromPaste.status, 0, fromPaste.error)
        // `train` writes the state line on standard error and the losses on standard output.
        XCTAssertEqual(original.error, "state: " + Self.link.dropFirst("https://playground.tensorflow.org/#".count) + "\n")
        XCTAssertEqual(original.output.components(separatedBy: "\n").count, 33, "header, epochs 0–30, end")
        XCTAssertEqual(fromPaste.error, original.error, "the same state line")
        XCTAssertEqual(fromPaste.output, original.output, "the same losses")

        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
        try waitForText(session, TmuxSession.exitMarker, whileRunning: false)
        try assertScreenGivenBack(session)
        let after = try joinedCapture(session)
        let printed = try XCTUnwrap(after.firstIndex(of: Self.link), "the link is printed after the quit:\n\(after.joined(separator: "\n"))")
        XCTAssertEqual(after[printed + 1], TmuxSession.exitMarker, "the link is the app's last line")
        XCTAssertEqual(session.standardError, "")
    }

    func testASignalEndsTheAppWithoutPrintingTheLink() throws {
        let session = try start(width: 80, height: 24)
        try waitForText(session, "epoch")
        try session.type("c")
        try waitForText(session, "TensorFlow Playground link")
        try signal(session, SIGTERM)
        XCTAssertEqual(waitForExit(session), 143)
        try assertTerminalRestored(session)
        XCTAssertFalse(try joinedCapture(session).contains { $0.contains("https://") }, "no link after a signal")
    }
}
